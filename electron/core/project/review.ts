/**
 * Adjudication: the reviewer settles review units into the reviewed layer of a document
 * (annotations/_reviewed/<document>.json). Accepting copies one annotator's version with its
 * provenance; editing stores the reviewer's own version; rejecting records that none is kept.
 * Links follow: when both ends of a link an annotator made (a claim and its source, or any of the
 * project's link types) are in the reviewed layer, the reviewed copies are linked too.
 */
import { createHash, randomUUID } from 'node:crypto'
import { dirname } from 'node:path'
import type { Low } from 'lowdb'
import { DomainError } from '../../../shared/errors'
import { linkFits, singleLink } from '../../../shared/annotations/links'
import { storedAnnotation } from '../../../shared/annotations/stored-form'
import type { Link } from '../../../shared/model/annotation'
import { ATTRIBUTION, findLabel, type LabelSchema, type LinkTypeDef } from '../../../shared/model/labels'
import { indefinite } from '../../../shared/plural'
import {
  REVIEW_FORMAT,
  REVIEW_VERSION,
  type Decision,
  type MemberRef,
  type ReviewStoreFile,
  type Provenance,
  type ReviewedAnnotation,
  type UnitDecision,
} from '../../../shared/model/review'
import { holdingDecisions, unitKeyMembers, type ReviewLayer, type ReviewUnit } from '../../../shared/review/units'
import type { TextIndex } from '../../../shared/offsets'
import { saveFailedSentence } from '../store/durable'
import type { DurableJsonFile } from '../store/json-store'

/** A review store's initial content. */
export function emptyReviewStore(document: string, sha256: string): ReviewStoreFile {
  return { format: REVIEW_FORMAT, version: REVIEW_VERSION, document, sha256, annotations: [], links: [], decisions: [] }
}

/** Everything a decision needs to know about the document under review. */
export interface ReviewContext {
  text: TextIndex
  labels: LabelSchema
  linkTypes: readonly LinkTypeDef[]
  layers: readonly ReviewLayer[]
  reviewer: string
  now: string
}

/** The reviewed layer of one document. */
export class ReviewedLayer {
  constructor(
    readonly db: Low<ReviewStoreFile>,
    readonly adapter: DurableJsonFile<ReviewStoreFile>,
  ) {}

  get data(): ReviewStoreFile {
    return this.db.data
  }

  /** Settle (or reopen) one unit and write the store durably. */
  async decide(unit: ReviewUnit, decision: UnitDecision, ctx: ReviewContext): Promise<void> {
    await this.decideMany([{ unit, decision }], ctx)
  }

  /** Settle several units in one write (all or nothing). */
  async decideMany(items: readonly { unit: ReviewUnit; decision: UnitDecision }[], ctx: ReviewContext): Promise<void> {
    try {
      await this.adapter.update((current) => {
        const next: ReviewStoreFile = structuredClone(current)
        for (const { unit, decision } of items) apply(next, unit, decision, ctx)
        findPickedSources(next)
        next.links = relink(next, ctx)
        return next
      })
    } catch (e) {
      if (e instanceof DomainError) throw e
      throw new DomainError('failed', saveFailedSentence('The review decision', e, dirname(this.adapter.path)))
    }
  }
}

function apply(store: ReviewStoreFile, unit: ReviewUnit, decision: UnitDecision, ctx: ReviewContext) {
  const members: MemberRef[] = unit.members.map((m) => ({ annotator: m.annotator, id: m.annotation.id, modified: m.annotation.modified }))
  // The decision this one replaces: the unit's own, and any made on one of its annotations when the
  // units were grouped otherwise (an annotator moved a boundary since), whose reviewed annotation
  // would otherwise stay beside the new one.
  const mine = new Set(members.map((m) => `${m.annotator}:${m.id}`))
  const replaced = store.decisions.filter((d) => d.unit === unit.key || d.members.some((m) => mine.has(`${m.annotator}:${m.id}`)))
  if (replaced.length > 0) {
    const gone = new Set(replaced.map((d) => d.annotation))
    store.decisions = store.decisions.filter((d) => !replaced.includes(d))
    store.annotations = store.annotations.filter((a) => !gone.has(a.id))
  }
  if (decision.action === 'reopen') return
  const base = { unit: unit.key, members, decidedBy: ctx.reviewer, decided: ctx.now }
  if (decision.action === 'reject') {
    store.decisions.push({ ...base, action: 'rejected', annotation: null })
    return
  }
  const id = `r-${randomUUID()}`
  let annotation: ReviewedAnnotation
  if (decision.action === 'accept') {
    const chosen = unit.members.find((m) => m.annotator === decision.annotator)
    if (!chosen)
      throw new DomainError(
        'invalid',
        `${decision.annotator} has no annotation in this unit; pick one of ${unit.members.map((m) => m.annotator).join(', ')}.`,
      )
    const a = chosen.annotation
    annotation = {
      ...a,
      id,
      author: ctx.reviewer,
      modified: ctx.now,
      provenance: { action: 'accepted', chosen: chosen.annotator, sources: members, decidedBy: ctx.reviewer, decided: ctx.now },
    }
  } else {
    const { source, ...draft } = decision.annotation
    const stored = storedAnnotation(
      { ...draft, id },
      { text: ctx.text, labels: ctx.labels, linkTypes: ctx.linkTypes, author: ctx.reviewer, now: ctx.now },
    )
    if (typeof source === 'string') {
      const target = store.annotations.find((a) => a.id === source)
      if (!target)
        throw new DomainError(
          'invalid',
          'That source is not in the reviewed layer any more (its unit was reopened or rejected); pick another.',
        )
      if (!linkFits(ctx, ATTRIBUTION, stored.label, target.label))
        throw new DomainError(
          'invalid',
          `The ${findLabel(ctx.labels, stored.label)?.name ?? stored.label} cannot be attributed to ${indefinite(findLabel(ctx.labels, target.label)?.name ?? target.label)}; pick a source the tag set allows.`,
        )
    }
    const provenance: Provenance = { action: 'edited', chosen: null, sources: members, decidedBy: ctx.reviewer, decided: ctx.now }
    // The picked source is also named by the review unit it settles, so it is found again when that
    // unit is decided anew (reopened and accepted again, a decision taken back): a new reviewed id.
    const sourceUnit = typeof source === 'string' ? store.decisions.find((d) => d.annotation === source)?.unit : undefined
    annotation = {
      ...stored,
      provenance: source === undefined ? provenance : { ...provenance, source, ...(sourceUnit ? { sourceUnit } : {}) },
    }
  }
  store.annotations.push(annotation)
  const record: Decision = { ...base, action: annotation.provenance.action, annotation: id }
  store.decisions.push(record)
}

/**
 * A source the reviewer picked whose reviewed annotation is gone because its unit was decided
 * anew: the annotation that settles that unit now takes its place — or, when the unit was grouped
 * otherwise since (an annotator changed it), the one settled from any of its annotations. One whose
 * unit is open or rejected stays named as it was (the claim has no source until it is settled again).
 */
function findPickedSources(store: ReviewStoreFile): void {
  const ids = new Set(store.annotations.map((a) => a.id))
  const kept = store.decisions.filter((d) => d.annotation !== null)
  const byUnit = new Map(kept.map((d) => [d.unit, d.annotation!]))
  for (const a of store.annotations) {
    const { source, sourceUnit } = a.provenance
    if (typeof source !== 'string' || ids.has(source) || !sourceUnit) continue
    const members = new Set(unitKeyMembers(sourceUnit))
    const same = byUnit.get(sourceUnit)
    const found = same
      ? { unit: sourceUnit, annotation: same }
      : kept.find((d) => d.members.some((m) => members.has(`${m.annotator}:${m.id}`)))
    if (found) a.provenance = { ...a.provenance, source: found.annotation!, sourceUnit: found.unit }
  }
}

/**
 * The reviewed layer's links, derived: a reviewed annotation is linked (attribution, or any of the
 * project's link types) to the reviewed annotation whose provenance holds what its chosen
 * annotator linked it to, when the link still fits. Links the reviewer made by hand to
 * annotations still present are kept.
 */
function relink(store: ReviewStoreFile, ctx: ReviewContext): Link[] {
  const byId = new Map(store.annotations.map((a) => [a.id, a]))
  const bySource = new Map<string, ReviewedAnnotation>()
  for (const a of store.annotations) for (const s of a.provenance.sources) bySource.set(`${s.annotator}:${s.id}`, a)
  const layerLinks = new Map<string, { type: string; to: string }[]>()
  const labelOf = new Map<string, string>()
  for (const layer of ctx.layers) {
    for (const a of layer.annotations) labelOf.set(`${layer.annotator}:${a.id}`, a.label)
    for (const l of layer.links) {
      const key = `${layer.annotator}:${l.from}`
      layerLinks.set(key, [...(layerLinks.get(key) ?? []), { type: l.type, to: `${layer.annotator}:${l.to}` }])
    }
  }
  // An attribution the reviewer chose (or chose to leave out) is theirs: no other is kept or derived.
  const chosenSource = (a: ReviewedAnnotation | undefined) => a?.provenance.source
  const links: Link[] = store.links.filter((l) => {
    const [from, to] = [byId.get(l.from), byId.get(l.to)]
    if (l.type === ATTRIBUTION && chosenSource(from) !== undefined && l.to !== chosenSource(from)) return false
    return from !== undefined && to !== undefined && linkFits(ctx, l.type, from.label, to.label)
  })
  const made = new Set(links.map((l) => `${l.type}\u0000${l.from}\u0000${l.to}`))
  for (const a of store.annotations) {
    const source = chosenSource(a)
    const target = typeof source === 'string' ? byId.get(source) : undefined
    if (!target || made.has(`${ATTRIBUTION}\u0000${a.id}\u0000${target.id}`) || !linkFits(ctx, ATTRIBUTION, a.label, target.label)) continue
    links.push({ id: `rl-${a.id}`, type: ATTRIBUTION, from: a.id, to: target.id, author: ctx.reviewer, created: ctx.now })
    made.add(`${ATTRIBUTION}\u0000${a.id}\u0000${target.id}`)
  }
  const singles = new Set(links.filter((l) => singleLink(ctx, l.type)).map((l) => `${l.type}\u0000${l.from}`))
  for (const a of store.annotations) {
    // Chosen: the links of the version chosen. Edited (or merged): those of the versions with its
    // label only, so a stance never takes the source a colleague's claim on the same words had.
    const origins = a.provenance.chosen
      ? a.provenance.sources.filter((s) => s.annotator === a.provenance.chosen)
      : a.provenance.sources.filter((s) => labelOf.get(`${s.annotator}:${s.id}`) === a.label)
    for (const origin of origins) {
      for (const { type, to } of layerLinks.get(`${origin.annotator}:${origin.id}`) ?? []) {
        if (type === ATTRIBUTION && chosenSource(a) !== undefined) continue
        const target = bySource.get(to)
        if (!target || !linkFits(ctx, type, a.label, target.label)) continue
        const single = singleLink(ctx, type)
        if (single && singles.has(`${type}\u0000${a.id}`)) continue
        if (made.has(`${type}\u0000${a.id}\u0000${target.id}`)) continue
        const id =
          type === ATTRIBUTION
            ? `rl-${a.id}`
            : `rl-${createHash('sha256').update(`${type}\u0000${a.id}\u0000${target.id}`).digest('hex').slice(0, 32)}`
        links.push({ id, type, from: a.id, to: target.id, author: ctx.reviewer, created: ctx.now })
        made.add(`${type}\u0000${a.id}\u0000${target.id}`)
        if (single) singles.add(`${type}\u0000${a.id}`)
      }
    }
  }
  return links
}

/** Units settled by a decision that still matches them (a unit whose members changed is open again). */
export function settledCount(units: readonly ReviewUnit[], store: ReviewStoreFile): number {
  return holdingDecisions(store.decisions, units).size
}
