/**
 * The preload: exposes one narrow object to the page, `window.marginalia`: `call(method, args)`,
 * which forwards to the main process's single IPC channel, and `menu`, through which the page
 * hands the shell its menu (shared/menu.ts) and hears which item was chosen. No other Electron or
 * Node API reaches the page. (Sandboxed, so bundled as CommonJS.)
 */
import { contextBridge, ipcRenderer } from 'electron'

const CALL_CHANNEL = 'marginalia:call'
const MENU_CHANNEL = 'marginalia:menu'
const COMMAND_CHANNEL = 'marginalia:command'

contextBridge.exposeInMainWorld('marginalia', {
  call: (method: string, args: unknown): Promise<unknown> => {
    if (typeof method !== 'string') return Promise.reject(new TypeError('method must be a string'))
    return ipcRenderer.invoke(CALL_CHANNEL, { method, args })
  },
  menu: {
    /** Draw this menu as the window's native menu (the main process checks it). */
    set: (model: unknown): void => ipcRenderer.send(MENU_CHANNEL, model),
    /** Hear the id of each menu item chosen; only the id reaches the page, never the IPC event. */
    onCommand: (listener: (id: string) => void): void => {
      if (typeof listener !== 'function') return
      ipcRenderer.on(COMMAND_CHANNEL, (_event, id: unknown) => {
        if (typeof id === 'string') listener(id)
      })
    },
  },
})
