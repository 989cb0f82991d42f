/**
 * The flash layer: a brief glow over a span when the side panel jumps to it, so the eye finds it
 * after the scroll. At most one decoration, over exactly the annotation's range (so it adds no
 * boundaries its own highlight does not already have); rebuilt when it changes.
 */
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'

const key = new PluginKey<DecorationSet>('mg-flash')

/** The flash plugin. */
export function flashLayer(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, prev) {
        const range = tr.getMeta(key) as { from: number; to: number } | null | undefined
        if (range === undefined) return prev
        if (range === null || range.to <= range.from) return DecorationSet.empty
        return DecorationSet.create(tr.doc, [Decoration.inline(range.from, range.to, { nodeName: 'span', class: 'mg-flash' })])
      },
    },
    props: {
      decorations: (state) => key.getState(state),
    },
  })
}

/** Flash this range (null ends the flash). */
export function setFlash(tr: Transaction, range: { from: number; to: number } | null): Transaction {
  return tr.setMeta(key, range)
}
