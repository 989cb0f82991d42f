/**
 * IPC wiring for the desktop app: one channel, whose handler checks that the call comes from the
 * app's own page in the main frame, then routes it through the contract's dispatch (which
 * validates the arguments). Takes an ipcMain-like object so tests can pass their own.
 */
import type { IpcMainInvokeEvent } from 'electron'
import { dispatch, type Handlers, type Result } from '../../shared/api'
import { isAppUrl } from './window'

/** The one IPC channel the preload calls. */
export const CALL_CHANNEL = 'marginalia:call'

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
