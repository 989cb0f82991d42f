/**
 * Document status, memos, replies and the guidelines, behind the contract's status.*, notes.* and
 * guidelines.* methods. Each annotator writes only their own files: their status of a document,
 * memo on it and replies to its annotations in their store of it, their project memo in
 * annotations/<annotator>/_project.json. What everyone wrote is gathered from everyone's files.
 */
import { randomUUID } from 'node:crypto'
import { dirname } from 'node:path'
import type { DocumentNotes, Guidelines } from '../../../shared/api'
import { DomainError } from '../../../shared/errors'
import { inThreadOrder, type AnnotatorMemo, type Reply } from '../../../shared/model/memos'
import { REVIEWED_FOLDER } from '../../../shared/model/review'
import type { DocumentState } from '../../../shared/model/status'
import type { Project } from '../project/project'
import { saveFailedSentence } from '../store/durable'

/** Every annotator's status, memo and replies on one document, as on disk now. */
export async function documentNotes(project: Project, docId: string): Promise<DocumentNotes> {
  project.document(docId)
  const states: DocumentNotes['states'] = []
  const memos: AnnotatorMemo[] = []
  const replies: Reply[] = []
  for (const annotator of await project.writers()) {
    if (!(await project.hasStoreFile(annotator, docId))) continue
    const layer = await project.freshLayer(annotator, docId).catch(() => null)
    if (!layer) continue
    states.push({ annotator, state: layer.state, changed: layer.db.data.status?.changed ?? null })
    if (layer.memo) memos.push({ annotator, text: layer.memo.text, modified: layer.memo.modified })
    replies.push(...layer.replies)
  }
  return { document: docId, states, memos, replies: inThreadOrder(replies) }
}

/** Set an annotator's status of a document. */
export async function setState(
  project: Project,
  annotator: string,
  docId: string,
  state: DocumentState,
  now: string,
): Promise<DocumentState> {
  project.document(docId)
  return (await project.layer(annotator, docId)).setState(state, now)
}

/** Set an annotator's memo on a document (empty text removes it). */
export async function setDocumentMemo(
  project: Project,
  annotator: string,
  docId: string,
  text: string,
  now: string,
): Promise<DocumentNotes> {
  project.document(docId)
  await (await project.layer(annotator, docId)).setMemo(text, now)
  return documentNotes(project, docId)
}

/** Reply to an annotation that is in its layer now; the reply is saved in the annotator's own store. */
export async function addReply(
  project: Project,
  annotator: string,
  docId: string,
  on: { layer: string; annotation: string },
  text: string,
  now: string,
): Promise<DocumentNotes> {
  project.document(docId)
  const target =
    on.layer === REVIEWED_FOLDER
      ? (await project.reviewedLayer(docId)).data.annotations
      : (await project.hasStoreFile(on.layer, docId))
        ? (await project.freshLayer(on.layer, docId)).annotations
        : []
  if (!target.some((a) => a.id === on.annotation))
    throw new DomainError(
      'not-found',
      `That annotation is no longer in ${on.layer === REVIEWED_FOLDER ? 'the reviewed layer' : `${on.layer}'s layer`} (it was changed or deleted); reload and reply to it as it is now.`,
    )
  const reply: Reply = {
    id: `r-${randomUUID()}`,
    on: { layer: on.layer, annotation: on.annotation },
    text,
    author: annotator,
    created: now,
  }
  await (await project.layer(annotator, docId)).addReply(reply)
  return documentNotes(project, docId)
}

/** Remove one of an annotator's replies. */
export async function removeReply(project: Project, annotator: string, docId: string, id: string): Promise<DocumentNotes> {
  project.document(docId)
  if (!(await project.hasStoreFile(annotator, docId)))
    throw new DomainError('not-found', 'That reply is not among yours any more; it may have been removed already.')
  await (await project.layer(annotator, docId)).removeReply(id)
  return documentNotes(project, docId)
}

/** Every annotator's project memo, by annotator. */
export async function projectMemos(project: Project): Promise<AnnotatorMemo[]> {
  const out: AnnotatorMemo[] = []
  for (const annotator of await project.writers()) {
    if (!(await project.hasProjectMemo(annotator))) continue
    const store = await project.projectMemo(annotator).catch(() => null)
    if (!store) continue
    await store.readIfChangedByOthers()
    const memo = store.current?.memo
    if (memo) out.push({ annotator, text: memo.text, modified: memo.modified })
  }
  return out
}

/** Set an annotator's project memo (empty text removes it). */
export async function setProjectMemo(project: Project, annotator: string, text: string, now: string): Promise<AnnotatorMemo[]> {
  const store = await project.projectMemo(annotator)
  try {
    await store.update((current) => {
      const next = { ...current, annotator, memo: { text, modified: now } }
      if (text.trim() === '') delete (next as { memo?: unknown }).memo
      return next
    })
  } catch (e) {
    if (e instanceof DomainError) throw e
    throw new DomainError('failed', saveFailedSentence('Your project memo', e, dirname(store.path)))
  }
  return projectMemos(project)
}

/** The project's guidelines.md. */
export async function readGuidelines(project: Project): Promise<Guidelines> {
  const file = project.guidelines
  const state = await file.read()
  return { path: file.path, text: state.text ?? '', exists: state.text !== null, sha256: state.sha256, modified: state.modified }
}

/** Save guidelines.md over the version the editor started from. */
export async function saveGuidelines(project: Project, text: string, base: string | null): Promise<Guidelines> {
  const file = project.guidelines
  const state = await file.save(text, base)
  return { path: file.path, text: state.text ?? '', exists: state.text !== null, sha256: state.sha256, modified: state.modified }
}
