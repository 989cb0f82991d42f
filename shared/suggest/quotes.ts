/**
 * Quotations in a text, found from the cue set's quotation marks. A straight mark (") opens when
 * white space or an opening bracket or dash is before it and a word is glued after it, and closes
 * when glued to what is before it; curly and angled marks say which they are. Marks of the cue
 * set's `inner` pairs inside a quotation are part of it (nested quotes); outside one, a pair of
 * them within a paragraph is a quotation too (scare quotes, British style), marked `inner`.
 *
 * A quotation may run over paragraphs as news writing does it: a paragraph that ends inside a
 * quotation, followed by a paragraph that opens with a quotation mark, continues it, and the
 * quotation ends at the mark that finally closes it. A quotation never closed ends with its
 * paragraph.
 */
import type { Lexicon } from './lexicon'
import { isWord, type TextUnits } from './text-units'

/** One quotation, by tokens: [first, end) is its content, without the marks. */
export interface Quotation {
  /** Token of the opening mark. */
  open: number
  /** Token of the closing mark, or -1 when it is never closed. */
  close: number
  first: number
  end: number
  /** Made of inner marks outside any other quotation (often scare quotes). */
  inner: boolean
  /** Paragraphs it runs over (1 for most). */
  paragraphs: number
  /** Word tokens in it. */
  words: number
}

const OPEN_BEFORE = new Set(['(', '[', '—', '–', '-', ':', '/'])

/** Every quotation of the text, in text order, none inside another. */
export function findQuotations(u: TextUnits, lexicon: Lexicon): Quotation[] {
  const out: Quotation[] = []
  const glued = (i: number) => i < u.count && !u.spaceBefore[i] && u.paragraph[i] === u.paragraph[i - 1]
  const opensHere = (i: number) =>
    (u.spaceBefore[i] === 1 || OPEN_BEFORE.has(u.raw[i - 1] ?? '') || lexicon.closers.has(u.raw[i - 1] ?? '')) && glued(i + 1)
  const closesHere = (i: number, mark: string, closer: string) => {
    if (mark === closer) return !u.spaceBefore[i] || !glued(i + 1)
    return true
  }
  let i = 0
  while (i < u.count) {
    const r = u.raw[i]!
    const closer = lexicon.closers.get(r)
    const innerCloser = closer === undefined ? lexicon.innerClosers.get(r) : undefined
    if (closer !== undefined && opensHere(i)) {
      i = readQuotation(u, i, r, closer, false, out, closesHere)
    } else if (innerCloser !== undefined && opensHere(i) && isWord(u.raw[i + 1] ?? '')) {
      i = readQuotation(u, i, r, innerCloser, true, out, closesHere)
    } else i++
  }
  return out
}

/** Read one quotation opened at token `open`; returns the token to continue from. */
function readQuotation(
  u: TextUnits,
  open: number,
  mark: string,
  closer: string,
  inner: boolean,
  out: Quotation[],
  closesHere: (i: number, mark: string, closer: string) => boolean,
): number {
  let paragraphs = 1
  let words = 0
  for (let i = open + 1; i < u.count; i++) {
    if (u.paragraph[i] !== u.paragraph[i - 1]) {
      // A new paragraph opening with the same mark continues the quotation (not for inner marks).
      if (!inner && u.raw[i] === mark) {
        paragraphs++
        continue
      }
      if (inner) return open + 1
      out.push({ open, close: -1, first: open + 1, end: i, inner, paragraphs, words })
      return i
    }
    const r = u.raw[i]!
    if (r === closer && closesHere(i, mark, closer) && !(mark === closer && i === open + 1)) {
      out.push({ open, close: i, first: open + 1, end: i, inner, paragraphs, words })
      return i + 1
    }
    if (isWord(r)) words++
  }
  if (inner) return open + 1
  out.push({ open, close: -1, first: open + 1, end: u.count, inner, paragraphs, words })
  return u.count
}

/**
 * The claim a quotation proposes, as a token range: its content without white space, without a
 * comma or colon that ends it inside the marks (`"… partners," said`), keeping a final full stop,
 * question or exclamation mark.
 */
export function quotedClaim(u: TextUnits, q: Quotation): { first: number; end: number } | null {
  let end = q.end
  while (end > q.first && /^[,;:—–-]$/.test(u.raw[end - 1]!)) end--
  if (end <= q.first) return null
  return { first: q.first, end }
}
