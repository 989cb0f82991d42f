/**
 * How components reach the session: one context for the Session object and a hook that reads a
 * slice of its state, re-rendering the component only when that slice changes.
 */
import { createContext, useContext } from 'react'
import type { Session } from '../controllers/session'
import type { SessionState } from '../model/session-state'
import { useStore } from './use-store'

/** The session of this window. */
export const SessionContext = createContext<Session | null>(null)

/** The session (inside the provider). */
export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside SessionContext')
  return session
}

/** One slice of the session's state; `select` must return a stored value, not a new object. */
export function useSessionState<T>(select: (state: SessionState) => T): T {
  return useStore(useSession().store, select)
}
