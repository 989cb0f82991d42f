import { describe, expect, it } from 'vitest'
import { defaultLabels } from '../model/labels'
import { discourseLayer, source, stance } from '../testing/discourse-layers'
import { ties } from './one-mode'
import { cellStatements, stanceGrid } from './stance-grid'
import { buildStatements } from './statements'

// x[P] = t1 favor 2, t2 against 1          A(P) = 3
// x[Q] = t1 favor 1, t2 favor 1, t3 neutral 1, t3 with no polarity 1    A(Q) = 3
// x[R] = t3 neutral 1                       A(R) = 1
const text = 'P backs t1. P backs t1 again. P opposes t2. Q backs t1. Q backs t2. Q is neutral on t3. Q mentions t3. R is neutral on t3.'
const grid = stanceGrid(
  buildStatements({
    labels: defaultLabels,
    layers: [
      discourseLayer({
        document: 'd',
        annotator: 'maria',
        text,
        marks: [
          source('p', 'P'),
          source('q', 'Q'),
          source('r', 'R'),
          stance('p1', 'backs t1', 'favor', 't1', 'p'),
          stance('p2', 'backs t1 again', 'favor', 't1', 'p'),
          stance('p3', 'opposes t2', 'against', 't2', 'p'),
          stance('q1', 'backs t1', 'favor', 't1', 'q', 3),
          stance('q2', 'backs t2', 'favor', 't2', 'q'),
          stance('q3', 'is neutral on t3', 'neutral', 't3', 'q'),
          stance('q4', 'mentions t3', undefined, 't3', 'q'),
          stance('r1', 'is neutral on t3', 'neutral', 't3', 'r', 2),
        ],
      }),
    ],
  }).statements,
)
const weights = (network: 'congruence' | 'conflict', normalization: 'none' | 'average' | 'jaccard') =>
  ties(grid, network, normalization).map((t) => [grid.actors[t.a], grid.actors[t.b], t.raw, t.weight])

describe('one-mode ties', () => {
  it('congruence: Σ_j Σ_k x[i][j][k]·x[i′][j][k]', () => {
    // P–Q: favor on t1, 2·1; Q–R: neutral on t3, 1·1; P–R share nothing.
    expect(weights('congruence', 'none')).toEqual([
      ['p', 'q', 2, 2],
      ['q', 'r', 1, 1],
    ])
  })

  it('conflict: favor against against on the same target', () => {
    // P–Q: t2, P against 1 · Q favor 1.
    expect(weights('conflict', 'none')).toEqual([['p', 'q', 1, 1]])
  })

  it('average activity divides by (A(i) + A(i′)) / 2', () => {
    expect(weights('congruence', 'average')).toEqual([
      ['p', 'q', 2, 2 / 3],
      ['q', 'r', 1, 1 / 2],
    ])
    expect(weights('conflict', 'average')).toEqual([['p', 'q', 1, 1 / 3]])
  })

  it('Jaccard divides by the stances only one of them took plus the product of the shared ones', () => {
    // P–Q: m10 = P's t2 against (Q has no t2 against) = 1; m01 = Q's t2 favor + t3 neutral = 2; m11 = 2·1 → 5.
    // Q–R: m10 = Q's t1 favor + t2 favor = 2; m01 = 0; m11 = 1 → 3.
    expect(weights('congruence', 'jaccard')).toEqual([
      ['p', 'q', 2, 2 / 5],
      ['q', 'r', 1, 1 / 3],
    ])
    expect(weights('conflict', 'jaccard')).toEqual([['p', 'q', 1, 1 / 5]])
  })

  it('names the targets and statements behind a tie', () => {
    const [pq] = ties(grid, 'congruence')
    expect(pq!.targets).toBe(1)
    expect(pq!.cells.flatMap((c) => cellStatements(grid, c).map((s) => s.id))).toEqual(['p1', 'p2', 'q1'])
  })
})
