/**
 * The highlight layer: one inline decoration per annotation and paragraph, drawn only for the
 * paragraphs near the viewport. Every live span is kept in a per-paragraph index (each span in
 * every paragraph it touches); the plugin's DecorationSet holds only the decorations of a
 * contiguous range of paragraphs, the *drawn range*, which the document view moves as the text
 * scrolls (`drawParagraphs`). A book-length text with tens of thousands of annotations thus
 * opens, and patches on every change, with a few hundred highlight elements in the page instead
 * of tens of thousands. Adding, removing or selecting an annotation touches the decoration set
 * only where the annotation's paragraphs are drawn; hit-testing (`highlightsBetween`) reads the
 * index, so it sees every annotation, drawn or not.
 *
 * Each decoration gets its own wrapper element (`nodeName: 'span'`), so overlapping annotations
 * nest instead of merging their classes: two claims over the same words are two tinted spans, and
 * the tint deepens where they overlap. The selected annotation is drawn by swapping its own
 * decorations for ones with an extra class, which adds no new boundaries to the text. A span over
 * several paragraphs is drawn as one decoration per paragraph.
 */
import type { Node } from 'prosemirror-model'
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import { ParagraphIndex } from './paragraphs'
import { compareSpans, type HighlightSpan } from './spans'

/** Paragraphs drawn when a view starts at the top of its text, before it has measured anything. */
export const INITIAL_DRAWN = 40

/** A range of paragraphs, by index, end-exclusive. */
export interface ParagraphRange {
  from: number
  to: number
}

interface HighlightState {
  set: DecorationSet
  paragraphs: ParagraphIndex
  /** The live spans touching each paragraph, by paragraph index (copied on write). */
  byParagraph: readonly (readonly HighlightSpan[])[]
  /** The paragraphs whose highlights are in `set`. */
  drawn: ParagraphRange
  /** The selected annotation's span. */
  selected: HighlightSpan | null
}

/** The annotations' layer; other layers (find hits) are made with `highlightLayer`. */
const key = new PluginKey<HighlightState>('mg-highlights')

/** What one transaction changes in the highlight layer. */
export interface HighlightChange {
  add?: readonly HighlightSpan[]
  remove?: readonly HighlightSpan[]
  /** Select this annotation (its live span), or none; absent leaves the selection as it is. */
  select?: HighlightSpan | null
  /** Draw the highlights of these paragraphs (and only these). */
  draw?: ParagraphRange
  /** Replace every span of the layer with these (find hits: thousands at once), before the rest. */
  replaceAll?: readonly HighlightSpan[]
}

/** The classes every highlight of a label carries (or, for a span with its own classes, those). */
export function highlightClass(label: string, selected = false, classes?: string): string {
  const base = classes === undefined ? `mg-hl mg-hl-${label}` : `mg-hl ${classes}`
  return selected ? `${base} mg-selected` : base
}

function attrsOf(span: HighlightSpan, selected: boolean) {
  return { nodeName: 'span', class: highlightClass(span.label, selected, span.classes) }
}

/** The decoration that draws a span's piece in paragraph `i`, if it has one. */
function decorationIn(paragraphs: ParagraphIndex, i: number, span: HighlightSpan, selected: boolean): Decoration | null {
  const from = Math.max(span.from, paragraphs.start(i))
  const to = Math.min(span.to, paragraphs.end(i))
  return to > from ? Decoration.inline(from, to, attrsOf(span, selected), span) : null
}

/** The decorations of paragraphs [from, to), in text order. */
function decorationsOfRange(
  st: Pick<HighlightState, 'paragraphs' | 'byParagraph'>,
  range: ParagraphRange,
  selected: HighlightSpan | null,
): Decoration[] {
  const out: Decoration[] = []
  for (let i = range.from; i < range.to; i++) {
    for (const s of st.byParagraph[i] ?? []) {
      const d = decorationIn(st.paragraphs, i, s, s.id === selected?.id)
      if (d) out.push(d)
    }
  }
  return out
}

/** The drawn decorations of a span in the drawn range. */
function decorationsOfSpan(paragraphs: ParagraphIndex, drawn: ParagraphRange, span: HighlightSpan, selected: boolean): Decoration[] {
  const out: Decoration[] = []
  const [first, last] = paragraphs.touching(span.from, span.to)
  for (let i = Math.max(first, drawn.from); i <= last && i < drawn.to; i++) {
    const d = decorationIn(paragraphs, i, span, selected)
    if (d) out.push(d)
  }
  return out
}

function drawnOf(set: DecorationSet, span: HighlightSpan): Decoration[] {
  return set.find(span.from, span.to, (spec: HighlightSpan) => spec.id === span.id)
}

/** The per-paragraph index of spans, in text order within each paragraph. */
function indexSpans(paragraphs: ParagraphIndex, spans: readonly HighlightSpan[]): HighlightSpan[][] {
  const by: HighlightSpan[][] = Array.from({ length: paragraphs.count }, () => [])
  const sorted = spans.filter((s) => s.to > s.from).sort(compareSpans)
  for (const s of sorted) {
    const [first, last] = paragraphs.touching(s.from, s.to)
    for (let i = first; i <= last; i++) by[i]!.push(s)
  }
  return by
}

function clampRange(paragraphs: ParagraphIndex, range: ParagraphRange): ParagraphRange {
  const from = Math.max(0, Math.min(range.from, paragraphs.count))
  return { from, to: Math.max(from, Math.min(range.to, paragraphs.count)) }
}

/** The decoration set for the given paragraphs of a document's annotations. */
export function buildHighlightSet(
  doc: Node,
  spans: readonly HighlightSpan[],
  paragraphs = new ParagraphIndex(doc),
  range: ParagraphRange = { from: 0, to: paragraphs.count },
): DecorationSet {
  const byParagraph = indexSpans(paragraphs, spans)
  return DecorationSet.create(doc, decorationsOfRange({ paragraphs, byParagraph }, clampRange(paragraphs, range), null))
}

/** The highlight plugin, starting with the given spans and drawing the given paragraphs. */
export function highlights(
  initial: readonly HighlightSpan[],
  firstDrawn: ParagraphRange = { from: 0, to: INITIAL_DRAWN },
): Plugin<HighlightState> {
  return layerPlugin(key, initial, firstDrawn)
}

function layerPlugin(
  layerKey: PluginKey<HighlightState>,
  initial: readonly HighlightSpan[],
  firstDrawn: ParagraphRange,
): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: layerKey,
    state: {
      init: (_config, state) => {
        const paragraphs = new ParagraphIndex(state.doc)
        const byParagraph = indexSpans(paragraphs, initial)
        const range = clampRange(paragraphs, firstDrawn)
        const set = DecorationSet.create(state.doc, decorationsOfRange({ paragraphs, byParagraph }, range, null))
        return { set, paragraphs, byParagraph, drawn: range, selected: null }
      },
      apply(tr, prev) {
        const change = tr.getMeta(layerKey) as HighlightChange | undefined
        // The text never changes (see read-only.ts), so decorations never need mapping.
        if (!change) return prev
        if (change.replaceAll) {
          const byParagraph = indexSpans(prev.paragraphs, change.replaceAll)
          const set = DecorationSet.create(tr.doc, decorationsOfRange({ paragraphs: prev.paragraphs, byParagraph }, prev.drawn, null))
          prev = { ...prev, set, byParagraph, selected: null }
        }
        const { paragraphs } = prev
        let { set, drawn } = prev
        let byParagraph = prev.byParagraph
        const selected = change.select === undefined ? prev.selected : change.select
        const add: Decoration[] = []
        let dropped: Decoration[] = []

        if (change.remove?.length || change.add?.length) {
          const copy = byParagraph.slice()
          const touched = new Set<number>()
          for (const s of change.remove ?? []) {
            const [first, last] = paragraphs.touching(s.from, s.to)
            for (let i = first; i <= last; i++) {
              const list = touched.has(i) ? (copy[i] as HighlightSpan[]) : [...(copy[i] ?? [])]
              touched.add(i)
              const at = list.findIndex((x) => x.id === s.id)
              if (at >= 0) list.splice(at, 1)
              copy[i] = list
            }
            dropped.push(...drawnOf(set, s))
          }
          for (const s of change.add ?? []) {
            if (s.to <= s.from) continue
            const [first, last] = paragraphs.touching(s.from, s.to)
            for (let i = first; i <= last; i++) {
              const list = touched.has(i) ? (copy[i] as HighlightSpan[]) : [...(copy[i] ?? [])]
              touched.add(i)
              // Keep text order within the paragraph, so drawing it later nests as at the start.
              let at = list.length
              while (at > 0 && compareSpans(list[at - 1]!, s) > 0) at--
              list.splice(at, 0, s)
              copy[i] = list
            }
            add.push(...decorationsOfSpan(paragraphs, drawn, s, s.id === selected?.id))
          }
          byParagraph = copy
        }

        if (selected?.id !== prev.selected?.id) {
          // Swap the old selection's decorations for plain ones, and the new one's for marked ones.
          for (const [span, mark] of [
            [prev.selected, false],
            [selected, true],
          ] as const) {
            if (!span) continue
            const found = drawnOf(set, span).filter((d) => !dropped.includes(d))
            if (!found.length) continue
            // Redraw from the drawn span (the annotation may have been relabelled since it was selected).
            const live = found[0]!.spec as HighlightSpan
            if (change.remove?.some((r) => r.id === live.id)) continue
            dropped.push(...found)
            for (const d of found) add.push(Decoration.inline(d.from, d.to, attrsOf(live, mark), live))
          }
        }

        if (change.draw) {
          const next = clampRange(paragraphs, change.draw)
          if (next.from !== drawn.from || next.to !== drawn.to) {
            // Paragraphs leaving the drawn range lose their decorations; entering ones get theirs.
            const leaving: ParagraphRange[] = [
              { from: drawn.from, to: Math.min(drawn.to, next.from) },
              { from: Math.max(drawn.from, next.to), to: drawn.to },
            ]
            for (const r of leaving) {
              if (r.to > r.from) dropped.push(...set.find(paragraphs.start(r.from) - 1, paragraphs.end(r.to - 1) + 1))
            }
            const entering: ParagraphRange[] = [
              { from: next.from, to: Math.min(next.to, drawn.from) },
              { from: Math.max(next.from, drawn.to), to: next.to },
            ]
            if (next.to <= drawn.from || next.from >= drawn.to) entering.splice(0, 2, next)
            // Decorations added above for spans outside the new range are not needed.
            const inNext = (d: Decoration) => d.to > paragraphs.start(next.from) - 1 && d.from < paragraphs.end(next.to - 1) + 1
            for (let i = add.length - 1; i >= 0; i--) if (!inNext(add[i]!)) add.splice(i, 1)
            for (const r of entering) if (r.to > r.from) add.push(...decorationsOfRange({ paragraphs, byParagraph }, r, selected))
            drawn = next
          }
        }

        if (dropped.length) {
          dropped = [...new Set(dropped)]
          set = set.remove(dropped)
        }
        if (add.length) set = set.add(tr.doc, add)
        return { set, paragraphs, byParagraph, drawn, selected }
      },
    },
    props: {
      decorations: (state) => layerKey.getState(state)?.set,
    },
  })
}

/** Record a highlight change on a transaction. */
export function changeHighlights(tr: Transaction, change: HighlightChange): Transaction {
  return tr.setMeta(key, change)
}

/**
 * Another layer of highlights over the same text, drawn like the annotations (only near the
 * viewport, from a per-paragraph index of all its spans) but kept apart from them: clicking
 * never selects one, and replacing all of them at once is one change.
 */
export function highlightLayer(name: string) {
  const layerKey = new PluginKey<HighlightState>(name)
  return {
    plugin: (firstDrawn: ParagraphRange = { from: 0, to: INITIAL_DRAWN }) => layerPlugin(layerKey, [], firstDrawn),
    change: (tr: Transaction, change: HighlightChange) => tr.setMeta(layerKey, change),
    drawn: (state: EditorState): ParagraphRange => layerKey.getState(state)?.drawn ?? { from: 0, to: 0 },
  }
}

/** Which paragraphs' highlights are drawn. */
export function drawnParagraphs(state: EditorState): ParagraphRange {
  return key.getState(state)?.drawn ?? { from: 0, to: 0 }
}

/** The paragraph index (first and last paragraph touching a position range, and paragraph count). */
export function paragraphIndex(state: EditorState): ParagraphIndex | undefined {
  return key.getState(state)?.paragraphs
}

/** The annotations between two editor positions (including ones that only touch them), drawn or not, once each. */
export function highlightsBetween(state: EditorState, from: number, to: number): HighlightSpan[] {
  const st = key.getState(state)
  if (!st) return []
  const spans = new Map<string, HighlightSpan>()
  const [first, last] = st.paragraphs.touching(from, to)
  for (let i = first; i <= last; i++) {
    for (const s of st.byParagraph[i] ?? []) if (s.from <= to && s.to >= from) spans.set(s.id, s)
  }
  return [...spans.values()]
}
