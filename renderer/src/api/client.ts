/**
 * The one client the UI talks through. It picks the transport once, at start-up: the preload's
 * bridge when it is there (desktop), otherwise HTTP with the launch token (browser mode). Nothing
 * else in the renderer knows which host it runs in, apart from what app.info says.
 */
import { createClient, type Client } from '../../../shared/api'
import { desktopTransport, type MenuBridge } from './desktop-transport'
import { httpTransport } from './http-transport'
import { takeLaunchToken } from './token'

/** The client, or the reason there is none. */
export type Connection = { client: Client; problem: null } | { client: null; problem: 'no-token' }

/** Build the client for whichever host this page runs in. */
export function connect(): Connection {
  const bridge = window.marginalia
  if (bridge && typeof bridge.call === 'function') return { client: createClient(desktopTransport(bridge)), problem: null }
  const token = takeLaunchToken()
  if (token === null) return { client: null, problem: 'no-token' }
  return { client: createClient(httpTransport(token)), problem: null }
}

/** The desktop app's native menu, or null in browser mode (where the page draws its own menu bar). */
export function nativeMenu(): MenuBridge | null {
  const menu = window.marginalia?.menu
  return menu && typeof menu.set === 'function' && typeof menu.onCommand === 'function' ? menu : null
}
