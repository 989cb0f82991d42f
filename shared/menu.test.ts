import { describe, expect, it } from 'vitest'
import { acceleratorText, ariaKeyShortcut, matchesAccelerator, MenuModel } from './menu'

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
})

describe('accelerators', () => {
  it('are shown as each system writes them, and told to screen readers', () => {
    expect(acceleratorText('CmdOrCtrl+Shift+Z', false)).toBe('Ctrl+Shift+Z')
    expect(acceleratorText('CmdOrCtrl+Shift+Z', true)).toBe('⇧⌘Z')
    expect(acceleratorText('Shift+F3', false)).toBe('Shift+F3')
    expect(ariaKeyShortcut('CmdOrCtrl+O', false)).toBe('Control+O')
    expect(ariaKeyShortcut('CmdOrCtrl+O', true)).toBe('Meta+O')
  })

  it('match exactly the key presses they name', () => {
    expect(matchesAccelerator('CmdOrCtrl+O', press('o', { ctrlKey: true }), false)).toBe(true)
    expect(matchesAccelerator('CmdOrCtrl+O', press('o', { ctrlKey: true, shiftKey: true }), false)).toBe(false)
    expect(matchesAccelerator('CmdOrCtrl+O', press('o', { ctrlKey: true, altKey: true }), false)).toBe(false)
    expect(matchesAccelerator('CmdOrCtrl+O', press('o'), false)).toBe(false)
    expect(matchesAccelerator('CmdOrCtrl+O', press('o', { metaKey: true }), true)).toBe(true)
    expect(matchesAccelerator('F3', press('F3'), false)).toBe(true)
    expect(matchesAccelerator('F3', press('F3', { shiftKey: true }), false)).toBe(false)
    expect(matchesAccelerator('Shift+F3', press('F3', { shiftKey: true }), false)).toBe(true)
  })
})

describe('the menu model', () => {
  it('refuses what is not a menu: unknown menus, extra fields, accelerators Electron would not take', () => {
    const item = { type: 'command', id: 'x', label: 'X', accelerator: null, enabled: true, checked: null }
    expect(MenuModel.safeParse([{ name: 'Project', items: [item] }]).success).toBe(true)
    expect(MenuModel.safeParse([{ name: 'Tools', items: [item] }]).success).toBe(false)
    expect(MenuModel.safeParse([{ name: 'Project', items: [{ ...item, role: 'quit' }] }]).success).toBe(false)
    expect(MenuModel.safeParse([{ name: 'Project', items: [{ ...item, accelerator: 'Ctrl+Whatever' }] }]).success).toBe(false)
  })
})
