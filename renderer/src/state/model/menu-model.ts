/**
 * The menu bar built from a list of commands: which items each menu has, in order, with their
 * separators, submenus, accelerators and whether they can be chosen now. Pure: the page's menu bar
 * and the desktop's native menu both draw what this returns (shared/menu.ts), and a chosen item's
 * id leads back to its command here.
 */
import { MENUS, type MenuCommandItem, type MenuItemModel, type MenuModel, type MenuName } from '../../../../shared/menu'
import type { SessionState } from './session-state'

/** One command of the menu bar: where it shows, what it says, its keys, when it applies, what it does. */
export interface MenuCommand<Run> {
  /** Stable: the desktop menu sends it back when the item is chosen. */
  id: string
  menu: MenuName
  label: string
  /** Electron's syntax ('CmdOrCtrl+O', 'F3'); the same keys work in both hosts. */
  accelerator?: string
  /** Draw a line before it. */
  separator?: boolean
  /** Drawn inside this submenu of its menu; items that share one are kept together. */
  submenu?: string
  /** Whether it can be chosen now (always, without). */
  enabled?: (state: SessionState) => boolean
  /** For one of a choice (the theme): whether it is the one chosen. */
  checked?: (state: SessionState) => boolean
  /** A submenu listed from the state (Open recent): each entry its own action; `empty` when there is none. */
  list?: (state: SessionState) => { label: string; run: Run }[]
  /** What the item says when its list is empty. */
  empty?: string
  run: Run
}

function commandItem<R>(c: MenuCommand<R>, state: SessionState): MenuCommandItem {
  return {
    type: 'command',
    id: c.id,
    label: c.label,
    accelerator: c.accelerator ?? null,
    enabled: c.enabled ? c.enabled(state) : true,
    checked: c.checked ? c.checked(state) : null,
  }
}

function listItems<R>(c: MenuCommand<R>, state: SessionState): MenuItemModel {
  const entries = c.list!(state)
  const items: MenuCommandItem[] = entries.map((e, i) => ({
    type: 'command',
    id: `${c.id}#${i}`,
    label: e.label,
    accelerator: null,
    enabled: true,
    checked: null,
  }))
  if (items.length === 0)
    items.push({ type: 'command', id: `${c.id}#none`, label: c.empty ?? 'None', accelerator: null, enabled: false, checked: null })
  return { type: 'submenu', label: c.label, items }
}

/** The menu bar for this state: every menu of MENUS that has an item, its items in the commands' order. */
export function menuModel<R>(commands: readonly MenuCommand<R>[], state: SessionState): MenuModel {
  const model: MenuModel = []
  for (const name of MENUS) {
    const items: MenuItemModel[] = []
    const submenus = new Map<string, Extract<MenuItemModel, { type: 'submenu' }>>()
    for (const c of commands.filter((command) => command.menu === name)) {
      if (c.separator && items.length > 0) items.push({ type: 'separator' })
      if (c.list) {
        items.push(listItems(c, state))
        continue
      }
      if (!c.submenu) {
        items.push(commandItem(c, state))
        continue
      }
      let sub = submenus.get(c.submenu)
      if (!sub) {
        sub = { type: 'submenu', label: c.submenu, items: [] }
        submenus.set(c.submenu, sub)
        items.push(sub)
      }
      sub.items.push(commandItem(c, state))
    }
    if (items.length > 0) model.push({ name, items })
  }
  return model
}

/** What to run for a chosen item's id (a list entry's id is its command's id, '#', and its place), or null. */
export function commandFor<R>(commands: readonly MenuCommand<R>[], id: string, state: SessionState): R | null {
  const [base, entry] = id.split('#') as [string, string | undefined]
  const command = commands.find((c) => c.id === base)
  if (!command) return null
  if (entry === undefined) return command.list || (command.enabled && !command.enabled(state)) ? null : command.run
  const listed = command.list?.(state)[Number(entry)]
  return listed ? listed.run : null
}
