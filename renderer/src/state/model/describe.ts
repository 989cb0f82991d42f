/**
 * How annotations are named on screen: shortened quotes, the name a source goes by, and which way
 * a stretch of text runs.
 */
import type { Annotation } from '../../../../shared/model/annotation'
import { plural } from '../../../../shared/plural'

/** Shorten text for display, collapsing whitespace and cutting on a whole character. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`
}

/** The name a source goes by: its canonical name if it has one, else its text. */
export function sourceName(source: Annotation): string {
  return source.attributes.name?.trim() || source.target.quote.exact
}

/** The option text for a source in a "Source" list: its text, and its canonical name when set. */
export function sourceOption(source: Annotation): string {
  const quote = truncate(source.target.quote.exact, 60)
  const name = source.attributes.name?.trim()
  return name && name !== source.target.quote.exact ? `${name} — ${quote}` : quote
}

/** The last `n` words of a text (what comes right before a span). */
function lastWords(text: string, n: number): string {
  return text.trim().split(/\s+/).slice(-n).join(' ')
}

/** The first `n` words of a text (what comes right after a span). */
function firstWords(text: string, n: number): string {
  return text.trim().split(/\s+/).slice(0, n).join(' ')
}

/** Each source's option text and its text with context, worked out once per annotation object (a change makes a new one). */
const optionCache = new WeakMap<Annotation, { plain: string; around?: string }>()

function cachedOption(source: Annotation): { plain: string; around?: string } {
  let entry = optionCache.get(source)
  if (!entry) optionCache.set(source, (entry = { plain: sourceOption(source) }))
  return entry
}

/**
 * The option texts of a "Source" list, by annotation id: sourceOption, and where several sources
 * would read the same (seventeen mentions of "Putin" tagged with one name), each with a few words
 * around it in the text, so the mentions can be told apart. Texts are kept per annotation object,
 * so the list made again after each change costs a lookup per source.
 */
export function sourceOptions(sources: readonly Annotation[]): Map<string, string> {
  const seen = new Map<string, number>()
  for (const s of sources) {
    const { plain } = cachedOption(s)
    seen.set(plain, (seen.get(plain) ?? 0) + 1)
  }
  const out = new Map<string, string>()
  for (const s of sources) {
    const entry = cachedOption(s)
    if (seen.get(entry.plain)! < 2) {
      out.set(s.id, entry.plain)
      continue
    }
    if (entry.around === undefined) {
      const { prefix, exact, suffix } = s.target.quote
      entry.around = `${entry.plain} · ${truncate(`…${lastWords(prefix, 3)} ${exact} ${firstWords(suffix, 3)}…`, 70)}`
    }
    out.set(s.id, entry.around)
  }
  return out
}

const STRONG = /[\p{L}]/u
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|[\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u

/** The direction of a text as `dir="auto"` would find it: its first strong letter's (ltr when none). */
export function textDirection(text: string): 'ltr' | 'rtl' {
  for (const ch of text) if (STRONG.test(ch)) return RTL.test(ch) ? 'rtl' : 'ltr'
  return 'ltr'
}

/** A time as "2026-12-01 10:00", in the user's time zone (memos, replies). */
export function shortTime(iso: string): string {
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/**
 * What an annotator has done, for choosing whom to review: "4 annotations in 1 document; nothing
 * to tag in 1" (a document marked done with nothing tagged is a layer, but holds no annotations).
 */
export function annotatorWork(a: { documents: number; annotations: number; nothingToTag: number }): string {
  const annotated = a.documents - a.nothingToTag
  const nothing = `nothing to tag in ${plural(a.nothingToTag, 'document')}`
  if (annotated === 0) return a.nothingToTag > 0 ? nothing[0]!.toUpperCase() + nothing.slice(1) : 'No annotations'
  const work = `${plural(a.annotations, 'annotation')} in ${plural(annotated, 'document')}`
  return a.nothingToTag > 0 ? `${work}; nothing to tag in ${a.nothingToTag.toLocaleString('en')}` : work
}
