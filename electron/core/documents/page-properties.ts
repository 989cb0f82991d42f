/**
 * A web page's properties from its <meta> tags: the date it was published, the outlet (site
 * name), the author and its address, as news sites declare them for search engines and social
 * media. Each property takes the first name in its list that the page declares with a non-blank
 * value, whatever the order of the tags: Open Graph and article: first, then Dublin Core,
 * schema.org's itemprop and the ad-hoc names sites use. Values are kept as written (a timestamp
 * stays a timestamp: the analysis reads its date part), white space collapsed.
 */

/** For each property, the meta names that give it, most trusted first (compared in lower case). */
const SOURCES: Record<string, readonly string[]> = {
  date: [
    'article:published_time',
    'og:published_time',
    'datepublished',
    'dcterms.issued',
    'dc.date.issued',
    'dcterms.date',
    'dc.date',
    'citation_publication_date',
    'publication_date',
    'publish-date',
    'publishdate',
    'pubdate',
    'parsely-pub-date',
    'sailthru.date',
    'date',
  ],
  outlet: ['og:site_name', 'dcterms.publisher', 'dc.publisher', 'publisher', 'application-name'],
  author: ['author', 'article:author', 'dcterms.creator', 'dc.creator', 'citation_author', 'parsely-author', 'sailthru.author', 'byl'],
  url: ['og:url', 'canonical', 'dcterms.identifier', 'dc.identifier'],
}

/** The meta names that give the headline, most trusted first. */
const HEADLINE = ['og:title', 'twitter:title', 'dcterms.title', 'dc.title']

/** The longest value kept (a meta tag is a line, not a text). */
const MAX_VALUE = 2000

/** Collects <meta> and <link rel=canonical> tags as the parser meets them; `properties()` gives the result. */
export class PageProperties {
  private readonly seen = new Map<string, string>()

  /** A <meta> or <link> tag's attributes (names in lower case, as htmlparser2 gives them). */
  tag(tag: string, attributes: Record<string, string>): void {
    if (tag === 'link') {
      const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/)
      if (rel.includes('canonical') && attributes.href) this.remember('canonical', attributes.href)
      return
    }
    const name = attributes.property ?? attributes.name ?? attributes.itemprop
    const value = attributes.content ?? attributes.datetime
    if (name && value !== undefined) this.remember(name.trim().toLowerCase(), value)
  }

  private remember(name: string, value: string): void {
    const clean = value.replace(/\s+/g, ' ').trim().slice(0, MAX_VALUE)
    if (clean !== '' && !this.seen.has(name)) this.seen.set(name, clean)
  }

  /**
   * The article's headline as the outlet shares it (og:title, twitter:title, Dublin Core's
   * title): unlike <title>, without the site's name after it. Null when the page gives none.
   */
  headline(): string | null {
    const found = HEADLINE.find((n) => this.seen.has(n))
    return found ? this.seen.get(found)! : null
  }

  /** date, outlet, author and url, as far as the page gives them; null when it gives none. */
  properties(): Record<string, string> | null {
    const out: Record<string, string> = {}
    for (const [property, names] of Object.entries(SOURCES)) {
      const found = names.find((n) => this.seen.has(n))
      if (found) out[property] = this.seen.get(found)!
    }
    return Object.keys(out).length > 0 ? out : null
  }
}
