/**
 * This window's id, made when the page starts: sent with its saves and its polls for changes, so
 * the host tells it of what other windows of the same host saved (two browser tabs on one
 * server, say) and not of its own saves.
 */
export const WINDOW_ID: string =
  typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `w-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
