/**
 * A text folded for searching — lowercased, and with diacritics removed (é, è, ê → e; ﬁ is kept),
 * and always with every space separator (no-break, thin, …) read as a space and every typographic
 * quote or apostrophe (’ ‘ ʼ “ ” „) as the typed one (' or ") — with a map from every folded position back to the text, so a hit found in the folded text has
 * exact offsets in the stored text. Built once per text and option (one pass; ASCII, most of a
 * news text, takes a fast path) and reused for every query, so typing in the find box costs one
 * indexOf over the folded string.
 */

/** How a text is folded: which differences a search ignores. */
export interface Folding {
  /** Ignore case: "kremlin" finds "Kremlin". */
  caseInsensitive: boolean
  /** Ignore diacritics: "peskov" finds "Peskóv", "zoe" finds "Zoé" (either spelled with one character or with a combining mark). */
  diacriticsInsensitive: boolean
}

const MARKS = /\p{M}/gu
/** Space separators other than the space (no-break, thin, narrow no-break, em…): a search always reads them as a space. */
const SPACES = /(?! )\p{Zs}/gu

/** Curly and other typographic apostrophes and single quotes: a search reads them as the typed '. */
const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u02BC\u2032]/gu
/** Curly and low double quotes: a search reads them as the typed ". */
const QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/gu

/** Spaces, apostrophes and quotes as a keyboard types them: what every search does first. */
function typed(s: string): string {
  return s.replace(SPACES, ' ').replace(APOSTROPHES, "'").replace(QUOTES, '"')
}

/** One character (a code point) folded: any space separator to a space, a curly quote to a straight one, then by `folding`. */
export function foldCharacter(ch: string, folding: Folding): string {
  let s = typed(ch)
  if (folding.diacriticsInsensitive) s = s.normalize('NFD').replace(MARKS, '')
  if (folding.caseInsensitive) s = s.toLowerCase()
  return s
}

/**
 * A string folded for "does it contain" tests (filters), all at once with the engine's own
 * normalisation: much faster than foldString over long lists, but without a way back to offsets.
 */
export function foldForMatching(s: string): string {
  return typed(s.normalize('NFD').replace(MARKS, '')).toLowerCase()
}

/** A string folded as a whole (a query). */
export function foldString(s: string, folding: Folding): string {
  let out = ''
  for (const ch of s) out += foldCharacter(ch, folding)
  return out
}

/** A text folded for searching, with its way back to the text's UTF-16 positions. */
export class FoldedText {
  /** The folded text. */
  readonly folded: string
  /** For each UTF-16 unit of `folded`, the UTF-16 index in the text of the character it came from; one more entry for the end. */
  private readonly source: Uint32Array

  constructor(
    readonly text: string,
    readonly folding: Folding,
  ) {
    let units = new Uint16Array(text.length + 16)
    let map = new Uint32Array(text.length + 17)
    let length = 0
    // A text uses few distinct characters: fold each once.
    const seen = new Map<number, string>()
    const lower = folding.caseInsensitive
    for (let i = 0; i < text.length;) {
      const c = text.charCodeAt(i)
      if (c < 128) {
        if (length + 1 >= units.length) [units, map] = grown(units, map, length + 1)
        units[length] = lower && c >= 65 && c <= 90 ? c + 32 : c
        map[length++] = i++
        continue
      }
      const cp = text.codePointAt(i)!
      const width = cp > 0xffff ? 2 : 1
      let folded = seen.get(cp)
      if (folded === undefined) seen.set(cp, (folded = foldCharacter(String.fromCodePoint(cp), folding)))
      if (folded.length === 1 && length + 1 < units.length) {
        units[length] = folded.charCodeAt(0)
        map[length++] = i
        i += width
        continue
      }
      if (length + folded.length >= units.length) [units, map] = grown(units, map, length + folded.length)
      for (let k = 0; k < folded.length; k++) {
        units[length] = folded.charCodeAt(k)
        map[length++] = i
      }
      i += width
    }
    map[length] = text.length
    // Lone surrogates (not in a stored text, which is valid UTF-8) would not survive decoding; none come from folding.
    this.folded = new TextDecoder('utf-16le').decode(units.subarray(0, length))
    this.source = map.subarray(0, length + 1)
  }

  /**
   * The text's UTF-16 range a folded range [start, end) came from: from the first character it
   * touches to the end of the last, including the combining marks folding dropped after it.
   */
  toText(start: number, end: number): { start: number; end: number } {
    const from = this.source[start]!
    if (end <= start) return { start: from, end: from }
    const last = this.source[end - 1]!
    let j = end
    while (j < this.folded.length && this.source[j] === last) j++
    return { start: from, end: this.source[j]! }
  }
}

/** Both arrays with room for at least `needed` + 1 entries. */
function grown(
  units: Uint16Array<ArrayBuffer>,
  map: Uint32Array<ArrayBuffer>,
  needed: number,
): [Uint16Array<ArrayBuffer>, Uint32Array<ArrayBuffer>] {
  const size = Math.max(units.length * 2, needed + 16)
  const u = new Uint16Array(size)
  u.set(units)
  const m = new Uint32Array(size + 1)
  m.set(map)
  return [u, m]
}
