/**
 * The focus layer, drawn over the highlights: the selected annotation (a frame: lines above and
 * below the text plus caps at its first and last character, which stay whole where other
 * highlights split the span into pieces) and a short flash when the side panel jumps to a span.
 * It holds at most a handful of decorations, so it is simply rebuilt when it changes.
 */
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'

/** Editor positions of a span and of its first and last character. */
export interface FocusSpan {
  from: number
  to: number
  /** End of the first character. */
  firstTo: number
  /** Start of the last character. */
  lastFrom: number
}

interface FocusState {
  selected: FocusSpan | null
  flash: FocusSpan | null
  set: DecorationSet
}

/** What one transaction changes in the focus layer; absent fields stay as they are. */
export interface FocusChange {
  selected?: FocusSpan | null
  flash?: FocusSpan | null
}

const key = new PluginKey<FocusState>('mg-focus')

function inline(from: number, to: number, cls: string): Decoration[] {
  return to > from ? [Decoration.inline(from, to, { nodeName: 'span', class: cls })] : []
}

/** The focus plugin. */
export function focusLayer(): Plugin<FocusState> {
  return new Plugin<FocusState>({
    key,
    state: {
      init: () => ({ selected: null, flash: null, set: DecorationSet.empty }),
      apply(tr, prev) {
        const change = tr.getMeta(key) as FocusChange | undefined
        if (!change) return prev
        const selected = change.selected === undefined ? prev.selected : change.selected
        const flash = change.flash === undefined ? prev.flash : change.flash
        const decos: Decoration[] = []
        if (selected) {
          decos.push(...inline(selected.from, selected.to, 'mg-selected'))
          decos.push(...inline(selected.from, selected.firstTo, 'mg-selected-start'))
          decos.push(...inline(selected.lastFrom, selected.to, 'mg-selected-end'))
        }
        if (flash) decos.push(...inline(flash.from, flash.to, 'mg-flash'))
        return { selected, flash, set: DecorationSet.create(tr.doc, decos) }
      },
    },
    props: {
      decorations: (state) => key.getState(state)?.set,
    },
  })
}

/** Record a focus change on a transaction. */
export function changeFocus(tr: Transaction, change: FocusChange): Transaction {
  return tr.setMeta(key, change)
}
