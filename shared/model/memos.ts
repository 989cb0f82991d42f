/**
 * Memos and replies, all written to the writer's own files so no two people ever save the same
 * file: an annotator's memo on a document and their replies to annotations (anyone's) live in their
 * store of that document (annotations/<annotator>/<document>.json), and their project memo in
 * annotations/<annotator>/_project.json. A thread is every annotator's replies to one annotation,
 * gathered from their files and put in time order.
 */
import { z } from 'zod'
import { AnnotationId, AnnotatorName, IsoTime } from './annotation'
import { REVIEWED_FOLDER } from './review'

/** A memo: free Markdown-ish text, and when it was last changed. */
export const Memo = z.object({ text: z.string().min(1).max(100_000), modified: IsoTime })
export type Memo = z.infer<typeof Memo>

/** A layer a reply can be about: an annotator's, or the reviewed layer. */
export const LayerName = z.union([AnnotatorName, z.literal(REVIEWED_FOLDER)])

/** One reply in the thread of an annotation (of any layer of the same document). */
export const Reply = z.object({
  id: AnnotationId,
  /** The annotation replied to: its layer (annotator, or "_reviewed") and id. */
  on: z.object({ layer: LayerName, annotation: AnnotationId }),
  text: z.string().min(1).max(20_000),
  author: AnnotatorName,
  created: IsoTime,
})
export type Reply = z.infer<typeof Reply>

export const MEMO_FORMAT = 'marginalia-memo'
export const MEMO_VERSION = 1
/** The project memo's file in each annotator's folder (no document id starts with '_'). */
export const PROJECT_MEMO_FILE = '_project.json'

/** How a change on disk names an annotator's _project.json: its "document" (no document id starts with '_'). */
export const PROJECT_MEMO_DOCUMENT = '_project'
/** How a change on disk names guidelines.md: its "layer" (no annotator name starts with '_'). */
export const GUIDELINES_LAYER = '_guidelines'

/** annotations/<annotator>/_project.json: one annotator's memo on the whole project. */
export const ProjectMemoFile = z.object({
  format: z.literal(MEMO_FORMAT),
  version: z.number().int().positive(),
  annotator: AnnotatorName,
  memo: Memo.optional(),
})
export type ProjectMemoFile = z.infer<typeof ProjectMemoFile>

/** True for a file in an annotator's folder that is a layer store: <document>.json (not _project.json). */
export function isLayerFileName(name: string): boolean {
  return name.endsWith('.json') && !name.startsWith('_') && !name.startsWith('.')
}

/** One annotator's memo, as shown to everyone. */
export interface AnnotatorMemo {
  annotator: string
  text: string
  modified: string
}

/** The key of a thread: the layer and id of the annotation replied to. */
export function threadKey(layer: string, annotation: string): string {
  return `${layer}\u0000${annotation}`
}

/** Replies in time order (then by author and id, so every reader orders them alike). */
export function inThreadOrder(replies: readonly Reply[]): Reply[] {
  return [...replies].sort(
    (a, b) =>
      (a.created < b.created ? -1 : a.created > b.created ? 1 : 0) ||
      (a.author < b.author ? -1 : a.author > b.author ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
}

/** Every thread of a document, by threadKey, each in time order. */
export function threadsOf(replies: readonly Reply[]): Map<string, Reply[]> {
  const threads = new Map<string, Reply[]>()
  for (const r of inThreadOrder(replies)) {
    const key = threadKey(r.on.layer, r.on.annotation)
    const thread = threads.get(key)
    if (thread) thread.push(r)
    else threads.set(key, [r])
  }
  return threads
}

/** A reply as the exports carry it: who wrote it, when, and what. */
export interface ExportedReply {
  author: string
  created: string
  text: string
}

/** A thread as the exports carry it (a table's cell, a JSON Lines line): its replies' author, time and text, in time order. */
export function exportedThread(thread: readonly Reply[] | undefined): ExportedReply[] {
  return (thread ?? []).map((r) => ({ author: r.author, created: r.created, text: r.text }))
}

/** A thread as one cell of a table: a JSON array of {author, created, text}, or '' when there is none. */
export function threadCell(thread: readonly Reply[] | undefined): string {
  if (!thread || thread.length === 0) return ''
  return JSON.stringify(exportedThread(thread))
}
