import { describe, expect, it } from 'vitest'
import { defaultLabels } from '../model/labels'
import { debateLayer } from '../testing/discourse-corpus'
import { MATRIX_HEADER, buildMatrix, matrixCell, matrixTable } from './matrix'
import { buildStatements } from './statements'

const counts = (favor: number, against: number, neutral: number, unset: number) => ({
  favor,
  against,
  neutral,
  unset,
  total: favor + against + neutral + unset,
})

describe('the actor × target matrix', () => {
  const set = buildStatements({ labels: defaultLabels, layers: [debateLayer()] })
  const m = buildMatrix(set)

  it('groups actors by kind (no-kind last), then by most stances; the UN, with only a claim, has no row', () => {
    expect(m.rows.map((r) => [r.actor.label, r.actor.kind, r.counts.total])).toEqual([
      ['Kremlin', 'government', 4],
      ['Hamas', 'organization', 2],
      ['Netanyahu', 'person', 2],
      ['Biden', 'person', 1],
    ])
    expect(m.groups).toEqual([
      { kind: 'government', first: 0, count: 1 },
      { kind: 'organization', first: 1, count: 1 },
      { kind: 'person', first: 2, count: 2 },
    ])
  })

  it('has one column per target however it was written, by most stances (unlinked included)', () => {
    expect(m.columns.map((c) => [c.target.key, c.target.label, c.counts.total, c.unlinked.counts.total])).toEqual([
      ['strikes', 'Strikes', 4, 1],
      ['ceasefire', 'ceasefire', 3, 0],
      ['israel', 'Israel', 3, 0],
    ])
  })

  it('counts each cell by polarity, with the statements behind it', () => {
    // Kremlin × strikes: a2 (the Kremlin) and a3 (Moscow, canonical name "kremlin"), both against.
    expect(matrixCell(m, 0, 0)).toEqual({
      row: 0,
      column: 0,
      counts: counts(0, 2, 0, 0),
      statements: ['debate/maria/a2', 'debate/maria/a3'],
    })
    expect(matrixCell(m, 0, 2)?.statements).toEqual(['debate/maria/a4'])
    expect(matrixCell(m, 1, 2)?.counts).toEqual(counts(0, 0, 0, 1))
    expect(matrixCell(m, 2, 1)?.counts).toEqual(counts(0, 1, 0, 0))
    expect(matrixCell(m, 3, 2)?.counts).toEqual(counts(0, 0, 1, 0))
    expect(matrixCell(m, 1, 0)).toBeUndefined()
    expect(matrixCell(m, 3, 0)).toBeUndefined()
    expect(m.cells).toHaveLength(8)
  })

  it('totals rows and the whole, and sets unlinked and untargeted stances apart', () => {
    expect(m.rows[0]!.counts).toEqual(counts(1, 2, 1, 0))
    expect(m.total).toEqual(counts(3, 3, 2, 1))
    expect(m.unlinked).toEqual({ counts: counts(0, 1, 0, 0), statements: ['debate/maria/u1'] })
    expect(m.columns[0]!.unlinked.statements).toEqual(['debate/maria/u1'])
    expect(m.untargeted).toEqual({ counts: counts(1, 0, 0, 0), statements: ['debate/maria/b3'] })
  })

  it('applies the filter and DNA duplicates', () => {
    const two = buildStatements({ labels: defaultLabels, layers: [debateLayer('debate', 'maria'), debateLayer('debate', '_reviewed')] })
    expect(buildMatrix(two).total.total).toBe(18)
    expect(buildMatrix(two, { filter: { layers: ['_reviewed'] } }).total.total).toBe(9)
    // One stance per actor, target and polarity per document: Kremlin's two "against strikes" count once, and the reviewed copy adds nothing.
    const deduplicated = buildMatrix(two, { duplicates: 'document' })
    expect(deduplicated.total.total).toBe(8)
    expect(matrixCell(deduplicated, 0, 0)?.counts).toEqual(counts(0, 1, 0, 0))
  })

  it('is a long table: one row per cell, then unlinked stances per target with the actor empty', () => {
    const t = matrixTable(m)
    expect(t.header).toEqual([...MATRIX_HEADER])
    expect(t.rows).toHaveLength(9)
    expect(t.rows[0]).toEqual(['kremlin', 'Kremlin', 'government', 'strikes', 'Strikes', 0, 2, 0, 0, 2, 'debate/maria/a2 debate/maria/a3'])
    expect(t.rows[8]).toEqual(['', '', '', 'strikes', 'Strikes', 0, 1, 0, 0, 1, 'debate/maria/u1'])
  })
})
