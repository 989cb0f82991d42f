/** Which colour scheme the page shows: the user's choice, or the system's when they left it to it. */
import type { Scheme } from '../model/theme'
import { SYSTEM_DARK, useMedia } from './use-media'
import { useSessionState } from './use-session'

/** The scheme shown now; re-renders when the choice or the system's changes. */
export function useScheme(): Scheme {
  const theme = useSessionState((s) => s.info?.preferences.theme ?? 'system')
  const systemDark = useMedia(SYSTEM_DARK)
  return theme === 'system' ? (systemDark ? 'dark' : 'light') : theme
}
