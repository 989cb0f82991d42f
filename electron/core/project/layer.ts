/**
 * One annotator's annotations of one document: a lowdb store at
 * annotations/<annotator>/<document>.json. Changes arrive as ops, are checked against the text and
 * the label schema as a whole batch by the shared rules (shared/annotations/apply.ts, the same the
 * UI runs), and are written durably before the call returns; a batch that fails leaves the store
 * as it was.
 */
import { dirname } from 'node:path'
import type { Low } from 'lowdb'
import { appliedArrays, applyOps, layerState } from '../../../shared/annotations/apply'
import { DomainError } from '../../../shared/errors'
import type { Annotation, AnnotationOp, Link } from '../../../shared/model/annotation'
import type { TagSet } from '../../../shared/model/labels'
import { STORE_FORMAT, STORE_VERSION, type StoreFile } from '../../../shared/model/project'
import type { TextIndex } from '../../../shared/offsets'
import { saveFailedSentence } from '../store/durable'
import type { DurableJsonFile } from '../store/json-store'

/** What a saved batch did to the layer. */
export interface LayerSaved {
  /** The stored form of every annotation the ops put (quote, author and times filled in). */
  put: Annotation[]
  links: Link[]
  annotationCount: number
  /** When the store was durably written. */
  savedAt: string
  /** Someone else had changed the layer on disk since it was last read; the ops went on top of their version. */
  changedOnDisk: boolean
  /** Set when this save found the file damaged on disk and set it aside: one sentence. */
  setAside: string | null
}

/** A store's initial content. */
export function emptyStore(document: string, sha256: string, annotator: string): StoreFile {
  return { format: STORE_FORMAT, version: STORE_VERSION, document, sha256, annotator, annotations: [], links: [] }
}

/** An open annotation store of one annotator for one document. */
export class Layer {
  constructor(
    readonly db: Low<StoreFile>,
    readonly adapter: DurableJsonFile<StoreFile>,
    readonly annotator: string,
  ) {}

  get annotations(): readonly Annotation[] {
    return this.db.data.annotations
  }

  get links(): readonly Link[] {
    return this.db.data.links
  }

  /**
   * Apply a batch of ops, all or nothing, and write the store durably. The ops apply to the store
   * as it is on disk now: what another window or a sync tool wrote since we last read it is kept.
   */
  async apply(ops: readonly AnnotationOp[], text: TextIndex, tagSet: TagSet, now: string): Promise<LayerSaved> {
    let put: Annotation[] = []
    let result
    try {
      result = await this.adapter.update((current) => {
        const applied = applyOps(layerState(current.annotations, current.links), ops, {
          text,
          labels: tagSet.labels,
          linkTypes: tagSet.linkTypes,
          author: this.annotator,
          now,
        })
        put = applied.put
        return { ...current, ...appliedArrays(current.annotations, applied) }
      })
    } catch (e) {
      if (e instanceof DomainError) throw e
      throw new DomainError('failed', saveFailedSentence('Your change', e, dirname(this.adapter.path)))
    }
    const { data, changedOnDisk, setAside } = result
    return { put, links: data.links, annotationCount: data.annotations.length, savedAt: now, changedOnDisk, setAside: setAside ?? null }
  }
}
