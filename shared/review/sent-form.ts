/**
 * The review as `review.open` sends it: the compared layers' annotations without what the page has
 * already (annotations/sent-form.ts), and each unit as numbers that point into them (its kind, and
 * for each member its layer, its row and its source's row) instead of copies of the annotations or
 * their ids. Everything else about a unit (its key, its span, who is missing) follows from its
 * members by the same rule the host used (units.ts, `unitOf`). The page puts both back with
 * `receivedReview`, so the review screen works on the same objects as before; for 3 × 2,000
 * annotations the units shrink from about 700 kB to about 100.
 */
import { receivedAnnotations, sentAnnotations, type SentAnnotations } from '../annotations/sent-form'
import type { Link } from '../model/annotation'
import type { TextIndex } from '../offsets'
import { UNIT_KINDS, unitOf, type ReviewLayer, type ReviewUnit, type UnitMember } from './units'

/**
 * A unit on the wire: its kind's place in UNIT_KINDS, then three numbers per member, in the
 * compared annotators' order: the member's layer (its place in the sent layers), its annotation's
 * row in that layer, and its source's row (-1: none).
 */
export type SentUnit = number[]

/** A compared layer on the wire: its annotations without the quotes the text gives. */
export interface SentLayer {
  annotator: string
  annotations: SentAnnotations
  links: readonly Link[]
}

/**
 * The layers and units to send with `text`. The units compare every layer but those of `missing`
 * (compared annotators without a layer of the document, review-service.ts `comparedLayers`).
 */
export function sentReview(
  text: TextIndex,
  layers: readonly ReviewLayer[],
  units: readonly ReviewUnit[],
): { layers: SentLayer[]; units: SentUnit[] } {
  const rowOf = layers.map((l) => new Map(l.annotations.map((a, i) => [a.id, i])))
  const layerOf = new Map(layers.map((l, i) => [l.annotator, i]))
  const place = (annotator: string) => {
    const at = layerOf.get(annotator)
    if (at === undefined) throw new Error(`a review unit has a member by ${annotator}, whose layer is not compared`)
    return at
  }
  return {
    layers: layers.map((l) => ({ annotator: l.annotator, annotations: sentAnnotations(text, l.annotator, l.annotations), links: l.links })),
    units: units.map((u) => {
      const sent = [UNIT_KINDS.indexOf(u.kind)]
      for (const m of u.members) {
        const layer = place(m.annotator)
        sent.push(layer, rowOf[layer]!.get(m.annotation.id)!, m.source ? rowOf[layer]!.get(m.source.id)! : -1)
      }
      return sent
    }),
  }
}

/**
 * The layers and units as the host made them: quotes cut from `text`, members found in the layers.
 * `missing`: the compared annotators without a layer, whom the units leave out.
 */
export function receivedReview(
  text: TextIndex,
  sent: { layers: readonly SentLayer[]; units: readonly SentUnit[]; missing?: readonly string[] },
): { layers: ReviewLayer[]; units: ReviewUnit[] } {
  const layers = sent.layers.map((l) => ({
    annotator: l.annotator,
    annotations: receivedAnnotations(text, l.annotator, l.annotations),
    links: l.links,
  }))
  const missing = new Set(sent.missing ?? [])
  const compared = layers.map((l) => l.annotator).filter((a) => !missing.has(a))
  const units = sent.units.map((u, i) => {
    const kind = UNIT_KINDS[u[0]!]
    if (kind === undefined || u.length < 4 || (u.length - 1) % 3 !== 0)
      throw new Error(`review.open sent unit ${i + 1} in a form this page does not read`)
    const members: UnitMember[] = []
    for (let k = 1; k < u.length; k += 3) {
      const layer = layers[u[k]!]
      const annotation = layer?.annotations[u[k + 1]!]
      const source = u[k + 2] === -1 ? null : layer?.annotations[u[k + 2]!]
      if (!layer || !annotation || source === undefined)
        throw new Error(`review.open sent unit ${i + 1} with a member that is not in its layers`)
      members.push({ annotator: layer.annotator, annotation, source })
    }
    return unitOf(members, compared, kind)
  })
  return { layers, units }
}
