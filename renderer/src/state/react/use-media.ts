/**
 * Media queries the layout follows in script as well as in the stylesheet: whether the window is
 * narrow (the side panels become drawers), and whether the system asks for a dark theme.
 */
import { useCallback, useSyncExternalStore } from 'react'

/** A window narrower than this shows the side panels as drawers; styles.css says the same width. */
export const NARROW = '(max-width: 1099px)'

/** Whether the system prefers a dark theme. */
export const SYSTEM_DARK = '(prefers-color-scheme: dark)'

/** Whether a media query matches now; re-renders when that changes. */
export function useMedia(query: string): boolean {
  const subscribe = useCallback(
    (changed: () => void) => {
      const list = matchMedia(query)
      list.addEventListener('change', changed)
      return () => list.removeEventListener('change', changed)
    },
    [query],
  )
  return useSyncExternalStore(subscribe, () => matchMedia(query).matches)
}
