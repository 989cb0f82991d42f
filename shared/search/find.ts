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

/** Every hit of `query` in a text, in text order (at most MAX_HITS). */
export function findAll(text: Searchable, query: Query, maxHits = MAX_HITS): FindResult {
  if (query.text === '') return { hits: [], truncated: false }
  const source = text.index.text
  const units: { start: number; end: number }[] = []
  let truncated = false
  const isWord = (u16: number) => {
    if (u16 < 0 || u16 >= source.length) return false
    const c = source.charCodeAt(u16)
    if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95
    return WORD.test(String.fromCodePoint(source.codePointAt(u16)!))
  }
  const wordBefore = (u16: number) => u16 > 0 && isWord((source.charCodeAt(u16 - 1) & 0xfc00) === 0xdc00 ? u16 - 2 : u16 - 1)
  const whole = (s: number, e: number) => !query.wholeWord || (!wordBefore(s) && !isWord(e))
  if (query.mode === 'regex') {
    const re = compileQuery(query)
    if (!(re instanceof RegExp)) return { problem: re }
    for (let m = re.exec(source); m; m = re.exec(source)) {
      if (m[0].length === 0)
        return { problem: { code: 'empty-match', message: 'This pattern matches empty text; make it match at least one character.' } }
      if (!whole(m.index, m.index + m[0].length)) continue
      if (units.length === maxHits) {
        truncated = true
        break
      }
      units.push({ start: m.index, end: m.index + m[0].length })
    }
  } else {
    const folding = { caseInsensitive: !query.caseSensitive, diacriticsInsensitive: !query.diacriticsSensitive }
    const folded = text.fold(folding)
    const needle = foldString(query.text, folding)
    if (needle === '') return { hits: [], truncated: false }
    for (let at = folded.folded.indexOf(needle); at >= 0; at = folded.folded.indexOf(needle, at + 1)) {
      const hit = folded.toText(at, at + needle.length)
      if (!whole(hit.start, hit.end)) continue
      if (units.length && hit.start < units[units.length - 1]!.end) continue
      if (units.length === maxHits) {
        truncated = true
        break
      }
      units.push(hit)
    }
  }
  return { hits: units.map((u) => ({ start: text.index.u16ToCp(u.start), end: text.index.u16ToCp(u.end) })), truncated }
}

/** A hit in its context, for lists of results (keyword in context): up to `width` code points either side. */
export function inContext(index: TextIndex, hit: Hit, width = 40): { before: string; match: string; after: string } {
  const from = Math.max(0, hit.start - width)
  const to = Math.min(index.length, hit.end + width)
  const flat = (s: string) => s.replace(/\s+/g, ' ')
  return { before: flat(index.slice(from, hit.start)), match: index.slice(hit.start, hit.end), after: flat(index.slice(hit.end, to)) }
}
