import { describe, expect, it } from 'vitest'
import type { AnnotationOp } from '../../../../shared/model/annotation'
import { TextIndex } from '../../../../shared/offsets'
import { annotation, marked, storingContext } from '../../testing/builders'
import { AnnotationSet, indexInOrder, neighbourOf } from './annotation-set'
import { filterAnnotations } from './list-filter'
import { applyOps } from '../../../../shared/annotations/apply'
import { draftOf } from '../../../../shared/annotations/stored-form'
import { UndoStack } from './undo-stack'

/** A layer over a marked text with one claim and one source, the claim attributed to the source. */
function layer() {
  const { text, spans } = marked('[Die Verhandlungen sind gescheitert 👎], sagte [der Sprecher 🇩🇪] am Montag.')
  const index = new TextIndex(text)
  const claim = annotation(index, 'claim', spans[0]!.start, spans[0]!.end)
  const source = annotation(index, 'source', spans[1]!.start, spans[1]!.end, { attributes: { kind: 'person' } })
  const link = {
    id: 'l1',
    type: 'attribution' as const,
    from: claim.id,
    to: source.id,
    author: 'tester',
    created: '2026-01-01T00:00:00.000Z',
  }
  const set = new AnnotationSet([claim, source], [link])
  return { text, ctx: storingContext(text), set, claim, source, link }
}

/** Apply ops to the set as the UI does, returning the inverse. */
function run(l: ReturnType<typeof layer>, ops: AnnotationOp[]) {
  const out = applyOps(l.set, ops, l.ctx)
  l.set.apply(out.put, out.removed)
  l.set.applyLinks(out.linksPut, out.linksRemoved)
  return out
}

describe('the UI’s copy of a layer, changed by the shared rules', () => {
  it('undo and redo walk a history of edits back and forth', () => {
    const l = layer()
    const stack = new UndoStack()
    const edit = (note: string, change: number) => {
      const a = l.set.annotations.get(l.claim.id)!
      stack.record({ change, ops: run(l, [{ op: 'put', annotation: { ...draftOf(a), note } }]).inverse })
    }
    edit('first', 1)
    edit('second', 2)
    const undo = () => {
      const e = stack.takeUndo()!
      stack.recordUndone({ change: e.change, ops: run(l, e.ops).inverse })
    }
    undo()
    expect(l.set.annotations.get(l.claim.id)!.note).toBe('first')
    undo()
    expect(l.set.annotations.get(l.claim.id)!.note).toBe('')
    const redo = stack.takeRedo()!
    stack.recordRedone({ change: redo.change, ops: run(l, redo.ops).inverse })
    expect(l.set.annotations.get(l.claim.id)!.note).toBe('first')
    expect(stack.canRedo).toBe(true)
    stack.forget(new Set([2]))
    expect(stack.canRedo).toBe(false)
  })

  it('keeps annotations in text order, enclosing spans before nested ones', () => {
    const l = layer()
    run(l, [
      { op: 'put', annotation: { id: 'inner', label: 'stance', start: 4, end: 17, attributes: {}, note: '' } },
      { op: 'put', annotation: { id: 'outer', label: 'claim', start: 0, end: 40, attributes: {}, note: '' } },
    ])
    expect(l.set.snapshot().order.map((a) => a.id)).toEqual(['outer', l.claim.id, 'inner', l.source.id])
  })

  it('a large batch (tag all, a layer changed on disk) leaves it as a fresh set of the same annotations would be', () => {
    const text = 'word '.repeat(400)
    const index = new TextIndex(text)
    // Ids that do not follow the text's order, as random UUIDs do not.
    const at = (k: number, extra: Partial<Parameters<typeof annotation>[4]> = {}) =>
      annotation(index, k % 3 ? 'claim' : 'source', (k * 37) % 390, ((k * 37) % 390) + 4, { id: `id-${(k * 7919) % 1000}`, ...extra })
    const first = Array.from({ length: 120 }, (_, k) => at(k))
    const set = new AnnotationSet(first, [])
    // More than the one-by-one limit on both sides: 60 removed, 70 put (30 of them replacing kept ones with a note added).
    const removed = first.slice(0, 60).map((a) => a.id)
    const put = [...first.slice(90, 120).map((a) => ({ ...a, note: 'changed' })), ...Array.from({ length: 40 }, (_, k) => at(200 + k))]
    set.apply(put, removed)
    const expected = new AnnotationSet([...first.slice(60, 90), ...put], [])
    const now = set.snapshot()
    expect(now.order).toEqual(expected.snapshot().order)
    expect([...now.byId.keys()]).toEqual([...expected.snapshot().byId.keys()])
    for (const a of put) expect(now.byId.get(a.id)).toBe(a)
    for (const id of removed) expect(now.byId.has(id)).toBe(false)
    expect(now.byId.size).toBe(100)
  })
})

describe('indexInOrder (the list keeps the selected row in view)', () => {
  it('finds every annotation where a linear search does, in the whole order and in a filtered part of it, and -1 for one not there', () => {
    const text = 'word '.repeat(400)
    const index = new TextIndex(text)
    // Many share a start (nested and equal spans), ids out of text order.
    const all = Array.from({ length: 300 }, (_, k) =>
      annotation(index, k % 3 ? 'claim' : 'source', (k * 37) % 97, ((k * 37) % 97) + 1 + (k % 5), { id: `id-${(k * 7919) % 1000}` }),
    )
    const set = new AnnotationSet(all, [])
    // Changed after the snapshot's order was first read: the order is kept in place, the answer is of now.
    set.apply([annotation(index, 'claim', 3, 9, { id: 'late' })], [all[5]!.id])
    const order = set.snapshot().order
    const sources = filterAnnotations(order, { label: 'source', text: '', attribute: '' })
    for (const a of [...all, set.snapshot().byId.get('late')!]) {
      expect(indexInOrder(order, a)).toBe(order.findIndex((b) => b.id === a.id))
      expect(indexInOrder(sources, a)).toBe(sources.findIndex((b) => b.id === a.id))
    }
    expect(indexInOrder(order, all[5]!)).toBe(-1)
  })
})

describe('neighbourOf (Alt+↓ and Alt+↑)', () => {
  it('steps through the annotations in text order from the selected one, the caret, or either end', () => {
    const { set, claim, source } = layer()
    const order = set.snapshot().order
    expect(order.map((a) => a.id)).toEqual([claim.id, source.id])
    expect(neighbourOf(order, null, null, 1)?.id).toBe(claim.id)
    expect(neighbourOf(order, null, null, -1)?.id).toBe(source.id)
    expect(neighbourOf(order, claim, null, 1)?.id).toBe(source.id)
    expect(neighbourOf(order, source, null, -1)?.id).toBe(claim.id)
    expect(neighbourOf(order, source, null, 1)).toBeUndefined()
    expect(neighbourOf(order, claim, null, -1)).toBeUndefined()
    // From a caret between the two: the source after it, the claim before it.
    const between = claim.target.position.end + 2
    expect(neighbourOf(order, null, between, 1)?.id).toBe(source.id)
    expect(neighbourOf(order, null, between, -1)?.id).toBe(claim.id)
    // A caret at an annotation's start counts it as after.
    expect(neighbourOf(order, null, source.target.position.start, 1)?.id).toBe(source.id)
    expect(neighbourOf([], null, 3, 1)).toBeUndefined()
  })
})
