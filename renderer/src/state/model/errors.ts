/**
 * The one sentence a failure shows the user: hosts put it in their errors (ApiError carries the
 * host's sentence as its message), so the UI passes it on as it is.
 */
import { ApiError } from '../../../../shared/api'

/** The sentence of any failure. */
export function messageOf(e: unknown): string {
  return e instanceof ApiError || e instanceof Error ? e.message : String(e)
}
