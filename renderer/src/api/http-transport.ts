/**
 * Browser mode's transport: each call is `POST /api/<method>` with the arguments as JSON and the
 * launch token in a header. The server always answers with a JSON Result (also for 401 and 403);
 * anything else, and every network failure, becomes a failed Result with one sentence for the user.
 */
import type { MethodName, Result, Transport } from '../../../shared/api'

/** The sentence shown when the host cannot be reached at all. */
export const UNREACHABLE = 'Marginalia is not reachable: is the app or `npm run serve` still running?'

let leaving = false

/** Mark the page as unloading, so the last saves go out with `keepalive` and survive the unload. */
export function markLeaving(): void {
  leaving = true
}

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false
  const b = body as { ok: unknown; error?: { code?: unknown; message?: unknown } }
  if (b.ok === true) return 'value' in b
  return b.ok === false && typeof b.error?.message === 'string' && typeof b.error.code === 'string'
}

/** A transport that posts calls to `<base>/api/<method>` with the given token. */
export function httpTransport(token: string, fetchImpl: typeof fetch = (...a) => fetch(...a), base = ''): Transport {
  return async (method: MethodName, args: unknown): Promise<Result<unknown>> => {
    const body = JSON.stringify(args ?? {})
    let response: Response
    try {
      response = await fetchImpl(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Marginalia-Token': token },
        body,
        keepalive: leaving && body.length < 60_000,
        cache: 'no-store',
      })
    } catch {
      return { ok: false, error: { code: 'unavailable', retry: 'never', message: UNREACHABLE } }
    }
    let parsed: unknown
    try {
      parsed = await response.json()
    } catch {
      parsed = undefined
    }
    if (isResult(parsed)) return parsed
    return {
      ok: false,
      error: {
        code: response.status >= 500 || response.status === 0 ? 'unavailable' : 'failed',
        retry: 'never',
        message: `Marginalia answered in a way this page does not understand (HTTP ${response.status}); reload the page and try again.`,
      },
    }
  }
}
