import { describe, expect, it } from 'vitest'
import { defaultLabels } from '../model/labels'
import { debateLayer } from '../testing/discourse-corpus'
import { cellOrder, cellStatements, stanceGrid } from './stance-grid'
import { buildStatements } from './statements'

describe('the stance grid (DNA’s x[actor][target][polarity])', () => {
  const grid = stanceGrid(buildStatements({ labels: defaultLabels, layers: [debateLayer()] }).statements)

  it('indexes actors and targets in key order, leaving out stances with no actor or no target, and claims', () => {
    expect(grid.actors).toEqual(['biden', 'hamas', 'kremlin', 'netanyahu'])
    expect(grid.targets).toEqual(['ceasefire', 'israel', 'strikes'])
  })

  it('keeps one cell per non-zero entry, with its statements, in actor, target, polarity order', () => {
    expect(
      grid.cells.map((c) => [grid.actors[c.actor], grid.targets[c.target], c.polarity, cellStatements(grid, c).map((s) => s.id)]),
    ).toEqual([
      ['biden', 'israel', 'neutral', ['d1']],
      ['hamas', 'ceasefire', 'favor', ['c1']],
      ['hamas', 'israel', null, ['c2']],
      ['kremlin', 'ceasefire', 'favor', ['a1']],
      ['kremlin', 'israel', 'neutral', ['a4']],
      ['kremlin', 'strikes', 'against', ['a2', 'a3']],
      ['netanyahu', 'ceasefire', 'against', ['b1']],
      ['netanyahu', 'strikes', 'favor', ['b2']],
    ])
    expect(grid.byTarget.map((cells) => cells.length)).toEqual([3, 3, 2])
  })

  it('measures activity over stances with a polarity only', () => {
    expect(grid.activity).toEqual([1, 1, 4, 2])
  })
})

describe('cell order', () => {
  it('sorts stance positions by cell, keeping input order within a cell, by packed numbers or by comparison', () => {
    const numbers = Float64Array.from([7, 2, 7, 0, 2])
    expect([...cellOrder(numbers, 8)]).toEqual([3, 1, 4, 0, 2])
    expect([...cellOrder(numbers, Number.MAX_SAFE_INTEGER)]).toEqual([3, 1, 4, 0, 2])
  })
})
