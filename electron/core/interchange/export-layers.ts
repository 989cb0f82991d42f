/**
 * Which layers an export holds: every annotator's and the reviewed layer, one annotator's, some
 * annotators', or the reviewed layer only, optionally for some documents only, in document order
 * and then annotator order (the reviewed layer last). Every export format starts from this list.
 */
import { DomainError } from '../../../shared/errors'
import { REVIEWED_LAYER_NAME } from '../../../shared/csv'
import type { ExportLayer } from '../../../shared/interchange/layer'
import { inThreadOrder, type Reply } from '../../../shared/model/memos'
import type { Project } from '../project/project'

export interface LayerSelection {
  /** Annotators whose layers to export: all of them, or these. */
  annotators: 'all' | readonly string[]
  /** Include the reviewed layer. */
  reviewed: boolean
  /** These documents only (null: all). */
  documents?: readonly string[] | null
  /** These annotations only (rows of the Retrieve view): given a document, a layer and an annotation id. */
  include?: ((document: string, layer: string, id: string) => boolean) | null
  /** false: leave the replies out, so no colleague's store is read for them (the analysis needs none). */
  replies?: boolean
}

/** The selected layers that exist, as export layers. */
export async function selectLayers(project: Project, selection: LayerSelection): Promise<ExportLayer[]> {
  const annotators = selection.annotators === 'all' ? await project.annotators() : selection.annotators
  const wanted = selection.documents ? new Set(selection.documents) : null
  if (wanted) for (const id of wanted) project.document(id)
  const layers: ExportLayer[] = []
  const writers = selection.replies === false ? [] : await project.writers()
  for (const doc of project.documents) {
    if (wanted && !wanted.has(doc.id)) continue
    const document = { id: doc.id, title: doc.title, sha256: doc.sha256, file: doc.file }
    const threads = threadsByLayer(await documentReplies(project, writers, doc.id))
    for (const annotator of annotators) {
      if (!(await project.hasLayer(annotator, doc.id))) continue
      const layer = await project.layer(annotator, doc.id)
      layers.push({
        document,
        annotator,
        annotations: layer.annotations,
        links: layer.links,
        state: layer.state,
        memo: layer.memo?.text ?? '',
        threads: threads.get(annotator) ?? new Map(),
      })
    }
    if (selection.reviewed && (await project.hasReviewedLayer(doc.id))) {
      const reviewed = (await project.reviewedLayer(doc.id)).data
      layers.push({
        document,
        annotator: REVIEWED_LAYER_NAME,
        annotations: reviewed.annotations,
        links: reviewed.links,
        threads: threads.get(REVIEWED_LAYER_NAME) ?? new Map(),
      })
    }
  }
  return layers
}

/**
 * Every reply on a document, from each writer's store of it (a store that cannot be read adds
 * none). The stores are opened together, so one file is read from the disk while the one before
 * is parsed (two layers of 50,000 annotations: ~20 ms of the cold export).
 */
async function documentReplies(project: Project, writers: readonly string[], docId: string): Promise<Reply[]> {
  const layers = await Promise.all(
    writers.map(async (writer) => ((await project.hasStoreFile(writer, docId)) ? project.layer(writer, docId).catch(() => null) : null)),
  )
  return layers.flatMap((layer) => layer?.replies ?? [])
}

/** Replies by the layer and then the annotation they answer, each thread in time order. */
function threadsByLayer(replies: readonly Reply[]): Map<string, Map<string, Reply[]>> {
  const out = new Map<string, Map<string, Reply[]>>()
  for (const r of inThreadOrder(replies)) {
    let layer = out.get(r.on.layer)
    if (!layer) out.set(r.on.layer, (layer = new Map()))
    const thread = layer.get(r.on.annotation)
    if (thread) thread.push(r)
    else layer.set(r.on.annotation, [r])
  }
  return out
}

/** The selection for the contract's and the CLI's choice: layer all/mine/reviewed, or named annotators. */
export function selectionFor(layer: 'all' | 'mine' | 'reviewed', annotators: readonly string[] | null, me: () => string): LayerSelection {
  if (annotators && annotators.length > 0) return { annotators, reviewed: false }
  if (layer === 'mine') return { annotators: [me()], reviewed: false }
  if (layer === 'reviewed') return { annotators: [], reviewed: true }
  return { annotators: 'all', reviewed: true }
}

/** A DomainError when an annotator has no layer in the project. */
export async function checkAnnotators(project: Project, annotators: readonly string[]): Promise<void> {
  const known = await project.annotators()
  for (const a of annotators) {
    if (!known.includes(a))
      throw new DomainError(
        'not-found',
        `There are no annotations by "${a}" in this project; annotators: ${known.join(', ') || 'none yet'}.`,
      )
  }
}

/**
 * A DomainError when the layers asked for hold nothing: "Mine only" before the annotator has
 * annotated, or the reviewed layer before any review is settled (of the documents chosen), so an
 * export is not a file of headers only, unexplained.
 */
export async function checkSomethingToExport(
  project: Project,
  layer: 'all' | 'mine' | 'reviewed',
  me: string,
  documents: readonly string[] | null | undefined,
  /** How the choices are named where they were made: the Export dialog's words, or the command line's. */
  names: { mine: string; reviewed: string; all: string } = { mine: 'Mine only', reviewed: 'Reviewed layer only', all: 'choose All layers' },
): Promise<void> {
  const docs = documents ? project.documents.filter((d) => documents.includes(d.id)) : project.documents
  if (layer === 'mine') {
    for (const d of docs) if (await project.hasLayer(me, d.id)) return
    throw new DomainError(
      'not-found',
      `You (${me}) have no annotations ${documents ? 'in the documents chosen' : 'in this project'} yet, so ${names.mine} has nothing to export; ${names.all}.`,
    )
  }
  if (layer === 'reviewed') {
    for (const d of docs) if (await project.hasReviewedLayer(d.id)) return
    throw new DomainError(
      'not-found',
      `${documents ? 'None of the documents chosen has' : 'No document has'} a reviewed layer yet, so ${names.reviewed} has nothing to export; settle a review first, or ${names.all}.`,
    )
  }
}
