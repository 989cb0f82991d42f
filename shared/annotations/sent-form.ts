/**
 * An annotation as `documents.open` and `review.open` send it: without what the page already has.
 * - Its quote, when the text gives that quote (quoteAt at its offsets, as the stored form is made),
 *   so a long document's reply does not carry every highlighted passage twice. A quote that
 *   differs from the text (a damaged or changed text) is sent as stored.
 * - Its author, when it is the layer's annotator (as it is for every annotation a layer holds).
 * - Its `modified` time, when it equals `created`.
 * - The selector's `type`, which is always "TextPositionSelector".
 * The page puts all of it back, in the stored form's key order: the quotes as slices of the text
 * it has just received, the author and the repeated times as one shared string each, so the layer
 * takes less memory in the page than one parsed whole.
 */
import type { Annotation, TextQuoteSelector } from '../model/annotation'
import { QUOTE_CONTEXT, quoteAt, type TextIndex } from '../offsets'

/** An annotation on the wire (see the module comment for what is left out and when). */
export interface SentAnnotation {
  id: string
  label: string
  target: { position: { start: number; end: number }; quote?: TextQuoteSelector }
  attributes: Annotation['attributes']
  note: string
  /** Absent: the layer's annotator. */
  author?: string
  created: string
  /** Absent: the same as `created`. */
  modified?: string
}

/** The annotations of `author`'s layer to send with `text`. */
export function sentAnnotations(text: TextIndex, author: string, annotations: readonly Annotation[]): SentAnnotation[] {
  return annotations.map((a) => {
    const { start, end } = a.target.position
    const sent: SentAnnotation = {
      id: a.id,
      label: a.label,
      target: { position: { start, end } },
      attributes: a.attributes,
      note: a.note,
      created: a.created,
    }
    if (!givesQuote(text, a)) sent.target.quote = a.target.quote
    if (a.author !== author) sent.author = a.author
    if (a.modified !== a.created) sent.modified = a.modified
    return sent
  })
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

/** The annotations of `author`'s layer as stored, each with what was left out put back from `text`. */
export function receivedAnnotations(text: TextIndex, author: string, annotations: readonly SentAnnotation[]): Annotation[] {
  const times = new Map<string, string>()
  // One string for each distinct time: many annotations share theirs (a batch, created = modified).
  const shared = (t: string) => {
    const known = times.get(t)
    if (known !== undefined) return known
    times.set(t, t)
    return t
  }
  return annotations.map((a) => {
    const { start, end } = a.target.position
    const created = shared(a.created)
    return {
      id: a.id,
      label: a.label,
      target: {
        position: { type: 'TextPositionSelector', start, end },
        quote: a.target.quote ?? { type: 'TextQuoteSelector', ...quoteAt(text, start, end) },
      },
      attributes: a.attributes,
      note: a.note,
      author: a.author ?? author,
      created,
      modified: a.modified === undefined ? created : shared(a.modified),
    }
  })
}
