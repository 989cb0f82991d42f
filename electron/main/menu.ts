/**
 * The application menu, with the usual accelerators. Commands that the workbench page handles
 * (import, export) are sent to it as menu events through the same window; project commands run
 * here because they use native dialogs.
 */
import type { MenuItemConstructorOptions } from 'electron'

export interface MenuActions {
  openProject: () => void
  newProject: () => void
  openRecent: (path: string) => void
  recent: string[]
}

/** The menu template; a pure function so its accelerators can be tested. */
export function menuTemplate(actions: MenuActions, isMac: boolean): MenuItemConstructorOptions[] {
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Project…', accelerator: 'CmdOrCtrl+Shift+N', click: actions.newProject },
        { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: actions.openProject },
        {
          label: 'Open Recent',
          submenu: actions.recent.length
            ? actions.recent.map((path) => ({ label: path, click: () => actions.openRecent(path) }))
            : [{ label: 'No recent projects', enabled: false }],
        },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [{ role: 'copy' }, { role: 'selectAll' }],
    },
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ]
}
