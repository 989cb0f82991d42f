/**
 * The keys that must see the whole text, not the window the view draws (text-window.ts): the
 * browser's own select-all, Ctrl+Home and Ctrl+End would stop at the window's edge, and copy
 * (or dragging the selection out) would carry only the drawn lines. Every other key that moves the caret runs after the lines
 * around it are drawn, so the caret never steps over lines that are not in the page.
 */
import { Plugin } from 'prosemirror-state'

/** What the view does for these keys. */
export interface NavigationHandlers {
  /** Before a key moves the caret: draw the lines around it. */
  beforeMove(): void
  /** Ctrl/Cmd+A: select the whole text. */
  selectAll(): void
  /** Ctrl/Cmd+Home (with Shift: extend the selection). */
  toStart(extend: boolean): void
  /** Ctrl/Cmd+End (with Shift: extend the selection). */
  toEnd(extend: boolean): void
  /** Copy: true when the handler filled the clipboard. */
  copy(event: ClipboardEvent): boolean
  /** A selection dragged out (to another program): true when the handler gave it the text. */
  drag(event: DragEvent): boolean
}

const MOVES = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Home', 'End'])

/** The plugin that gives these keys the whole text. */
export function navigationKeys(on: NavigationHandlers): Plugin {
  return new Plugin({
    props: {
      handleKeyDown(_view, event) {
        const mod = event.ctrlKey || event.metaKey
        if (mod && !event.altKey && (event.key === 'a' || event.key === 'A') && !event.shiftKey) {
          on.selectAll()
          return true
        }
        if (mod && !event.altKey && (event.key === 'Home' || event.key === 'End')) {
          if (event.key === 'Home') on.toStart(event.shiftKey)
          else on.toEnd(event.shiftKey)
          return true
        }
        // Alt+arrows belong to the annotation's boundaries (shortcuts.ts), not the caret.
        if (MOVES.has(event.key) && !event.altKey) on.beforeMove()
        return false
      },
      handleDOMEvents: {
        copy: (_view, event) => on.copy(event),
        dragstart: (_view, event) => on.drag(event),
      },
    },
  })
}
