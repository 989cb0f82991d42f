/**
 * How the review draws its layers: every compared annotator's annotations in the label's colour,
 * each annotator in its own lane under the text (lane n of the legend), and the reviewed layer
 * tinted under a solid rule. The lanes are classes (see review-text.css), so hiding an annotator's layer
 * is a class on the scroller and never touches the decorations. Annotations several annotators
 * made alike (same start, end and label: most of an agreed review) are drawn as one span with
 * a bar in each of their lanes, which halves the elements of a typical review. All spans are
 * built once, in one list the highlight plugin sorts and turns into one DecorationSet.
 */
import type { Annotation } from '../../../shared/model/annotation'
import type { ReviewedAnnotation } from '../../../shared/model/review'
import type { TextIndex } from '../../../shared/offsets'
import type { ReviewLayer } from '../../../shared/review/units'
import { REVIEWED, spanId } from '../state/model/review-layers'
import { spanOfAnnotation, type HighlightSpan } from './spans'

export { REVIEWED } from '../state/model/review-layers'

/** Lanes drawn with distinct dash patterns, so annotators stay apart without colour too. */
export const LANE_PATTERNS = ['solid', 'dashed', 'dotted'] as const

/** The dash pattern of lane `lane`. */
export function lanePattern(lane: number): (typeof LANE_PATTERNS)[number] {
  return LANE_PATTERNS[lane % LANE_PATTERNS.length]!
}

/** An annotation drawn in the lanes of everyone who made it alike (its id: the first one's). */
export function laneSpan(index: TextIndex, annotator: string, lanes: readonly number[], a: Annotation): HighlightSpan {
  const span = spanOfAnnotation(index, a)
  return { ...span, id: spanId(annotator, a.id), classes: `mg-rv ${lanes.map((l) => `mg-rv-lane-${l}`).join(' ')} mg-label-${a.label}` }
}

/** A reviewed annotation, tinted under a rule. */
export function reviewedSpan(index: TextIndex, a: Annotation): HighlightSpan {
  const span = spanOfAnnotation(index, a)
  return { ...span, id: spanId(REVIEWED, a.id), classes: `mg-rv-reviewed mg-label-${a.label}` }
}

/** Every span of a review: the layers in lane order, then the reviewed layer. */
export function reviewSpans(index: TextIndex, layers: readonly ReviewLayer[], reviewed: readonly Annotation[]): HighlightSpan[] {
  const alike = new Map<string, { annotator: string; annotation: Annotation; lanes: number[] }[]>()
  layers.forEach((layer, lane) => {
    for (const a of layer.annotations) {
      const key = `${a.target.position.start}:${a.target.position.end}:${a.label}`
      const group = alike.get(key) ?? []
      // One span per annotator and group: an annotator's own duplicates each get a span.
      const free = group.find((g) => !g.lanes.includes(lane))
      if (free) free.lanes.push(lane)
      else group.push({ annotator: layer.annotator, annotation: a, lanes: [lane] })
      alike.set(key, group)
    }
  })
  const out: HighlightSpan[] = []
  for (const group of alike.values()) for (const g of group) out.push(laneSpan(index, g.annotator, g.lanes, g.annotation))
  for (const a of reviewed) out.push(reviewedSpan(index, a))
  return out
}

/** What to draw and remove when the reviewed layer goes from `before` to `after`. */
export function reviewedChanges(
  index: TextIndex,
  before: readonly ReviewedAnnotation[],
  after: readonly ReviewedAnnotation[],
): { put: HighlightSpan[]; removed: string[] } {
  const old = new Map(before.map((a) => [a.id, a]))
  const now = new Set(after.map((a) => a.id))
  const put = after
    .filter((a) => old.get(a.id)?.modified !== a.modified || old.get(a.id)?.label !== a.label)
    .map((a) => reviewedSpan(index, a))
  const removed = before.filter((a) => !now.has(a.id)).map((a) => spanId(REVIEWED, a.id))
  return { put, removed }
}
