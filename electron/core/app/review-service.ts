/**
 * The review operations behind the contract's review.* methods: open a document for review
 * (every compared annotator's layer, the review units, the reviewed layer), settle units, and
 * count progress per document. Units are recomputed from the layers on every call, so a decision
 * always refers to what is on disk now.
 */
import type { AnnotatorSummary, ReviewView, ReviewedState } from '../../../shared/api'
import type { Annotation } from '../../../shared/model/annotation'
import { DomainError } from '../../../shared/errors'
import { holdingDecisions, reviewUnits, type ReviewLayer, type ReviewUnit } from '../../../shared/review/units'
import { sentReview } from '../../../shared/review/sent-form'
import type { Project } from '../project/project'
import type { UnitDecision } from '../../../shared/model/review'
import { settledCount } from '../project/review'

/** The compared annotators' layers of one document (an annotator without a store has an empty one). */
export async function reviewLayers(project: Project, docId: string, annotators: readonly string[]): Promise<ReviewLayer[]> {
  return Promise.all(
    annotators.map(async (annotator) => {
      if (!(await project.hasLayer(annotator, docId))) return { annotator, annotations: [], links: [] }
      const layer = await project.freshLayer(annotator, docId)
      // The store's own arrays: a change replaces them, never alters them (so unitsOf can tell).
      return { annotator, annotations: layer.annotations, links: layer.links }
    }),
  )
}

/**
 * The compared annotators' layers of a document, and the review units between those of them who
 * have a layer of it (annotations, or marked done): one who has not annotated the document is
 * missing data, left out rather than counted as marking nothing. With fewer than two layers there
 * is nothing to compare, and every compared annotator's is shown.
 */
export async function comparedLayers(
  project: Project,
  docId: string,
  annotators: readonly string[],
): Promise<{ layers: ReviewLayer[]; units: ReviewUnit[]; missing: string[] }> {
  const [layers, present] = await Promise.all([
    reviewLayers(project, docId, annotators),
    Promise.all(annotators.map((a) => project.hasLayer(a, docId))),
  ])
  const counted = layers.filter((_, i) => present[i])
  if (counted.length < 2) return { layers, units: unitsOf(layers), missing: [] }
  return { layers, units: unitsOf(counted), missing: annotators.filter((_, i) => !present[i]) }
}

/** The units last made from a layer's annotations (the first compared one), and from which layers. */
const madeUnits = new WeakMap<readonly Annotation[], { layers: readonly ReviewLayer[]; units: ReviewUnit[] }>()

/**
 * The review units of these layers, made once for as long as they stay the same: a store's
 * annotations and links are replaced when it changes, never altered in place
 * (store/json-store.ts), so the same arrays in the same order give the same units. Progress,
 * opening the review and every decision on an unchanged document then share one grouping. Kept
 * weakly: once a layer changes, its old arrays and the units made from them can go.
 */
function unitsOf(layers: readonly ReviewLayer[]): ReviewUnit[] {
  const key = layers[0]?.annotations
  const made = key && madeUnits.get(key)
  const same = (l: ReviewLayer, i: number) => {
    const other = layers[i]!
    return l.annotator === other.annotator && l.annotations === other.annotations && l.links === other.links
  }
  if (made && made.layers.length === layers.length && made.layers.every(same)) return made.units
  const units = reviewUnits(layers)
  if (key) madeUnits.set(key, { layers, units })
  return units
}

async function state(project: Project, docId: string, units: readonly ReviewUnit[]): Promise<ReviewedState> {
  const data = (await project.reviewedLayer(docId)).data
  return {
    annotations: data.annotations,
    links: data.links,
    decisions: data.decisions,
    settled: settledCount(units, data),
    total: units.length,
  }
}

/** Everything the review screen shows for one document, with whole annotations in the units. */
export interface ReviewContent extends Omit<ReviewView, 'document' | 'layers' | 'units'> {
  layers: ReviewLayer[]
  units: ReviewUnit[]
}

/** Everything the review screen shows for one document. */
export async function openReview(project: Project, docId: string, annotators: readonly string[], reviewer: string): Promise<ReviewContent> {
  const [text, { layers, units, missing }] = await Promise.all([project.text(docId), comparedLayers(project, docId, annotators)])
  return {
    text: text.text,
    sha256: project.document(docId).sha256,
    reviewer,
    layers,
    units,
    missing,
    reviewed: await state(project, docId, units),
  }
}

/**
 * The review as review.open sends it: units as references, quotes left to the text
 * (shared/review/sent-form.ts), and the text itself left out when `have` (the sha256 of the text
 * the page holds) is this text's.
 */
export async function sentReviewOf(
  project: Project,
  docId: string,
  annotators: readonly string[],
  reviewer: string,
  have?: string,
): Promise<Omit<ReviewView, 'document'>> {
  const [text, { text: whole, ...view }] = await Promise.all([project.text(docId), openReview(project, docId, annotators, reviewer)])
  return { ...view, ...(have === view.sha256 ? {} : { text: whole }), ...sentReview(text, view.layers, view.units) }
}

/** Settle, or reopen, one unit (found by its key among the units as they are now). */
export async function decide(
  project: Project,
  docId: string,
  annotators: readonly string[],
  unitKey: string,
  decision: UnitDecision,
  reviewer: string,
): Promise<ReviewedState> {
  const [text, { layers, units }] = await Promise.all([project.text(docId), comparedLayers(project, docId, annotators)])
  const unit = units.find((u) => u.key === unitKey)
  if (!unit)
    throw new DomainError(
      'conflict',
      'That review unit has changed since the review was opened (an annotator edited it); reopen the review.',
    )
  const reviewed = await project.reviewedLayer(docId)
  await reviewed.decide(unit, decision, { text, ...project.tagSet, layers, reviewer, now: new Date().toISOString() })
  return state(project, docId, units)
}

/** Settle or reopen several units (found by their keys among the units as they are now) as one change. */
export async function decideMany(
  project: Project,
  docId: string,
  annotators: readonly string[],
  items: readonly { unit: string; decision: UnitDecision }[],
  reviewer: string,
): Promise<ReviewedState> {
  const [text, { layers, units }] = await Promise.all([project.text(docId), comparedLayers(project, docId, annotators)])
  const byKey = new Map(units.map((u) => [u.key, u]))
  const found = items.map((i) => ({ unit: byKey.get(i.unit), decision: i.decision }))
  if (found.some((f) => !f.unit))
    throw new DomainError('conflict', 'A review unit has changed since the review was opened (an annotator edited it); reopen the review.')
  const reviewed = await project.reviewedLayer(docId)
  await reviewed.decideMany(found as { unit: ReviewUnit; decision: UnitDecision }[], {
    text,
    ...project.tagSet,
    layers,
    reviewer,
    now: new Date().toISOString(),
  })
  return state(project, docId, units)
}

/** Accept the first annotator's version of every agreed unit that is not settled yet. */
export async function acceptAgreed(
  project: Project,
  docId: string,
  annotators: readonly string[],
  reviewer: string,
): Promise<ReviewedState> {
  const [text, { layers, units }] = await Promise.all([project.text(docId), comparedLayers(project, docId, annotators)])
  const reviewed = await project.reviewedLayer(docId)
  const decided = holdingDecisions(reviewed.data.decisions, units)
  const items = units
    .filter((u) => u.kind === 'agreed' && !decided.has(u.key))
    .map((unit) => ({ unit, decision: { action: 'accept' as const, annotator: unit.members[0]!.annotator } }))
  if (items.length > 0) await reviewed.decideMany(items, { text, ...project.tagSet, layers, reviewer, now: new Date().toISOString() })
  return state(project, docId, units)
}

/**
 * Settled / total units per document, comparing `annotators` (every annotator when null); a
 * document fewer than two of them annotated has nothing to compare and counts 0 / 0.
 */
export async function reviewProgress(
  project: Project,
  annotators: readonly string[] | null,
): Promise<Record<string, { settled: number; total: number }>> {
  const who = annotators ?? (await project.annotators())
  const out: Record<string, { settled: number; total: number }> = {}
  for (const doc of project.documents) {
    // With fewer than two of them having a layer there is nothing to compare: no units to count.
    const present = (await Promise.all(who.map((a) => project.hasLayer(a, doc.id)))).filter(Boolean).length
    if (present < 2) {
      out[doc.id] = { settled: 0, total: 0 }
      continue
    }
    const { units } = await comparedLayers(project, doc.id, who)
    const settled = (await project.hasReviewedLayer(doc.id)) ? settledCount(units, (await project.reviewedLayer(doc.id)).data) : 0
    out[doc.id] = { settled, total: units.length }
  }
  return out
}

/** Who has annotated in this project, on how many documents, how much. */
export async function annotatorSummaries(project: Project): Promise<AnnotatorSummary[]> {
  const out: AnnotatorSummary[] = []
  for (const annotator of await project.annotators()) {
    let documents = 0
    let annotations = 0
    let nothingToTag = 0
    for (const doc of project.documents) {
      if (!(await project.hasLayer(annotator, doc.id))) continue
      documents++
      const n = (await project.layer(annotator, doc.id)).annotations.length
      annotations += n
      if (n === 0) nothingToTag++
    }
    out.push({ annotator, documents, annotations, nothingToTag })
  }
  return out
}
