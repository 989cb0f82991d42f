/**
 * What to reload when colleagues' changes arrive from disk (project.changes): the document list
 * when project.json changed or an own layer changed elsewhere, the open document's own layer, the
 * open review when one of its layers or the reviewed layer changed, and the review progress; and
 * one short sentence saying whose annotations changed. When the host lost track of what changed,
 * everything is reloaded. Pure, so the rules are tested without a host.
 */
import type { ProjectChanges } from '../../../../shared/api'
import { GUIDELINES_LAYER, PROJECT_MEMO_DOCUMENT } from '../../../../shared/model/memos'
import { REVIEWED } from './review-layers'

/** What is shown now. */
export interface ShownContext {
  /** The current annotator. */
  me: string | null
  /** The open document's id. */
  document: string | null
  /** The annotators the open review compares (null: no review open). */
  compared: readonly string[] | null
  /** How many changes of project.json this window made itself since the last look (the tag set saved here): no note for those. */
  ownProjectChanges?: number
}

/** What to reload. */
export interface ReloadPlan {
  documents: boolean
  /** project.json changed: labels and name may have too. */
  project: boolean
  /** The open document's own layer changed elsewhere. */
  ownLayer: boolean
  review: boolean
  progress: boolean
  /** Someone's store of the open document changed: its statuses, memos or replies may have. */
  notes: boolean
  /** An annotator's project memo changed. */
  projectMemos: boolean
  /** guidelines.md changed. */
  guidelines: boolean
  /** The sentence for the status area, or null. */
  note: string | null
}

/** "jonas", "jonas and maria", "jonas, maria and 2 others". */
function names(list: readonly string[]): string {
  if (list.length <= 2) return list.join(' and ')
  if (list.length === 3) return `${list[0]}, ${list[1]} and ${list[2]}`
  return `${list[0]}, ${list[1]} and ${list.length - 2} others`
}

function possessive(list: readonly string[]): string {
  return list.length === 1 ? `${list[0]}’s` : `${names(list)}’s`
}

/** The reloads a batch of changes calls for. */
export function planReload(changes: ProjectChanges, shown: ShownContext): ReloadPlan {
  const plan: ReloadPlan = {
    documents: false,
    project: false,
    ownLayer: false,
    review: false,
    progress: false,
    notes: false,
    projectMemos: false,
    guidelines: false,
    note: null,
  }
  if (!changes.complete) {
    return {
      documents: true,
      project: true,
      ownLayer: shown.document !== null,
      review: shown.compared !== null,
      progress: true,
      notes: shown.document !== null,
      projectMemos: true,
      guidelines: true,
      note: 'Files changed on disk; everything shown was reloaded.',
    }
  }
  const others = new Set<string>()
  let reviewed = false
  let mine = false
  let projectElsewhere = -(shown.ownProjectChanges ?? 0)
  for (const { layer, document } of changes.changed) {
    if (layer === 'project' && document === null) {
      plan.project = plan.documents = true
      projectElsewhere++
      continue
    }
    // guidelines.md, or an annotator's project memo: nothing else depends on them.
    if (layer === GUIDELINES_LAYER) {
      plan.guidelines = true
      continue
    }
    if (document === PROJECT_MEMO_DOCUMENT) {
      plan.projectMemos = true
      continue
    }
    if (document !== null && document === shown.document) plan.notes = true
    plan.progress = true
    if (layer === shown.me) {
      plan.documents = true
      mine = true
      if (document === shown.document) plan.ownLayer = true
    } else if (layer === REVIEWED) reviewed = true
    else others.add(layer)
    const inReview = layer === REVIEWED || (shown.compared?.includes(layer) ?? false)
    if (document === shown.document && shown.compared !== null && inReview) plan.review = true
  }
  const parts: string[] = []
  if (others.size > 0) parts.push(`${possessive([...others].sort())} annotations were updated`)
  if (reviewed) parts.push('the reviewed layer was updated')
  if (mine) parts.push('your annotations changed in another window or app')
  if (projectElsewhere > 0) parts.push('the project settings were updated')
  if (parts.length > 0) {
    // Names keep their spelling ("jonas’s annotations…"); other sentences start with a capital.
    const sentence = parts.join('; ')
    plan.note = `${others.size > 0 ? sentence : sentence[0]!.toUpperCase() + sentence.slice(1)}.`
  }
  return plan
}
