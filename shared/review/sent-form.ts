/**
 * The review as `review.open` sends it: each unit's members as references to the compared layers
 * (annotator, annotation id, source id) instead of copies of the annotations, and the layers'
 * annotations without what the page has already (annotations/sent-form.ts). The page puts both
 * back with `receivedReview`, so the review screen works on the same objects as before; the reply
 * for 3 × 2,000 annotations shrinks to about a third.
 */
import { receivedAnnotations, sentAnnotations, type SentAnnotations } from '../annotations/sent-form'
import type { Link } from '../model/annotation'
import type { TextIndex } from '../offsets'
import type { ReviewLayer, ReviewUnit } from './units'

/** A unit's member on the wire: whose annotation, its id, and the id of its source (if any) in the same layer. */
export interface SentMember {
  annotator: string
  annotation: string
  source: string | null
}

/** A unit on the wire: its members as references. */
export type SentUnit = Omit<ReviewUnit, 'members'> & { members: SentMember[] }

/** A compared layer on the wire: its annotations without the quotes the text gives. */
export interface SentLayer {
  annotator: string
  annotations: SentAnnotations
  links: readonly Link[]
}

/** The layers and units to send with `text`. */
export function sentReview(
  text: TextIndex,
  layers: readonly ReviewLayer[],
  units: readonly ReviewUnit[],
): { layers: SentLayer[]; units: SentUnit[] } {
  return {
    layers: layers.map((l) => ({ annotator: l.annotator, annotations: sentAnnotations(text, l.annotator, l.annotations), links: l.links })),
    units: units.map((u) => ({
      ...u,
      members: u.members.map((m) => ({ annotator: m.annotator, annotation: m.annotation.id, source: m.source?.id ?? null })),
    })),
  }
}

/** The layers and units as the host made them: quotes cut from `text`, members found in the layers. */
export function receivedReview(
  text: TextIndex,
  sent: { layers: readonly SentLayer[]; units: readonly SentUnit[] },
): { layers: ReviewLayer[]; units: ReviewUnit[] } {
  const layers = sent.layers.map((l) => ({
    annotator: l.annotator,
    annotations: receivedAnnotations(text, l.annotator, l.annotations),
    links: l.links,
  }))
  const byLayer = new Map(layers.map((l) => [l.annotator, new Map(l.annotations.map((a) => [a.id, a]))]))
  const find = (annotator: string, id: string) => {
    const found = byLayer.get(annotator)?.get(id)
    if (!found) throw new Error(`review.open sent a unit member ${annotator}:${id} that is not in its layers`)
    return found
  }
  const units = sent.units.map((u) => ({
    ...u,
    members: u.members.map((m) => ({
      annotator: m.annotator,
      annotation: find(m.annotator, m.annotation),
      source: m.source === null ? null : find(m.annotator, m.source),
    })),
  }))
  return { layers, units }
}
