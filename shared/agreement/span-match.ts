/**
 * One-to-one matching of two annotators' spans on one document, the basis of span-level
 * precision, recall and F1 (as in span-level NER evaluation: CoNLL-style exact match, and the
 * lenient "overlap" match of partial-credit schemes):
 *
 * - exact: same label, same start and same end. Duplicates pair up one to one (two identical
 *   spans in A and one in B give one match).
 * - overlap: same label and at least one code point in common. Every overlapping pair is a
 *   candidate; candidates are taken greedily, largest intersection-over-union first (ties: larger
 *   intersection, then earlier spans), skipping a candidate whose span is already matched. Exact
 *   pairs have IoU 1 and are taken first, so overlap matches are never fewer than exact ones.
 *   Greedy is not a maximum matching, but it is deterministic, symmetric in A and B, and
 *   near-linear (a sweep over spans sorted by start, not all pairs).
 */
import type { LabelledSpan } from './layer'

/** A match: index into the first list, index into the second. */
export type SpanPairing = [number, number]

/** Exact matches of spans a and b (same label, start and end), one to one. */
export function matchExact(a: readonly LabelledSpan[], b: readonly LabelledSpan[]): SpanPairing[] {
  const waiting = new Map<string, number[]>()
  a.forEach((s, i) => {
    const key = `${s.label}\u0000${s.start}\u0000${s.end}`
    const list = waiting.get(key)
    if (list) list.push(i)
    else waiting.set(key, [i])
  })
  const pairs: SpanPairing[] = []
  b.forEach((s, j) => {
    const i = waiting.get(`${s.label}\u0000${s.start}\u0000${s.end}`)?.shift()
    if (i !== undefined) pairs.push([i, j])
  })
  return pairs.sort((x, y) => x[0] - y[0])
}

/** Overlap matches of spans a and b (same label, overlapping), one to one, greedy by IoU. */
export function matchOverlap(a: readonly LabelledSpan[], b: readonly LabelledSpan[]): SpanPairing[] {
  const candA: number[] = []
  const candB: number[] = []
  const groupsB = groupByLabel(b)
  for (const [label, sideA] of groupByLabel(a)) {
    const sideB = groupsB.get(label)
    if (sideB) collectOverlaps(a, sideA, b, sideB, candA, candB)
  }
  const inter = candA.map((i, c) => Math.min(a[i]!.end, b[candB[c]!]!.end) - Math.max(a[i]!.start, b[candB[c]!]!.start))
  const union = candA.map((i, c) => a[i]!.end - a[i]!.start + b[candB[c]!]!.end - b[candB[c]!]!.start - inter[c]!)
  const order = candA.map((_, c) => c)
  order.sort((x, y) => {
    const sx = a[candA[x]!]!
    const tx = b[candB[x]!]!
    const sy = a[candA[y]!]!
    const ty = b[candB[y]!]!
    return (
      inter[y]! * union[x]! - inter[x]! * union[y]! ||
      inter[y]! - inter[x]! ||
      Math.min(sx.start, tx.start) - Math.min(sy.start, ty.start) ||
      Math.max(sx.start, tx.start) - Math.max(sy.start, ty.start) ||
      Math.min(sx.end, tx.end) - Math.min(sy.end, ty.end) ||
      Math.max(sx.end, tx.end) - Math.max(sy.end, ty.end) ||
      candA[x]! - candA[y]! ||
      candB[x]! - candB[y]!
    )
  })
  const usedA = new Uint8Array(a.length)
  const usedB = new Uint8Array(b.length)
  const pairs: SpanPairing[] = []
  for (const c of order) {
    const i = candA[c]!
    const j = candB[c]!
    if (usedA[i] || usedB[j]) continue
    usedA[i] = 1
    usedB[j] = 1
    pairs.push([i, j])
  }
  return pairs.sort((x, y) => x[0] - y[0])
}

/** Indices of non-empty spans by label, each list sorted by start then end. */
function groupByLabel(spans: readonly LabelledSpan[]): Map<string, number[]> {
  const groups = new Map<string, number[]>()
  spans.forEach((s, i) => {
    if (s.end <= s.start) return
    const list = groups.get(s.label)
    if (list) list.push(i)
    else groups.set(s.label, [i])
  })
  for (const list of groups.values()) list.sort((x, y) => spans[x]!.start - spans[y]!.start || spans[x]!.end - spans[y]!.end)
  return groups
}

/**
 * Every overlapping (a, b) pair among two start-sorted lists, by a sweep: when a span starts, the
 * other side's spans still open at that point are exactly those it overlaps.
 */
function collectOverlaps(
  a: readonly LabelledSpan[],
  sideA: readonly number[],
  b: readonly LabelledSpan[],
  sideB: readonly number[],
  outA: number[],
  outB: number[],
): void {
  let openA: number[] = []
  let openB: number[] = []
  let i = 0
  let j = 0
  while (i < sideA.length || j < sideB.length) {
    const takeA = j >= sideB.length || (i < sideA.length && a[sideA[i]!]!.start <= b[sideB[j]!]!.start)
    if (takeA) {
      const x = sideA[i++]!
      const at = a[x]!.start
      openB = openB.filter((y) => b[y]!.end > at)
      for (const y of openB) {
        outA.push(x)
        outB.push(y)
      }
      openA.push(x)
    } else {
      const y = sideB[j++]!
      const at = b[y]!.start
      openA = openA.filter((x) => a[x]!.end > at)
      for (const x of openA) {
        outA.push(x)
        outB.push(y)
      }
      openB.push(y)
    }
  }
}
