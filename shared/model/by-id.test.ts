import { describe, expect, it } from 'vitest'
import { ById } from './by-id'

/** A small deterministic generator, so a failure can be run again. */
function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const inIdOrder = <T extends { id: string }>(items: Iterable<T>) => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

describe('ById', () => {
  // Ids of several shapes and scripts, with shared prefixes, so the order is not only by length.
  const idsFrom = (next: () => number) =>
    Array.from({ length: 300 }, (_, i) => ['a', 'ab', 'b0', 'Z', 'ü', '_', '-', '9'][i % 8]! + String(Math.floor(next() * 1000)))

  it('answers as a Map does, through random puts, replacements and deletions', () => {
    const next = random(7)
    const ids = idsFrom(next)
    const initial = Array.from({ length: 200 }, (_, k) => ({ id: ids[Math.floor(next() * ids.length)]!, v: k }))
    const map = new Map(initial.map((x) => [x.id, x]))
    const byId = new ById(initial)
    for (let step = 0; step < 5000; step++) {
      const id = ids[Math.floor(next() * ids.length)]!
      const roll = next()
      if (roll < 0.45) {
        const item = { id, v: step }
        map.set(id, item)
        byId.set(item)
      } else if (roll < 0.8) {
        expect(byId.delete(id)).toBe(map.delete(id))
      } else {
        expect(byId.get(id)).toBe(map.get(id))
        expect(byId.has(id)).toBe(map.has(id))
      }
      expect(byId.size).toBe(map.size)
    }
    expect([...byId.values()]).toEqual(inIdOrder(map.values()))
    expect([...byId.keys()]).toEqual(inIdOrder(map.values()).map((x) => x.id))
  })

  it('applies batches small and large as deletions then puts on a Map', () => {
    const next = random(11)
    const ids = idsFrom(next)
    const map = new Map<string, { id: string; v: number }>()
    const byId = new ById<{ id: string; v: number }>()
    for (let step = 0; step < 200; step++) {
      // Sizes on both sides of the one-by-one limit, ids repeated within a batch and across sides.
      const size = Math.floor(next() * (step % 2 ? 10 : 120))
      const put = Array.from({ length: size }, (_, k) => ({ id: ids[Math.floor(next() * ids.length)]!, v: step * 1000 + k }))
      const removed = Array.from({ length: Math.floor(next() * size) }, () => ids[Math.floor(next() * ids.length)]!)
      for (const id of removed) map.delete(id)
      for (const item of put) map.set(item.id, item)
      byId.apply(put, removed)
      expect([...byId.values()]).toEqual(inIdOrder(map.values()))
    }
  })

  it('keeps the last of several items given with one id', () => {
    const byId = new ById([
      { id: 'x', v: 1 },
      { id: 'y', v: 2 },
      { id: 'x', v: 3 },
    ])
    expect(byId.get('x')).toEqual({ id: 'x', v: 3 })
    expect(byId.size).toBe(2)
    expect(byId.get('z')).toBeUndefined()
  })
})
