/**
 * The keyboard: label keys tag the selection, Delete/Backspace delete the selected annotation,
 * A starts attributing it to a source, Escape backs out, Ctrl/Cmd+Z undoes and Shift+Ctrl/Cmd+Z or
 * Ctrl+Y redoes, Alt+arrows move the selected annotation's start (Alt+Shift+arrows its end) by a
 * word or, with Ctrl too, a character, Alt+↓ and Alt+↑ select the next or previous annotation, while suggestions are shown Tab moves between them, Enter
 * accepts and Backspace rejects the one picked, and Alt+arrows move its ends before accepting it, Ctrl/Cmd+F finds (F3 steps through the hits; in the list of hits a label's key tags
 * the ticked ones or the current one); review mode has keys of its own (review-keys.ts); ? and F1 show them all. Then the menu
 * commands' accelerators (app-commands.ts), in every view. One listener on the window, in the
 * capture phase, so the keys are handled before the text view sees them. None of them fire while
 * focus is in a field where keys type (there, Ctrl+Z undoes typing) or in the menus or a drawer
 * (which have keys of their own); in a select or checkbox only undo and redo do.
 */
import { commandForKey, onMac } from './app-commands'
import { isFormField, isTextEntry } from './key-targets'
import { handleReviewKey } from './review-keys'
import type { Session } from './session'
import type { SessionState } from '../model/session-state'
import type { Annotation } from '../../../../shared/model/annotation'
import { neighbourOf } from '../model/annotation-set'

/** Whether a modal dialog is open (its own keys apply then). */
function dialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null
}

/** Whether the key press is in the menu bar, an open menu or a pulled-out drawer, whose keys are their own. */
function inMenus(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role=menubar], [role=menu], .drawer') !== null
}

/** Handle one key press; returns true when it was a shortcut. */
function handle(session: Session, e: KeyboardEvent): boolean {
  if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !isFormField(e.target)) return (session.shell.openDialog('shortcuts'), true)
  if (handleViewKey(session, e)) return true
  const command = commandForKey(session.store.get(), e, isTextEntry(e.target), onMac(), session.appCommands)
  return command ? (command.run(session), true) : false
}

/** The keys of the view shown. */
function handleViewKey(session: Session, e: KeyboardEvent): boolean {
  const now = session.store.get()
  const view = now.view
  if (view === 'review') return handleReviewKey(session, e)
  if (view !== 'annotate') return false
  const c = session.commands
  const mod = e.ctrlKey || e.metaKey
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key
  if (now.doc && mod && !e.altKey && !e.shiftKey && key === 'f') return (session.finding.open(), true)
  if (key === 'F3' && now.find.open) return (session.finding.step(e.shiftKey ? -1 : 1), true)
  if (mod && !e.altKey) {
    if (isTextEntry(e.target)) return false
    if (key === 'z' && !e.shiftKey) return (c.undo(), true)
    if ((key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey && e.ctrlKey)) return (c.redo(), true)
    return false
  }
  // Alt+arrows move the selected annotation's start, Alt+Shift+arrows its end, by a word (with Ctrl, a character).
  if (e.altKey && (key === 'ArrowLeft' || key === 'ArrowRight') && !e.metaKey && !isFormField(e.target) && now.selectedId !== null) {
    return (c.moveBoundary(now.selectedId, e.shiftKey ? 'end' : 'start', key === 'ArrowRight' ? 1 : -1, e.ctrlKey), true)
  }
  // The same keys on a picked suggestion move its boundaries before it is accepted.
  if (e.altKey && (key === 'ArrowLeft' || key === 'ArrowRight') && !e.metaKey && !isFormField(e.target) && suggestionPicked(now)) {
    return (session.suggesting.moveBoundary(e.shiftKey ? 'end' : 'start', key === 'ArrowRight' ? 1 : -1, e.ctrlKey), true)
  }
  // Alt+↓ and Alt+↑ select the next or previous annotation in the text (from the selected one, else from the caret) and bring it into view.
  if (
    e.altKey &&
    (key === 'ArrowDown' || key === 'ArrowUp') &&
    !e.metaKey &&
    !e.ctrlKey &&
    !e.shiftKey &&
    !isFormField(e.target) &&
    now.layer
  ) {
    const selected = now.selectedId === null ? null : (now.layer.byId.get(now.selectedId) ?? null)
    const caret = selected ? null : (session.work.surface?.caretOffset() ?? null)
    const down = key === 'ArrowDown'
    const next = neighbourOf(now.layer.order, selected, caret, down ? 1 : -1)
    if (next) c.select(next.id, true)
    else if (now.layer.order.length === 0) c.hint('This document has no annotations yet.')
    else c.hint(down ? 'No annotation after this one in the text.' : 'No annotation before this one in the text.')
    return true
  }
  if (!e.altKey && !e.ctrlKey && !e.metaKey && isFormField(e.target)) {
    const field = e.target as HTMLElement
    // Escape in a field of the selected annotation takes the keyboard back to the text (a select keeps it, to close its list).
    if (key === 'Escape' && !(field instanceof HTMLSelectElement) && field.closest('.annotation-editor') !== null) {
      return (session.work.surface?.focus(), true)
    }
    // A hit's tick box in the find list takes a label's key as its row does.
    const toggle = field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')
    if (toggle && field.closest('.find-results') !== null && now.layer && now.find.hits.length > 0) {
      const label = now.info?.project?.labels.find((l) => !l.retired && l.key !== '' && l.key.toLowerCase() === key)
      if (label) return (tagListedHits(session, label.id), true)
    }
  }
  if (e.altKey || e.ctrlKey || e.metaKey || isFormField(e.target)) return false
  if (key === 'Escape' && now.find.open && !now.linking) return (session.finding.close(), true)
  if (key === 'Escape') return c.escape()
  const state = session.store.get()
  if (!state.layer) return false
  if (handleSuggestionKey(session, e, key)) return true
  if ((key === 'Delete' || key === 'Backspace') && state.selectedId !== null) return (c.remove(state.selectedId), true)
  // Enter with the caret in a highlight selects it (the innermost), as a click on it does.
  if (key === 'Enter' && !e.shiftKey && e.target instanceof Element && e.target.closest('.ProseMirror') !== null) {
    const at = session.work.surface?.caretOffset() ?? null
    const hit = at === null ? undefined : innermostAt(state.layer.order, at)
    if (hit) return (c.select(hit.id), true)
  }
  const label = state.info?.project?.labels.find((l) => !l.retired && l.key !== '' && l.key.toLowerCase() === key)
  // In the list of hits, a label's key tags the ticked hits, or the current one. Not on the find
  // bar's buttons: a key pressed there after a click on Aa, meant for the field, tagged every hit at once.
  const inFind = e.target instanceof Element && e.target.closest('.find-results') !== null
  if (label && inFind && state.find.hits.length > 0) return (tagListedHits(session, label.id), true)
  if (label) return (c.tag(label.id), true)
  if (key === 'a') return (c.startLinking(), true)
  // n and p move between units in review mode; swallow them here so they do nothing surprising.
  return key === 'n' || key === 'p'
}

/**
 * A label's key in the list of hits: the ticked hits, or with none ticked the current one (the hit
 * whose row was clicked), as a key in the text tags only what is selected. Every hit at once is
 * Tag all…'s, which says how many before it tags them.
 */
function tagListedHits(session: Session, labelId: string): void {
  const { ticked, current } = session.store.get().find
  if (ticked.length > 0) return void session.finding.tag(labelId, {}, ticked)
  if (current !== null) return void session.finding.tag(labelId, {}, [current])
  session.store.set({ hint: { text: 'Click a hit or tick some to tag them with a key; Tag all… tags every hit.', tone: 'info' } })
}

/** A suggestion is picked on the open document and no annotation is selected. */
function suggestionPicked(state: SessionState): boolean {
  const s = state.suggest
  return s !== null && s.document === state.doc?.id && s.current !== null && state.selectedId === null
}

/**
 * While suggestions are shown: Tab and Shift+Tab move between them (from the text, not from the
 * toolbar or panels, whose Tab moves the focus as usual); with one picked and no annotation
 * selected, Enter accepts it and Backspace or Delete rejects it.
 */
function handleSuggestionKey(session: Session, e: KeyboardEvent, key: string): boolean {
  const state = session.store.get()
  const shown = state.suggest !== null && state.suggest.document === state.doc?.id && !state.suggest.notice
  if (!shown) return false
  const inText = e.target instanceof Element && (e.target.closest('.text-scroll') !== null || e.target === document.body)
  if (key === 'Tab' && inText) return (session.suggesting.step(e.shiftKey ? -1 : 1), true)
  // Enter on a button presses the button.
  const onButton = e.target instanceof Element && e.target.closest('button, a, summary') !== null
  if (state.suggest!.current === null || state.selectedId !== null || e.shiftKey || onButton) return false
  if (key === 'Enter') return (session.suggesting.accept(), true)
  if (key === 'Backspace' || key === 'Delete') return (session.suggesting.reject(), true)
  return false
}

/** Listen for shortcuts on the window; returns the function that stops listening. */
export function installShortcuts(session: Session): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing || dialogOpen() || inMenus(e.target)) return
    if (handle(session, e)) {
      e.preventDefault()
      e.stopPropagation()
    }
  }
  window.addEventListener('keydown', onKey, true)
  return () => window.removeEventListener('keydown', onKey, true)
}

/** The shortest annotation whose span holds `at` (a caret at its end counts), or undefined. */
function innermostAt(order: readonly Annotation[], at: number): Annotation | undefined {
  let best: Annotation | undefined
  for (const a of order) {
    const { start, end } = a.target.position
    if (start > at) break
    if (at <= end && (!best || end - start < best.target.position.end - best.target.position.start)) best = a
  }
  return best
}
