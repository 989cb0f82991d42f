/**
 * Which statements an analysis looks at: the filters of the analysis view and of
 * `marginalia network` (layers, documents, a date range, labels, source kinds), and DNA's
 * "duplicates" setting, which counts a statement repeated in one document once.
 */
import { DomainError } from '../errors'
import { REVIEWED_LAYER_NAME } from '../csv'
import { isoDate } from './dates'
import type { Statement } from './statements'

/** What to keep; an absent field keeps everything. */
export interface StatementFilter {
  /** Layers to keep: annotator names and/or "_reviewed". */
  layers?: readonly string[]
  /** Document ids to keep. */
  documents?: readonly string[]
  /** First day kept, yyyy-mm-dd (inclusive). With `from` or `to`, statements of undated documents are left out. */
  from?: string
  /** Last day kept, yyyy-mm-dd (inclusive). */
  to?: string
  /** Labels to keep (label ids, such as "stance"). */
  labels?: readonly string[]
  /**
   * Source kinds to keep ('' keeps sources with no kind). Applies to linked statements only:
   * unlinked ones have no kind and are kept, so they stay counted as unlinked.
   */
  sourceKinds?: readonly string[]
}

/** Whether a date range is valid: each end a yyyy-mm-dd date, and `from` not after `to`. Throws a DomainError ('invalid') otherwise. */
export function checkDateRange(filter: Pick<StatementFilter, 'from' | 'to'>): void {
  for (const [name, value] of [
    ['start', filter.from],
    ['end', filter.to],
  ] as const) {
    if (value !== undefined && isoDate(value) !== value) {
      throw new DomainError('invalid', `The date range's ${name} "${value}" is not a date; write it as yyyy-mm-dd, such as 2023-10-01.`)
    }
  }
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) {
    throw new DomainError('invalid', `The date range ends (${filter.to}) before it starts (${filter.from}); swap the two dates.`)
  }
}

/** The statements that pass the filter, in their order (the array itself when nothing is filtered). Throws a DomainError ('invalid') for a date range that is not one. */
export function filterStatements(statements: readonly Statement[], filter: StatementFilter = {}): readonly Statement[] {
  checkDateRange(filter)
  if (Object.values(filter).every((v) => v === undefined)) return statements
  const layers = filter.layers && new Set(filter.layers)
  const documents = filter.documents && new Set(filter.documents)
  const labels = filter.labels && new Set(filter.labels)
  const kinds = filter.sourceKinds && new Set(filter.sourceKinds)
  const { from, to } = filter
  const dated = from !== undefined || to !== undefined
  return statements.filter(
    (s) =>
      (!layers || layers.has(s.layer)) &&
      (!documents || documents.has(s.documentId)) &&
      (!labels || labels.has(s.label)) &&
      (!kinds || !s.source || kinds.has(s.source.kind)) &&
      (!dated || (s.date !== null && (from === undefined || s.date >= from) && (to === undefined || s.date <= to))),
  )
}

/**
 * How repeated statements count (DNA's "duplicates"): 'include' counts every stance; 'document'
 * counts stances of one actor on one target with one polarity once per document, whichever layer
 * they are in (so two annotators' layers together count each such stance once).
 */
export type Duplicates = 'include' | 'document'

/**
 * The statements with repeats removed as `duplicates` says (the array itself for 'include'): the first of each repeated stance
 * (in the order given) is kept. Only stances with an actor and a target can repeat; every other
 * statement is kept.
 */
export function withoutDuplicates(statements: readonly Statement[], duplicates: Duplicates = 'include'): readonly Statement[] {
  if (duplicates === 'include') return statements
  const seen = new Set<string>()
  return statements.filter((s) => {
    if (s.actorKey === null || s.targetKey === null) return true
    const key = `${s.documentId}\u0000${s.actorKey}\u0000${s.targetKey}\u0000${s.polarity ?? ''}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * The statements an analysis counts: those that pass the filter, with repeats removed as
 * `duplicates` says. The matrix, the networks and the counts over time each take this list, so
 * the Analysis view filters once for all three.
 */
export function keptStatements(
  statements: readonly Statement[],
  filter: StatementFilter = {},
  duplicates: Duplicates = 'include',
): readonly Statement[] {
  return withoutDuplicates(filterStatements(statements, filter), duplicates)
}

/**
 * With the reviewed layer alone (the default once a review has settled something), how many
 * documents that pass the other filters have annotators' statements but no settled review, so
 * nothing of theirs is counted: the Analysis view and `marginalia network` say it. 0 otherwise.
 */
export function unreviewedLeftOut(
  statements: readonly Statement[],
  filter: StatementFilter,
  annotators: readonly string[],
  reviewedDocuments: ReadonlySet<string>,
): number {
  if (filter.layers?.length !== 1 || filter.layers[0] !== REVIEWED_LAYER_NAME) return 0
  const documents = new Set(keptStatements(statements, { ...filter, layers: [...annotators] }).map((s) => s.documentId))
  return [...documents].filter((d) => !reviewedDocuments.has(d)).length
}

/**
 * How many statements a date range leaves out only because their document has no date (they pass
 * every other filter): 0 without a range. The Analysis view and `marginalia network` say it.
 */
export function undatedLeftOut(statements: readonly Statement[], filter: StatementFilter = {}, duplicates: Duplicates = 'include'): number {
  if (filter.from === undefined && filter.to === undefined) return 0
  return keptStatements(statements, { ...filter, from: undefined, to: undefined }, duplicates).filter((s) => s.date === null).length
}
