import { describe, expect, it } from 'vitest'
import type { LabelledSpan } from './layer'
import { matchExact, matchOverlap, type SpanPairing } from './span-match'

const claim = (start: number, end: number): LabelledSpan => ({ label: 'claim', start, end })
const source = (start: number, end: number): LabelledSpan => ({ label: 'source', start, end })

describe('matchExact', () => {
  it('matches same label, start and end, one to one', () => {
    const a = [claim(0, 10), claim(0, 10), source(0, 10), claim(20, 30)]
    const b = [claim(0, 10), source(0, 10), claim(20, 31)]
    expect(matchExact(a, b)).toEqual([
      [0, 0],
      [2, 1],
    ])
  })
})

describe('matchOverlap', () => {
  it('matches a nested span to the candidate with the larger IoU', () => {
    // A [0,20) vs B [0,10): IoU 10/20; vs B [5,20): IoU 15/20, taken.
    expect(matchOverlap([claim(0, 20)], [claim(0, 10), claim(5, 20)])).toEqual([[0, 1]])
  })

  it('untangles a chain of overlapping spans by IoU', () => {
    // A1 [0,10) A2 [8,20); B1 [0,9) B2 [9,20).
    // IoU: A1-B1 9/10, A1-B2 1/20, A2-B1 1/20, A2-B2 11/12. Taken: A2-B2, then A1-B1.
    expect(matchOverlap([claim(0, 10), claim(8, 20)], [claim(0, 9), claim(9, 20)])).toEqual([
      [0, 0],
      [1, 1],
    ])
  })

  it('never matches across labels or spans that only touch', () => {
    expect(matchOverlap([claim(0, 10)], [source(0, 10), claim(10, 20)])).toEqual([])
  })

  it('takes exact pairs first, so it finds at least as many matches as exact matching', () => {
    const a = [claim(0, 10), claim(5, 15)]
    const b = [claim(5, 15), claim(0, 10)]
    expect(matchOverlap(a, b)).toEqual([
      [0, 1],
      [1, 0],
    ])
  })

  it('is greedy, not a maximum matching (the documented rule)', () => {
    // A1 [0,10) best fits B1 [1,10) (IoU 0.9) and takes it; A2 [8,12) then finds B1 taken and
    // B2 [0,3) does not overlap it: one match where two were possible (A1-B2, A2-B1).
    expect(matchOverlap([claim(0, 10), claim(8, 12)], [claim(1, 10), claim(0, 3)])).toEqual([[0, 0]])
  })

  it('equals a brute-force all-pairs greedy matching and is symmetric, on random nested and overlapping spans', () => {
    let seed = 12345
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    const spans = (count: number) =>
      Array.from({ length: count }, () => {
        const start = random(200)
        return { label: random(3) === 0 ? 'source' : 'claim', start, end: start + 1 + random(40) }
      })
    for (let round = 0; round < 50; round++) {
      const a = spans(1 + random(25))
      const b = spans(1 + random(25))
      const swap = (pairs: SpanPairing[]) => pairs.map(([i, j]) => [j, i] as SpanPairing).sort((x, y) => x[0] - y[0])
      expect(matchOverlap(a, b)).toEqual(bruteForce(a, b))
      expect(swap(matchOverlap(b, a))).toEqual(matchOverlap(a, b))
    }
  })
})

/** All same-label overlapping pairs, sorted by the documented rule, taken greedily. */
function bruteForce(a: LabelledSpan[], b: LabelledSpan[]): SpanPairing[] {
  const cands: { i: number; j: number; inter: number; union: number }[] = []
  a.forEach((x, i) =>
    b.forEach((y, j) => {
      const inter = Math.min(x.end, y.end) - Math.max(x.start, y.start)
      if (x.label === y.label && inter > 0) cands.push({ i, j, inter, union: x.end - x.start + y.end - y.start - inter })
    }),
  )
  const key = (c: (typeof cands)[number]) => {
    const x = a[c.i]!
    const y = b[c.j]!
    return [Math.min(x.start, y.start), Math.max(x.start, y.start), Math.min(x.end, y.end), Math.max(x.end, y.end), c.i, c.j]
  }
  cands.sort((p, q) => {
    const byIou = q.inter / q.union - p.inter / p.union
    if (byIou !== 0) return byIou
    if (q.inter !== p.inter) return q.inter - p.inter
    const kp = key(p)
    const kq = key(q)
    for (let n = 0; n < kp.length; n++) if (kp[n] !== kq[n]) return kp[n]! - kq[n]!
    return 0
  })
  const usedA = new Set<number>()
  const usedB = new Set<number>()
  const out: SpanPairing[] = []
  for (const c of cands) {
    if (usedA.has(c.i) || usedB.has(c.j)) continue
    usedA.add(c.i)
    usedB.add(c.j)
    out.push([c.i, c.j])
  }
  return out.sort((x, y) => x[0] - y[0])
}
