/**
 * Applying a batch of ops to a layer, the one implementation: the host applies it to the store
 * before writing, the UI to its copy to draw a change before the host has confirmed it, so both
 * accept and refuse the same changes with the same sentence. A batch is all or nothing: the first
 * op that does not fit throws a DomainError and nothing is changed. Each application also yields
 * the ops that undo it (found by comparing the layer before and after): what was put is deleted or
 * put back as it was, links that went are re-made and links that came are removed. Undo, redo and
 * rolling back a failed save all use that one inverse.
 */
import { DomainError } from '../errors'
import { suggestionKey, type Annotation, type AnnotationOp, type Link, type SuggestionRecord } from '../model/annotation'
import type { ReadonlyById } from '../model/by-id'
import { ATTRIBUTION } from '../model/labels'
import { fittingLinks, linkProblem, singleLink } from './links'
import { mergeDraft } from './merge'
import { draftOf, storedAnnotation, type StoringContext } from './stored-form'

/** A layer as the ops see it: annotations and links by id. */
export interface LayerState {
  readonly annotations: ReadonlyById<Annotation>
  readonly links: ReadonlyMap<string, Link>
  /** Decisions on suggestions by `suggestionKey` (absent: none known). */
  readonly suggestions?: ReadonlyMap<string, SuggestionRecord>
}

/** The effect of a batch of ops on a layer. */
export interface Applied {
  /** Annotations created or changed, in their new form. */
  put: Annotation[]
  /** Ids of annotations that are gone. */
  removed: string[]
  /** The layer's links afterwards. */
  links: Link[]
  /** Ops that bring the layer back to where it was. */
  inverse: AnnotationOp[]
  /** The decisions on suggestions afterwards, when the ops changed any (else absent). */
  suggestions?: SuggestionRecord[]
  /**
   * Annotations this change edited (a `put` with the `base` it was made from) that were no longer
   * in the layer: deleted in another window or app meanwhile, and back now with this edit. Nothing
   * typed is lost, and the window that sent it can say so. Absent when none.
   */
  restored?: string[]
}

/** Apply ops to a layer (without changing it): what changed and how to undo it, or a DomainError. */
export function applyOps(layer: LayerState, ops: readonly AnnotationOp[], ctx: StoringContext): Applied {
  const touched = new Map<string, Annotation | null>()
  const get = (id: string) => (touched.has(id) ? (touched.get(id) ?? undefined) : layer.annotations.get(id))
  let links = [...layer.links.values()]
  let decided: Map<string, SuggestionRecord> | null = null
  const decidedBefore = new Map<string, SuggestionRecord | undefined>()
  const restored: string[] = []
  for (const op of ops) {
    switch (op.op) {
      case 'put': {
        const current = get(op.annotation.id)
        if (op.base && !current && !touched.has(op.annotation.id)) restored.push(op.annotation.id)
        // Changed elsewhere since the sender saw it: keep what this change did not touch (merge.ts).
        const draft =
          op.base && current && op.base.id === op.annotation.id ? mergeDraft(op.base, op.annotation, draftOf(current)) : op.annotation
        touched.set(op.annotation.id, storedAnnotation(draft, ctx, current))
        break
      }
      case 'delete':
        touched.set(op.id, null)
        links = links.filter((l) => l.from !== op.id && l.to !== op.id)
        break
      case 'link': {
        const { id, from, to, created } = op.link
        const type = op.link.type ?? ATTRIBUTION
        const a = get(from)
        const b = get(to)
        if (!a || !b) throw new DomainError('not-found', 'One end of that link no longer exists; reload the document and try again.')
        const problem = linkProblem(ctx, type, a, b)
        if (problem) throw new DomainError('invalid', problem)
        const single = singleLink(ctx, type)
        links = links.filter((l) => l.id !== id && !(l.type === type && l.from === from && (single || l.to === to)))
        links.push({ id, type, from, to, author: ctx.author, created: created ?? ctx.now })
        break
      }
      case 'unlink':
        links = links.filter((l) => l.id !== op.id)
        break
      case 'decide':
      case 'undecide': {
        const { start, end } = op.suggestion
        if (end <= start || end > ctx.text.length)
          throw new DomainError('invalid', `The suggestion ${start}–${end} is not a span of this text (${ctx.text.length} characters).`)
        decided ??= new Map(layer.suggestions ?? [])
        const key = suggestionKey(op.suggestion)
        if (!decidedBefore.has(key)) decidedBefore.set(key, layer.suggestions?.get(key))
        if (op.op === 'undecide') decided.delete(key)
        else decided.set(key, { ...op.suggestion, at: op.suggestion.at ?? ctx.now })
        break
      }
    }
  }
  // A relabelled annotation may leave a link that no longer fits: it goes.
  links = fittingLinks(ctx, links, get)

  const put: Annotation[] = []
  const removed: string[] = []
  const restore: AnnotationOp[] = []
  const undoCreate: AnnotationOp[] = []
  for (const [id, after] of touched) {
    const before = layer.annotations.get(id)
    if (after) put.push(after)
    else if (before) removed.push(id)
    // Put back as it was, with what this change made of it as the base: undone after another
    // window changed other fields of it, only the fields this change touched go back (merge.ts).
    if (before)
      restore.push(after ? { op: 'put', annotation: draftOf(before), base: draftOf(after) } : { op: 'put', annotation: draftOf(before) })
    else if (after) undoCreate.push({ op: 'delete', id })
  }
  const afterLinks = new Map(links.map((l) => [l.id, l]))
  const unlink: AnnotationOp[] = []
  const relink: AnnotationOp[] = []
  for (const l of links) if (!layer.links.has(l.id)) unlink.push({ op: 'unlink', id: l.id })
  for (const l of layer.links.values()) {
    const now = afterLinks.get(l.id)
    if (!now || now.from !== l.from || now.to !== l.to || now.type !== l.type)
      relink.push({ op: 'link', link: { id: l.id, type: l.type, from: l.from, to: l.to, created: l.created } })
  }
  const redecide: AnnotationOp[] = [...decidedBefore].map(([key, before]) =>
    before ? { op: 'decide', suggestion: before } : { op: 'undecide', suggestion: spanOfKey(key) },
  )
  const inverse = [...restore, ...unlink, ...relink, ...undoCreate, ...redecide]
  return {
    put,
    removed,
    links,
    inverse,
    ...(decided ? { suggestions: [...decided.values()] } : {}),
    ...(restored.length > 0 ? { restored } : {}),
  }
}

function spanOfKey(key: string): { label: string; start: number; end: number } {
  const [, label, start, end] = /^(.*):(\d+)-(\d+)$/.exec(key)!
  return { label: label!, start: Number(start), end: Number(end) }
}

/** A layer held as stored arrays, as maps the ops can see. */
export function layerState(
  annotations: readonly Annotation[],
  links: readonly Link[],
  suggestions?: readonly SuggestionRecord[],
): LayerState {
  return {
    annotations: new Map(annotations.map((a) => [a.id, a])),
    links: new Map(links.map((l) => [l.id, l])),
    suggestions: new Map((suggestions ?? []).map((r) => [suggestionKey(r), r])),
  }
}

/** The stored arrays after `applied`: changed annotations in place, new ones at the end, removed ones gone. */
export function appliedArrays(annotations: readonly Annotation[], applied: Applied): { annotations: Annotation[]; links: Link[] } {
  const byId = new Map(annotations.map((a) => [a.id, a]))
  for (const id of applied.removed) byId.delete(id)
  for (const a of applied.put) byId.set(a.id, a)
  return { annotations: [...byId.values()], links: applied.links }
}
