/**
 * How the review draws its layers: every compared annotator's annotations in the label's colour,
 * each annotator in its own lane under the text (lane n of the legend), and the reviewed layer
 * tinted under a solid rule. The lanes are classes (see styles.css), so hiding an annotator's layer is a
 * class on the scroller and never touches the decorations; all spans are built once, in one list
 * the highlight plugin sorts and turns into one DecorationSet.
 */
import type { Annotation } from '../../../shared/model/annotation'
import type { ReviewedAnnotation } from '../../../shared/model/review'
import type { TextIndex } from '../../../shared/offsets'
import type { ReviewLayer } from '../../../shared/review/units'
import { spanOfAnnotation, type HighlightSpan } from './spans'

/** The layer name of the reviewed layer, as highlight ids and the hidden-layers list use it. */
export const REVIEWED = '_reviewed'

/** Lanes drawn with distinct dash patterns, so annotators stay apart without colour too. */
export const LANE_PATTERNS = ['solid', 'dashed', 'dotted'] as const

/** The dash pattern of lane `lane`. */
export function lanePattern(lane: number): (typeof LANE_PATTERNS)[number] {
  return LANE_PATTERNS[lane % LANE_PATTERNS.length]!
}

/** One annotator's annotation, drawn in its lane. */
export function laneSpan(index: TextIndex, annotator: string, lane: number, a: Annotation): HighlightSpan {
  const span = spanOfAnnotation(index, a)
  return { ...span, id: `${annotator}:${a.id}`, classes: `mg-rv mg-rv-lane-${lane} mg-rv-${lanePattern(lane)} mg-label-${a.label}` }
}

/** A reviewed annotation, tinted under a rule. */
export function reviewedSpan(index: TextIndex, a: Annotation): HighlightSpan {
  const span = spanOfAnnotation(index, a)
  return { ...span, id: `${REVIEWED}:${a.id}`, classes: `mg-rv-reviewed mg-label-${a.label}` }
}

/** Every span of a review: the layers in lane order, then the reviewed layer. */
export function reviewSpans(index: TextIndex, layers: readonly ReviewLayer[], reviewed: readonly Annotation[]): HighlightSpan[] {
  const out: HighlightSpan[] = []
  layers.forEach((layer, lane) => {
    for (const a of layer.annotations) out.push(laneSpan(index, layer.annotator, lane, a))
  })
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
  const put = after.filter((a) => old.get(a.id)?.modified !== a.modified || old.get(a.id)?.label !== a.label).map((a) => reviewedSpan(index, a))
  const removed = before.filter((a) => !now.has(a.id)).map((a) => `${REVIEWED}:${a.id}`)
  return { put, removed }
}

/** Split a highlight id back into its layer and annotation id. */
export function layerOfSpan(id: string): { layer: string; id: string } {
  const at = id.lastIndexOf(':')
  return { layer: id.slice(0, at), id: id.slice(at + 1) }
}
