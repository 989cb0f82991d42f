/**
 * The Content-Security-Policy the renderer runs under, in both hosts (the Electron session's
 * response headers and the browser-mode server's), and in renderer/index.html's meta tag:
 * only the app's own scripts, styles and connections; no inline scripts or styles, no plugins,
 * no framing.
 */
export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
