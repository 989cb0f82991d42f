/**
 * The one retry policy of the UI, decided by the host's error code and retry hint, never by its
 * sentence: a call refused with retry 'soon' (a file another window or program was writing) is
 * sent again by itself after a pause, a few times; anything else is shown to the user at once.
 */
import { ApiError } from '../../../../shared/api'

/** How long to wait before sending again a call the host said may succeed soon. */
export const RETRY_SOON_MS = 2500

/** How many times a call is sent again by itself before the user is told. */
export const RETRY_ATTEMPTS = 3

/** How soon a failed call may be sent again by itself, or null when it may not (the user decides). */
export function retryDelay(error: unknown): number | null {
  return error instanceof ApiError && error.retry === 'soon' ? RETRY_SOON_MS : null
}

/** True for the host's 'conflict' errors: the change is kept and the user can send it again. */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'conflict'
}

/**
 * Run a call, and run it again after a pause while the host says it may succeed soon (at most
 * RETRY_ATTEMPTS more times); `waiting` hears each error that is being retried. Resolves with the
 * call's value, or rejects with the last error.
 */
export async function withRetries<T>(
  call: () => Promise<T>,
  waiting?: (error: unknown) => void,
  pause = (ms: number) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call()
    } catch (e) {
      const delay = retryDelay(e)
      if (delay === null || attempt >= RETRY_ATTEMPTS) throw e
      waiting?.(e)
      await pause(delay)
    }
  }
}
