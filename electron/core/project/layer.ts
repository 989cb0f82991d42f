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
import type { Annotation, AnnotationOp, Link, SuggestionRecord } from '../../../shared/model/annotation'
import type { TagSet } from '../../../shared/model/labels'
import type { Memo, Reply } from '../../../shared/model/memos'
import { STORE_FORMAT, STORE_VERSION, type StoreFile } from '../../../shared/model/project'
import { documentState, statusAfterChange, type DocumentState } from '../../../shared/model/status'
import type { TextIndex } from '../../../shared/offsets'
import { saveFailedSentence } from '../store/durable'
import type { DurableJsonFile } from '../store/json-store'
import { plural } from '../../../shared/plural'

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
  /** Annotations edited here that another window or app had deleted meanwhile: back with this edit. */
  restored: string[]
  /**
   * The store the ops were applied to and the one written, as objects: a caller that kept `after`
   * knows, by `before` being that very object, that nothing else changed the layer in between.
   */
  before: StoreFile
  after: StoreFile
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
    let restored: string[] = []
    let before: StoreFile | null = null
    let result
    try {
      result = await this.adapter.update((current) => {
        before = current
        const applied = applyOps(layerState(current.annotations, current.links, current.suggestions), ops, {
          text,
          labels: tagSet.labels,
          linkTypes: tagSet.linkTypes,
          author: this.annotator,
          now,
        })
        put = applied.put
        restored = applied.restored ?? []
        const next: StoreFile = { ...current, ...appliedArrays(current, applied) }
        // A deletion leaves no time of its own; the layer keeps when the last one was (see import-annotations' newerHere).
        if (next.annotations.length < current.annotations.length || next.links.length < current.links.length) next.deleted = now
        if (applied.suggestions) next.suggestions = applied.suggestions
        if (next.suggestions?.length === 0) delete next.suggestions
        // "Not started" or "nothing to tag" no longer holds once there are annotations.
        const status = statusAfterChange(current.status, next.annotations.length, now)
        return status === current.status ? next : { ...next, status }
      })
    } catch (e) {
      if (e instanceof DomainError) throw e
      throw new DomainError('failed', saveFailedSentence('Your change', e, dirname(this.adapter.path)))
    }
    const { data, changedOnDisk, setAside } = result
    return {
      put,
      links: data.links,
      annotationCount: data.annotations.length,
      savedAt: now,
      changedOnDisk,
      setAside: setAside ?? null,
      restored,
      before: before ?? data,
      after: data,
    }
  }

  /** How far the annotator has come with this document. */
  get state(): DocumentState {
    return documentState(this.db.data)
  }

  /** The annotator's decisions on suggestions in this document (rejected, and accepted with their annotation). */
  get suggestions(): readonly SuggestionRecord[] {
    return this.db.data.suggestions ?? []
  }

  get memo(): Memo | null {
    return this.db.data.memo ?? null
  }

  /** This annotator's replies in this document (to anyone's annotations). */
  get replies(): readonly Reply[] {
    return this.db.data.replies ?? []
  }

  /**
   * Mark the document not started, in progress, done, or done with nothing to tag — refused
   * ('invalid') for "nothing to tag" or "not started" while the layer has annotations.
   */
  async setState(state: DocumentState, now: string): Promise<DocumentState> {
    await this.change('Your document status', (current) => {
      const n = current.annotations.length
      if (n > 0 && (state === 'nothing-to-tag' || state === 'not-started'))
        throw new DomainError(
          'invalid',
          `This document has ${plural(n, 'annotation')} of yours, so it cannot be marked “${state === 'nothing-to-tag' ? 'Done, nothing to tag' : 'Not started'}”; mark it done, or delete them first.`,
        )
      return { ...current, status: { state, changed: now } }
    })
    return this.state
  }

  /** Set the annotator's memo on this document (empty text removes it). */
  async setMemo(text: string, now: string): Promise<Memo | null> {
    await this.change('Your memo', (current) => {
      const next: StoreFile = { ...current, memo: { text, modified: now } }
      if (text.trim() === '') delete next.memo
      return next
    })
    return this.memo
  }

  /** Add one of this annotator's replies. */
  async addReply(reply: Reply): Promise<void> {
    await this.change('Your reply', (current) => {
      if ((current.replies ?? []).some((r) => r.id === reply.id)) throw new DomainError('conflict', 'That reply was already saved.')
      return { ...current, replies: [...(current.replies ?? []), reply] }
    })
  }

  /** Remove one of this annotator's replies ('not-found' when it is not there). */
  async removeReply(id: string): Promise<void> {
    await this.change('The removal of your reply', (current) => {
      const replies = current.replies ?? []
      if (!replies.some((r) => r.id === id))
        throw new DomainError('not-found', 'That reply is not among yours any more; it may have been removed already.')
      const next: StoreFile = { ...current, replies: replies.filter((r) => r.id !== id) }
      if (next.replies!.length === 0) delete next.replies
      return next
    })
  }

  /** Change the store under its lock, on top of what is on disk; `what` starts the sentence when the disk fails. */
  private async change(what: string, change: (current: StoreFile) => StoreFile): Promise<void> {
    try {
      await this.adapter.update((current) => ({ ...change(current), version: STORE_VERSION }))
    } catch (e) {
      if (e instanceof DomainError) throw e
      throw new DomainError('failed', saveFailedSentence(what, e, dirname(this.adapter.path)))
    }
  }
}
