/**
 * Finding a query in a stored text: plain text (whole words or anywhere; case and diacritics
 * ignored by default) or a regular expression (Unicode-aware). Runs on the stored text, never the
 * DOM, so it finds every hit of a book whatever part of it is drawn, and gives each hit as code
 * point offsets, like every stored annotation. Bad input comes back as one sentence, never thrown.
 */
import { FoldedText, foldString, type Folding } from './folded-text'
import type { TextIndex } from '../offsets'

/** What to look for. */
export interface Query {
  text: string
  /** 'plain': the text as typed; 'regex': a JavaScript regular expression (with the u flag). */
  mode: 'plain' | 'regex'
  /** Only hits that are whole words (no letter or digit just before or after). */
  wholeWord: boolean
  caseSensitive: boolean
  /** Plain text only: "e" also finds "é". */
  diacriticsSensitive: boolean
}

/** The defaults of the find box: plain, whole word, ignoring case and diacritics. */
export const DEFAULT_QUERY: Query = { text: '', mode: 'plain', wholeWord: true, caseSensitive: false, diacriticsSensitive: false }

/** A hit: code point offsets into the stored text, end-exclusive. */
export interface Hit {
  start: number
  end: number
}

/** Why a query cannot run: the pattern is not a regular expression, or it would match empty text. */
export type QueryProblem = { code: 'invalid-pattern' | 'empty-match'; message: string }

export type FindResult = { hits: Hit[]; truncated: boolean } | { problem: QueryProblem }

/** The most hits one search returns; the rest are counted as truncated. */
export const MAX_HITS = 100_000

const WORD = /[\p{L}\p{N}\p{M}_]/u

/** Folded copies of one text, made when first asked for and kept (they are the expensive part). */
export class Searchable {
  private readonly folded = new Map<string, FoldedText>()
  constructor(readonly index: TextIndex) {}

  fold(folding: Folding): FoldedText {
    const key = `${folding.caseInsensitive}${folding.diacriticsInsensitive}`
    let f = this.folded.get(key)
    if (!f) this.folded.set(key, (f = new FoldedText(this.index.text, folding)))
    return f
  }
}

/** A regular expression for a query, or the sentence that says why there is none. */
export function compileQuery(query: Query): RegExp | QueryProblem {
  if (query.mode !== 'regex') return new RegExp('', 'gu')
  try {
    return new RegExp(query.text, query.caseSensitive ? 'gu' : 'giu')
  } catch (e) {
    const detail = (e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '')
    return { code: 'invalid-pattern', message: `This is not a regular expression Marginalia can use: ${detail}.` }
  }
}

/** The sentence for a pattern that matches empty text. */
export const EMPTY_MATCH: QueryProblem = {
  code: 'empty-match',
  message: 'This pattern matches empty text; make it match at least one character.',
}

/**
 * The matches of a compiled pattern in a text, as UTF-16 [start, end) pairs, at most `max`, or
 * EMPTY_MATCH. The whole regular-expression search is this loop; the host runs the same loop in a
 * worker it can stop (app/search-service.ts), so a pattern that takes forever cannot hang it.
 */
export function regexMatches(source: string, re: RegExp, max: number): [number, number][] | QueryProblem {
  const out: [number, number][] = []
  re.lastIndex = 0
  for (let m = re.exec(source); m && out.length <= max; m = re.exec(source)) {
    if (m[0].length === 0) return EMPTY_MATCH
    out.push([m.index, m.index + m[0].length])
  }
  return out
}

/** Every hit of `query` in a text, in text order (at most MAX_HITS). */
export function findAll(text: Searchable, query: Query, maxHits = MAX_HITS): FindResult {
  if (query.text === '') return { hits: [], truncated: false }
  if (query.mode === 'regex') {
    const re = compileQuery(query)
    if (!(re instanceof RegExp)) return { problem: re }
    const matches = regexMatches(text.index.text, re, maxHits)
    return Array.isArray(matches) ? hitsOf(text, query, matches, maxHits) : { problem: matches }
  }
  const folding = { caseInsensitive: !query.caseSensitive, diacriticsInsensitive: !query.diacriticsSensitive }
  const folded = text.fold(folding)
  const needle = foldString(query.text, folding)
  if (needle === '') return { hits: [], truncated: false }
  const matches: [number, number][] = []
  let last = -1
  for (let at = folded.folded.indexOf(needle); at >= 0; at = folded.folded.indexOf(needle, at + 1)) {
    const hit = folded.toText(at, at + needle.length)
    if (hit.start < last || (query.wholeWord && !isWholeWord(text.index.text, hit.start, hit.end))) continue
    matches.push([hit.start, hit.end])
    last = hit.end
    if (matches.length > maxHits) break
  }
  return hitsOf(text, query, matches, maxHits)
}

/**
 * Hits from UTF-16 matches in the text: whole words only when the query asks, at most `maxHits`
 * (truncated when there were more), as code point offsets.
 */
export function hitsOf(text: Searchable, query: Query, matches: readonly (readonly [number, number])[], maxHits = MAX_HITS): FindResult {
  const source = text.index.text
  const kept = query.mode === 'regex' && query.wholeWord ? matches.filter(([s, e]) => isWholeWord(source, s, e)) : matches
  const truncated = kept.length > maxHits
  const hits = kept.slice(0, maxHits).map(([s, e]) => ({ start: text.index.u16ToCp(s), end: text.index.u16ToCp(e) }))
  return { hits, truncated }
}

/**
 * Whether [start, end) (UTF-16) is a whole word: no letter, digit or mark just before or after
 * it; or, where the text beside it is in a script written without spaces (Chinese, Japanese,
 * Thai, Lao, Khmer, Burmese), a word boundary there as Unicode's word segmentation finds it, with
 * its dictionaries (Intl.Segmenter), as tagging snaps to words: 北京 is a whole word in 在北京讨论.
 */
function isWholeWord(source: string, start: number, end: number): boolean {
  const before = start > 0 && (source.charCodeAt(start - 1) & 0xfc00) === 0xdc00 ? start - 2 : start - 1
  return (
    (!isWordAt(source, before) || isSegmentBoundary(source, before, start)) &&
    (!isWordAt(source, end) || isSegmentBoundary(source, end - 1, end))
  )
}

/** Scripts written without spaces between words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u
const WORDS = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'word' }) : null
/** How much text either side of a boundary the segmenter is shown (UTF-16 units). */
const SEGMENT_CONTEXT = 32

/**
 * Whether Unicode's word segmentation puts a boundary at `at` (UTF-16), when the character just
 * before it (starting at `left`) or the one at it is in a script written without spaces; false
 * otherwise (between two letters of a spaced script there is none).
 */
function isSegmentBoundary(source: string, left: number, at: number): boolean {
  if (!WORDS || left < 0 || at >= source.length) return false
  if (!UNSPACED.test(String.fromCodePoint(source.codePointAt(left)!)) && !UNSPACED.test(String.fromCodePoint(source.codePointAt(at)!)))
    return false
  let from = Math.max(0, at - SEGMENT_CONTEXT)
  if (from > 0 && (source.charCodeAt(from) & 0xfc00) === 0xdc00) from--
  let to = Math.min(source.length, at + SEGMENT_CONTEXT)
  if (to < source.length && (source.charCodeAt(to) & 0xfc00) === 0xdc00) to++
  for (const seg of WORDS.segment(source.slice(from, to))) {
    const edge = from + seg.index
    if (edge >= at) return edge === at
  }
  return false
}

function isWordAt(source: string, u16: number): boolean {
  if (u16 < 0 || u16 >= source.length) return false
  const c = source.charCodeAt(u16)
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95
  return WORD.test(String.fromCodePoint(source.codePointAt(u16)!))
}

/** Per text: for each of its lines, how many lines up to it hold more than white space. */
const paragraphCounts = new WeakMap<TextIndex, Int32Array>()

/**
 * The paragraph, counted from 1, in which code point `cp` lies, as lists of hits show it ("¶ 12"):
 * lines that hold only white space (the blank line between two paragraphs) are not counted, as a
 * reader would not count them. The count is made once per text.
 */
export function paragraphOf(index: TextIndex, cp: number): number {
  let counts = paragraphCounts.get(index)
  if (!counts) {
    counts = new Int32Array(index.lineCount)
    let n = 0
    for (let line = 0; line < index.lineCount; line++) {
      const start = index.lineStartU16(line)
      const end = index.lineEndU16(line)
      // Most lines start with a visible ASCII character: no slice to make for them.
      const first = start < end ? index.text.charCodeAt(start) : 0
      if ((first > 32 && first < 127) || (start < end && index.text.slice(start, end).trim() !== '')) n++
      counts[line] = n
    }
    paragraphCounts.set(index, counts)
  }
  return Math.max(1, counts[index.lineOfU16(index.cpToU16(cp))]!)
}

/** A hit in its context, for lists of results (keyword in context): up to `width` code points either side. */
export function inContext(index: TextIndex, hit: Hit, width = 40): { before: string; match: string; after: string } {
  const from = Math.max(0, hit.start - width)
  const to = Math.min(index.length, hit.end + width)
  const flat = (s: string) => s.replace(/\s+/g, ' ')
  return { before: flat(index.slice(from, hit.start)), match: index.slice(hit.start, hit.end), after: flat(index.slice(hit.end, to)) }
}
