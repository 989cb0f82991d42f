/**
 * Re-anchoring: finding where an annotation belongs in a text that is not exactly the text it
 * was made on (a colleague's copy with a fixed typo, a re-imported file). The quote is searched
 * for exactly; each occurrence is scored by how much of the stored prefix and suffix surround it
 * (the distance from the old position only orders candidates with different context). No
 * occurrence, two equally well surrounded ones, or occurrences none of which keeps at least a few
 * characters of the stored context (the same words said somewhere else: another mention of the
 * same name) means the annotation cannot be placed: it is reported, never guessed.
 */
import type { TextIndex } from '../offsets'

export interface QuoteToPlace {
  exact: string
  prefix: string
  suffix: string
  /** Where it was, in code points, as a tie-breaker. */
  start: number
}

export type Placement =
  | { start: number; end: number; exactPosition: boolean; reason: null }
  | { start: null; end: null; exactPosition: false; reason: 'not-found' | 'ambiguous' | 'elsewhere' }

/** How many characters of the stored context (prefix and suffix together) a new place must keep, at most. */
const CONTEXT_NEEDED = 8

function commonSuffix(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++
  return n
}

function commonPrefix(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}

/** Where `quote` belongs in `index`'s text, or why it cannot be placed. */
export function placeQuote(index: TextIndex, quote: QuoteToPlace): Placement {
  const { text } = index
  if (quote.exact === '') return { start: null, end: null, exactPosition: false, reason: 'not-found' }
  const hint = quote.start
  // Where the position still holds the same text, nothing needs to move.
  if (hint + Array.from(quote.exact).length <= index.length && index.slice(hint, hint + Array.from(quote.exact).length) === quote.exact) {
    const start = hint
    const before = index.slice(Math.max(0, start - quote.prefix.length), start)
    if (before === quote.prefix || quote.prefix === '')
      return { start, end: start + Array.from(quote.exact).length, exactPosition: true, reason: null }
  }
  const candidates: { start: number; context: number; score: number }[] = []
  for (let at = text.indexOf(quote.exact); at >= 0; at = text.indexOf(quote.exact, at + 1)) {
    const before = text.slice(Math.max(0, at - quote.prefix.length * 2), at)
    const after = text.slice(at + quote.exact.length, at + quote.exact.length + quote.suffix.length * 2)
    const context = commonSuffix(before, quote.prefix) + commonPrefix(after, quote.suffix)
    const start = index.u16ToCp(at)
    const distance = Math.abs(start - hint) / Math.max(1, index.length)
    candidates.push({ start, context, score: context - distance })
  }
  if (candidates.length === 0) return { start: null, end: null, exactPosition: false, reason: 'not-found' }
  candidates.sort((a, b) => b.score - a.score)
  const [best, second] = candidates
  // Equally well surrounded occurrences cannot be told apart: say so rather than guess by distance.
  if (second && second.context === best!.context) return { start: null, end: null, exactPosition: false, reason: 'ambiguous' }
  // The words are here, but not among the words they were among: another mention, not this one.
  if (best!.context < Math.min(CONTEXT_NEEDED, quote.prefix.length + quote.suffix.length))
    return { start: null, end: null, exactPosition: false, reason: 'elsewhere' }
  return { start: best!.start, end: best!.start + Array.from(quote.exact).length, exactPosition: false, reason: null }
}
