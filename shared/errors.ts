/**
 * Domain errors: what went wrong in words a user reads, with a code that callers decide by and a
 * hint whether trying the same thing again soon can succeed. The core and the pure rules throw
 * them; the contract's edge (shared/api.ts `dispatch`) carries code, retry and sentence to the UI
 * unchanged, so nothing anywhere needs to read the sentence to know what to do.
 */

/** What kind of failure: bad input, something missing, not possible here, a clash with another writer, or anything else. */
export type ErrorCode = 'invalid' | 'not-found' | 'unavailable' | 'conflict' | 'failed'

/** 'soon': the same request may succeed in a moment (a file another program holds); 'never': it will not without a change. */
export type Retry = 'soon' | 'never'

/** An error meant for the user: one sentence saying what happened and what to do. */
export class DomainError extends Error {
  readonly code: ErrorCode
  readonly retry: Retry
  constructor(code: ErrorCode, message: string, retry: Retry = 'never') {
    super(message)
    this.code = code
    this.retry = retry
    this.name = 'DomainError'
  }
}
