/**
 * Markdown from the project (guidelines.md, which anyone with the folder can edit) as HTML that is
 * safe to put in the page: parsed by marked, then sanitised by DOMPurify in this page's DOM. What
 * survives is text formatting only: no scripts, styles, frames, forms, media or inline event
 * handlers; links only to http(s), mailto and anchors (opened outside the app); images are not
 * loaded — a Markdown image and an <img> tag alike become their alternative text — so rendering never fetches anything. The app's
 * Content-Security-Policy (shared/csp.ts) would block a remote load anyway; this makes sure none
 * is even tried.
 */
import DOMPurify from 'dompurify'
import { Marked } from 'marked'

const marked = new Marked({ gfm: true, breaks: false, async: false })
// A Markdown image shows as its alternative text instead of loading anything (an <img> tag too, below).
marked.use({
  renderer: {
    image({ text }) {
      return escapeHtml(text.trim() ? `[image: ${text.trim()}]` : '[image]')
    },
  },
})

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

const purify = DOMPurify()
// An <img> tag is removed (FORBID_TAGS), its alternative text left in its place, as a Markdown image's is.
purify.addHook('uponSanitizeElement', (node) => {
  if (node.nodeName !== 'IMG' || !(node instanceof Element)) return
  const alt = (node.getAttribute('alt') ?? '').trim()
  node.parentNode?.insertBefore(node.ownerDocument.createTextNode(alt ? `[image: ${alt}]` : '[image]'), node)
})
purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    const href = node.getAttribute('href') ?? ''
    if (href.startsWith('#') || href === '') return
    // Outside links leave the app: the desktop shell hands them to the browser, browser mode opens a tab.
    node.setAttribute('target', '_blank')
    node.setAttribute('rel', 'noopener noreferrer')
  }
})

const OPTIONS = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style',
    'img',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'option',
    'iframe',
    'frame',
    'object',
    'embed',
    'video',
    'audio',
    'source',
    'track',
    'picture',
    'link',
    'meta',
    'base',
    'svg',
    'math',
    'template',
    'dialog',
  ],
  FORBID_ATTR: ['style', 'srcset', 'src', 'poster', 'background', 'formaction', 'action', 'ping', 'id', 'name'],
  ADD_ATTR: ['target'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
  ALLOW_DATA_ATTR: false,
}

/** Markdown as sanitised HTML, to set as a container's innerHTML. */
export function markdownToSafeHtml(markdown: string): string {
  return sanitizeHtml(marked.parse(markdown) as string)
}

/** Any HTML as the same sanitised subset (what markdownToSafeHtml puts its output through). */
export function sanitizeHtml(html: string): string {
  return purify.sanitize(html, OPTIONS) as string
}
