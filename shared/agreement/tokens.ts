/**
 * The units of token-level agreement. A text is cut into tokens once, deterministically, by the
 * rule below (a regular expression, so a script can reproduce it with Python's `regex` module):
 *
 * 1. A word: a maximal run of letters, marks and digits ([\p{L}\p{M}\p{N}]+), which may continue
 *    across one joiner standing between two such characters: an apostrophe (' ’), a hyphen
 *    (- U+2010 U+2011), a soft hyphen, ZWNJ/ZWJ, or Hebrew geresh/gershayim (׳ ״). So "Putin's",
 *    "Mil-Man", "Zoé" (e + combining accent), "ישראל", "حماس" and "می‌خواهم" are one token each.
 * 2. A flag: two regional indicators (🇺🇦).
 * 3. Any other character that is not whitespace, a control or a format character is a token of its
 *    own, together with the marks, emoji skin-tone modifiers and tag characters that follow it and
 *    any ZWJ-joined continuation: "😀", "👍🏽", "👩‍👩‍👧" and "," are one token each.
 * Whitespace (JavaScript's \s: spaces, NBSP, line breaks, BOM), controls and format characters
 * (LRM/RLM, bidi isolates, zero-width space) outside a token are not units. Character classes
 * follow the Unicode version of the JavaScript engine.
 *
 * Token boundaries are code point offsets into the stored text, end-exclusive, like annotation
 * offsets. A token belongs to an annotation when they overlap by at least one code point
 * (token.start < annotation.end and annotation.start < token.end): an annotation that ends inside
 * a word takes the whole word, and one that covers only whitespace takes no token.
 */

const JOINER = "['\u2019\\-\u2010\u2011\u00AD\u200C\u200D\u05F3\u05F4]"
const WORD = `[\\p{L}\\p{M}\\p{N}]+(?:${JOINER}[\\p{L}\\p{M}\\p{N}]+)*`
const EXTEND = '[\\p{M}\\p{Emoji_Modifier}\\u{E0020}-\\u{E007F}]*'
const SYMBOL = '[^\\s\\p{Cc}\\p{Cf}\\p{L}\\p{M}\\p{N}]'
/** The tokenization rule as a regular expression source (flags: gu). */
export const TOKEN_PATTERN = `${WORD}|\\p{RI}\\p{RI}|${SYMBOL}${EXTEND}(?:\\u200D${SYMBOL}${EXTEND})*`

/** Identifies this rule in reports, so figures computed under another rule are not compared. */
export const TOKENIZATION = 'marginalia-tokens-1'

/** The tokens of a text: token i spans code points [starts[i], ends[i]); sorted, non-overlapping. */
export interface Tokens {
  starts: Int32Array
  ends: Int32Array
  count: number
}

/** Cuts a text into tokens by the rule above, with code point offsets. */
export function tokenize(text: string): Tokens {
  const re = new RegExp(TOKEN_PATTERN, 'gu')
  const starts: number[] = []
  const ends: number[] = []
  let u16 = 0
  let cp = 0
  // Advance the code point counter from u16 to `to`, counting a surrogate pair once.
  const advance = (to: number) => {
    while (u16 < to) {
      const c = text.charCodeAt(u16)
      if (c >= 0xd800 && c <= 0xdbff && u16 + 1 < text.length) {
        const d = text.charCodeAt(u16 + 1)
        if (d >= 0xdc00 && d <= 0xdfff) u16++
      }
      u16++
      cp++
    }
  }
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    advance(m.index)
    starts.push(cp)
    advance(m.index + m[0].length)
    ends.push(cp)
  }
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends), count: starts.length }
}

/** Index of the first token that ends after `offset` (count if none). */
function firstEndingAfter(tokens: Tokens, offset: number): number {
  let lo = 0
  let hi = tokens.count
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (tokens.ends[mid]! <= offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Index of the first token that starts at or after `offset` (count if none). */
function firstStartingFrom(tokens: Tokens, offset: number): number {
  let lo = 0
  let hi = tokens.count
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (tokens.starts[mid]! < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The tokens a span [start, end) overlaps, as the index range [first, end); empty when first >= end. */
export function tokenRange(tokens: Tokens, start: number, end: number): { first: number; end: number } {
  if (end <= start) return { first: 0, end: 0 }
  return { first: firstEndingAfter(tokens, start), end: firstStartingFrom(tokens, end) }
}

/**
 * Which tokens at least one of the spans overlaps: out[i] = 1 or 0. Linear in tokens plus
 * spans · log(tokens), however much the spans nest or overlap (a difference array, not a loop
 * over each span's tokens).
 */
export function coverage(tokens: Tokens, spans: Iterable<{ start: number; end: number }>): Uint8Array {
  const depth = new Int32Array(tokens.count + 1)
  for (const s of spans) {
    const r = tokenRange(tokens, s.start, s.end)
    if (r.first >= r.end) continue
    depth[r.first]!++
    depth[r.end]!--
  }
  const out = new Uint8Array(tokens.count)
  let open = 0
  for (let i = 0; i < tokens.count; i++) {
    open += depth[i]!
    out[i] = open > 0 ? 1 : 0
  }
  return out
}
