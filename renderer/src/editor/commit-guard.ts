/**
 * React DOM, before every commit, checks whether the focused element "has selection capabilities"
 * (`element.contentEditable === 'true'`) and, if so, walks every node inside it to turn the
 * selection into character offsets, and back after the commit. With the text view focused that
 * is a walk over the whole document (tens of thousands of nodes in a long text, ~70 ms) for every
 * update of the save indicator or side panel. The text view is not React's, so its selection
 * needs no saving: the element's own `contentEditable` property reports 'inherit' to anyone who
 * asks, while the attribute, which is what the browser and ProseMirror use, stays "true".
 */

/** Keep frameworks from walking this editable element's content on every render. */
export function hideEditableFromFrameworks(dom: HTMLElement): void {
  Object.defineProperty(dom, 'contentEditable', {
    configurable: true,
    get: () => 'inherit',
    set: (value: string) => {
      dom.setAttribute('contenteditable', String(value))
    },
  })
}
