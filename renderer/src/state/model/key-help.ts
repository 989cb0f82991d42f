/**
 * What the keyboard help (? or F1) lists: the keys of the view shown, then the menu commands'
 * accelerators and the keys that work everywhere. The keys themselves are handled in
 * controllers/shortcuts.ts and review-keys.ts; this says what they are in the user's words.
 */
import type { LabelDef } from '../../../../shared/model/labels'
import type { View } from './session-state'
import { VIEWS } from './views'

/** One line of the help: the keys (any of them) and what they do. */
export interface KeyLine {
  keys: string[]
  what: string
}

/** A titled group of lines. */
export interface KeySection {
  title: string
  lines: KeyLine[]
}

/** A menu command with keys, as the help shows it. */
export interface Accelerated {
  label: string
  keys: string
}

/** The review keys, as review-keys.ts handles them. */
export interface ReviewKeys {
  next: string
  previous: string
  reject: string
  edit: string
  reopen: string
}

/** The help for this view: its own keys first, then the menus' and the ones that work everywhere. */
export function keyHelp(
  view: View,
  labels: readonly LabelDef[],
  review: ReviewKeys,
  menus: readonly Accelerated[],
  mod: string,
  pageMenus: boolean,
): KeySection[] {
  const sections: KeySection[] = []
  if (view === 'annotate') {
    sections.push({
      title: 'Annotate',
      lines: [
        { keys: ['Shift+arrow keys'], what: 'Select text (click in the text first)' },
        ...labels.map((l) => ({ keys: [l.key], what: `Tag the selection as ${l.name}` })),
        { keys: ['Enter'], what: 'With the caret in a highlight: select it (the innermost)' },
        { keys: ['Alt+↓', 'Alt+↑'], what: 'Select the next / previous annotation in the text (from the selected one, or the caret)' },
        { keys: ['Delete', 'Backspace'], what: 'Delete the selected annotation' },
        {
          keys: ['A'],
          what: 'Attribute the selected annotation to a source: then click the source, or Enter on its row in the list (or choose it under Source)',
        },
        { keys: ['Escape'], what: 'Stop attributing, or deselect' },
        { keys: ['Alt+←', 'Alt+→'], what: 'Move the selected annotation’s start by a word' },
        { keys: ['Alt+Shift+←', 'Alt+Shift+→'], what: 'Move its end by a word' },
        { keys: ['Ctrl+Alt+←', 'Ctrl+Alt+→'], what: 'Move its start by a character (with Shift: its end)' },
        { keys: ['Tab', 'Shift+Tab'], what: 'With suggestions shown (Suggest): the next or previous suggestion' },
        { keys: ['Alt+←', 'Alt+→'], what: 'With a suggestion picked: move its start before accepting it (with Shift: its end)' },
        { keys: ['Enter'], what: 'Accept the suggestion picked into your layer (at the boundaries shown)' },
        { keys: ['Backspace', 'Delete'], what: 'Reject the suggestion picked (no annotation selected); it is not suggested again' },
        { keys: [`${mod}+Z`], what: 'Undo the last annotation change' },
        { keys: [`${mod}+Shift+Z`, 'Ctrl+Y'], what: 'Redo' },
      ],
    })
    sections.push({
      title: 'Find',
      lines: [
        { keys: [`${mod}+F`], what: 'Find in the text (the selected words, if any)' },
        { keys: ['Enter', 'Shift+Enter'], what: 'Next / previous hit (in the find field)' },
        { keys: ['F3', 'Shift+F3'], what: 'Next / previous hit' },
        { keys: labels.map((l) => l.key), what: 'In the list of find results: tag the ticked hits, or the current one' },
        { keys: ['Escape'], what: 'Close the find bar' },
      ],
    })
  } else if (view === 'review') {
    sections.push({
      title: 'Review',
      lines: [
        { keys: [review.next, review.previous], what: 'Next / previous open disagreement' },
        {
          keys: ['↓', '↑'],
          what: 'In the list of units: the next / previous unit (Home, End: the first, the last; Page Down, Page Up: a page on, back)',
        },
        { keys: ['1–9'], what: 'Accept the version of the first, second… annotator compared (the same number in every unit)' },
        { keys: [review.next], what: 'After a decision the next open disagreement is shown by itself: n would skip it' },
        { keys: [review.reject], what: 'Reject every version' },
        { keys: [review.edit], what: 'Edit the unit (Escape closes the form)' },
        { keys: [review.reopen], what: 'Reopen a settled unit' },
        { keys: [`${mod}+Z`], what: 'Take back the last review action' },
        { keys: [`${mod}+Shift+Z`, 'Ctrl+Y'], what: 'Do it again' },
      ],
    })
  } else {
    sections.push({
      title: VIEWS.find((v) => v.view === view)?.name ?? 'This view',
      lines: [{ keys: ['Tab', 'Shift+Tab'], what: 'This view has no keys of its own: move between its controls' }],
    })
  }
  sections.push({
    title: 'Menus',
    lines: [
      ...menus.map((m) => ({ keys: [m.keys], what: m.label })),
      ...(pageMenus ? [{ keys: ['F10'], what: 'Go to the menu bar; then arrow keys, Enter, Escape' }] : []),
    ],
  })
  sections.push({
    title: 'Everywhere',
    lines: [{ keys: ['?', 'F1'], what: 'This list of keys' }],
  })
  return sections
}
