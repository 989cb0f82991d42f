/**
 * Moving a span's boundary by one word (the review's Edit form, and Alt+arrows on a highlight) or
 * one character (Alt+Ctrl+arrows): a start moves to the start of the previous or next word, an end
 * to the end of the previous or next word. Words are runs of non-space characters (punctuation
 * stays with its word, as a reviewer selecting with the mouse would take it). And snapping a
 * selection to whole words, so "opped note" is tagged as "stopped note". Counts code points, like
 * stored offsets.
 */

const SPACE = /\s/u
const WINDOW = 400

/** What the nudge needs of a text: its length and slices, in code points (TextIndex fits). */
export interface CodePointText {
  readonly length: number
  slice(start: number, end: number): string
}

/** The span with one boundary moved by a word; the span never becomes empty. */
export function nudge(
  text: CodePointText,
  span: { start: number; end: number },
  boundary: 'start' | 'end',
  dir: 1 | -1,
): { start: number; end: number } {
  const from = Math.max(0, (boundary === 'start' ? span.start : span.end) - WINDOW)
  const to = Math.min(text.length, (boundary === 'start' ? span.start : span.end) + WINDOW)
  const chars = Array.from(text.slice(from, to))
  const space = (i: number) => SPACE.test(chars[i - from]!)
  let p = boundary === 'start' ? span.start : span.end
  if (boundary === 'start' && dir === -1) {
    while (p > from && space(p - 1)) p--
    while (p > from && !space(p - 1)) p--
  } else if (boundary === 'start') {
    while (p < to && !space(p)) p++
    while (p < to && space(p)) p++
  } else if (dir === 1) {
    while (p < to && space(p)) p++
    while (p < to && !space(p)) p++
  } else {
    while (p > from && !space(p - 1)) p--
    while (p > from && space(p - 1)) p--
  }
  const next = boundary === 'start' ? { start: p, end: span.end } : { start: span.start, end: p }
  return next.end > next.start ? next : span
}

/** Characters as a reader sees them (grapheme clusters: an emoji family, a letter with its accents), when the runtime has them. */
const GRAPHEMES = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null

/**
 * The code point where the character (grapheme cluster) next to `at` in direction `dir` ends: one
 * code point on, or a whole cluster (👨‍👩‍👧 is five code points, é written as e and U+0301 two).
 */
function characterStep(text: CodePointText, at: number, dir: 1 | -1): number {
  if (!GRAPHEMES) return at + dir
  const from = Math.max(0, at - 64)
  const to = Math.min(text.length, at + 64)
  let p = from
  let before = from
  for (const { segment } of GRAPHEMES.segment(text.slice(from, to))) {
    const next = p + Array.from(segment).length
    if (dir === 1 && next > at) return next
    if (dir === -1 && next >= at) return p < at ? p : before
    before = p
    p = next
  }
  return at + dir
}

/** The span with one boundary moved by one character as seen (a grapheme cluster); the span never becomes empty nor leaves the text. */
export function nudgeCharacter(
  text: CodePointText,
  span: { start: number; end: number },
  boundary: 'start' | 'end',
  dir: 1 | -1,
): { start: number; end: number } {
  const next =
    boundary === 'start'
      ? { start: characterStep(text, span.start, dir), end: span.end }
      : { start: span.start, end: characterStep(text, span.end, dir) }
  return next.start >= 0 && next.end <= text.length && next.end > next.start ? next : span
}

const LETTER = /[\p{L}\p{N}\p{M}]/u

/** Words as Unicode (ICU) finds them, with dictionaries for Chinese, Japanese, Thai, Khmer and Lao, which write no spaces. */
const WORDS = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'word' }) : null

/**
 * The span widened to whole words: a start inside a word moves back to the word's start, an end
 * inside a word moves on to the word's end; a boundary beside punctuation or space stays where
 * the user put it. Words are what Unicode's word segmentation finds (Intl.Segmenter), so in
 * Chinese, Japanese or Thai a word is a dictionary word, not the whole run of characters up to
 * the next punctuation; without it, runs of letters, digits and combining marks.
 */
export function snapToWords(text: CodePointText, span: { start: number; end: number }): { start: number; end: number } {
  const from = Math.max(0, span.start - WINDOW)
  const to = Math.min(text.length, span.end + WINDOW)
  const slice = text.slice(from, to)
  if (WORDS) {
    let { start, end } = span
    let at = from
    for (const seg of WORDS.segment(slice)) {
      const length = Array.from(seg.segment).length
      const segEnd = at + length
      if (seg.isWordLike) {
        if (start > at && start < segEnd) start = at
        if (end > at && end < segEnd) end = segEnd
      }
      at = segEnd
      if (at >= span.end && at >= end) break
    }
    return { start, end }
  }
  const chars = Array.from(slice)
  const letter = (i: number) => i >= from && i < to && LETTER.test(chars[i - from]!)
  let { start, end } = span
  while (start > from && letter(start - 1) && letter(start)) start--
  while (end < to && letter(end - 1) && letter(end)) end++
  return { start, end }
}

/** What a drag that would empty a span says. */
export const EMPTY_SPAN = 'A span must keep at least one character: drag the end after the start.'

/**
 * The span with one end put at `offset` (where a drag left it), snapped to the word it falls in
 * when `snap` is on; null when the span would be empty or turned inside out.
 */
export function placeBoundary(
  text: CodePointText,
  span: { start: number; end: number },
  boundary: 'start' | 'end',
  offset: number,
  snap: boolean,
): { start: number; end: number } | null {
  let next = boundary === 'start' ? { start: offset, end: span.end } : { start: span.start, end: offset }
  if (next.end <= next.start) return null
  if (snap) {
    const snapped = snapToWords(text, next)
    next = boundary === 'start' ? { start: snapped.start, end: span.end } : { start: span.start, end: snapped.end }
  }
  return next
}
