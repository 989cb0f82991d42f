/**
 * What every export format is written from and every annotation import reads into: one layer
 * (an annotator's, or the reviewed layer) of one document, with the document's identity. Pure
 * data, so the formats in this folder are pure functions that tests can run without a disk.
 */
import { inTextOrder, type Annotation, type Link } from '../model/annotation'
import type { Reply } from '../model/memos'
import type { Provenance } from '../model/review'
import type { DocumentState } from '../model/status'

/** The document a layer annotates. */
export interface ExportDocument {
  id: string
  title: string
  sha256: string
  /** texts/<id>.txt, relative to the project folder. */
  file: string
}

export type LayerAnnotation = Annotation & { provenance?: Provenance }

/** One layer of one document. `annotator` is the folder name: a person's, or "_reviewed". */
export interface ExportLayer {
  document: ExportDocument
  annotator: string
  annotations: readonly LayerAnnotation[]
  links: readonly Link[]
  /** An annotator's status of the document (absent for the reviewed layer). */
  state?: DocumentState
  /** The annotator's memo on the document ('' or absent: none). */
  memo?: string
  /** Replies to this layer's annotations, from every annotator's files, by annotation id, in time order. */
  threads?: ReadonlyMap<string, readonly Reply[]>
}

/** Links in the order of the annotations they start from, then by id. */
export function linksInOrder(annotations: readonly Annotation[], links: readonly Link[]): Link[] {
  const rank = new Map(inTextOrder(annotations).map((a, i) => [a.id, i]))
  return [...links].sort((a, b) => (rank.get(a.from) ?? -1) - (rank.get(b.from) ?? -1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
