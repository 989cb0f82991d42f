import { describe, expect, it } from 'vitest'
import { defaultLabels } from '../model/labels'
import { discourseLayer, source, stance } from '../testing/discourse-layers'
import { cellStatements, stanceGrid } from './stance-grid'
import { buildStatements } from './statements'
import { affiliations } from './two-mode'

// Two actors, two targets: P is for t1 twice and against it once, and neutral on t2; Q is against t1.
const text = 'P says yes to t1. P again says yes to t1. P says no to t1. P is unsure about t2. Q says no to t1. Q mentions t2.'
const grid = stanceGrid(
  buildStatements({
    labels: defaultLabels,
    layers: [
      discourseLayer({
        document: 'd',
        annotator: 'maria',
        text,
        marks: [
          source('p', 'P', 'person'),
          source('q', 'Q', 'person'),
          stance('p1', 'says yes to t1', 'favor', 't1', 'p'),
          stance('p2', 'again says yes to t1', 'favor', 't1', 'p'),
          stance('p3', 'says no to t1', 'against', 't1', 'p'),
          stance('p4', 'unsure about t2', 'neutral', 't2', 'p'),
          stance('q1', 'says no to t1', 'against', 't1', 'q', 2),
          stance('q2', 'mentions t2', undefined, 't2', 'q'),
        ],
      }),
    ],
  }).statements,
)

describe('affiliations (two-mode ties)', () => {
  it('counts every stance, signs favor +1 and against −1, and keeps the counts by polarity', () => {
    expect(affiliations(grid).map((t) => [t.actor, t.target, t.count, t.signed, t.favor, t.against, t.neutral, t.unset, t.weight])).toEqual(
      [
        [0, 0, 3, 1, 2, 1, 0, 0, 3],
        [0, 1, 1, 0, 0, 0, 1, 0, 1],
        [1, 0, 1, -1, 0, 1, 0, 0, 1],
        [1, 1, 1, 0, 0, 0, 0, 1, 1],
      ],
    )
  })

  it('divides by the actor’s stances (activity) or the target’s (prominence)', () => {
    // P took 4 stances, Q 2; t1 has 4, t2 has 2.
    expect(affiliations(grid, 'activity').map((t) => t.weight)).toEqual([3 / 4, 1 / 4, 1 / 2, 1 / 2])
    expect(affiliations(grid, 'prominence').map((t) => t.weight)).toEqual([3 / 4, 1 / 2, 1 / 4, 1 / 2])
  })

  it('lists the statements behind each tie', () => {
    const [first] = affiliations(grid)
    expect(grid.cells.slice(first!.first, first!.end).flatMap((c) => cellStatements(grid, c).map((s) => s.id))).toEqual(['p1', 'p2', 'p3'])
  })
})
