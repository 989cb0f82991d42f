/**
 * Review units: what a reviewer settles, one at a time. The annotations of the compared
 * annotators on one document are grouped so that each unit holds at most one annotation per
 * annotator, all about the same stretch of text; each unit is then classified:
 * - agreed: every annotator marked the same span with the same label and attributes;
 * - attributes-differ: same span and label, different attributes (e.g. stance polarity) or source
 *   (sources are the same when they are in one review unit, whatever their boundaries);
 * - label-differs: overlapping spans with different labels;
 * - boundaries-differ: same label, overlapping spans with different boundaries;
 * - only-some: some annotators did not mark it at all.
 * Grouping is greedy and deterministic: annotations are taken in text order, and each unit takes
 * from every other annotator the best overlapping candidate not yet used (same span and label
 * first, then same span, then same label with the largest overlap, then the largest overlap).
 */
import { attributedSources, inTextOrder, type Annotation, type Link } from '../model/annotation'

export type UnitKind = 'agreed' | 'attributes-differ' | 'label-differs' | 'boundaries-differ' | 'only-some'

/** One annotator's layer as the review sees it. */
export interface ReviewLayer {
  annotator: string
  annotations: readonly Annotation[]
  links: readonly Link[]
}

/** An annotation in a unit, with whom it is by and the source it is attributed to (if any). */
export interface UnitMember {
  annotator: string
  annotation: Annotation
  /** The linked source annotation in the same layer, if any. */
  source: Annotation | null
}

export interface ReviewUnit {
  /** Stable while its members do not change: "annotator:id" of each member, sorted, joined by '|'. */
  key: string
  kind: UnitKind
  /** Covering span of all members, in code points. */
  start: number
  end: number
  members: UnitMember[]
  /** Annotators (of those compared) with no annotation in this unit. */
  missing: string[]
}

/** Disagreement kinds, in the order a reviewer usually wants to see them. */
export const UNIT_KINDS: readonly UnitKind[] = ['label-differs', 'boundaries-differ', 'attributes-differ', 'only-some', 'agreed']

function overlap(a: Annotation, b: Annotation): number {
  return Math.min(a.target.position.end, b.target.position.end) - Math.max(a.target.position.start, b.target.position.start)
}

function sameSpan(a: Annotation, b: Annotation): boolean {
  return a.target.position.start === b.target.position.start && a.target.position.end === b.target.position.end
}

/** Higher is a better partner for `seed`; 0 means no overlap at all. */
function score(seed: Annotation, other: Annotation): number {
  const o = overlap(seed, other)
  if (o <= 0) return 0
  const span =
    Math.max(seed.target.position.end, other.target.position.end) - Math.min(seed.target.position.start, other.target.position.start)
  const iou = o / span
  if (sameSpan(seed, other)) return seed.label === other.label ? 4 : 3
  return (seed.label === other.label ? 2 : 1) + iou * 0.99
}

function attributesKey(a: Annotation): string {
  return JSON.stringify(Object.entries(a.attributes).sort(([x], [y]) => (x < y ? -1 : 1)))
}

/** A member's source as a span, or '' when unlinked (for a source no unit holds). */
function sourceSpan(m: UnitMember): string {
  return m.source ? `${m.source.target.position.start}-${m.source.target.position.end}` : ''
}

/**
 * The kind of a unit. Two members' sources are the same when `sourceKey` says so: the same review
 * unit (reviewUnits), so sources the annotators marked with other boundaries ("Russia expert
 * Arkady Mil-Man", "Arkady Mil-Man") are one source, as they become one in the reviewed layer and
 * as the agreement figures count them.
 */
function classify(members: UnitMember[], missing: string[], sourceKey: (m: UnitMember) => string): UnitKind {
  if (missing.length > 0) return 'only-some'
  const first = members[0]!.annotation
  if (members.some((m) => m.annotation.label !== first.label)) return 'label-differs'
  if (members.some((m) => !sameSpan(m.annotation, first))) return 'boundaries-differ'
  const attrs = attributesKey(first)
  const source = sourceKey(members[0]!)
  if (members.some((m) => attributesKey(m.annotation) !== attrs || sourceKey(m) !== source)) return 'attributes-differ'
  return 'agreed'
}

/** Group the layers' annotations into review units, in text order. */
export function reviewUnits(layers: readonly ReviewLayer[]): ReviewUnit[] {
  const annotators = layers.map((l) => l.annotator)
  const pools = layers.map((layer) => {
    const sourceOf = attributedSources(layer.annotations, layer.links)
    const sorted = inTextOrder(layer.annotations)
    return { layer, sorted, used: new Set<string>(), sourceOf, lo: 0 }
  })
  const all = pools
    .flatMap((p, i) => p.sorted.map((a) => ({ a, i })))
    .sort(
      (x, y) =>
        x.a.target.position.start - y.a.target.position.start ||
        x.a.target.position.end - y.a.target.position.end ||
        x.i - y.i ||
        (x.a.id < y.a.id ? -1 : 1),
    )
  const groups: UnitMember[][] = []
  for (const { a: seed, i } of all) {
    if (pools[i]!.used.has(seed.id)) continue
    pools[i]!.used.add(seed.id)
    const members: UnitMember[] = [{ annotator: annotators[i]!, annotation: seed, source: pools[i]!.sourceOf.get(seed.id) ?? null }]
    pools.forEach((pool, j) => {
      if (j === i) return
      let best: Annotation | null = null
      let bestScore = 0
      // Seeds come in text order, so a used annotation or one ending before this seed starts
      // will never be a candidate again: skip that prefix for good.
      while (pool.lo < pool.sorted.length) {
        const head = pool.sorted[pool.lo]!
        if (!pool.used.has(head.id) && head.target.position.end > seed.target.position.start) break
        pool.lo++
      }
      // Candidates start before the seed ends; sorted by start, so stop past it.
      for (let k = pool.lo; k < pool.sorted.length; k++) {
        const cand = pool.sorted[k]!
        if (cand.target.position.start >= seed.target.position.end) break
        if (pool.used.has(cand.id)) continue
        const s = score(seed, cand)
        if (s > bestScore) {
          best = cand
          bestScore = s
        }
      }
      if (best) {
        pool.used.add(best.id)
        members.push({ annotator: annotators[j]!, annotation: best, source: pool.sourceOf.get(best.id) ?? null })
      }
    })
    members.sort((x, y) => annotators.indexOf(x.annotator) - annotators.indexOf(y.annotator))
    groups.push(members)
  }
  // Classified once every annotation has its unit: a source often starts after the claim linked to it.
  const groupOf = new Map<string, number>()
  groups.forEach((members, g) => {
    for (const m of members) groupOf.set(`${m.annotator}:${m.annotation.id}`, g)
  })
  const sourceUnit = (m: UnitMember) => (m.source ? `unit ${groupOf.get(`${m.annotator}:${m.source.id}`) ?? sourceSpan(m)}` : '')
  return groups.map((members) => {
    const present = new Set(members.map((m) => m.annotator))
    return unitOf(
      members,
      annotators,
      classify(
        members,
        annotators.filter((a) => !present.has(a)),
        sourceUnit,
      ),
    )
  })
}

/**
 * The unit of these members (in the order of `annotators`, whose layers are compared): its key, the
 * span covering them, who is missing, and its kind (as reviewUnits classified it; the page is given
 * it by the host).
 */
export function unitOf(members: UnitMember[], annotators: readonly string[], kind: UnitKind): ReviewUnit {
  const present = new Set(members.map((m) => m.annotator))
  let start = Infinity
  let end = -Infinity
  for (const m of members) {
    start = Math.min(start, m.annotation.target.position.start)
    end = Math.max(end, m.annotation.target.position.end)
  }
  const missing = annotators.filter((a) => !present.has(a))
  return {
    key: unitKey(members.map((m) => `${m.annotator}:${m.annotation.id}`)),
    kind,
    start,
    end,
    members,
    missing,
  }
}

/**
 * Whether a decision still settles this unit: it was made on the same members (the same key), and
 * none of them was edited since (each member's `modified` as the decision recorded it; a decision
 * from before these were recorded holds while the key does). An annotator who changes an
 * annotation after the reviewer settled its unit opens the unit again.
 */
export function decisionHolds(
  decision: { unit: string; members: readonly { annotator: string; id: string; modified?: string | undefined }[] },
  unit: ReviewUnit,
): boolean {
  if (decision.unit !== unit.key) return false
  for (const recorded of decision.members) {
    if (recorded.modified === undefined) continue
    const now = unit.members.find((m) => m.annotator === recorded.annotator && m.annotation.id === recorded.id)
    if (!now || now.annotation.modified !== recorded.modified) return false
  }
  return true
}

/** The decisions that still settle a unit of `units`, by unit key (decisionHolds). */
export function holdingDecisions<
  D extends { unit: string; members: readonly { annotator: string; id: string; modified?: string | undefined }[] },
>(decisions: readonly D[], units: readonly ReviewUnit[]): Map<string, D> {
  const byKey = new Map(units.map((u) => [u.key, u]))
  const out = new Map<string, D>()
  for (const d of decisions) {
    const unit = byKey.get(d.unit)
    if (unit && decisionHolds(d, unit)) out.set(d.unit, d)
  }
  return out
}

/** A review unit's key: its members as "annotator:id", sorted, joined by '|' (neither a name nor an id holds ':' or '|'). */
export function unitKey(members: readonly string[]): string {
  return [...members].sort().join('|')
}

/** The members ("annotator:id") a unit's key names. */
export function unitKeyMembers(key: string): string[] {
  return key.split('|')
}
