/**
 * A layer's annotations as `documents.open` and `review.open` send them: one row (a JSON array)
 * per annotation instead of an object with named keys, and without what the page already has.
 * - Its quote, when the text gives that quote (quoteAt at its offsets, as the stored form is made),
 *   so a long document's reply does not carry every highlighted passage twice. A quote that
 *   differs from the text (a damaged or changed text) is sent as stored.
 * - Its author, when it is the layer's annotator (as it is for every annotation a layer holds).
 * - Its `modified` time, when it equals `created`; each distinct time is sent once, and rows
 *   refer to it by its place in the list.
 * - The selectors' types and the keys' names.
 * The page puts all of it back, in the stored form's key order: the quotes it left out as an
 * accessor that cuts them from the text when read, the author, the labels and the times as one
 * shared string each, and one frozen object for every annotation without attributes (annotations
 * are never changed in place). So the layer takes less memory in the page than one parsed whole
 * (no quote strings are kept for spans whose quote the text gives), and the reply of a
 * 50,000-annotation layer is about a third of the objects' JSON.
 */
import type { Annotation, TextQuoteSelector } from '../model/annotation'
import { QUOTE_CONTEXT, quoteAt, type TextIndex } from '../offsets'

/** What a row carries only when the page cannot rebuild it. */
export interface SentExtras {
  /** The quote, when the text does not give it. */
  quote?: TextQuoteSelector
  /** The author, when it is not the layer's annotator. */
  author?: string
  /** The place of `modified` in the times, when it differs from `created`. */
  modified?: number
}

/**
 * One annotation on the wire: id, label, start, end (code points), the place of `created` in the
 * times, attributes, note, and what else it needs (SentExtras), if anything.
 */
export type SentRow =
  | [id: string, label: string, start: number, end: number, created: number, attributes: Annotation['attributes'], note: string]
  | [
      id: string,
      label: string,
      start: number,
      end: number,
      created: number,
      attributes: Annotation['attributes'],
      note: string,
      extras: SentExtras,
    ]

/** A layer's annotations on the wire. */
export interface SentAnnotations {
  /** Every distinct time of the annotations, once. */
  times: string[]
  rows: SentRow[]
}

/** The annotations of `author`'s layer to send with `text`. */
export function sentAnnotations(text: TextIndex, author: string, annotations: readonly Annotation[]): SentAnnotations {
  const times: string[] = []
  const places = new Map<string, number>()
  const place = (t: string) => {
    let at = places.get(t)
    if (at === undefined) {
      at = times.push(t) - 1
      places.set(t, at)
    }
    return at
  }
  const rows = annotations.map((a): SentRow => {
    const { start, end } = a.target.position
    const created = place(a.created)
    const extras: SentExtras = {}
    let more = false
    if (!givesQuote(text, a)) {
      extras.quote = a.target.quote
      more = true
    }
    if (a.author !== author) {
      extras.author = a.author
      more = true
    }
    if (a.modified !== a.created) {
      extras.modified = place(a.modified)
      more = true
    }
    return more
      ? [a.id, a.label, start, end, created, a.attributes, a.note, extras]
      : [a.id, a.label, start, end, created, a.attributes, a.note]
  })
  return { times, rows }
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

/** The attributes of every annotation that has none: one object, frozen, instead of one each. */
const NO_ATTRIBUTES: Annotation['attributes'] = Object.freeze({})

function isEmpty(attributes: Annotation['attributes']): boolean {
  for (const _ in attributes) return false
  return true
}

type Target = Annotation['target']

/**
 * A target whose quote the text gives. It holds its offsets and its text in private fields (no
 * JSON, clone, spread or comparison sees them), and `position` and `quote` are own enumerable
 * accessors: each read makes the stored form again, the position from the offsets and the quote cut
 * from the text. A page with 50,000 spans so holds one small object per target, not three.
 */
class ReceivedTarget {
  readonly #start: number
  readonly #end: number
  readonly #text: TextIndex
  static readonly #position: PropertyDescriptor = {
    enumerable: true,
    get(this: ReceivedTarget) {
      return { type: 'TextPositionSelector' as const, start: this.#start, end: this.#end }
    },
  }
  static readonly #quote: PropertyDescriptor = {
    enumerable: true,
    get(this: ReceivedTarget) {
      return { type: 'TextQuoteSelector' as const, ...quoteAt(this.#text, this.#start, this.#end) }
    },
  }
  constructor(start: number, end: number, text: TextIndex) {
    this.#start = start
    this.#end = end
    this.#text = text
    Object.defineProperty(this, 'position', ReceivedTarget.#position)
    Object.defineProperty(this, 'quote', ReceivedTarget.#quote)
  }
}

/**
 * The annotations of `author`'s layer as stored, each with what was left out put back from `text`.
 * A quote the text gives is not kept but cut from the text whenever it is read: `target.quote` is
 * an enumerable accessor (one getter for every target), so reading it, JSON, structured clones and
 * comparisons see the stored form while the page holds no quote strings for 50,000 spans.
 */
export function receivedAnnotations(text: TextIndex, author: string, sent: SentAnnotations): Annotation[] {
  const { times } = sent
  // One string for each label: JSON gives every row its own copy.
  const labels = new Map<string, string>()
  return sent.rows.map(([id, sentLabel, start, end, createdAt, sentAttributes, note, extras]) => {
    let label = labels.get(sentLabel)
    if (label === undefined) labels.set(sentLabel, (label = sentLabel))
    const attributes = isEmpty(sentAttributes) ? NO_ATTRIBUTES : sentAttributes
    const created = times[createdAt]!
    const target = extras?.quote
      ? { position: { type: 'TextPositionSelector' as const, start, end }, quote: extras.quote }
      : (new ReceivedTarget(start, end, text) as unknown as Target)
    return {
      id,
      label,
      target,
      attributes,
      note,
      author: extras?.author ?? author,
      created,
      modified: extras?.modified === undefined ? created : times[extras.modified]!,
    }
  })
}
