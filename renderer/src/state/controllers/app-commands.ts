/**
 * The application's menu commands, one line each: which menu, what it says, its keys, when it can
 * be chosen and what it does. The page's menu bar (browser mode) and the desktop's native menu are
 * both drawn from this list (state/model/menu-model.ts), and the accelerators work through
 * shortcuts.ts in both, so an item added here appears, with its keys, everywhere.
 */
import { matchesAccelerator, type KeyPress } from '../../../../shared/menu'
import { commandFor, type MenuCommand } from '../model/menu-model'
import type { SessionState } from '../model/session-state'
import { VIEWS } from '../model/views'
import type { Session } from './session'

/** A menu command of this app: it runs on the session. */
export type AppCommand = MenuCommand<(session: Session) => void>

const hasProject = (s: SessionState) => s.info?.project != null
const annotating = (s: SessionState) => s.view === 'annotate' && s.doc !== null && !s.doc.readOnly
const reviewing = (s: SessionState) => s.view === 'review' && s.review !== null
const hits = (s: SessionState) => s.view === 'annotate' && s.find.open && s.find.hits.length > 0

/** What the commands call that lives outside the session's controllers. */
export interface AppCommandOptions {
  /** Open the tag-set editor (Project → Labels…); without it, Labels… is shown but cannot be chosen. */
  openTagSet?: (session: Session) => void
}

/** Every menu command, in menu order. */
export function appCommands(options: AppCommandOptions = {}): readonly AppCommand[] {
  const { openTagSet } = options
  return [
    { id: 'project.new', menu: 'Project', label: 'New project…', run: (s) => s.shell.openDialog('create') },
    { id: 'project.open', menu: 'Project', label: 'Open project…', accelerator: 'CmdOrCtrl+O', run: (s) => void s.shell.openProject() },
    {
      id: 'project.recent',
      menu: 'Project',
      label: 'Open recent',
      empty: 'No recent projects',
      list: (st) =>
        (st.info?.recent ?? [])
          .filter((p) => p !== st.info?.project?.path)
          .map((path) => ({ label: path, run: (s) => void s.shell.openProject(path) })),
      run: () => undefined,
    },
    {
      id: 'project.importTexts',
      menu: 'Project',
      label: 'Import texts…',
      separator: true,
      enabled: (s) => hasProject(s) && s.importing === null,
      run: (s) => s.shell.pickTexts(),
    },
    {
      id: 'project.importAnnotations',
      menu: 'Project',
      label: 'Import annotations…',
      enabled: hasProject,
      run: (s) => s.shell.openDialog('annotations'),
    },
    { id: 'project.export', menu: 'Project', label: 'Export…', enabled: hasProject, run: (s) => s.shell.openDialog('export') },
    {
      id: 'project.labels',
      menu: 'Project',
      label: 'Labels…',
      separator: true,
      enabled: (s) => hasProject(s) && openTagSet !== undefined,
      run: (s) => openTagSet?.(s),
    },
    {
      id: 'project.backups',
      menu: 'Project',
      label: 'Backups…',
      separator: true,
      enabled: hasProject,
      run: (s) => s.shell.openDialog('backups'),
    },

    { id: 'edit.undo', menu: 'Edit', label: 'Undo', accelerator: 'CmdOrCtrl+Z', enabled: (s) => annotating(s) || reviewing(s), run: undo },
    {
      id: 'edit.redo',
      menu: 'Edit',
      label: 'Redo',
      accelerator: 'CmdOrCtrl+Shift+Z',
      enabled: (s) => annotating(s) || reviewing(s),
      run: redo,
    },
    {
      id: 'edit.suggest',
      menu: 'Edit',
      label: 'Suggest claims and sources',
      separator: true,
      enabled: annotating,
      run: (s) => void s.suggesting.run(),
    },
    {
      id: 'edit.find',
      menu: 'Edit',
      label: 'Find…',
      accelerator: 'CmdOrCtrl+F',
      separator: true,
      enabled: (s) => s.view === 'annotate' && s.doc !== null,
      run: (s) => s.finding.open(),
    },
    { id: 'edit.nextHit', menu: 'Edit', label: 'Select next hit', accelerator: 'F3', enabled: hits, run: (s) => s.finding.step(1) },
    {
      id: 'edit.previousHit',
      menu: 'Edit',
      label: 'Select previous hit',
      accelerator: 'Shift+F3',
      enabled: hits,
      run: (s) => s.finding.step(-1),
    },

    ...VIEWS.map((v): AppCommand => ({
      id: `view.${v.view}`,
      menu: 'View',
      label: v.name,
      checked: (s) => s.view === v.view,
      enabled: (s) => hasProject(s) && (!v.needsDocument || s.doc !== null),
      run: (s) => s.mode.setView(v.view),
    })),
    {
      id: 'view.themeSystem',
      menu: 'View',
      submenu: 'Theme',
      separator: true,
      label: 'System',
      checked: (s) => theme(s) === 'system',
      run: (s) => void s.shell.setTheme('system'),
    },
    {
      id: 'view.themeLight',
      menu: 'View',
      submenu: 'Theme',
      label: 'Light',
      checked: (s) => theme(s) === 'light',
      run: (s) => void s.shell.setTheme('light'),
    },
    {
      id: 'view.themeDark',
      menu: 'View',
      submenu: 'Theme',
      label: 'Dark',
      checked: (s) => theme(s) === 'dark',
      run: (s) => void s.shell.setTheme('dark'),
    },
    {
      id: 'view.textAroundView',
      menu: 'View',
      submenu: 'Text drawing',
      label: 'Lines around the view',
      checked: (s) => !wholeText(s),
      run: (s) => void s.setPreferences({ wholeText: false }),
    },
    {
      id: 'view.textWhole',
      menu: 'View',
      submenu: 'Text drawing',
      label: 'Whole text (for screen readers)',
      checked: (s) => wholeText(s),
      run: (s) => void s.setPreferences({ wholeText: true }),
    },

    { id: 'help.shortcuts', menu: 'Help', label: 'Keyboard shortcuts', accelerator: 'F1', run: (s) => s.shell.openDialog('shortcuts') },
    { id: 'help.about', menu: 'Help', label: 'About Marginalia', run: (s) => s.shell.openDialog('about') },
  ]
}

/** The menu commands with nothing from outside (Labels… disabled): the tests' and the help's list. */
export const APP_COMMANDS: readonly AppCommand[] = appCommands()

function theme(s: SessionState) {
  return s.info?.preferences.theme ?? 'system'
}

function wholeText(s: SessionState) {
  return s.info?.preferences.wholeText ?? false
}

function undo(s: Session): void {
  if (s.store.get().view === 'review') s.reviewing.undoLast()
  else s.commands.undo()
}

function redo(s: Session): void {
  if (s.store.get().view === 'review') s.reviewing.redoLast()
  else s.commands.redo()
}

/** Run the command of a chosen menu item (by its id); false when it cannot be chosen now. */
export function runCommand(session: Session, id: string, commands: readonly AppCommand[] = session.appCommands): boolean {
  const run = commandFor(commands, id, session.store.get())
  if (!run) return false
  run(session)
  return true
}

/**
 * The command whose accelerator this key press is, when it can be chosen now, or null. While
 * typing in a field the Edit menu's keys belong to the field (Ctrl+Z undoes the typing).
 */
export function commandForKey(
  state: SessionState,
  e: KeyPress,
  typing: boolean,
  isMac: boolean,
  commands: readonly AppCommand[] = APP_COMMANDS,
): AppCommand | null {
  const found = commands.find((c) => c.accelerator && matchesAccelerator(c.accelerator, e, isMac))
  if (!found || (typing && found.menu === 'Edit')) return null
  return !found.enabled || found.enabled(state) ? found : null
}

/** True on macOS, where CmdOrCtrl is Cmd. */
export function onMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform)
}
