/**
 * applyOps looks only at the links at the annotations a batch touches (LayerState.linksAt). Its
 * answer is checked here against the earlier implementation, which went through every link of the
 * layer on every change, kept below as the reference: generated layers of claims, sources and
 * stances with attribution links and two link types (one allowing several links, one a single
 * link), and generated batches of puts, relabellings, deletions, links and unlinks. Both must give
 * the same annotations, the same links in the same order, the same inverse (its re-made links in
 * any order), and refuse the same batches with the same sentence. The page's copy of a layer,
 * changed link by link (AnnotationSet.applyLinks), must then equal one built from the links whole.
 */
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DomainError } from '../../../../shared/errors'
import { suggestionKey, type Annotation, type AnnotationOp, type Link, type SuggestionRecord } from '../../../../shared/model/annotation'
import { ATTRIBUTION, defaultLabels, type LinkTypeDef } from '../../../../shared/model/labels'
import { TextIndex } from '../../../../shared/offsets'
import { annotation, storingContext } from '../../../../shared/testing/builders'
import { AnnotationSet } from './annotation-set'
import { applyOps, layerState, linksAfter, type LayerState } from '../../../../shared/annotations/apply'
import { fittingLinks, linkFits, linkProblem, singleLink } from '../../../../shared/annotations/links'
import { mergeDraft } from '../../../../shared/annotations/merge'
import { draftOf, storedAnnotation, type StoringContext } from '../../../../shared/annotations/stored-form'

const LINK_TYPES: LinkTypeDef[] = [
  { id: 'supports', name: 'Supports', from: ['claim', 'stance'], to: ['claim'], multiple: true },
  { id: 'answers', name: 'Answers', from: ['claim'], to: ['claim', 'stance'], multiple: false },
]
const LABELS = ['claim', 'source', 'stance'] as const
const TYPES = [ATTRIBUTION, 'supports', 'answers'] as const

const text = 'Die Verhandlungen sind gescheitert 👎, sagte der Sprecher 🇩🇪 am Montag. '.repeat(4)
const index = new TextIndex(text)
const CTX: StoringContext = storingContext(text, defaultLabels, LINK_TYPES)

/** The earlier applyOps (before it used linksAt): every link of the layer is looked at. */
function referenceApplyOps(layer: LayerState, ops: readonly AnnotationOp[], ctx: StoringContext) {
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

/** Refused with this sentence, or what came out. */
function outcome<T>(run: () => T): { refused: string } | { value: T } {
  try {
    return { value: run() }
  } catch (e) {
    if (e instanceof DomainError) return { refused: `${e.code}: ${e.message}` }
    throw e
  }
}

const layerArb = fc
  .record({
    labels: fc.array(fc.constantFrom(...LABELS), { minLength: 2, maxLength: 14 }),
    links: fc.array(fc.record({ type: fc.constantFrom(...TYPES), from: fc.nat(13), to: fc.nat(13) }), { maxLength: 24 }),
  })
  .map(({ labels, links }) => {
    const annotations = labels.map((label, i) => annotation(index, label, i * 5, i * 5 + 3 + (i % 4), { id: `a${i}` }))
    // Only links that fit, at most one of a single type from each annotation: a layer as the app keeps it.
    const kept: Link[] = []
    links.forEach((l, i) => {
      const from = annotations[l.from % annotations.length]!
      const to = annotations[l.to % annotations.length]!
      if (from === to || !linkFits(CTX, l.type, from.label, to.label)) return
      if (singleLink(CTX, l.type) && kept.some((k) => k.type === l.type && k.from === from.id)) return
      if (kept.some((k) => k.type === l.type && k.from === from.id && k.to === to.id)) return
      kept.push({ id: `l${i}`, type: l.type, from: from.id, to: to.id, author: 'tester', created: '2026-01-01T00:00:00.000Z' })
    })
    return { annotations, links: kept }
  })

/** An op on annotations a0…a15 (some not in the layer) and links l0…l25 (some not in it). */
const opArb: fc.Arbitrary<AnnotationOp> = fc.oneof(
  fc
    .record({ n: fc.nat(15), label: fc.constantFrom(...LABELS), start: fc.nat(200), length: fc.integer({ min: 1, max: 20 }) })
    .map(({ n, label, start, length }): AnnotationOp => ({
      op: 'put',
      annotation: { id: `a${n}`, label, start, end: start + length, attributes: {}, note: '' },
    })),
  fc.nat(15).map((n): AnnotationOp => ({ op: 'delete', id: `a${n}` })),
  fc
    .record({ id: fc.nat(25), type: fc.constantFrom(...TYPES), from: fc.nat(15), to: fc.nat(15) })
    .map(({ id, type, from, to }): AnnotationOp => ({ op: 'link', link: { id: `l${id}`, type, from: `a${from}`, to: `a${to}` } })),
  fc.nat(25).map((n): AnnotationOp => ({ op: 'unlink', id: `l${n}` })),
)

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

describe('applyOps, looking only at the links a batch touches', () => {
  it('gives what the implementation that looked at every link gave, batch after batch', () => {
    fc.assert(
      fc.property(layerArb, fc.array(fc.array(opArb, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (start, batches) => {
        let arrays = { annotations: start.annotations as Annotation[], links: start.links }
        const page = new AnnotationSet(arrays.annotations, arrays.links)
        for (const ops of batches) {
          const state = layerState(arrays.annotations, arrays.links)
          const ours = outcome(() => applyOps(state, ops, CTX))
          const theirs = outcome(() => referenceApplyOps(state, ops, CTX))
          if ('refused' in theirs) {
            expect(ours).toEqual(theirs)
            continue
          }
          if (!('value' in ours)) throw new Error(`refused what the reference applied: ${ours.refused}`)
          const a = ours.value
          const b = theirs.value
          expect(a.put).toEqual(b.put)
          expect(a.removed).toEqual(b.removed)
          const links = linksAfter(arrays.links, a)
          expect(links).toEqual(b.links)
          // The inverse: the same ops, the links to re-make in any order.
          const relinks = (inverse: AnnotationOp[]) => inverse.filter((o) => o.op === 'link').sort((x, y) => byId(x.link, y.link))
          expect(a.inverse.filter((o) => o.op !== 'link')).toEqual(b.inverse.filter((o) => o.op !== 'link'))
          expect(relinks(a.inverse)).toEqual(relinks(b.inverse))
          // The page's copy, changed link by link, is the copy made from the links whole.
          const byIdNow = new Map(arrays.annotations.map((x) => [x.id, x]))
          for (const id of a.removed) byIdNow.delete(id)
          for (const x of a.put) byIdNow.set(x.id, x)
          arrays = { annotations: [...byIdNow.values()], links }
          page.apply(a.put, a.removed)
          page.applyLinks(a.linksPut, a.linksRemoved)
          const whole = new AnnotationSet(arrays.annotations, links)
          const mine = page.snapshot()
          const fresh = whole.snapshot()
          expect([...page.links.values()]).toEqual(links)
          expect([...mine.attribution]).toEqual([...fresh.attribution])
          expect(mine.typed).toEqual(fresh.typed)
          for (const x of arrays.annotations)
            expect([...page.linksAt(x.id)].sort(byId)).toEqual(links.filter((l) => l.from === x.id || l.to === x.id).sort(byId))
        }
      }),
      { numRuns: 400 },
    )
  })
})
