/**
 * Range layers: at most one decoration, over exactly one range, rebuilt when it changes. The
 * flash is a brief glow over a span when the side panel jumps to it, so the eye finds it after
 * the scroll; the unit mark shows which review unit is being decided (or the span an edit would
 * store). Over exactly the annotation's range, a flash adds no boundaries its own highlight does
 * not already have.
 */
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'

/** One range drawn with one class, and how to move it. */
export interface RangeLayer {
  readonly plugin: Plugin<DecorationSet>
  /** Draw the range (editor positions), or nothing for null. */
  set(tr: Transaction, range: { from: number; to: number } | null): Transaction
}

/** A layer that draws one range at a time with `className`. */
export function rangeLayer(name: string, className: string): RangeLayer {
  const key = new PluginKey<DecorationSet>(name)
  const plugin = new Plugin<DecorationSet>({
    key,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, prev) {
        const range = tr.getMeta(key) as { from: number; to: number } | null | undefined
        if (range === undefined) return prev
        if (range === null || range.to <= range.from) return DecorationSet.empty
        return DecorationSet.create(tr.doc, [Decoration.inline(range.from, range.to, { nodeName: 'span', class: className })])
      },
    },
    props: {
      decorations: (state) => key.getState(state),
    },
  })
  return { plugin, set: (tr, range) => tr.setMeta(key, range) }
}

const flash = rangeLayer('mg-flash', 'mg-flash')

/** The review unit being decided, or the span an edit would store. */
export const unitMark = rangeLayer('mg-unit', 'mg-unit')

/** The flash plugin. */
export function flashLayer(): Plugin<DecorationSet> {
  return flash.plugin
}

/** Flash this range (null ends the flash). */
export function setFlash(tr: Transaction, range: { from: number; to: number } | null): Transaction {
  return flash.set(tr, range)
}
