/**
 * The highlight layer: one inline decoration per annotation, kept in a plugin's state field as a
 * DecorationSet. The set is built once per document (from spans sorted by position) and then
 * changed one decoration at a time through transaction meta, so tagging a span patches only the
 * paragraph it touches. Each decoration gets its own wrapper element (`nodeName: 'span'`), so
 * overlapping annotations nest instead of merging their classes: two claims over the same words
 * are two tinted spans, and the tint deepens where they overlap.
 */
import type { Node } from 'prosemirror-model'
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import { compareSpans, type HighlightSpan } from './spans'

const key = new PluginKey<DecorationSet>('mg-highlights')

/** What one transaction changes in the highlight layer. */
export interface HighlightChange {
  add?: readonly HighlightSpan[]
  remove?: readonly HighlightSpan[]
}

/** The classes every highlight of a label carries. */
export function highlightClass(label: string): string {
  return `mg-hl mg-hl-${label}`
}

function decorationOf(span: HighlightSpan): Decoration {
  return Decoration.inline(span.from, span.to, { nodeName: 'span', class: highlightClass(span.label) }, { ...span })
}

/** The decoration set for a document's annotations, built in one pass over spans in text order. */
export function buildHighlightSet(doc: Node, spans: readonly HighlightSpan[]): DecorationSet {
  const sorted = spans.filter((s) => s.to > s.from).sort(compareSpans)
  return DecorationSet.create(doc, sorted.map(decorationOf))
}

/** The highlight plugin, starting with the given spans. */
export function highlights(initial: readonly HighlightSpan[]): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: (_config, state) => buildHighlightSet(state.doc, initial),
      apply(tr, set) {
        const change = tr.getMeta(key) as HighlightChange | undefined
        let next = tr.docChanged ? set.map(tr.mapping, tr.doc) : set
        if (!change) return next
        if (change.remove?.length) {
          const found = change.remove.flatMap((s) => next.find(s.from, s.to, (spec: HighlightSpan) => spec.id === s.id))
          next = next.remove(found)
        }
        if (change.add?.length) next = next.add(tr.doc, change.add.filter((s) => s.to > s.from).map(decorationOf))
        return next
      },
    },
    props: {
      decorations: (state) => key.getState(state),
    },
  })
}

/** Record a highlight change on a transaction. */
export function changeHighlights(tr: Transaction, change: HighlightChange): Transaction {
  return tr.setMeta(key, change)
}

/** The spans drawn between two editor positions (including ones that only touch them). */
export function highlightsBetween(state: EditorState, from: number, to: number): HighlightSpan[] {
  const set = key.getState(state)
  if (!set) return []
  return set.find(from, to).map((d) => d.spec as HighlightSpan)
}
