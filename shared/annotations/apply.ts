/**
 * Applying a batch of ops to a layer, the one implementation: the host applies it to the store
 * before writing, the UI to its copy to draw a change before the host has confirmed it, so both
 * accept and refuse the same changes with the same sentence. A batch is all or nothing: the first
 * op that does not fit throws a DomainError and nothing is changed. Each application also yields
 * the ops that undo it (found by comparing the layer before and after): what was put is deleted or
 * put back as it was, links that went are re-made and links that came are removed. Undo, redo and
 * rolling back a failed save all use that one inverse.
 *
 * Its cost is that of the batch, not of the layer: the links looked at are those at the annotations
 * the batch touches (found through the layer's index of links by annotation, `linksAt`), so a key
 * in a book of 50,000 annotations and 20,000 links costs what it costs in a short text.
 */
import { DomainError } from '../errors'
import { suggestionKey, type Annotation, type AnnotationOp, type Link, type SuggestionRecord } from '../model/annotation'
import type { ReadonlyById } from '../model/by-id'
import { ATTRIBUTION } from '../model/labels'
import { fittingLinks, linkEnds, linkProblem, singleLink } from './links'
import { mergeDraft } from './merge'
import { draftOf, storedAnnotation, type StoringContext } from './stored-form'

/** A layer as the ops see it: annotations and links by id, and links by the annotations at their ends. */
export interface LayerState {
  readonly annotations: ReadonlyById<Annotation>
  readonly links: ReadonlyMap<string, Link>
  /** The links with this annotation at either end (each once). */
  linksAt(id: string): Iterable<Link>
  /** Decisions on suggestions by `suggestionKey` (absent: none known). */
  readonly suggestions?: ReadonlyMap<string, SuggestionRecord>
}

/** The effect of a batch of ops on a layer. */
export interface Applied {
  /** Annotations created or changed, in their new form. */
  put: Annotation[]
  /** Ids of annotations that are gone. */
  removed: string[]
  /**
   * Links made by the batch, new or again (a link re-made with its id moves after the others), in
   * the order made: the layer's links afterwards are its links without these and `linksRemoved`,
   * then these (linksAfter).
   */
  linksPut: Link[]
  /**
   * Ids of the layer's links that are gone: unlinked, at a deleted annotation, replaced by a link of
   * a type that allows one, or no longer fitting the labels of a relabelled end.
   */
  linksRemoved: string[]
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
  // The batch's changes to the links over the layer's: a link by id, or null once gone. A link made
  // again is taken out and put back, so it comes after the others, in the order made.
  const linkNow = new Map<string, Link | null>()
  // The links made in this batch, by the annotations at their ends.
  const madeAt = new Map<string, Set<string>>()
  const linkOf = (id: string) => (linkNow.has(id) ? (linkNow.get(id) ?? undefined) : layer.links.get(id))
  /** The links at an annotation now: the layer's not changed by the batch, and the batch's own. */
  const linksAt = (id: string): Link[] => {
    const at: Link[] = []
    for (const l of layer.linksAt(id)) if (!linkNow.has(l.id)) at.push(l)
    for (const made of madeAt.get(id) ?? []) {
      const l = linkNow.get(made)
      if (l && (l.from === id || l.to === id)) at.push(l)
    }
    return at
  }
  const drop = (id: string) => {
    if (linkOf(id)) linkNow.set(id, null)
  }
  const make = (link: Link) => {
    linkNow.delete(link.id)
    linkNow.set(link.id, link)
    for (const end of linkEnds(link)) {
      let ids = madeAt.get(end)
      if (!ids) madeAt.set(end, (ids = new Set()))
      ids.add(link.id)
    }
  }
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
        for (const l of linksAt(op.id)) drop(l.id)
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
        // The link it replaces: its own id, or the same link again, or (a type that allows one) the other link from `from`.
        for (const l of linksAt(from)) if (l.type === type && l.from === from && (single || l.to === to)) drop(l.id)
        drop(id)
        make({ id, type, from, to, author: ctx.author, created: created ?? ctx.now })
        break
      }
      case 'unlink':
        drop(op.id)
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
  // A relabelled (or deleted) annotation may leave a link that no longer fits: it goes.
  for (const id of touched.keys()) {
    const at = linksAt(id)
    const fit = new Set(fittingLinks(ctx, at, get))
    for (const l of at) if (!fit.has(l)) drop(l.id)
  }

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
  const linksPut: Link[] = []
  const linksRemoved: string[] = []
  const unlink: AnnotationOp[] = []
  const relink: AnnotationOp[] = []
  for (const [id, now] of linkNow) {
    const before = layer.links.get(id)
    if (now) linksPut.push(now)
    else if (before) linksRemoved.push(id)
    if (now && !before) unlink.push({ op: 'unlink', id })
    if (before && (!now || now.from !== before.from || now.to !== before.to || now.type !== before.type))
      relink.push({ op: 'link', link: { id, type: before.type, from: before.from, to: before.to, created: before.created } })
  }
  const redecide: AnnotationOp[] = [...decidedBefore].map(([key, before]) =>
    before ? { op: 'decide', suggestion: before } : { op: 'undecide', suggestion: spanOfKey(key) },
  )
  const inverse = [...restore, ...unlink, ...relink, ...undoCreate, ...redecide]
  return {
    put,
    removed,
    linksPut,
    linksRemoved,
    inverse,
    ...(decided ? { suggestions: [...decided.values()] } : {}),
    ...(restored.length > 0 ? { restored } : {}),
  }
}

function spanOfKey(key: string): { label: string; start: number; end: number } {
  const [, label, start, end] = /^(.*):(\d+)-(\d+)$/.exec(key)!
  return { label: label!, start: Number(start), end: Number(end) }
}

/** A layer's arrays as applyOps sees them (the host's store): maps by id and links by annotation, made once. */
export function layerState(
  annotations: readonly Annotation[],
  links: readonly Link[],
  suggestions?: readonly SuggestionRecord[],
): LayerState {
  const at = new Map<string, Link[]>()
  for (const l of links)
    for (const end of linkEnds(l)) {
      const list = at.get(end)
      if (list) list.push(l)
      else at.set(end, [l])
    }
  return {
    annotations: new Map(annotations.map((a) => [a.id, a])),
    links: new Map(links.map((l) => [l.id, l])),
    linksAt: (id) => at.get(id) ?? [],
    suggestions: new Map((suggestions ?? []).map((r) => [suggestionKey(r), r])),
  }
}

/** The layer's links after `applied`: those kept, in their order, then those the batch made. */
export function linksAfter(links: readonly Link[], applied: Pick<Applied, 'linksPut' | 'linksRemoved'>): Link[] {
  if (applied.linksPut.length === 0 && applied.linksRemoved.length === 0) return [...links]
  const gone = new Set(applied.linksRemoved)
  for (const l of applied.linksPut) gone.add(l.id)
  return [...links.filter((l) => !gone.has(l.id)), ...applied.linksPut]
}

/** The stored arrays after `applied`: changed annotations in place, new ones at the end, removed ones gone; links as linksAfter has them. */
export function appliedArrays(
  current: { annotations: readonly Annotation[]; links: readonly Link[] },
  applied: Applied,
): { annotations: Annotation[]; links: Link[] } {
  const byId = new Map(current.annotations.map((a) => [a.id, a]))
  for (const id of applied.removed) byId.delete(id)
  for (const a of applied.put) byId.set(a.id, a)
  return { annotations: [...byId.values()], links: linksAfter(current.links, applied) }
}
