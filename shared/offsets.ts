/**
 * Offsets between the three ways Marginalia counts positions in a text:
 * - code points (what is stored and exported: Python's text[start:end]),
 * - UTF-16 code units (JavaScript strings, the DOM),
 * - ProseMirror positions in the editor's document, where each line of the stored text
 *   (split on '\n') is one paragraph node: position = utf16 + (lines before it) + 1.
 * A TextIndex is built once per text (one pass) and answers each conversion by binary search,
 * so converting is cheap even in a book-length text.
 */

/** Length of a string in Unicode code points. */
export function codePointLength(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) i++
    }
    n++
  }
  return n
}

/** Number of values in the sorted array that are strictly less than x. */
function countBelow(sorted: readonly number[], x: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Conversions between code points, UTF-16 units and editor positions for one text. */
export class TextIndex {
  readonly text: string
  /** Length in code points. */
  readonly length: number
  /** UTF-16 index of the high surrogate of each astral character, ascending. */
  private readonly astralU16: number[] = []
  /** Code point index of each astral character, ascending. */
  private readonly astralCp: number[] = []
  /** UTF-16 index of each '\n', ascending. */
  private readonly newlines: number[] = []

  constructor(text: string) {
    this.text = text
    let cp = 0
    for (let i = 0; i < text.length; i++, cp++) {
      const c = text.charCodeAt(i)
      if (c === 10) this.newlines.push(i)
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1)
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.astralU16.push(i)
          this.astralCp.push(cp)
          i++
        }
      }
    }
    this.length = cp
  }

  /** How many lines (the editor's paragraphs) the text has: one more than its line feeds. */
  get lineCount(): number {
    return this.newlines.length + 1
  }

  /** UTF-16 index where line `i` starts. */
  lineStartU16(i: number): number {
    return i <= 0 ? 0 : this.newlines[i - 1]! + 1
  }

  /** UTF-16 index where line `i` ends (its line feed, or the end of the text). */
  lineEndU16(i: number): number {
    return i < this.newlines.length ? this.newlines[i]! : this.text.length
  }

  /** The line holding UTF-16 index `u16` (a line feed belongs to the line it ends). */
  lineOfU16(u16: number): number {
    return countBelow(this.newlines, u16)
  }

  /** The editor position where line `i`'s content starts (in the editor document of the whole text). */
  lineStartPm(i: number): number {
    return this.lineStartU16(i) + i + 1
  }

  /** The line an editor position lies in (positions between two paragraphs belong to the later one). */
  lineOfPm(pm: number): number {
    // Line i's content starts at lineStartU16(i) + i + 1; find the last one starting at or before pm.
    let lo = 0
    let hi = this.newlines.length
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1
      if (this.newlines[mid - 1]! + 1 + mid + 1 <= pm) lo = mid
      else hi = mid - 1
    }
    return lo
  }

  /** The lines of the text (the editor's paragraphs), without their '\n'. */
  lines(): string[] {
    return this.text.split('\n')
  }

  /** UTF-16 index of a code point offset (0..length). */
  cpToU16(cp: number): number {
    if (cp < 0 || cp > this.length) throw new RangeError(`offset ${cp} is outside the text (0..${this.length})`)
    return cp + countBelow(this.astralCp, cp)
  }

  /** Code point offset of a UTF-16 index; an index inside a surrogate pair rounds down. */
  u16ToCp(u16: number): number {
    if (u16 < 0 || u16 > this.text.length) throw new RangeError(`index ${u16} is outside the text (0..${this.text.length})`)
    // Astral characters starting before u16 each took two units; one inside a pair rounds down.
    return u16 - countBelow(this.astralU16, u16)
  }

  /** Editor position of a UTF-16 index. */
  u16ToPm(u16: number): number {
    return u16 + countBelow(this.newlines, u16) + 1
  }

  /** UTF-16 index of an editor position; positions between paragraphs clamp to the line's end. */
  pmToU16(pm: number): number {
    // Paragraph i starts at position p_i = lineStart_i + i, its content at p_i + 1.
    let lo = 0
    let hi = this.newlines.length
    // Find the last line i whose content start (lineStart_i + i + 1) <= pm.
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1
      const start = this.newlines[mid - 1]! + 1 + mid + 1
      if (start <= pm) lo = mid
      else hi = mid - 1
    }
    const line = lo
    const lineStart = line === 0 ? 0 : this.newlines[line - 1]! + 1
    const lineEnd = line < this.newlines.length ? this.newlines[line]! : this.text.length
    const u16 = pm - line - 1
    return Math.max(lineStart, Math.min(lineEnd, u16))
  }

  /** Editor position of a code point offset. */
  cpToPm(cp: number): number {
    return this.u16ToPm(this.cpToU16(cp))
  }

  /** Code point offset of an editor position. */
  pmToCp(pm: number): number {
    return this.u16ToCp(this.pmToU16(pm))
  }

  /** The text between two code point offsets (end-exclusive). */
  slice(start: number, end: number): string {
    return this.text.slice(this.cpToU16(start), this.cpToU16(end))
  }
}

/** Characters of context kept either side of a quote. */
export const QUOTE_CONTEXT = 32

/** The W3C TextQuoteSelector fields for [start, end) in code points. */
export function quoteAt(
  index: TextIndex,
  start: number,
  end: number,
  context = QUOTE_CONTEXT,
): { exact: string; prefix: string; suffix: string } {
  return {
    exact: index.slice(start, end),
    prefix: index.slice(Math.max(0, start - context), start),
    suffix: index.slice(end, Math.min(index.length, end + context)),
  }
}

/** Python-style slicing by code points, for tests and scripts: sliceCodePoints(s, a, b) == s[a:b]. */
export function sliceCodePoints(s: string, start: number, end: number): string {
  return Array.from(s).slice(start, end).join('')
}
