/**
 * One annotator's annotations of one document: a lowdb store at
 * annotations/<annotator>/<document>.json. Changes arrive as ops, are checked against the text and
 * the label schema as a whole batch, and are written durably before the call returns; a batch that
 * fails leaves the store as it was.
 */
import { dirname } from 'node:path'
import type { Low } from 'lowdb'
import { type ApplyResult } from '../../../shared/api'
import { DomainError } from '../../../shared/errors'
import type { Annotation, AnnotationDraft, AnnotationOp, Link } from '../../../shared/model/annotation'
import { findLabel, type LabelSchema } from '../../../shared/model/labels'
import { STORE_FORMAT, STORE_VERSION, type StoreFile } from '../../../shared/model/project'
import { quoteAt, type TextIndex } from '../../../shared/offsets'
import { saveFailedSentence } from '../store/durable'
import type { DurableJsonFile } from '../store/json-store'

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
  async apply(ops: readonly AnnotationOp[], text: TextIndex, labels: LabelSchema, now: string): Promise<ApplyResult> {
    let put = new Map<string, Annotation>()
    let result
    try {
      result = await this.adapter.update((current) => {
        const next = applyOps(current, ops, text, labels, this.annotator, now)
        put = next.put
        return next.data
      })
    } catch (e) {
      if (e instanceof DomainError) throw e
      throw new DomainError('failed', saveFailedSentence('Your change', e, dirname(this.adapter.path)))
    }
    const { data, changedOnDisk, setAside } = result
    return {
      annotations: [...put.values()],
      links: data.links,
      annotationCount: data.annotations.length,
      savedAt: now,
      changedOnDisk,
      notice: setAside,
    }
  }
}

/** A store with a batch of ops applied (throws a DomainError, changing nothing, if one does not fit). */
function applyOps(
  store: StoreFile,
  ops: readonly AnnotationOp[],
  text: TextIndex,
  labels: LabelSchema,
  annotator: string,
  now: string,
): { data: StoreFile; put: Map<string, Annotation> } {
  const annotations = new Map(store.annotations.map((a) => [a.id, a]))
  let links = [...store.links]
  const put = new Map<string, Annotation>()
  for (const op of ops) {
    switch (op.op) {
      case 'put': {
        const existing = annotations.get(op.annotation.id)
        const stored = toStoredAnnotation(op.annotation, text, labels, annotator, now, existing?.created)
        annotations.set(stored.id, stored)
        put.set(stored.id, stored)
        break
      }
      case 'delete':
        annotations.delete(op.id)
        put.delete(op.id)
        links = links.filter((l) => l.from !== op.id && l.to !== op.id)
        break
      case 'link': {
        const from = annotations.get(op.link.from)
        const to = annotations.get(op.link.to)
        if (!from || !to) throw new DomainError('not-found', 'One end of that link no longer exists; reload the document and try again.')
        const allowed = findLabel(labels, from.label)?.attributedTo
        if (allowed !== to.label) {
          throw new DomainError(
            'invalid',
            `A ${from.label} cannot be attributed to a ${to.label}; pick a ${allowed ?? 'different'} annotation.`,
          )
        }
        links = links.filter((l) => !(l.type === 'attribution' && l.from === from.id) && l.id !== op.link.id)
        links.push({ id: op.link.id, type: 'attribution', from: from.id, to: to.id, author: annotator, created: op.link.created ?? now })
        break
      }
      case 'unlink':
        links = links.filter((l) => l.id !== op.id)
        break
    }
  }
  // A relabelled or deleted annotation may leave a link that no longer fits: drop it.
  links = links.filter((l) => {
    const from = annotations.get(l.from)
    const to = annotations.get(l.to)
    return from !== undefined && to !== undefined && findLabel(labels, from.label)?.attributedTo === to.label
  })
  return { data: { ...store, annotations: [...annotations.values()], links }, put }
}

/**
 * Check a draft against the text and the label schema and make the stored annotation: quote and
 * context computed from the text, empty attributes dropped, author and times stamped.
 */
export function toStoredAnnotation(
  draft: AnnotationDraft,
  text: TextIndex,
  labels: LabelSchema,
  author: string,
  now: string,
  created?: string,
): Annotation {
  const label = findLabel(labels, draft.label)
  if (!label) throw new DomainError('invalid', `There is no label "${draft.label}" in this project.`)
  if (draft.end > text.length) {
    throw new DomainError('invalid', `The span ${draft.start}–${draft.end} runs past the end of the text (${text.length} characters).`)
  }
  for (const [id, value] of Object.entries(draft.attributes)) {
    const def = label.attributes.find((a) => a.id === id)
    if (!def) throw new DomainError('invalid', `A ${label.name} has no attribute "${id}".`)
    if (def.type === 'choice' && value !== '' && !def.options.includes(value)) {
      throw new DomainError('invalid', `"${value}" is not a ${def.name} option (${def.options.join(', ')}).`)
    }
  }
  const attributes = Object.fromEntries(Object.entries(draft.attributes).filter(([, v]) => v !== ''))
  const quote = quoteAt(text, draft.start, draft.end)
  return {
    id: draft.id,
    label: label.id,
    target: {
      position: { type: 'TextPositionSelector', start: draft.start, end: draft.end },
      quote: { type: 'TextQuoteSelector', ...quote },
    },
    attributes,
    note: draft.note,
    author,
    created: created ?? draft.created ?? now,
    modified: now,
  }
}
