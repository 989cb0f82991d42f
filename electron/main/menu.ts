/**
 * The native application menu. Its items are the page's own menu commands
 * (renderer/src/state/controllers/app-commands.ts), which the page hands over as data
 * (shared/menu.ts); choosing one sends its id back to the page, which runs it. So the desktop
 * menu and browser mode's menu bar have the same items and accelerators. Around them go what only
 * a desktop window has: Quit, Copy and Select All for the system's editing keys, reload, developer
 * tools, zoom, full screen and the Window menu.
 *
 * The page handles the accelerators itself (it knows whether a key lands in a text field), so the
 * items show their keys without registering them (registerAccelerator: false; on macOS keys go to
 * the page first and reach the menu only when the page did not take them).
 */
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommandItem, MenuItemModel, MenuModel, MenuName } from '../../shared/menu'

function command(item: MenuCommandItem, send: (id: string) => void): MenuItemConstructorOptions {
  return {
    label: item.label,
    enabled: item.enabled,
    ...(item.accelerator ? { accelerator: item.accelerator, registerAccelerator: false } : {}),
    ...(item.checked === null ? {} : { type: 'radio' as const, checked: item.checked }),
    click: () => send(item.id),
  }
}

function native(items: MenuItemModel[], send: (id: string) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    if (item.type === 'separator') return { type: 'separator' }
    if (item.type === 'submenu') {
      return { label: item.label, submenu: item.items.map((i) => (i.type === 'separator' ? { type: 'separator' } : command(i, send))) }
    }
    return command(item, send)
  })
}

/** What only a desktop window has, added to each menu. */
function extras(name: MenuName, isMac: boolean): { after?: MenuItemConstructorOptions[] } {
  switch (name) {
    case 'Project':
      return { after: [{ type: 'separator' }, isMac ? { role: 'close' } : { role: 'quit' }] }
    case 'Edit':
      return { after: [{ type: 'separator' }, { role: 'copy' }, { role: 'selectAll' }] }
    case 'View':
      return {
        after: [
          { type: 'separator' },
          { role: 'reload' },
          { role: 'toggleDevTools' },
          { type: 'separator' },
          { role: 'resetZoom' },
          { role: 'zoomIn' },
          { role: 'zoomOut' },
          { type: 'separator' },
          { role: 'togglefullscreen' },
        ],
      }
    case 'Help':
      return {}
  }
}

/**
 * The menu template for the page's menu model (empty until the page has sent it); a pure function
 * so its items and accelerators can be tested.
 */
export function menuTemplate(model: MenuModel, send: (id: string) => void, isMac: boolean): MenuItemConstructorOptions[] {
  const names: MenuName[] = ['Project', 'Edit', 'View', 'Help']
  const menus = names.map((name): MenuItemConstructorOptions => {
    const page = native(model.find((m) => m.name === name)?.items ?? [], send)
    const { after = [] } = extras(name, isMac)
    const submenu = page.length === 0 ? after.filter((i, n) => !(n === 0 && i.type === 'separator')) : [...page, ...after]
    return { label: `&${name}`, ...(name === 'Help' ? { role: 'help' as const } : {}), submenu }
  })
  const help = menus.pop()!
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    ...menus,
    { role: 'windowMenu' },
    ...(help.submenu && (help.submenu as unknown[]).length > 0 ? [help] : []),
  ]
}
