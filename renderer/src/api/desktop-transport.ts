/**
 * The desktop transport: the preload exposes exactly one function, `window.marginalia.call`, which
 * carries a call over IPC and resolves with the host's Result. A rejected promise (the main process
 * went away) becomes a failed Result like any other.
 */
import type { MethodName, Result, Transport } from '../../../shared/api'
import { UNREACHABLE } from './http-transport'

/** The native menu, through the preload: the page hands it its menu and hears which item was chosen. */
export interface MenuBridge {
  set(model: unknown): void
  onCommand(listener: (id: string) => void): void
}

/** What the preload puts on `window`. */
export interface DesktopBridge {
  call(method: string, args: unknown): Promise<Result<unknown>>
  menu?: MenuBridge
}

declare global {
  interface Window {
    marginalia?: DesktopBridge
  }
}

/** A transport over the preload's bridge. */
export function desktopTransport(bridge: DesktopBridge): Transport {
  return async (method: MethodName, args: unknown) => {
    try {
      const result = await bridge.call(method, args ?? {})
      if (result && typeof result === 'object' && 'ok' in result) return result
    } catch {
      // Fall through: the main process did not answer.
    }
    return { ok: false, error: { code: 'unavailable', retry: 'never', message: UNREACHABLE } }
  }
}
