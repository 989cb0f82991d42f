/**
 * Adjudication: the reviewer settles review units into the reviewed layer of a document
 * (annotations/_reviewed/<document>.json). Accepting copies one annotator's version with its
 * provenance; editing stores the reviewer's own version; rejecting records that none is kept.
 * Attribution links follow: when both a claim (or stance) and the source its annotator linked it
 * to are in the reviewed layer, the reviewed copies are linked too.
 */
import { randomUUID } from 'node:crypto'
import { dirname } from 'node:path'
import type { Low } from 'lowdb'
import { DomainError } from '../../../shared/errors'
import { linkFits } from '../../../shared/annotations/links'
import { storedAnnotation } from '../../../shared/annotations/stored-form'
import type { Link } from '../../../shared/model/annotation'
import type { LabelSchema } from '../../../shared/model/labels'
import {
  REVIEW_FORMAT,
  REVIEW_VERSION,
  type Decision,
  type MemberRef,
  type ReviewStoreFile,
  type ReviewedAnnotation,
  type UnitDecision,
} from '../../../shared/model/review'
import type { ReviewLayer, ReviewUnit } from '../../../shared/review/units'
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
  const members: MemberRef[] = unit.members.map((m) => ({ annotator: m.annotator, id: m.annotation.id }))
  const old = store.decisions.find((d) => d.unit === unit.key)
  if (old) {
    store.decisions = store.decisions.filter((d) => d !== old)
    if (old.annotation) store.annotations = store.annotations.filter((a) => a.id !== old.annotation)
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
    const stored = storedAnnotation(
      { ...decision.annotation, id },
      { text: ctx.text, labels: ctx.labels, author: ctx.reviewer, now: ctx.now },
    )
    annotation = { ...stored, provenance: { action: 'edited', chosen: null, sources: members, decidedBy: ctx.reviewer, decided: ctx.now } }
  }
  store.annotations.push(annotation)
  const record: Decision = { ...base, action: annotation.provenance.action, annotation: id }
  store.decisions.push(record)
}

/**
 * The reviewed layer's attribution links, derived: a reviewed claim or stance is linked to the
 * reviewed source whose provenance holds the source its chosen annotator linked it to. Links the
 * reviewer made by hand to annotations still present are kept.
 */
function relink(store: ReviewStoreFile, ctx: ReviewContext): Link[] {
  const byId = new Map(store.annotations.map((a) => [a.id, a]))
  const bySource = new Map<string, ReviewedAnnotation>()
  for (const a of store.annotations) for (const s of a.provenance.sources) bySource.set(`${s.annotator}:${s.id}`, a)
  const layerLinks = new Map<string, string>()
  for (const layer of ctx.layers) for (const l of layer.links) layerLinks.set(`${layer.annotator}:${l.from}`, `${layer.annotator}:${l.to}`)
  const links: Link[] = store.links.filter((l) => {
    const [from, to] = [byId.get(l.from), byId.get(l.to)]
    return from !== undefined && to !== undefined && linkFits(ctx.labels, l.type, from.label, to.label)
  })
  const linked = new Set(links.map((l) => l.from))
  for (const a of store.annotations) {
    if (linked.has(a.id)) continue
    const origins = a.provenance.chosen ? a.provenance.sources.filter((s) => s.annotator === a.provenance.chosen) : a.provenance.sources
    for (const origin of origins) {
      const to = layerLinks.get(`${origin.annotator}:${origin.id}`)
      const target = to ? bySource.get(to) : undefined
      if (target && linkFits(ctx.labels, 'attribution', a.label, target.label)) {
        links.push({ id: `rl-${a.id}`, type: 'attribution', from: a.id, to: target.id, author: ctx.reviewer, created: ctx.now })
        linked.add(a.id)
        break
      }
    }
  }
  return links
}

/** Units settled by a decision that still matches them (a unit whose members changed is open again). */
export function settledCount(units: readonly ReviewUnit[], store: ReviewStoreFile): number {
  const decided = new Set(store.decisions.map((d) => d.unit))
  return units.filter((u) => decided.has(u.key)).length
}
