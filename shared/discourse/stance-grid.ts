/**
 * The stances a network is built from, arranged as DNA's three-dimensional array X (Leifeld et
 * al., DNA manual, "Notation"): x[i][j][k] is the number of stances actor i took on target j with
 * polarity k. Only the non-zero entries are kept, as cells, each with the statements it counts;
 * stances with no polarity (unset) get cells of their own, which the two-mode network counts and
 * the one-mode networks leave out (they have no polarity to agree or disagree on).
 */
import type { Polarity, Statement } from './statements'

/** One non-zero entry x[actor][target][polarity] = count: its statements are grid.stances[first] … grid.stances[first + count - 1]. */
export interface GridCell {
  actor: number
  target: number
  polarity: Polarity | null
  count: number
  first: number
}

/** DNA's array X, sparse: the actors and targets it indexes, its non-zero cells, and each actor's activity. */
export interface StanceGrid {
  /** Actor keys, in code unit order: index i of x[i]. */
  actors: string[]
  /** Target keys, in code unit order: index j of x[i][j]. */
  targets: string[]
  /** Every non-zero cell, by actor, then target, then polarity (favor, against, neutral, unset). */
  cells: GridCell[]
  /** The stances in cell order (in input order within a cell). */
  stances: Statement[]
  /** The cells of each target, by target index. */
  byTarget: GridCell[][]
  /** Each actor's activity: its stances with a polarity, Σ_j Σ_k x[i][j][k] (unset stances left out). */
  activity: number[]
}

const POLARITY_INDEX = { favor: 0, against: 1, neutral: 2, unset: 3 } as const

/** The grid of the statements that have an actor and a target; the others are skipped. */
export function stanceGrid(statements: readonly Statement[]): StanceGrid {
  // Actors and targets numbered as first met (one look-up per stance each), then renumbered in key order.
  const actorSeen = new Map<string, number>()
  const targetSeen = new Map<string, number>()
  const kept: Statement[] = []
  const actorMet: number[] = []
  const targetMet: number[] = []
  for (const s of statements) {
    if (s.actorKey === null || s.targetKey === null) continue
    let a = actorSeen.get(s.actorKey)
    if (a === undefined) actorSeen.set(s.actorKey, (a = actorSeen.size))
    let t = targetSeen.get(s.targetKey)
    if (t === undefined) targetSeen.set(s.targetKey, (t = targetSeen.size))
    kept.push(s)
    actorMet.push(a)
    targetMet.push(t)
  }
  const actors = [...actorSeen.keys()].sort(byCodeUnits)
  const targets = [...targetSeen.keys()].sort(byCodeUnits)
  const actorIndex = new Uint32Array(actors.length)
  actors.forEach((a, i) => (actorIndex[actorSeen.get(a)!] = i))
  const targetIndex = new Uint32Array(targets.length)
  targets.forEach((t, i) => (targetIndex[targetSeen.get(t)!] = i))
  const activity = Array.from({ length: actors.length }, () => 0)
  // Each stance's cell number: actor, then target, then polarity (favor, against, neutral, unset).
  const slots = targets.length * 4
  const number = new Float64Array(kept.length)
  for (let i = 0; i < kept.length; i++) {
    const s = kept[i]!
    const actor = actorIndex[actorMet[i]!]!
    number[i] = actor * slots + targetIndex[targetMet[i]!]! * 4 + POLARITY_INDEX[s.polarity ?? 'unset']
    if (s.polarity !== null) activity[actor]!++
  }
  const cells: GridCell[] = []
  const order = cellOrder(number, actors.length * slots)
  const stances: Statement[] = Array.from(order, (i) => kept[i]!)
  let current = -1
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!
    if (number[i] !== current) {
      current = number[i]!
      cells.push({
        actor: Math.floor(current / slots),
        target: Math.floor((current % slots) / 4),
        polarity: kept[i]!.polarity,
        count: 0,
        first: k,
      })
    }
    cells[cells.length - 1]!.count++
  }
  const byTarget: GridCell[][] = targets.map(() => [])
  for (const c of cells) byTarget[c.target]!.push(c)
  return { actors, targets, cells, stances, byTarget, activity }
}

/** The statements of a cell. */
export function cellStatements(grid: StanceGrid, cell: GridCell): Statement[] {
  return grid.stances.slice(cell.first, cell.first + cell.count)
}

/**
 * Stance positions in cell order, stances of one cell in input order. When cell number and
 * position fit in one exact double together, one native numeric sort does it (fast for 100,000
 * stances); otherwise a comparison sort.
 */
export function cellOrder(number: Float64Array, cellCount: number): Uint32Array {
  const n = number.length
  const order = new Uint32Array(n)
  const positions = 2 ** Math.ceil(Math.log2(n + 1))
  if (cellCount * positions <= Number.MAX_SAFE_INTEGER) {
    const packed = new Float64Array(n)
    for (let i = 0; i < n; i++) packed[i] = number[i]! * positions + i
    packed.sort()
    for (let i = 0; i < n; i++) order[i] = packed[i]! % positions
    return order
  }
  for (let i = 0; i < n; i++) order[i] = i
  return order.sort((a, b) => number[a]! - number[b]! || a - b)
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
