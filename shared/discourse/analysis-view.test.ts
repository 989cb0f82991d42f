import { describe, expect, it } from 'vitest'
import type { ExportLayer, LayerAnnotation } from '../interchange/layer'
import type { Link } from '../model/annotation'
import { defaultLabels } from '../model/labels'
import { keptStatements } from './filter'
import { matrixCountsOf, matrixOf } from './matrix'
import { networkOf, networkTiesOf, type NetworkEdge } from './network'
import { buildStatements, type StatementSet } from './statements'

const STAMP = '2026-01-01T00:00:00.000Z'

/** A pseudo-random generator (LCG) of integers in [0, n). */
function generator(seed: number): (n: number) => number {
  let s = seed >>> 0
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return Math.floor((s / 4_294_967_296) * n)
  }
}

/**
 * A debate too big for the view to show whole: 2 annotators × 12 documents dated across 2023,
 * each with 60 sources (700 actors, a few of them very active), 120 stances on 70 targets (some
 * unlinked, some untargeted, some with no polarity) and 20 claims.
 */
function bigDebate(): StatementSet {
  const layers: ExportLayer[] = []
  const properties: Record<string, { date: string }> = {}
  for (let d = 0; d < 12; d++) {
    const id = `doc-${d}`
    properties[id] = { date: `2023-${String(1 + d).padStart(2, '0')}-15` }
    for (const annotator of ['ann', 'bea']) {
      const random = generator(1 + d * 31 + annotator.length * 7 + (annotator === 'bea' ? 5 : 0))
      const annotations: LayerAnnotation[] = []
      const links: Link[] = []
      const add = (n: number, label: string, attributes: Record<string, string>) => {
        const start = n * 20
        annotations.push({
          id: `${label}-${n}`,
          label,
          target: {
            position: { type: 'TextPositionSelector', start, end: start + 10 },
            quote: { type: 'TextQuoteSelector', exact: `quote ${n}`.padEnd(10, '.'), prefix: '', suffix: '' },
          },
          attributes,
          note: '',
          author: annotator,
          created: STAMP,
          modified: STAMP,
        })
      }
      for (let i = 0; i < 60; i++) {
        // Skewed: the first actors speak far more often than the rest.
        const actor = Math.floor(700 * (random(1000) / 1000) ** 3)
        add(i, 'source', { kind: ['person', 'media', ''][random(3)]!, name: `Actor ${actor}` })
      }
      for (let i = 60; i < 80; i++) {
        add(i, 'claim', {})
        links.push({ id: `l-${i}`, type: 'attribution', from: `claim-${i}`, to: `source-${random(60)}`, author: annotator, created: STAMP })
      }
      for (let i = 80; i < 200; i++) {
        const polarity = ['favor', 'against', 'neutral', ''][random(4)]!
        add(i, 'stance', { target: random(15) === 0 ? '' : `Target ${random(70)}`, ...(polarity ? { polarity } : {}) })
        if (random(8) > 0)
          links.push({
            id: `l-${i}`,
            type: 'attribution',
            from: `stance-${i}`,
            to: `source-${random(60)}`,
            author: annotator,
            created: STAMP,
          })
      }
      layers.push({
        document: { id, title: `Document ${d}`, sha256: '0'.repeat(64), file: `texts/${id}.txt` },
        annotator,
        annotations,
        links,
      })
    }
  }
  return buildStatements({ labels: defaultLabels, layers, properties })
}

const set = bigDebate()

const without = ({ statements: _s, dates: _d, ...tie }: NetworkEdge) => tie

describe('the counts the view is made from', () => {
  const kept = keptStatements(set.statements, { layers: ['ann', 'bea'], to: '2023-08-31' })

  it('are the matrix without the statements behind its cells', () => {
    const full = matrixOf(set, kept)
    expect(matrixCountsOf(set, kept)).toEqual({
      rows: full.rows,
      columns: full.columns.map((c) => ({ target: c.target, counts: c.counts, unlinked: { counts: c.unlinked.counts } })),
      groups: full.groups,
      cells: full.cells.map((c) => ({ row: c.row, column: c.column, counts: c.counts })),
      total: full.total,
      unlinked: { counts: full.unlinked.counts },
      untargeted: { counts: full.untargeted.counts },
    })
  })

  it('are each network without the statements and dates behind its edges', () => {
    for (const mode of ['actor-target', 'congruence', 'conflict'] as const) {
      const full = networkOf(set, kept, { mode })
      expect(networkTiesOf(set, kept, { mode })).toEqual({ ...full, edges: full.edges.map(without) })
    }
  })
})
