/**
 * One-mode actor networks after the DNA manual, "Construction of One-Mode Networks" and
 * "Normalisation for One-Mode Networks" (Leifeld, Gruber and Bossner 2018; Leifeld 2017), with
 * polarity (favor, against, neutral) as a categorical qualifier. x[i][j][k] counts actor i's
 * stances on target j with polarity k; stances with no polarity are left out.
 *
 *   congruence ω(i,i') = Σ_j Σ_k x[i][j][k] · x[i'][j][k]
 *       (DNA's binary congruence, over three levels: the same polarity on the same target; two
 *       actors both neutral on a target agree too)
 *   conflict   ω(i,i') = Σ_j ( x[i][j][favor] · x[i'][j][against] + x[i][j][against] · x[i'][j][favor] )
 *       (DNA's binary conflict: favor against against; neutral conflicts with nothing)
 *
 * DNA's integer qualifier would give favor–neutral half a tie (|k − k'| / (|K| − 1) = 1/2);
 * Marginalia treats polarity as three categories instead, as the issue defines the networks.
 * The weight is ω divided by the normalisation Φ:
 *
 *   'none':     1
 *   'average':  (A(i) + A(i')) / 2, with A(i) = Σ_j Σ_k x[i][j][k] the actor's activity
 *   'jaccard':  Σ_jk x[i][j][k]·[x[i'][j][k] = 0] + Σ_jk x[i'][j][k]·[x[i][j][k] = 0] + Σ_jk x[i][j][k]·x[i'][j][k]
 *
 * (the same denominator for congruence and conflict, as in DNA's exporter). There is a tie wherever
 * ω > 0. Self-loops are excluded: i ≠ i' always (an actor both for and against a target does not
 * conflict with itself, and repeating a stance does not make an actor agree with itself).
 */
import type { GridCell, StanceGrid } from './stance-grid'

/** none, average activity, or Jaccard (formulas above). */
export type OneModeNormalization = 'none' | 'average' | 'jaccard'

/** A tie between actors a < b (grid indices). */
export interface Tie {
  a: number
  b: number
  /** ω: the number of agreeing (or conflicting) stance pairs. */
  raw: number
  weight: number
  /** How many targets the tie is on. */
  targets: number
  /** The stances behind it: both actors' cells that agree (or conflict), target by target, actor a's first. */
  cells: GridCell[]
}

interface Pair {
  a: number
  b: number
  raw: number
  /** Σ over cells where both are non-zero of x_i + x_i' (for Jaccard: m10 + m01 = A(i) + A(i') − this). */
  sharedSum: number
  /** Σ over cells where both are non-zero of x_i · x_i' (Jaccard's m11). */
  sharedProduct: number
  /** Distinct targets of the tie; targets are visited in order, so `lastTarget` is enough to count them. */
  targets: number
  lastTarget: number
  /** The cells behind the tie, in target order (no cell comes twice: a cell meets each other actor once per target). */
  cells: GridCell[]
}

/** The congruence or conflict ties of a grid, by a, then b. */
export function ties(grid: StanceGrid, network: 'congruence' | 'conflict', normalization: OneModeNormalization = 'none'): Tie[] {
  const n = grid.actors.length
  const pairs = new Map<number, Pair>()
  const shared = new Map<number, Pair>()
  const pairOf = (map: Map<number, Pair>, i: number, k: number): Pair => {
    const a = i < k ? i : k
    const b = i < k ? k : i
    let p = map.get(a * n + b)
    if (!p) map.set(a * n + b, (p = { a, b, raw: 0, sharedSum: 0, sharedProduct: 0, targets: 0, lastTarget: -1, cells: [] }))
    return p
  }
  for (const cells of grid.byTarget) {
    const favor = cells.filter((c) => c.polarity === 'favor')
    const against = cells.filter((c) => c.polarity === 'against')
    const neutral = cells.filter((c) => c.polarity === 'neutral')
    if (network === 'congruence' || normalization === 'jaccard') {
      for (const level of [favor, against, neutral]) {
        for (let p = 0; p < level.length; p++) {
          for (let q = p + 1; q < level.length; q++) {
            const x = level[p]!
            const y = level[q]!
            const product = x.count * y.count
            const s = pairOf(shared, x.actor, y.actor)
            s.sharedSum += x.count + y.count
            s.sharedProduct += product
            if (network === 'congruence') addTo(s, x, y, product)
          }
        }
      }
    }
    if (network === 'conflict') {
      for (const x of favor) {
        for (const y of against) {
          if (x.actor !== y.actor) addTo(pairOf(pairs, x.actor, y.actor), x, y, x.count * y.count)
        }
      }
    }
  }
  const found = network === 'congruence' ? shared : pairs
  const out: Tie[] = []
  for (const key of Float64Array.from(found.keys()).sort()) {
    const p = found.get(key)!
    if (p.raw === 0) continue
    const s = shared.get(key)
    const activity = grid.activity[p.a]! + grid.activity[p.b]!
    const norm =
      normalization === 'average'
        ? activity / 2
        : normalization === 'jaccard'
          ? activity - (s?.sharedSum ?? 0) + (s?.sharedProduct ?? 0)
          : 1
    out.push({ a: p.a, b: p.b, raw: p.raw, weight: p.raw / norm, targets: p.targets, cells: p.cells })
  }
  return out
}

function addTo(pair: Pair, x: GridCell, y: GridCell, product: number): void {
  pair.raw += product
  if (pair.lastTarget !== x.target) {
    pair.targets++
    pair.lastTarget = x.target
  }
  pair.cells.push(x.actor === pair.a ? x : y, x.actor === pair.a ? y : x)
}
