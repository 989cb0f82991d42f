import { describe, expect, it } from 'vitest'
import type { ApplyResult } from '../../../../shared/api'
import type { AnnotationOp } from '../../../../shared/model/annotation'
import { SaveQueue, type Batch } from './save-queue'

const result: ApplyResult = { annotations: [], links: [], annotationCount: 0, savedAt: '2026-01-01T00:00:00.000Z', layerToken: 'copy-1' }

function batch(change: number, document = 'doc-a'): Batch {
  return { change, document, ops: [{ op: 'delete', id: `a${change}` }], inverse: [] }
}

/** A queue whose requests are answered by hand (and, with `later`, sent when the test says). */
function setup(later?: (send: () => void) => void) {
  const sent: { document: string; ops: AnnotationOp[]; answer: (ok: boolean) => void }[] = []
  const saved: number[][] = []
  const failed: number[][] = []
  const queue = new SaveQueue({
    send: (document, ops) =>
      new Promise((resolve, reject) =>
        sent.push({ document, ops, answer: (ok) => (ok ? resolve(result) : reject(new Error('disk full'))) }),
      ),
    saved: (batches) => saved.push(batches.map((b) => b.change)),
    failed: (batches) => failed.push(batches.map((b) => b.change)),
    changed: () => {},
    ...(later ? { later } : {}),
  })
  return { queue, sent, saved, failed }
}

const tick = () => new Promise((r) => setTimeout(r, 0))

describe('SaveQueue', () => {
  it('sends one request at a time, and changes made meanwhile go together in the next', async () => {
    const { queue, sent, saved } = setup()
    queue.enqueue(batch(1))
    queue.enqueue(batch(2))
    queue.enqueue(batch(3))
    expect(sent).toHaveLength(1)
    sent[0]!.answer(true)
    await tick()
    expect(sent).toHaveLength(2)
    expect(sent[1]!.ops).toHaveLength(2)
    sent[1]!.answer(true)
    await tick()
    expect(saved).toEqual([[1], [2, 3]])
    expect(queue.idle).toBe(true)
  })

  it('with a `later`, sends nothing until it says, then everything queued meanwhile in one request', async () => {
    const waiting: (() => void)[] = []
    const { queue, sent, saved } = setup((send) => waiting.push(send))
    queue.enqueue(batch(1))
    queue.enqueue(batch(2))
    expect(sent).toHaveLength(0)
    expect(queue.idle).toBe(false)
    expect(waiting).toHaveLength(1)
    waiting[0]!()
    expect(sent).toHaveLength(1)
    expect(sent[0]!.ops).toHaveLength(2)
    // While a request is out, what is queued goes with the next one, sent on the reply.
    queue.enqueue(batch(3))
    sent[0]!.answer(true)
    await tick()
    expect(sent).toHaveLength(2)
    waiting[1]!()
    expect(sent).toHaveLength(2)
    sent[1]!.answer(true)
    await tick()
    expect(saved).toEqual([[1, 2], [3]])
    expect(queue.idle).toBe(true)
  })

  it('never mixes two documents in one request', async () => {
    const { queue, sent } = setup()
    queue.enqueue(batch(1, 'doc-a'))
    queue.enqueue(batch(2, 'doc-a'))
    queue.enqueue(batch(3, 'doc-b'))
    sent[0]!.answer(true)
    await tick()
    expect(sent[1]!.document).toBe('doc-a')
    sent[1]!.answer(true)
    await tick()
    expect(sent[2]!.document).toBe('doc-b')
  })

  it('on a failure hands back the failed changes and everything queued after them, and stops', async () => {
    const { queue, sent, failed } = setup()
    queue.enqueue(batch(1))
    queue.enqueue(batch(2))
    sent[0]!.answer(false)
    await tick()
    expect(failed).toEqual([[1, 2]])
    expect(sent).toHaveLength(1)
    expect(queue.idle).toBe(true)
  })

  it('holds refused changes in order when told to, and sends them again on resume', async () => {
    const sent: { ops: AnnotationOp[]; answer: (ok: boolean) => void }[] = []
    const saved: number[][] = []
    const failed: number[][] = []
    const queue = new SaveQueue({
      send: (_document, ops) =>
        new Promise((resolve, reject) => sent.push({ ops, answer: (ok) => (ok ? resolve(result) : reject(new Error('busy'))) })),
      saved: (batches) => saved.push(batches.map((b) => b.change)),
      failed: (batches) => failed.push(batches.map((b) => b.change)),
      changed: () => {},
      hold: () => true,
    })
    queue.enqueue(batch(1))
    queue.enqueue(batch(2))
    sent[0]!.answer(false)
    await tick()
    expect(queue.held).toBe(true)
    queue.enqueue(batch(3))
    expect(sent).toHaveLength(1)
    expect(queue.pending.map((b) => b.change)).toEqual([1, 2, 3])
    expect(failed).toEqual([])
    queue.resume()
    expect(sent[1]!.ops).toHaveLength(3)
    sent[1]!.answer(true)
    await tick()
    expect(saved).toEqual([[1, 2, 3]])
    expect(queue.idle).toBe(true)
  })

  it('gives held changes back, oldest first, when they are dropped', async () => {
    const sent: ((ok: boolean) => void)[] = []
    const queue = new SaveQueue({
      send: () => new Promise((resolve, reject) => sent.push((ok) => (ok ? resolve(result) : reject(new Error('busy'))))),
      saved: () => {},
      failed: () => {},
      changed: () => {},
      hold: () => true,
    })
    queue.enqueue(batch(1))
    queue.enqueue(batch(2))
    sent[0]!(false)
    await tick()
    expect(queue.drop().map((b) => b.change)).toEqual([1, 2])
    expect(queue.held).toBe(false)
    expect(queue.idle).toBe(true)
  })
})
