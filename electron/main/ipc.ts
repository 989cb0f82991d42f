/**
 * IPC wiring for the desktop app: one channel, whose handler checks that the call comes from the
 * app's own page in the main frame, then routes it through the contract's dispatch (which
 * validates the arguments). Takes an ipcMain-like object so tests can pass their own.
 */
import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron'
import { dispatch, type Handlers, type Result } from '../../shared/api'
import { MenuModel } from '../../shared/menu'
import { isAppUrl } from './window'

/** The one IPC channel the preload calls. */
export const CALL_CHANNEL = 'marginalia:call'

/** The page hands its menu (shared/menu.ts) to the shell on this channel. */
export const MENU_CHANNEL = 'marginalia:menu'

/** The shell sends the id of a chosen menu item to the page on this channel. */
export const COMMAND_CHANNEL = 'marginalia:command'

/** The part of ipcMain this module uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void
}

/** The sender frame of an invoke event, as far as the check needs it. */
type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>

/** True when the call comes from the app's own page, in its top frame. */
export function isTrustedSender(event: SenderEvent, appUrl: string): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  return isAppUrl(frame.url, appUrl)
}

/** Register the call channel; every call is sender-checked, then validated and dispatched. */
export function registerIpc(ipcMain: IpcMainLike, handlers: Handlers, appUrl: () => string): void {
  ipcMain.handle(CALL_CHANNEL, async (event, payload): Promise<Result<unknown>> => {
    if (!isTrustedSender(event, appUrl())) {
      return { ok: false, error: { code: 'invalid', retry: 'never', message: 'Calls are only accepted from the Marginalia window.' } }
    }
    const { method, args } = (payload ?? {}) as { method?: unknown; args?: unknown }
    return dispatch(handlers, method, args)
  })
}

/** The part of ipcMain the menu channel uses. */
export interface IpcMainOnLike {
  on(channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void): void
}

/** Take the page's menu: only from the app's own page, and only a menu that fits the shape (else ignored). */
export function registerMenuChannel(ipcMain: IpcMainOnLike, appUrl: () => string, onMenu: (model: MenuModel) => void): void {
  ipcMain.on(MENU_CHANNEL, (event, payload) => {
    if (!isTrustedSender(event, appUrl())) return
    const parsed = MenuModel.safeParse(payload)
    if (parsed.success) onMenu(parsed.data)
  })
}
