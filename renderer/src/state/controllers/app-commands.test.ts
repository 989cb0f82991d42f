import { describe, expect, it } from 'vitest'
import type { AppInfo } from '../../../../shared/api'
import { MenuModel, type MenuItemModel } from '../../../../shared/menu'
import { commandFor, menuModel } from '../model/menu-model'
import { initialState, type SessionState } from '../model/session-state'
import { APP_COMMANDS, appCommands, commandForKey } from './app-commands'
import type { Session } from './session'

const info = {
  version: '0.1.0',
  host: 'browser',
  annotator: 'maria',
  suggestedAnnotator: 'maria',
  project: { name: 'P', path: '/p', labels: [], documentCount: 1 },
  recent: ['/p', '/q', '/r'],
  notice: null,
  remembered: null,
  preferences: { snapToWords: true, theme: 'dark', wholeText: false },
} as unknown as AppInfo

const withProject: SessionState = { ...initialState, phase: 'ready', info }
const noProject: SessionState = { ...initialState, phase: 'ready', info: { ...info, project: null } }

function labels(items: MenuItemModel[]): string[] {
  return items.map((i) => (i.type === 'separator' ? '—' : i.type === 'submenu' ? `${i.label} ▸` : i.label))
}

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
})

describe('the menu commands', () => {
  it('make the Project, Edit, View and Help menus in order, with separators and submenus', () => {
    const model = menuModel(APP_COMMANDS, withProject)
    expect(model.map((m) => m.name)).toEqual(['Project', 'Edit', 'View', 'Help'])
    expect(labels(model[0]!.items)).toEqual([
      'New project…',
      'Open project…',
      'Open recent ▸',
      '—',
      'Import texts…',
      'Import annotations…',
      'Export…',
      '—',
      'Labels…',
      '—',
      'Backups…',
    ])
    expect(labels(model[1]!.items)).toEqual([
      'Undo',
      'Redo',
      '—',
      'Suggest claims and sources',
      '—',
      'Find…',
      'Select next hit',
      'Select previous hit',
    ])
    expect(labels(model[2]!.items)).toEqual(['Annotate', 'Review', 'Agreement', 'Retrieve', 'Analysis', '—', 'Theme ▸', 'Text drawing ▸'])
    expect(labels(model[3]!.items)).toEqual(['Keyboard shortcuts', 'About Marginalia'])
  })

  it('is a menu the desktop shell accepts (every accelerator in its syntax)', () => {
    expect(() => MenuModel.parse(menuModel(APP_COMMANDS, withProject))).not.toThrow()
    expect(() => MenuModel.parse(menuModel(APP_COMMANDS, noProject))).not.toThrow()
  })

  it('lists the recent projects but the open one, and checks the view and theme shown', () => {
    const model = menuModel(APP_COMMANDS, withProject)
    const recent = model[0]!.items[2]!
    expect(recent.type === 'submenu' && recent.items.map((i) => i.type === 'command' && [i.id, i.label])).toEqual([
      ['project.recent#0', '/q'],
      ['project.recent#1', '/r'],
    ])
    const view = model[2]!.items
    expect(view.filter((i) => i.type === 'command' && i.checked).map((i) => i.type === 'command' && i.label)).toEqual(['Annotate'])
    const theme = view[6]!
    expect(theme.type === 'submenu' && theme.items.map((i) => i.type === 'command' && [i.label, i.checked])).toEqual([
      ['System', false],
      ['Light', false],
      ['Dark', true],
    ])
    const drawing = view[7]!
    expect(drawing.type === 'submenu' && drawing.items.map((i) => i.type === 'command' && [i.label, i.checked])).toEqual([
      ['Lines around the view', true],
      ['Whole text (for screen readers)', false],
    ])
    const empty = menuModel(APP_COMMANDS, { ...withProject, info: { ...info, recent: ['/p'] } })[0]!.items[2]!
    expect(empty.type === 'submenu' && empty.items).toEqual([
      { type: 'command', id: 'project.recent#none', label: 'No recent projects', accelerator: null, enabled: false, checked: null },
    ])
  })

  it('cannot import, export or review without a project, nor run what is disabled', () => {
    const items = menuModel(APP_COMMANDS, noProject).flatMap((m) => m.items)
    const enabled = (label: string) => items.find((i) => i.type === 'command' && i.label === label)
    for (const label of ['Import texts…', 'Import annotations…', 'Export…', 'Backups…', 'Review', 'Undo', 'Find…']) {
      expect(enabled(label), label).toMatchObject({ enabled: false })
    }
    expect(enabled('Open project…')).toMatchObject({ enabled: true })
    expect(commandFor(APP_COMMANDS, 'project.export', noProject)).toBeNull()
    expect(commandFor(APP_COMMANDS, 'project.export', withProject)).not.toBeNull()
    expect(commandFor(APP_COMMANDS, 'project.recent#1', withProject)).not.toBeNull()
    expect(commandFor(APP_COMMANDS, 'project.recent#7', withProject)).toBeNull()
    expect(commandFor(APP_COMMANDS, 'no.such', withProject)).toBeNull()
  })

  it('finds the command of an accelerator, Cmd on macOS, and leaves the Edit keys to a field being typed in', () => {
    expect(commandForKey(withProject, key('o', { ctrlKey: true }), false, false)?.id).toBe('project.open')
    expect(commandForKey(withProject, key('O', { ctrlKey: true }), true, false)?.id).toBe('project.open')
    expect(commandForKey(withProject, key('o', { metaKey: true }), false, true)?.id).toBe('project.open')
    expect(commandForKey(withProject, key('o', { ctrlKey: true }), false, true)).toBeNull()
    expect(commandForKey(withProject, key('F1'), false, false)?.id).toBe('help.shortcuts')
    const annotating = { ...withProject, doc: { id: 'd', text: 't', notice: null, pinned: null, readOnly: null } }
    expect(commandForKey(annotating, key('z', { ctrlKey: true }), false, false)?.id).toBe('edit.undo')
    expect(commandForKey(annotating, key('Z', { ctrlKey: true, shiftKey: true }), false, false)?.id).toBe('edit.redo')
    expect(commandForKey(annotating, key('z', { ctrlKey: true }), true, false)).toBeNull()
    // F3 steps through hits only while there are some.
    expect(commandForKey(annotating, key('F3'), false, false)).toBeNull()
    const finding = { ...annotating, find: { ...annotating.find, open: true, hits: [{ start: 0, end: 1 }] } }
    expect(commandForKey(finding, key('F3'), false, false)?.id).toBe('edit.nextHit')
    expect(commandForKey(finding, key('F3', { shiftKey: true }), false, false)?.id).toBe('edit.previousHit')
  })

  it('offers Labels… only when the app passes in the tag-set editor, and then opens it for the session', () => {
    const item = (commands: ReturnType<typeof appCommands>, state: SessionState) =>
      menuModel(commands, state)[0]!.items.find((i) => i.type === 'command' && i.id === 'project.labels')
    expect(item(APP_COMMANDS, withProject)).toMatchObject({ label: 'Labels…', enabled: false })
    expect(commandFor(APP_COMMANDS, 'project.labels', withProject)).toBeNull()

    const opened: unknown[] = []
    const wired = appCommands({ openTagSet: (session) => opened.push(session) })
    expect(item(wired, withProject)).toMatchObject({ enabled: true })
    expect(item(wired, noProject)).toMatchObject({ enabled: false })
    const session = { name: 'the session' } as unknown as Session
    commandFor(wired, 'project.labels', withProject)!(session)
    expect(opened).toEqual([session])
  })
})
