/**
 * Keeps the text as imported while the view stays editable, so the caret, Shift+arrow selection and
 * screen readers work as in any editor. Every transaction that would change the document is
 * refused, and the browser's own editing (typing, paste, drop, cut, IME) is stopped before it
 * touches the DOM; if something still slips into the DOM, the refused transaction leaves the view
 * to redraw the paragraph from the unchanged state.
 */
import { Plugin } from 'prosemirror-state'

const stop = (_view: unknown, event: Event) => {
  event.preventDefault()
  return true
}

/** The plugin that makes the document's content read-only. */
export function readOnly(): Plugin {
  return new Plugin({
    filterTransaction: (tr) => !tr.docChanged,
    props: {
      handleTextInput: () => true,
      handlePaste: () => true,
      handleDrop: () => true,
      handleDOMEvents: {
        beforeinput: stop,
        paste: stop,
        cut: stop,
        drop: (_view, event) => {
          // Files dropped on the text are an import: let the event reach the window's handler.
          event.preventDefault()
          return true
        },
      },
    },
  })
}
