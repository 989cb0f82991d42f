/**
 * The keyboard: label keys tag the selection, Delete/Backspace delete the selected annotation,
 * A starts attributing it to a source, Escape backs out, Ctrl/Cmd+Z undoes and Shift+Ctrl/Cmd+Z or
 * Ctrl+Y redoes; review mode has keys of its own (review-keys.ts). One listener on the window, in the capture phase, so the keys are handled before
 * the text view sees them. None of them fire while focus is in a field where keys type (there,
 * Ctrl+Z undoes typing); in a select or checkbox only undo and redo do.
 */
import { isFormField, isTextEntry } from './key-targets'
import { handleReviewKey } from './review-keys'
import type { Session } from './session'

/** Whether a modal dialog is open (its own keys apply then). */
function dialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null
}

/** Handle one key press; returns true when it was a shortcut. */
function handle(session: Session, e: KeyboardEvent): boolean {
  const view = session.store.get().view
  if (view === 'review') return handleReviewKey(session, e)
  if (view !== 'annotate') return false
  const c = session.commands
  const mod = e.ctrlKey || e.metaKey
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key
  if (mod && !e.altKey) {
    if (isTextEntry(e.target)) return false
    if (key === 'z' && !e.shiftKey) return (c.undo(), true)
    if ((key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey && e.ctrlKey)) return (c.redo(), true)
    return false
  }
  if (e.altKey || e.ctrlKey || e.metaKey || isFormField(e.target)) return false
  if (key === 'Escape') return c.escape()
  const state = session.store.get()
  if (!state.layer) return false
  if ((key === 'Delete' || key === 'Backspace') && state.selectedId !== null) return (c.remove(state.selectedId), true)
  const label = state.info?.project?.labels.find((l) => l.key.toLowerCase() === key)
  if (label) return (c.tag(label.id), true)
  if (key === 'a') return (c.startLinking(), true)
  // n and p move between units in review mode; swallow them here so they do nothing surprising.
  return key === 'n' || key === 'p'
}

/** Listen for shortcuts on the window; returns the function that stops listening. */
export function installShortcuts(session: Session): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing || dialogOpen()) return
    if (handle(session, e)) {
      e.preventDefault()
      e.stopPropagation()
    }
  }
  window.addEventListener('keydown', onKey, true)
  return () => window.removeEventListener('keydown', onKey, true)
}
