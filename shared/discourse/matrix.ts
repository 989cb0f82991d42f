/**
 * The actor × target matrix: for each actor (rows, grouped by kind) and target (columns), how
 * many stances the actor took on the target, by polarity, and which statements they are. Only
 * stances count (statements whose label has a target); claims are in the statements table only.
 * Stances with a target but no source are counted per target apart from the actors ("unlinked"),
 * and stances with no target are counted apart too ("untargeted"): neither is dropped silently.
 *
 * Plain data (arrays and numbers, no Maps), so the core can build it and send it to the renderer.
 * The Analysis view takes the counts alone (matrixCountsOf), which is quicker to make; the matrix
 * export takes the statements too (buildMatrix, matrixOf).
 */
import type { Cell } from '../csv'
import { keptStatements, type Duplicates, type StatementFilter } from './filter'
import { countStance, noStances, type Actor, type StanceCounts, type Statement, type StatementSet, type Target } from './statements'

/** One actor's row: the actor and all its stances in the matrix. */
export interface MatrixRow {
  actor: Actor
  counts: StanceCounts
}

/** One target's column: all its stances, and those with no source. */
export interface MatrixColumn {
  target: Target
  counts: StanceCounts
  unlinked: SetAside
}

/** A run of rows whose actors share a kind: rows first … first + count - 1. */
export interface KindGroup {
  kind: string
  first: number
  count: number
}

/** A non-empty cell: the stances of rows[row]'s actor on columns[column]'s target. */
export interface MatrixCell {
  row: number
  column: number
  counts: StanceCounts
  /** The statements behind it (Statement.ref), in statement order. */
  statements: string[]
}

/** Stances kept out of the cells, with the statements they are. */
export interface SetAside {
  counts: StanceCounts
  statements: string[]
}

/** The matrix: rows, columns, kind groups, non-empty cells, totals, and the stances kept out of the cells. */
export interface StanceMatrix {
  /** Grouped by kind (kinds in code unit order, actors with no kind last), then by most stances, then by key. */
  rows: MatrixRow[]
  /** By most stances (unlinked ones included), then by key. */
  columns: MatrixColumn[]
  groups: KindGroup[]
  /** The non-empty cells, by row, then column. */
  cells: MatrixCell[]
  /** All stances in cells. */
  total: StanceCounts
  /** Stances with a target and no source. */
  unlinked: SetAside
  /** Stances with no target. */
  untargeted: SetAside
}

/** The matrix without the statements behind its cells and set-aside stances: the same rows, columns, groups, cells and counts. */
export interface MatrixCounts {
  rows: MatrixRow[]
  columns: { target: Target; counts: StanceCounts; unlinked: { counts: StanceCounts } }[]
  groups: KindGroup[]
  cells: { row: number; column: number; counts: StanceCounts }[]
  total: StanceCounts
  unlinked: { counts: StanceCounts }
  untargeted: { counts: StanceCounts }
}

/** Which stances the matrix counts: the filter, and DNA's duplicates setting (default 'include'). */
export interface MatrixOptions {
  filter?: StatementFilter
  duplicates?: Duplicates
}

/** The matrix of a statement set's stances that pass the filter. */
export function buildMatrix(set: StatementSet, options: MatrixOptions = {}): StanceMatrix {
  return matrixOf(set, keptStatements(set.statements, options.filter, options.duplicates))
}

/** The matrix of statements already filtered (keptStatements), with the set's actors and targets. */
export function matrixOf(set: StatementSet, statements: readonly Statement[]): StanceMatrix {
  return tally(set, statements, true) as StanceMatrix
}

/** The same matrix's counts only, without the statements behind them (what the Analysis view draws). */
export function matrixCountsOf(set: StatementSet, statements: readonly Statement[]): MatrixCounts {
  return tally(set, statements, false)
}

/** Some stances' counts, and with `refs` the statements they are. */
type Counted = { counts: StanceCounts; statements?: string[] }

/** The matrix, with each cell's and set-aside's statements (Statement.ref) when `refs` is true (a StanceMatrix then). */
function tally(set: StatementSet, statements: readonly Statement[], refs: boolean): MatrixCounts {
  const actorOf = new Map(set.actors.map((a) => [a.key, a]))
  const targetOf = new Map(set.targets.map((t) => [t.key, t]))
  // Cells are found by their column's object (a quicker key than the target's name), and get its index once columns are sorted.
  type Column = { key: string; counts: StanceCounts; unlinked: Counted; index: number }
  type Row = { key: string; counts: StanceCounts; cells: Map<Column, Counted> }
  const counted = (): Counted => (refs ? { counts: noStances(), statements: [] } : { counts: noStances() })
  const rowsByKey = new Map<string, Row>()
  const columnsByKey = new Map<string, Column>()
  const total = noStances()
  const unlinked = counted()
  const untargeted = counted()
  for (const s of statements) {
    if (!s.stance) continue
    if (s.targetKey === null) {
      countStance(untargeted.counts, s.polarity)
      untargeted.statements?.push(s.ref)
      continue
    }
    let column = columnsByKey.get(s.targetKey)
    if (!column) columnsByKey.set(s.targetKey, (column = { key: s.targetKey, counts: noStances(), unlinked: counted(), index: 0 }))
    countStance(column.counts, s.polarity)
    if (s.actorKey === null) {
      countStance(column.unlinked.counts, s.polarity)
      column.unlinked.statements?.push(s.ref)
      countStance(unlinked.counts, s.polarity)
      unlinked.statements?.push(s.ref)
      continue
    }
    let row = rowsByKey.get(s.actorKey)
    if (!row) rowsByKey.set(s.actorKey, (row = { key: s.actorKey, counts: noStances(), cells: new Map() }))
    countStance(row.counts, s.polarity)
    countStance(total, s.polarity)
    let cell = row.cells.get(column)
    if (!cell) row.cells.set(column, (cell = counted()))
    countStance(cell.counts, s.polarity)
    cell.statements?.push(s.ref)
  }

  const sortedRows = [...rowsByKey.values()].map((r) => ({ row: r, actor: actorOf.get(r.key)! }))
  sortedRows.sort(
    (a, b) => compareKinds(a.actor.kind, b.actor.kind) || b.row.counts.total - a.row.counts.total || compareKeys(a.actor.key, b.actor.key),
  )
  const sortedColumns = [...columnsByKey.values()]
  sortedColumns.sort((a, b) => b.counts.total - a.counts.total || compareKeys(a.key, b.key))
  sortedColumns.forEach((c, i) => (c.index = i))

  const rows: MatrixRow[] = []
  const groups: KindGroup[] = []
  const cells: (Counted & { row: number; column: number })[] = []
  sortedRows.forEach(({ row, actor }, i) => {
    rows.push({ actor, counts: row.counts })
    const last = groups[groups.length - 1]
    if (last && last.kind === actor.kind) last.count++
    else groups.push({ kind: actor.kind, first: i, count: 1 })
    const rowCells: (Counted & { row: number; column: number })[] = []
    for (const [column, c] of row.cells)
      rowCells.push(
        c.statements
          ? { row: i, column: column.index, counts: c.counts, statements: c.statements }
          : { row: i, column: column.index, counts: c.counts },
      )
    rowCells.sort((a, b) => a.column - b.column)
    for (const c of rowCells) cells.push(c)
  })
  const columns = sortedColumns.map((c) => ({ target: targetOf.get(c.key)!, counts: c.counts, unlinked: c.unlinked }))
  return { rows, columns, groups, cells, total, unlinked, untargeted }
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Kinds in code unit order, with '' (no kind) last. */
function compareKinds(a: string, b: string): number {
  if (a === b) return 0
  if (a === '') return 1
  if (b === '') return -1
  return compareKeys(a, b)
}

/** The cell at a row and column, or undefined when the actor took no stance on the target. */
export function matrixCell(matrix: StanceMatrix, row: number, column: number): MatrixCell | undefined {
  let lo = 0
  let hi = matrix.cells.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const c = matrix.cells[mid]!
    if (c.row < row || (c.row === row && c.column < column)) lo = mid + 1
    else hi = mid
  }
  const c = matrix.cells[lo]
  return c && c.row === row && c.column === column ? c : undefined
}

/** The matrix's table header: one row per non-empty cell ("long" form, as R and pandas like it). */
export const MATRIX_HEADER = [
  'actor_key',
  'actor_label',
  'actor_kind',
  'target_key',
  'target_label',
  'favor',
  'against',
  'neutral',
  'unset',
  'total',
  'statements',
] as const

/**
 * The matrix as a table: one row per non-empty cell, in row and column order, then one row per
 * target with unlinked stances (actor cells empty). `statements` holds the statements' refs
 * ("<document>/<layer>/<id>") separated by spaces.
 */
export function matrixTable(matrix: StanceMatrix): { header: string[]; rows: Cell[][] } {
  const out: Cell[][] = matrix.cells.map((c) => {
    const a = matrix.rows[c.row]!.actor
    const t = matrix.columns[c.column]!.target
    return [a.key, a.label, a.kind, t.key, t.label, ...countCells(c.counts), c.statements.join(' ')]
  })
  for (const col of matrix.columns) {
    if (col.unlinked.counts.total > 0)
      out.push(['', '', '', col.target.key, col.target.label, ...countCells(col.unlinked.counts), col.unlinked.statements.join(' ')])
  }
  return { header: [...MATRIX_HEADER], rows: out }
}

function countCells(c: StanceCounts): number[] {
  return [c.favor, c.against, c.neutral, c.unset, c.total]
}
