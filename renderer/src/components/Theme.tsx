import { useEffect } from 'react'
import { useScheme } from '../state/react/use-scheme'
import { useSessionState } from '../state/react/use-session'

/**
 * Puts the chosen theme on the page: the stylesheets give every colour a light and a dark value
 * (light-dark()) and follow `color-scheme`, which data-theme pins to light or dark; without it the
 * system's choice applies. data-scheme says which one shows. Renders nothing.
 */
export function Theme() {
  const theme = useSessionState((s) => s.info?.preferences.theme ?? 'system')
  const scheme = useScheme()
  useEffect(() => {
    const root = document.documentElement
    if (theme === 'system') delete root.dataset.theme
    else root.dataset.theme = theme
    root.dataset.scheme = scheme
  }, [theme, scheme])
  return null
}
