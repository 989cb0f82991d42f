/**
 * The main window's options and the rules every web contents lives by: context isolation, the
 * sandbox, no Node in the page, web security on; no navigation away from the app, no new windows,
 * and only validated http(s) links handed to the OS browser. Kept free of Electron imports at run
 * time so tests can check them without the Electron binary.
 */
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron'
import { CSP } from '../../shared/csp'

/** Options for the workbench window; the preload is the only bridge to the main process. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 900,
    minHeight: 560,
    title: 'Marginalia',
    show: false,
    backgroundColor: '#fbfaf7',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  }
}

/** True for a well-formed http: or https: URL with a host, the only links opened outside the app. */
export function isSafeExternalUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && url.username === '' && url.password === ''
}

/** The page the app itself loads: its file, or the dev server in development. */
export function isAppUrl(raw: string, appUrl: string): boolean {
  try {
    const url = new URL(raw)
    const app = new URL(appUrl)
    return url.protocol === app.protocol && url.host === app.host && url.pathname === app.pathname
  } catch {
    return false
  }
}

/** Deny navigation and new windows; hand safe external links to `openExternal`. */
export function hardenContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  appUrl: string,
  openExternal: (url: string) => void,
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) {
      event.preventDefault()
      if (isSafeExternalUrl(url)) openExternal(url)
    }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url)
    return { action: 'deny' }
  })
}

/** What the window asks when it is closed (or the app quit) while the page holds work not saved yet. */
export const LEAVE_QUESTION = {
  type: 'question' as const,
  title: 'Marginalia',
  message: 'Leave with work not saved?',
  detail:
    'Something you typed is not kept yet: a change still being saved, or a memo, the labels, the guidelines or a reply you have not saved or sent.',
  buttons: ['Leave', 'Stay'],
  defaultId: 1,
  cancelId: 1,
  noLink: true,
}

/**
 * Closing the window asks first while the page holds work not saved (its beforeunload asks to
 * stay). Electron would otherwise keep the window open without a word; a browser asks, and so
 * does this: `ask` shows LEAVE_QUESTION and gives the chosen button (0 Leave, 1 Stay).
 */
export function askBeforeLeaving(contents: Pick<WebContents, 'on'>, ask: () => number): void {
  contents.on('will-prevent-unload', (event) => {
    // preventDefault here overrides the page's wish to stay: the window closes.
    if (ask() === 0) event.preventDefault()
  })
}

/**
 * The session's rules: every response carries the app's Content-Security-Policy (the same one
 * browser mode sends), and every permission (camera, notifications, geolocation…) is refused.
 */
export function hardenSession(session: Pick<Session, 'webRequest' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    )
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [CSP] } })
  })
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}
