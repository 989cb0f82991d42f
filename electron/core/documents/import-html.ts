/**
 * The readable text of an HTML page (a saved web page, or a Word file converted by mammoth):
 * parsed with htmlparser2's streaming parser, so memory stays flat whatever the page's size.
 * Scripts, styles, navigation, forms, asides and the page's own header and footer are dropped
 * (a header or footer inside an <article> or <main> is the article's and is kept); each block
 * element (p, h1–h6, li, blockquote, tr, div, …) becomes a paragraph, paragraphs are separated by
 * a blank line, whitespace within a paragraph is collapsed to single spaces (except in <pre>),
 * <br> is a line break, table cells are separated by a tab, and entities are decoded. Nesting
 * deeper than MAX_DEPTH elements is refused rather than parsed: no real page comes near it, and
 * the parser's cost grows with depth.
 *
 * The page's <meta> tags give the document's properties (page-properties.ts): its publication
 * date, site name, author and address, as news sites declare them for search engines and social
 * media (Open Graph, Dublin Core, schema.org and the common ad-hoc names).
 */
import { Parser } from 'htmlparser2'
import { PageProperties } from './page-properties'

/** Deepest element nesting accepted (browsers flatten beyond 512). */
export const MAX_DEPTH = 512

const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'aside',
  'form',
  'button',
  'select',
  'textarea',
  'input',
  'option',
  'iframe',
  'object',
  'embed',
  'canvas',
  'svg',
  'math',
  'audio',
  'video',
  'map',
  'dialog',
  'menu',
  'head',
])
const PAGE_CHROME = new Set(['header', 'footer'])
const BLOCKS = new Set([
  'address',
  'article',
  'blockquote',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'footer',
  'hgroup',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
  'body',
  'html',
  'legend',
])
const CELLS = new Set(['td', 'th'])

export type HtmlText =
  | { text: string; title: string | null; properties: Record<string, string> | null; error: null }
  | { text: null; title: null; properties: null; error: string }

class TooDeep extends Error {}

/** The text of an HTML document, its title (og:title, else <title>, else the first <h1>), or why it cannot be read. */
export function htmlToText(name: string, html: string): HtmlText {
  const blocks: string[] = []
  let current = ''
  let cellStarted = false
  /** One frame per open element: its tag, and whether its content is dropped. */
  const stack: { tag: string; dropped: boolean }[] = []
  let preDepth = 0
  let contentDepth = 0
  let title = ''
  let inTitle = false
  let h1: string | null = null
  let h1Text: string | null = null
  const dropping = () => stack.length > 0 && stack[stack.length - 1]!.dropped
  const page = new PageProperties()

  const flush = () => {
    const block =
      preDepth > 0
        ? current.replace(/^\n+|\s+$/g, '')
        : current
            .replace(/ +/g, ' ')
            .replace(/ *([\t\n]) */g, '$1')
            .replace(/^ | $/g, '')
    if (block.trim() !== '') blocks.push(block)
    current = ''
    cellStarted = false
  }

  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        if (tag === 'title') inTitle = true
        if (tag === 'meta' || tag === 'link') page.tag(tag, attributes)
        const dropped = dropping() || DROPPED.has(tag) || 'hidden' in attributes || (PAGE_CHROME.has(tag) && contentDepth === 0)
        stack.push({ tag, dropped })
        if (stack.length > MAX_DEPTH) throw new TooDeep()
        if (dropped) return
        if (tag === 'article' || tag === 'main') contentDepth++
        if (tag === 'pre') preDepth++
        if (tag === 'h1' && h1 === null) h1Text = ''
        if (BLOCKS.has(tag)) flush()
        else if (tag === 'br') current += '\n'
        else if (CELLS.has(tag)) {
          if (cellStarted) current += '\t'
          cellStarted = true
        }
      },
      ontext(data) {
        if (inTitle) title += data
        if (dropping()) return
        current += preDepth > 0 ? data : data.replace(/[\t\n\r\f]/g, ' ')
        if (h1Text !== null) h1Text += data
      },
      onclosetag(tag) {
        if (tag === 'title') inTitle = false
        const frame = stack.pop()
        if (!frame || frame.dropped) return
        if (tag === 'article' || tag === 'main') contentDepth--
        if (tag === 'h1' && h1Text !== null && h1 === null) {
          h1 = h1Text.replace(/\s+/g, ' ').trim() || null
          h1Text = null
        }
        if (BLOCKS.has(tag)) flush()
        if (tag === 'pre') preDepth--
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: false },
  )
  try {
    parser.write(html)
    parser.end()
  } catch (e) {
    if (e instanceof TooDeep) {
      return {
        text: null,
        title: null,
        properties: null,
        error: `${name} has elements nested more than ${MAX_DEPTH} deep, which no real page has, so it was not imported; save the page's text as .txt and import that.`,
      }
    }
    throw e
  }
  flush()
  const cleanTitle = title.replace(/\s+/g, ' ').trim()
  return {
    text: blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`,
    title: page.headline() || cleanTitle || h1 || null,
    properties: page.properties(),
    error: null,
  }
}
