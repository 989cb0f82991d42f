/**
 * The stances a network is built from, arranged as DNA's three-dimensional array X (Leifeld et
 * al., DNA manual, "Notation"): x[i][j][k] is the number of stances actor i took on target j with
 * polarity k. Only the non-zero entries are kept, as cells, each with the statements it counts;
 * stances with no polarity (unset) get cells of their own, which the two-mode network counts and
 * the one-mode networks leave out (they have no polarity to agree or disagree on).
 */
import type { Polarity, Statement } from './statements'

/** One non-zero entry x[actor][target][polarity]: its statements (the count is their number). */
export interface GridCell {
  actor: number
  target: number
  polarity: Polarity | null
  statements: Statement[]
}

export interface StanceGrid {
  /** Actor keys, in code unit order: index i of x[i]. */
  actors: string[]
  /** Target keys, in code unit order: index j of x[i][j]. */
  targets: string[]
  /** Every non-zero cell, by actor, then target, then polarity (favor, against, neutral, unset). */
  cells: GridCell[]
  /** The cells of each target, by target index. */
  byTarget: GridCell[][]
  /** Each actor's activity: its stances with a polarity, Σ_j Σ_k x[i][j][k] (unset stances left out). */
  activity: number[]
}

const POLARITY_INDEX = { favor: 0, against: 1, neutral: 2, unset: 3 } as const

/** The grid of the statements that have an actor and a target; the others are skipped. */
export function stanceGrid(statements: readonly Statement[]): StanceGrid {
  const actorSet = new Set<string>()
  const targetSet = new Set<string>()
  const kept: Statement[] = []
  for (const s of statements) {
    if (s.actorKey === null || s.targetKey === null) continue
    actorSet.add(s.actorKey)
    targetSet.add(s.targetKey)
    kept.push(s)
  }
  const actors = [...actorSet].sort(byCodeUnits)
  const targets = [...targetSet].sort(byCodeUnits)
  const actorIndex = new Map(actors.map((a, i) => [a, i]))
  const targetIndex = new Map(targets.map((t, i) => [t, i]))
  const activity = Array.from({ length: actors.length }, () => 0)
  // A cell's number orders cells by actor, then target, then polarity (favor, against, neutral, unset).
  const cellOf = new Map<number, GridCell>()
  for (const s of kept) {
    const actor = actorIndex.get(s.actorKey!)!
    const target = targetIndex.get(s.targetKey!)!
    const key = (actor * targets.length + target) * 4 + POLARITY_INDEX[s.polarity ?? 'unset']
    let cell = cellOf.get(key)
    if (!cell) cellOf.set(key, (cell = { actor, target, polarity: s.polarity, statements: [] }))
    cell.statements.push(s)
    if (s.polarity !== null) activity[actor]!++
  }
  const keys = Float64Array.from(cellOf.keys()).sort()
  const cells = Array.from(keys, (k) => cellOf.get(k)!)
  const byTarget: GridCell[][] = targets.map(() => [])
  for (const c of cells) byTarget[c.target]!.push(c)
  return { actors, targets, cells, byTarget, activity }
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
