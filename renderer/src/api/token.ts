/**
 * Browser mode's launch token. The server prints an address with `?token=...`; the page keeps the
 * token in sessionStorage (so a reload in the same tab still works) and takes it out of the
 * address bar, so it does not linger in history or get copied along with the URL.
 */

const KEY = 'marginalia.token'

/** Where the token was found and the address to show without it. */
export interface TokenLookup {
  token: string | null
  /** The page address without the token parameter, or null when it had none. */
  cleanUrl: string | null
}

/** Find the token in a page address, falling back to the one stored for this tab. */
export function lookupToken(href: string, stored: string | null): TokenLookup {
  const url = new URL(href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl === null) return { token: stored && stored.length > 0 ? stored : null, cleanUrl: null }
  url.searchParams.delete('token')
  const cleanUrl = url.pathname + (url.search === '?' ? '' : url.search) + url.hash
  return { token: fromUrl.length > 0 ? fromUrl : stored, cleanUrl }
}

/** Read the token at start-up, remember it for this tab and remove it from the address bar. */
export function takeLaunchToken(): string | null {
  let stored: string | null = null
  try {
    stored = sessionStorage.getItem(KEY)
  } catch {
    // Storage can be disabled; the token in the URL still works for this load.
  }
  const { token, cleanUrl } = lookupToken(location.href, stored)
  if (token !== null) {
    try {
      sessionStorage.setItem(KEY, token)
    } catch {
      // See above.
    }
  }
  if (cleanUrl !== null) history.replaceState(history.state, '', cleanUrl)
  return token
}
