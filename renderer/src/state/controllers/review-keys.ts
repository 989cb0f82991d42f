/**
 * The keyboard in review mode, where the label keys mean nothing: n / p go to the next / previous
 * unsettled disagreement, 1–9 accept the version of the nth annotator compared (the same number in
 * every unit; a unit without their version takes nothing), x rejects them all, e edits, r
 * reopens a settled unit, Escape closes the edit form, Ctrl/Cmd+Z takes back the last review
 * action (a decision, or a whole “Accept all agreed”) and Shift+Ctrl/Cmd+Z or Ctrl+Y does it again. The cards and buttons show these keys.
 */
import type { Session } from './session'
import { isTextEntry } from './key-targets'

/** The keys of review mode, as the buttons show them. */
export const REVIEW_KEYS = { next: 'n', previous: 'p', reject: 'x', edit: 'e', reopen: 'r' } as const

/** Handle one key press in review mode; returns true when it was a shortcut. */
export function handleReviewKey(session: Session, e: KeyboardEvent): boolean {
  const r = session.reviewing
  const state = session.store.get()
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key
  if (e.ctrlKey || e.metaKey) {
    if (isTextEntry(e.target) || e.altKey) return false
    if (key === 'z' && !e.shiftKey) return (r.undoLast(), true)
    if ((key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey && e.ctrlKey)) return (r.redoLast(), true)
    return false
  }
  // Buttons and checkboxes take no letters, so the keys work right after clicking one.
  if (e.altKey || isTextEntry(e.target) || e.target instanceof HTMLSelectElement) return false
  if (key === 'Escape') {
    if (state.editing === null) return false
    return (r.select(state.unit, false), true)
  }
  const model = state.review
  if (!model) return false
  if (key === REVIEW_KEYS.next) return (r.step(1), true)
  if (key === REVIEW_KEYS.previous) return (r.step(-1), true)
  const i = state.unit === null ? undefined : model.indexOf.get(state.unit)
  const unit = i === undefined ? undefined : model.units[i]
  if (!unit || state.stale) return false
  const settled = model.decisions.has(unit.key)
  if (/^[1-9]$/.test(key)) {
    // A number is always the same annotator's (their place among those compared), in every unit.
    const annotator = model.annotators[Number(key) - 1]
    if (annotator === undefined) return false
    const member = unit.members.find((m) => m.annotator === annotator)
    if (!member) return (session.commands.hint(`${annotator} has no version in this unit; nothing was accepted.`), true)
    return (r.decide(unit.key, { action: 'accept', annotator }), true)
  }
  if (key === REVIEW_KEYS.reject) return (r.decide(unit.key, { action: 'reject' }), true)
  if (key === REVIEW_KEYS.edit) return (session.store.set({ editing: unit.key }), true)
  if (key === REVIEW_KEYS.reopen && settled) return (r.decide(unit.key, { action: 'reopen' }), true)
  return false
}
