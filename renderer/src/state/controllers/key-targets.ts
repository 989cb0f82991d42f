/**
 * Where a key press lands decides whether it is a shortcut: in a field where keys type, they type
 * (and Ctrl+Z undoes typing); in a select or checkbox, plain keys pick options. Shared by the
 * annotating and the review keyboards.
 */

const NOT_TYPED = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'range', 'color'])

/** True when keys pressed in this element type text (there, Ctrl+Z undoes typing, not annotations). */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement) || target.closest('.ProseMirror')) return false
  if (target instanceof HTMLInputElement) return !NOT_TYPED.has(target.type)
  return target instanceof HTMLTextAreaElement || target.isContentEditable
}

/** True when plain keys pressed in this element mean something to it (typing, picking an option). */
export function isFormField(target: EventTarget | null): boolean {
  return isTextEntry(target) || target instanceof HTMLSelectElement || target instanceof HTMLInputElement
}
