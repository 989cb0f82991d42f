/**
 * Document status: how far an annotator has come with a document — not started, in progress, done,
 * or done with nothing to tag (read, and correctly holding no annotations). Each annotator's status
 * of a document lives in their own store of it (annotations/<annotator>/<document>.json), so
 * colleagues never write the same file. What counts as a layer for agreement, review and the
 * exports follows from it: a layer with annotations, or one its annotator marked done.
 */
import { z } from 'zod'
import { IsoTime } from './annotation'

/** The states, in the order the UI lists them. */
export const DOCUMENT_STATES = ['not-started', 'in-progress', 'done', 'nothing-to-tag'] as const
export const DocumentState = z.enum(DOCUMENT_STATES)
export type DocumentState = z.infer<typeof DocumentState>

/** A status as stored: the state the annotator chose, and when. */
export const StoredStatus = z.object({ state: DocumentState, changed: IsoTime })
export type StoredStatus = z.infer<typeof StoredStatus>

/** What the user reads for each state. */
export const STATE_NAMES: Record<DocumentState, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  'nothing-to-tag': 'Done, nothing to tag',
}

/** What a status is computed from: a store's annotations and its stored status (null: no store). */
export interface StatusSource {
  annotations: readonly unknown[]
  status?: StoredStatus | undefined
}

/**
 * An annotator's status of a document. Without a store, or a stored status, it follows from the
 * annotations: none is not started, some is in progress. "Not started" and "nothing to tag" can
 * only hold with no annotations: with some, the document is in progress.
 */
export function documentState(store: StatusSource | null): DocumentState {
  if (!store) return 'not-started'
  const annotated = store.annotations.length > 0
  const stored = store.status?.state
  if (stored === 'done' || stored === 'in-progress') return stored
  if (annotated) return 'in-progress'
  return stored ?? 'not-started'
}

/** True for done and for done with nothing to tag. */
export function isDone(state: DocumentState): boolean {
  return state === 'done' || state === 'nothing-to-tag'
}

/**
 * Whether a store is a layer that counts (agreement, review, exports, stats): it holds annotations,
 * or its annotator marked the document done — then an empty layer is "this annotator found nothing
 * here", all "none" tokens, not missing data. A store that holds only a memo or replies, or was
 * emptied without being marked done, does not count; neither does a document never saved.
 */
export function countsAsLayer(store: StatusSource | null): boolean {
  return store !== null && (store.annotations.length > 0 || isDone(documentState(store)))
}

/**
 * The status to store after a change to the annotations: marking "not started" or "nothing to tag"
 * no longer holds once the layer has annotations, so it becomes "in progress" (at `now`).
 */
export function statusAfterChange(status: StoredStatus | undefined, annotationCount: number, now: string): StoredStatus | undefined {
  if (!status || annotationCount === 0) return status
  return status.state === 'not-started' || status.state === 'nothing-to-tag' ? { state: 'in-progress', changed: now } : status
}

/** How many documents are in each state. */
export function stateCounts(states: Iterable<DocumentState>): Record<DocumentState, number> {
  const counts = Object.fromEntries(DOCUMENT_STATES.map((s) => [s, 0])) as Record<DocumentState, number>
  for (const s of states) counts[s]++
  return counts
}
