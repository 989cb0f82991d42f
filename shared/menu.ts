/**
 * The application menu as data, drawn by both hosts: the page's own menu bar in browser mode and
 * Electron's native menu on desktop. The renderer builds it from its command registry
 * (renderer/src/state/controllers/app-commands.ts) and hands it to the desktop shell, which sends
 * back the id of the item chosen; so both menus have the same items and accelerators by
 * construction. Accelerators are written as Electron writes them ('CmdOrCtrl+Shift+Z', 'F3').
 */
import { z } from 'zod'

/** The menus of the menu bar, in order. */
export const MENUS = ['Project', 'Edit', 'View', 'Help'] as const
export type MenuName = (typeof MENUS)[number]

const Label = z.string().min(1).max(300)
const Accelerator = z
  .string()
  .max(40)
  .regex(/^((CmdOrCtrl|Ctrl|Shift|Alt)\+)*([A-Z0-9]|F[1-9]|F1[0-2]|Delete|Backspace|Escape|Enter|Plus|=|-)$/)

/** An item that runs a command: its id goes back to the page when it is chosen. */
export const MenuCommandItem = z
  .object({
    type: z.literal('command'),
    id: z.string().min(1).max(400),
    label: Label,
    accelerator: Accelerator.nullable(),
    enabled: z.boolean(),
    /** For a choice among several (the theme): whether it is the one chosen; null for a plain command. */
    checked: z.boolean().nullable(),
  })
  .strict()
export type MenuCommandItem = z.infer<typeof MenuCommandItem>

const Separator = z.object({ type: z.literal('separator') }).strict()

/** A submenu (Open recent, Theme): one level deep. */
export const MenuSubmenu = z
  .object({ type: z.literal('submenu'), label: Label, items: z.array(z.union([MenuCommandItem, Separator])).max(60) })
  .strict()

export const MenuItemModel = z.union([MenuCommandItem, Separator, MenuSubmenu])
export type MenuItemModel = z.infer<typeof MenuItemModel>

/** The whole menu bar. */
export const MenuModel = z.array(z.object({ name: z.enum(MENUS), items: z.array(MenuItemModel).max(60) }).strict()).max(MENUS.length)
export type MenuModel = z.infer<typeof MenuModel>

/** A key press, as much of a KeyboardEvent as matching needs. */
export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

interface Parsed {
  key: string
  mod: boolean
  ctrl: boolean
  shift: boolean
  alt: boolean
}

function parse(accelerator: string): Parsed {
  const parts = accelerator.split('+')
  // 'CmdOrCtrl+Plus' style: the last part is the key ('+' itself is written Plus).
  const key = parts.pop()!
  return {
    key: key === 'Plus' ? '+' : key,
    mod: parts.includes('CmdOrCtrl'),
    ctrl: parts.includes('Ctrl'),
    shift: parts.includes('Shift'),
    alt: parts.includes('Alt'),
  }
}

/**
 * Whether a key press is this accelerator. CmdOrCtrl is Cmd on macOS and Ctrl elsewhere; a
 * printable key is compared without case.
 */
export function matchesAccelerator(accelerator: string, e: KeyPress, isMac: boolean): boolean {
  const a = parse(accelerator)
  const key = e.key.length === 1 ? e.key.toUpperCase() : e.key
  if (key !== a.key.toUpperCase()) return false
  const wantCtrl = a.ctrl || (a.mod && !isMac)
  const wantMeta = a.mod && isMac
  return e.ctrlKey === wantCtrl && e.metaKey === wantMeta && e.altKey === a.alt && e.shiftKey === a.shift
}

/** How an accelerator is shown next to its item: 'Ctrl+Shift+Z', or '⇧⌘Z' on macOS. */
export function acceleratorText(accelerator: string, isMac: boolean): string {
  const a = parse(accelerator)
  if (isMac) return `${a.ctrl ? '⌃' : ''}${a.alt ? '⌥' : ''}${a.shift ? '⇧' : ''}${a.mod ? '⌘' : ''}${a.key}`
  return [a.ctrl || a.mod ? 'Ctrl' : null, a.alt ? 'Alt' : null, a.shift ? 'Shift' : null, a.key].filter(Boolean).join('+')
}

/** The accelerator in the form of the aria-keyshortcuts attribute ('Control+Shift+Z', 'Meta+O'). */
export function ariaKeyShortcut(accelerator: string, isMac: boolean): string {
  const a = parse(accelerator)
  return [
    a.ctrl || (a.mod && !isMac) ? 'Control' : null,
    a.mod && isMac ? 'Meta' : null,
    a.alt ? 'Alt' : null,
    a.shift ? 'Shift' : null,
    a.key,
  ]
    .filter(Boolean)
    .join('+')
}
