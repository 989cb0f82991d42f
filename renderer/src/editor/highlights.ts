/**
 * The highlight layer: one inline decoration per annotation, kept in a plugin's state field as a
 * DecorationSet. The set is built once per document (from spans sorted by position) and then
 * changed one decoration at a time through transaction meta, so tagging a span patches only the
 * paragraph it touches. Each decoration gets its own wrapper element (`nodeName: 'span'`), so
 * overlapping annotations nest instead of merging their classes: two claims over the same words
 * are two tinted spans, and the tint deepens where they overlap. The selected annotation is drawn
 * by swapping its own decoration for one with an extra class, which adds no new boundaries to the
 * text (an overlay decoration would split every highlight it crosses). A span over several
 * paragraphs is drawn as one decoration per paragraph: decorations that cross paragraphs stay at
 * the top of the set, where the view re-examines them for every paragraph on every update.
 */
import type { Node } from 'prosemirror-model'
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import { ParagraphIndex } from './paragraphs'
import { compareSpans, type HighlightSpan } from './spans'

interface HighlightState {
  set: DecorationSet
  paragraphs: ParagraphIndex
  /** The selected annotation's span. */
  selected: HighlightSpan | null
}

const key = new PluginKey<HighlightState>('mg-highlights')

/** What one transaction changes in the highlight layer. */
export interface HighlightChange {
  add?: readonly HighlightSpan[]
  remove?: readonly HighlightSpan[]
  /** Select this annotation (its live span), or none; absent leaves the selection as it is. */
  select?: HighlightSpan | null
}

/** The classes every highlight of a label carries (or, for a span with its own classes, those). */
export function highlightClass(label: string, selected = false, classes?: string): string {
  const base = classes === undefined ? `mg-hl mg-hl-${label}` : `mg-hl ${classes}`
  return selected ? `${base} mg-selected` : base
}

/** The decorations that draw a span: one per paragraph it touches. */
function decorationsOf(paragraphs: ParagraphIndex, span: HighlightSpan, selected = false): Decoration[] {
  const attrs = { nodeName: 'span', class: highlightClass(span.label, selected, span.classes) }
  return paragraphs.pieces(span.from, span.to).map(([from, to]) => Decoration.inline(from, to, attrs, span))
}

function without(set: DecorationSet, spans: readonly HighlightSpan[]): DecorationSet {
  const found = spans.flatMap((s) => set.find(s.from, s.to, (spec: HighlightSpan) => spec.id === s.id))
  return found.length ? set.remove(found) : set
}

/** The decoration set for a document's annotations, built in one pass over spans in text order. */
export function buildHighlightSet(doc: Node, spans: readonly HighlightSpan[], paragraphs = new ParagraphIndex(doc)): DecorationSet {
  const sorted = spans.filter((s) => s.to > s.from).sort(compareSpans)
  return DecorationSet.create(doc, sorted.flatMap((s) => decorationsOf(paragraphs, s)))
}

/** The highlight plugin, starting with the given spans. */
export function highlights(initial: readonly HighlightSpan[]): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key,
    state: {
      init: (_config, state) => {
        const paragraphs = new ParagraphIndex(state.doc)
        return { set: buildHighlightSet(state.doc, initial, paragraphs), paragraphs, selected: null }
      },
      apply(tr, prev) {
        const change = tr.getMeta(key) as HighlightChange | undefined
        // The text never changes (see read-only.ts), so decorations never need mapping.
        if (!change) return prev
        let set = prev.set
        const selected = change.select === undefined ? prev.selected : change.select
        const add: Decoration[] = []
        if (change.remove?.length) set = without(set, change.remove)
        if (selected?.id !== prev.selected?.id) {
          // Swap the old selection's decoration for a plain one, and the new one's for a marked one.
          for (const [span, mark] of [[prev.selected, false], [selected, true]] as const) {
            if (!span) continue
            const found = set.find(span.from, span.to, (spec: HighlightSpan) => spec.id === span.id)
            if (!found.length) continue
            // Redraw from the drawn span (the annotation may have been relabelled since it was selected).
            add.push(...decorationsOf(prev.paragraphs, found[0]!.spec as HighlightSpan, mark))
            set = set.remove(found)
          }
        }
        for (const s of change.add ?? []) add.push(...decorationsOf(prev.paragraphs, s, s.id === selected?.id))
        if (add.length) set = set.add(tr.doc, add)
        return { set, paragraphs: prev.paragraphs, selected }
      },
    },
    props: {
      decorations: (state) => key.getState(state)?.set,
    },
  })
}

/** Record a highlight change on a transaction. */
export function changeHighlights(tr: Transaction, change: HighlightChange): Transaction {
  return tr.setMeta(key, change)
}

/** The annotations drawn between two editor positions (including ones that only touch them), once each. */
export function highlightsBetween(state: EditorState, from: number, to: number): HighlightSpan[] {
  const set = key.getState(state)?.set
  if (!set) return []
  const spans = new Map<string, HighlightSpan>()
  for (const d of set.find(from, to)) spans.set((d.spec as HighlightSpan).id, d.spec as HighlightSpan)
  return [...spans.values()]
}
