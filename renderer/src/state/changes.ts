/**
 * Applying annotation ops to a local copy of a layer, the way the core applies them to the store,
 * so the UI can draw a change before the host has confirmed it. Each application also yields the
 * ops that undo it, found by comparing the layer before and after: what was put is deleted or put
 * back as it was (with its original id and `created`), links that went are re-made and links that
 * came are removed. Undo, redo and rolling back a failed save all use that one inverse.
 */
import type { Annotation, AnnotationDraft, AnnotationOp, Link } from '../../../shared/model/annotation'
import { findLabel, type LabelSchema } from '../../../shared/model/labels'
import { quoteAt, type TextIndex } from '../../../shared/offsets'

/** A layer as the UI holds it. */
export interface LayerView {
  annotations: ReadonlyMap<string, Annotation>
  links: ReadonlyMap<string, Link>
}

/** What is needed to build the stored form of an annotation locally. */
export interface LocalContext {
  author: string
  now: string
  index: TextIndex
  labels: LabelSchema
}

/** The effect of a batch of ops on a layer. */
export interface Outcome {
  /** Annotations created or changed, in their new form. */
  put: Annotation[]
  /** Ids of annotations that are gone. */
  removed: string[]
  /** The layer's links afterwards. */
  links: Link[]
  /** Ops that bring the layer back to where it was. */
  inverse: AnnotationOp[]
}

/** The draft that would put this annotation back exactly (same id, span, values and `created`). */
export function draftOf(a: Annotation): AnnotationDraft {
  return {
    id: a.id,
    label: a.label,
    start: a.target.position.start,
    end: a.target.position.end,
    attributes: { ...a.attributes },
    note: a.note,
    created: a.created,
  }
}

function storedForm(draft: AnnotationDraft, existing: Annotation | undefined, ctx: LocalContext): Annotation {
  const attributes = Object.fromEntries(Object.entries(draft.attributes).filter(([, v]) => v !== ''))
  return {
    id: draft.id,
    label: draft.label,
    target: {
      position: { type: 'TextPositionSelector', start: draft.start, end: draft.end },
      quote: { type: 'TextQuoteSelector', ...quoteAt(ctx.index, draft.start, draft.end) },
    },
    attributes,
    note: draft.note,
    author: ctx.author,
    created: existing?.created ?? draft.created ?? ctx.now,
    modified: ctx.now,
  }
}

function fits(labels: LabelSchema, from: Annotation | undefined, to: Annotation | undefined): boolean {
  return from !== undefined && to !== undefined && findLabel(labels, from.label)?.attributedTo === to.label
}

/** Apply ops to a layer (without changing it) and say what changed and how to undo it. */
export function applyOps(layer: LayerView, ops: readonly AnnotationOp[], ctx: LocalContext): Outcome {
  const touched = new Map<string, Annotation | null>()
  const get = (id: string) => (touched.has(id) ? (touched.get(id) ?? undefined) : layer.annotations.get(id))
  let links = [...layer.links.values()]
  for (const op of ops) {
    switch (op.op) {
      case 'put':
        touched.set(op.annotation.id, storedForm(op.annotation, get(op.annotation.id), ctx))
        break
      case 'delete':
        touched.set(op.id, null)
        links = links.filter((l) => l.from !== op.id && l.to !== op.id)
        break
      case 'link': {
        const { id, from, to, created } = op.link
        if (!fits(ctx.labels, get(from), get(to))) break
        links = links.filter((l) => !(l.type === 'attribution' && l.from === from) && l.id !== id)
        links.push({ id, type: 'attribution', from, to, author: ctx.author, created: created ?? ctx.now })
        break
      }
      case 'unlink':
        links = links.filter((l) => l.id !== op.id)
        break
    }
  }
  links = links.filter((l) => fits(ctx.labels, get(l.from), get(l.to)))

  const put: Annotation[] = []
  const removed: string[] = []
  const restore: AnnotationOp[] = []
  const undoCreate: AnnotationOp[] = []
  for (const [id, after] of touched) {
    const before = layer.annotations.get(id)
    if (after) put.push(after)
    else if (before) removed.push(id)
    if (before) restore.push({ op: 'put', annotation: draftOf(before) })
    else if (after) undoCreate.push({ op: 'delete', id })
  }
  const afterLinks = new Map(links.map((l) => [l.id, l]))
  const unlink: AnnotationOp[] = []
  const relink: AnnotationOp[] = []
  for (const l of links) if (!layer.links.has(l.id)) unlink.push({ op: 'unlink', id: l.id })
  for (const l of layer.links.values()) {
    const now = afterLinks.get(l.id)
    if (!now || now.from !== l.from || now.to !== l.to)
      relink.push({ op: 'link', link: { id: l.id, from: l.from, to: l.to, created: l.created } })
  }
  return { put, removed, links, inverse: [...restore, ...unlink, ...relink, ...undoCreate] }
}
