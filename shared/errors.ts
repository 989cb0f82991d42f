/**
 * Domain errors: what went wrong in words a user reads, with a code that callers decide by and a
 * hint whether trying the same thing again soon can succeed. The core and the pure rules throw
 * them; the contract's edge (shared/api.ts `dispatch`) carries code, retry and sentence to the UI
 * unchanged, so nothing anywhere needs to read the sentence to know what to do.
 */

/**
 * invalid: the request cannot be carried out as sent; not-found: what it names is not there;
 * unavailable: not possible here or yet (no project open); conflict: someone else holds or changed
 * the file, the change is kept to send again; read-only: the document cannot be changed (its text
 * is damaged) until the user repairs it; failed: anything else (a full disk).
 */
export type ErrorCode = 'invalid' | 'not-found' | 'unavailable' | 'conflict' | 'read-only' | 'failed'

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
