/** How React reads a Store: one part of its state, re-rendering when that part changes. */
import { useSyncExternalStore } from 'react'
import type { Store } from '../model/store'

/** Read one part of a store's state in a component; it re-renders when that part changes. */
export function useStore<S extends object, T>(store: Store<S>, select: (state: S) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()))
}
