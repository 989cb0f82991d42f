/**
 * The open review as the UI holds it: what review.open returned, indexed for the questions the
 * review screen asks on every key press (which unit is this member in, is this unit settled,
 * where is the next open disagreement), without scanning thousands of units each time. Pure, so
 * the navigation rules are tested without a page.
 */
import type { ReviewView, ReviewedState } from '../../../../shared/api'
import type { Decision, UnitDecision, ReviewedAnnotation } from '../../../../shared/model/review'
import { TextIndex } from '../../../../shared/offsets'
import { ATTRIBUTION } from '../../../../shared/model/labels'
import { holdingDecisions, type ReviewLayer, type ReviewUnit, type UnitKind } from '../../../../shared/review/units'
import { receivedReview } from '../../../../shared/review/sent-form'

/** One document's review, indexed. Replaced (never changed) when something changes. */
export interface ReviewModel {
  document: string
  /** The compared annotators, in the order they were chosen (their lanes). */
  annotators: readonly string[]
  reviewer: string
  /** The document's text, indexed. */
  index: TextIndex
  layers: readonly ReviewLayer[]
  /** Compared annotators without a layer of this document (missing data, left out of the units). */
  missing: readonly string[]
  /** In text order. */
  units: readonly ReviewUnit[]
  /** Position in `units` by unit key. */
  indexOf: ReadonlyMap<string, number>
  /** Unit key by member, "annotator:annotation id". */
  unitOfMember: ReadonlyMap<string, string>
  reviewed: ReviewedState
  /** The decision that settles each unit, by unit key (decisions on units that changed are left out). */
  decisions: ReadonlyMap<string, Decision>
  /** Reviewed annotations by id. */
  reviewedById: ReadonlyMap<string, ReviewedAnnotation>
}

/** A document's text as the page holds it, with the host's sha256 of it. */
export interface HeldText {
  index: TextIndex
  sha256: string
}

/** The key of one annotator's annotation, as unit keys and highlight ids use it. */
export function memberKey(annotator: string, id: string): string {
  return `${annotator}:${id}`
}

/**
 * Index a review as review.open returned it; `held`: the text the page holds already, which the
 * reply leaves out when it is the document's (the host compares their sha256).
 */
export function reviewModel(view: ReviewView, annotators: readonly string[], held: HeldText | null = null): ReviewModel {
  const index = view.text !== undefined ? new TextIndex(view.text) : held?.sha256 === view.sha256 ? held.index : null
  if (!index) throw new Error('review.open sent no text, and this page does not hold the document’s text; reopen the review.')
  // Sent as references and without quotes: put back from the layers and the text.
  const { layers, units } = receivedReview(index, view)
  const indexOf = new Map<string, number>()
  const unitOfMember = new Map<string, string>()
  units.forEach((u, i) => {
    indexOf.set(u.key, i)
    for (const m of u.members) unitOfMember.set(memberKey(m.annotator, m.annotation.id), u.key)
  })
  const base = {
    document: view.document.id,
    annotators,
    reviewer: view.reviewer,
    index,
    layers,
    missing: view.missing ?? [],
    units,
    indexOf,
    unitOfMember,
  }
  return withReviewed(base, view.reviewed)
}

/** The same review with the reviewed layer as a decision left it. */
export function withReviewed(model: Omit<ReviewModel, 'reviewed' | 'decisions' | 'reviewedById'>, reviewed: ReviewedState): ReviewModel {
  // A decision on a unit whose members changed since (another key, or a member edited) no longer settles it.
  const decisions: Map<string, Decision> = holdingDecisions(reviewed.decisions, model.units)
  const reviewedById = new Map(reviewed.annotations.map((a) => [a.id, a]))
  return { ...model, reviewed, decisions, reviewedById }
}

/** True for every kind but 'agreed'. */
export function isDisagreement(unit: ReviewUnit): boolean {
  return unit.kind !== 'agreed'
}

/**
 * The next (dir 1) or previous (dir -1) unsettled disagreement from the unit `from` (or from the
 * start / end when null), going round the end of the text; null when none is left. Units in
 * `deciding` (a decision on its way) count as settled.
 */
export function nextOpen(model: ReviewModel, from: string | null, dir: 1 | -1, deciding: ReadonlySet<string> = new Set()): string | null {
  const n = model.units.length
  const at = from === null ? undefined : model.indexOf.get(from)
  const start = at === undefined ? (dir === 1 ? -1 : n) : at
  for (let step = 1; step <= n; step++) {
    const i = (((start + dir * step) % n) + n) % n
    const u = model.units[i]!
    if (isDisagreement(u) && !model.decisions.has(u.key) && !deciding.has(u.key)) return u.key
  }
  return null
}

/** Open disagreements and agreed units not yet settled. */
export function openCounts(model: ReviewModel): { disagreements: number; agreed: number } {
  let disagreements = 0
  let agreed = 0
  for (const u of model.units) {
    if (model.decisions.has(u.key)) continue
    if (isDisagreement(u)) disagreements++
    else agreed++
  }
  return { disagreements, agreed }
}

const KIND_NAMES: Record<Exclude<UnitKind, 'only-some'>, string> = {
  agreed: 'Agreed',
  'attributes-differ': 'Attributes differ',
  'label-differs': 'Label differs',
  'boundaries-differ': 'Boundaries differ',
}

/** The badge of a unit: its kind, and for units only some marked, who did. */
export function kindName(unit: ReviewUnit): string {
  if (unit.kind !== 'only-some') return KIND_NAMES[unit.kind]
  return `Only ${unit.members.map((m) => m.annotator).join(', ')}`
}

/** The filter of the units list. */
export interface UnitFilter {
  /** One kind, or every kind. */
  kind: UnitKind | 'all'
  showAgreed: boolean
  showSettled: boolean
}

/** The units the list shows under a filter, in text order. */
export function filterUnits(model: ReviewModel, filter: UnitFilter): ReviewUnit[] {
  return model.units.filter((u) => {
    if (filter.kind !== 'all' && u.kind !== filter.kind) return false
    if (filter.kind === 'all' && u.kind === 'agreed' && !filter.showAgreed) return false
    return filter.showSettled || !model.decisions.has(u.key)
  })
}

/** The unit a reviewed annotation settled, if it is one of this review's units. */
export function unitOfReviewed(model: ReviewModel, annotationId: string): string | null {
  for (const d of model.decisions.values()) if (d.annotation === annotationId) return d.unit
  return null
}

/**
 * A unit's state as the decision that would bring it back: the accepted annotator's version, the
 * reviewer's own edit, a rejection, or (when it is open) a reopen. Undo and redo are these.
 */
export function decisionOf(model: ReviewModel, unitKey: string): UnitDecision {
  const d = model.decisions.get(unitKey)
  if (!d) return { action: 'reopen' }
  if (d.action === 'rejected' || d.annotation === null) return { action: 'reject' }
  const a = model.reviewedById.get(d.annotation)
  if (!a) return { action: 'reopen' }
  if (d.action === 'accepted' && a.provenance.chosen) return { action: 'accept', annotator: a.provenance.chosen }
  return {
    action: 'edit',
    annotation: {
      label: a.label,
      start: a.target.position.start,
      end: a.target.position.end,
      attributes: { ...a.attributes },
      note: a.note,
      // The source the reviewer chose, while it is still in the reviewed layer (else as the annotators linked it).
      ...(a.provenance.source === null || (a.provenance.source !== undefined && model.reviewedById.has(a.provenance.source))
        ? { source: a.provenance.source }
        : {}),
    },
  }
}

/**
 * Whether an open unit was settled before: a decision on it, or on one of its annotations when the
 * units were grouped otherwise (an annotator changed a version since). Deciding it replaces that one.
 */
export function settledBefore(model: Pick<ReviewModel, 'reviewed'>, unit: ReviewUnit): boolean {
  const mine = new Set(unit.members.map((m) => `${m.annotator}:${m.annotation.id}`))
  return model.reviewed.decisions.some((d) => d.unit === unit.key || d.members.some((m) => mine.has(`${m.annotator}:${m.id}`)))
}

/** Why a document has no units: the compared annotators (not everyone) have annotated none of it. */
export function nothingToReview(annotators: readonly string[]): string {
  const [first = 'The chosen annotator', second] = annotators
  const who =
    annotators.length <= 1
      ? `${first} has not`
      : annotators.length === 2
        ? `Neither ${first} nor ${second} has`
        : `None of ${annotators.slice(0, -1).join(', ')} and ${annotators.at(-1)} has`
  return `${who} annotated this document yet: nothing to compare. Annotators… chooses whom to compare.`
}

/**
 * Whether the reviewed annotation that settles this unit has no source in the reviewed layer:
 * the accepted version was attributed to a source whose own unit is rejected or still open, so the
 * reviewed layer has no link (review.ts derives links only between reviewed annotations).
 */
export function reviewedSourceMissing(model: Pick<ReviewModel, 'decisions' | 'reviewed'>, unitKey: string): boolean {
  const id = model.decisions.get(unitKey)?.annotation
  return id ? !model.reviewed.links.some((l) => l.type === ATTRIBUTION && l.from === id) : false
}
