/**
 * The preload: exposes exactly one function to the page, `window.marginalia.call(method, args)`,
 * which forwards to the main process's single IPC channel. No other Electron or Node API reaches
 * the page. (Sandboxed, so bundled as CommonJS.)
 */
import { contextBridge, ipcRenderer } from 'electron'

const CALL_CHANNEL = 'marginalia:call'

contextBridge.exposeInMainWorld('marginalia', {
  call: (method: string, args: unknown): Promise<unknown> => {
    if (typeof method !== 'string') return Promise.reject(new TypeError('method must be a string'))
    return ipcRenderer.invoke(CALL_CHANNEL, { method, args })
  },
})
