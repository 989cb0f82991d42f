/**
 * An annotation as `documents.open` sends it: without its quote when the text gives that quote
 * (quoteAt at its offsets, as the stored form is made), so a long document's reply does not carry
 * every highlighted passage twice. The host leaves out only what the page can rebuild exactly; a
 * quote that differs from the text (a damaged or changed text) is sent as stored. The page puts the
 * quotes back from the text it has just received, as slices of that one string.
 */
import type { Annotation, TextQuoteSelector } from '../model/annotation'
import { QUOTE_CONTEXT, quoteAt, type TextIndex } from '../offsets'

/** An annotation on the wire: its quote left out when `quoteAt` on the sent text gives it. */
export type SentAnnotation = Omit<Annotation, 'target'> & {
  target: { position: Annotation['target']['position']; quote?: TextQuoteSelector }
}

/** The annotations to send with `text`: each without its quote where the text gives the same one. */
export function withoutTextQuotes(text: TextIndex, annotations: readonly Annotation[]): SentAnnotation[] {
  return annotations.map((a): SentAnnotation => (givesQuote(text, a) ? { ...a, target: { position: a.target.position } } : a))
}

/** Whether quoteAt on `text` gives the annotation's stored quote: compared in place, no slices made. */
function givesQuote(text: TextIndex, a: Annotation): boolean {
  const { start, end } = a.target.position
  const q = a.target.quote
  if (end > text.length || start > end) return false
  const s = text.text
  const u0 = text.cpToU16(Math.max(0, start - QUOTE_CONTEXT))
  const u1 = text.cpToU16(start)
  const u2 = text.cpToU16(end)
  const u3 = text.cpToU16(Math.min(text.length, end + QUOTE_CONTEXT))
  return (
    q.exact.length === u2 - u1 &&
    q.prefix.length === u1 - u0 &&
    q.suffix.length === u3 - u2 &&
    s.startsWith(q.exact, u1) &&
    s.startsWith(q.prefix, u0) &&
    s.startsWith(q.suffix, u2)
  )
}

/** The annotations as stored: each quote that was left out, taken from `text` again. */
export function withTextQuotes(text: TextIndex, annotations: readonly SentAnnotation[]): Annotation[] {
  return annotations.map((a) => {
    if (a.target.quote) return a as Annotation
    const { start, end } = a.target.position
    return { ...a, target: { position: a.target.position, quote: { type: 'TextQuoteSelector', ...quoteAt(text, start, end) } } }
  })
}
