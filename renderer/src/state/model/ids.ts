/**
 * Ids for new annotations and links: random UUIDs, which the contract's id pattern accepts and
 * which never collide with a colleague's, so layers can be compared and merged.
 */

/** A fresh id for an annotation or link. */
export function newId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
}
