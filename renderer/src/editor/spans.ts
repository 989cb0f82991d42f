/**
 * Stored annotations count code points; the editor counts positions. A HighlightSpan is the live
 * form of one annotation in the open document (Recogito's "live" vs "stored" split): its
 * code point span and its editor positions, converted once through the document's TextIndex.
 */
import type { Annotation } from '../../../shared/model/annotation'
import type { TextIndex } from '../../../shared/offsets'

/** One annotation as the editor draws it. */
export interface HighlightSpan {
  id: string
  label: string
  /** Code points, end-exclusive, as stored. */
  start: number
  end: number
  /** Editor positions of start and end. */
  from: number
  to: number
  /** Classes drawn instead of the label's own (review draws each annotator in a lane). */
  classes?: string
}

/** The live span of a stored annotation. */
export function spanOfAnnotation(index: TextIndex, a: Annotation): HighlightSpan {
  const start = Math.min(a.target.position.start, index.length)
  const end = Math.min(a.target.position.end, index.length)
  return { id: a.id, label: a.label, start, end, from: index.cpToPm(start), to: index.cpToPm(end) }
}

/** Text order: earlier start first; of two starting together, the longer (enclosing) one first. */
export function compareSpans(a: { start: number; end: number; id: string }, b: { start: number; end: number; id: string }): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

const SPACE = /\s/u

/**
 * The code point span to tag for an editor selection, with leading and trailing whitespace
 * (spaces, line breaks) left out; null when nothing but whitespace is selected.
 */
export function selectionToSpan(index: TextIndex, from: number, to: number): { start: number; end: number } | null {
  let start = index.pmToCp(Math.min(from, to))
  let end = index.pmToCp(Math.max(from, to))
  if (end <= start) return null
  const text = index.slice(start, end)
  const chars = Array.from(text)
  let lead = 0
  while (lead < chars.length && SPACE.test(chars[lead]!)) lead++
  let trail = 0
  while (trail < chars.length - lead && SPACE.test(chars[chars.length - 1 - trail]!)) trail++
  start += lead
  end -= trail
  return end > start ? { start, end } : null
}

/**
 * The spans covering the character at code point `char`, most specific first: shortest first,
 * and of equal length the one starting later. A click selects the first.
 */
export function coveringByLength<T extends { start: number; end: number }>(spans: Iterable<T>, char: number): T[] {
  const covering: T[] = []
  for (const s of spans) if (s.start <= char && char < s.end) covering.push(s)
  return covering.sort((a, b) => a.end - a.start - (b.end - b.start) || b.start - a.start)
}
