/**
 * The Analysis view against the modules it is made from, on a debate too big to show whole: what
 * it sends (the shown columns' cells, the drawn nodes' ties, the first series) is what the whole
 * matrix, network and counts over time have there, and the sizes it gives are the whole's.
 */
import { describe, expect, it } from 'vitest'
import type { ExportLayer, LayerAnnotation } from '../interchange/layer'
import type { Link } from '../model/annotation'
import { defaultLabels } from '../model/labels'
import {
  AnalysisFilter,
  DRAWN_NODES,
  NetworkChoice,
  OverTimeChoice,
  SHOWN_COLUMNS,
  SHOWN_SERIES,
  analysisView,
  bestConnected,
  networkOptions,
  viewBasis,
} from './analysis-view'
import { keptStatements, type StatementFilter } from './filter'
import { buildMatrix, matrixCountsOf, matrixOf } from './matrix'
import { buildNetwork, networkOf, networkTiesOf, type NetworkEdge } from './network'
import { overTime } from './over-time'
import { buildStatements, type StatementSet } from './statements'
import { seededIntegers } from '../testing/seeded'

const STAMP = '2026-01-01T00:00:00.000Z'

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
      const random = seededIntegers(1 + d * 31 + annotator.length * 7 + (annotator === 'bea' ? 5 : 0))
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
const documents = Array.from({ length: 12 }, (_, d) => ({
  id: `doc-${d}`,
  title: `Document ${d}`,
  date: `2023-${String(1 + d).padStart(2, '0')}-15`,
}))
const basis = viewBasis(set, documents, false)

/** The view for a filter (resolved as the contract would), and the filter the modules take. */
function viewFor(filter: StatementFilter & { layers: string[] }, choice: Partial<AnalysisFilter> = {}, network = NetworkChoice.parse({})) {
  const analysisFilter = AnalysisFilter.parse(choice)
  const view = analysisView(
    set,
    basis,
    { filter, layers: filter.layers },
    { filter: analysisFilter, network, overTime: OverTimeChoice.parse({}) },
  )
  return { view, duplicates: analysisFilter.duplicates }
}

const without = ({ statements: _s, dates: _d, ...tie }: NetworkEdge) => tie

describe('the Analysis view of a big debate', () => {
  const filters: [string, StatementFilter & { layers: string[] }, Partial<AnalysisFilter>][] = [
    ['every statement', { layers: ['ann', 'bea'] }, {}],
    [
      'one layer from March to October, repeats counted once',
      { layers: ['bea'], from: '2023-03-01', to: '2023-10-31' },
      { duplicates: 'document' },
    ],
  ]

  it('is big enough to be cut: more nodes, targets and series than the view shows', () => {
    const full = buildNetwork(set, { mode: 'actor-target' })
    expect(full.nodes.length).toBeGreaterThan(DRAWN_NODES)
    expect(buildMatrix(set).columns.length).toBeGreaterThan(SHOWN_COLUMNS)
    expect(overTime(set, { by: 'actor', unit: 'month' }).series.length).toBeGreaterThan(SHOWN_SERIES)
  })

  for (const [name, filter, choice] of filters) {
    describe(name, () => {
      const { view, duplicates } = viewFor(filter, choice)

      it('counts the statements that pass the filter', () => {
        const kept = keptStatements(set.statements, filter, duplicates)
        expect(view.counts.statements).toBe(kept.length)
        expect(view.counts.stances).toBe(kept.filter((s) => s.stance).length)
        expect(view.counts.unlinked).toBe(kept.filter((s) => s.actorKey === null).length)
      })

      it('has the whole matrix’s rows and the shown columns’ cells, as the matrix filtered on its own has them', () => {
        const full = buildMatrix(set, { filter, duplicates })
        expect(view.matrix.rows).toEqual(full.rows)
        expect(view.matrix.groups).toEqual(full.groups)
        expect(view.matrix.columns).toEqual(
          full.columns.slice(0, SHOWN_COLUMNS).map((c) => ({ target: c.target, counts: c.counts, unlinked: c.unlinked.counts })),
        )
        expect(view.matrix.cells).toEqual(
          full.cells.filter((c) => c.column < SHOWN_COLUMNS).map((c) => ({ row: c.row, column: c.column, counts: c.counts })),
        )
        expect(view.matrix.all).toEqual({ columns: full.columns.length, cells: full.cells.length })
        expect(view.matrix.fullest).toBe(Math.max(...full.cells.map((c) => c.counts.total)))
        expect([view.matrix.total, view.matrix.unlinked, view.matrix.untargeted]).toEqual([
          full.total,
          full.unlinked.counts,
          full.untargeted.counts,
        ])
      })

      it('has the best-connected nodes, the ties among them as the whole network has them, and the whole network’s size', () => {
        const full = buildNetwork(set, networkOptions(NetworkChoice.parse({}), filter, duplicates))
        expect(view.network.all).toEqual({ nodes: full.nodes.length, edges: full.edges.length })
        expect(view.network.nodes).toEqual(bestConnected(full.nodes, DRAWN_NODES))
        // Actors and targets each have their share of the places, and no node left out is better
        // connected than one of its mode drawn.
        const drawn = new Set(view.network.nodes.map((n) => n.id))
        for (const mode of ['actor', 'target'] as const) {
          const ofMode = view.network.nodes.filter((n) => n.mode === mode)
          const share = full.nodes.filter((n) => n.mode === mode).length / full.nodes.length
          expect(Math.abs(ofMode.length - view.network.nodes.length * share)).toBeLessThanOrEqual(1)
          const last = ofMode.at(-1)!
          for (const n of full.nodes.filter((x) => x.mode === mode && !drawn.has(x.id))) expect(n.degree).toBeLessThanOrEqual(last.degree)
        }
        const among = full.edges.filter((e) => drawn.has(e.source) && drawn.has(e.target))
        expect(among.length).toBeGreaterThan(0)
        // Cut only when there are more nodes than are drawn.
        if (full.nodes.length > DRAWN_NODES) expect(among.length).toBeLessThan(full.edges.length)
        else expect(among.length).toBe(full.edges.length)
        expect(view.network.edges).toEqual(among.map(without))
        expect(view.network.used).toBe(full.summary.used)
        expect(view.network.unlinked).toBe(full.summary.unlinked.length)
      })

      it('has the series with the most stances over the same months, and counts them all', () => {
        const full = overTime(set, { by: 'actor', unit: 'month', filter, duplicates })
        expect(view.overTime.series).toEqual(full.series.slice(0, SHOWN_SERIES))
        expect(view.overTime.all).toEqual({ series: full.series.length })
        expect([view.overTime.buckets, view.overTime.counts, view.overTime.undated]).toEqual([full.buckets, full.counts, full.undated])
        expect(view.overTime.untargeted).toBe(full.untargeted.length)
      })
    })
  }

  it('draws the ties among the drawn actors of a one-mode network too', () => {
    const choice = NetworkChoice.parse({ mode: 'congruence', normalization: 'jaccard' })
    const { view } = viewFor({ layers: ['ann', 'bea'] }, {}, choice)
    const full = buildNetwork(set, networkOptions(choice, { layers: ['ann', 'bea'] }, 'include'))
    const drawn = new Set(view.network.nodes.map((n) => n.id))
    expect(view.network.all).toEqual({ nodes: full.nodes.length, edges: full.edges.length })
    expect(view.network.edges).toEqual(full.edges.filter((e) => drawn.has(e.source) && drawn.has(e.target)).map(without))
  })

  it('names the layers, kinds and first and last dates whatever the filter', () => {
    expect(basis.layers).toEqual([
      { name: 'ann', statements: set.statements.filter((s) => s.layer === 'ann').length },
      { name: 'bea', statements: set.statements.filter((s) => s.layer === 'bea').length },
    ])
    expect(basis.kinds).toEqual(['', 'media', 'person'])
    expect(basis.dates).toEqual({ first: '2023-01-15', last: '2023-12-15' })
    expect(viewBasis(set, [{ id: 'x', title: 'X', date: null }], true).dates).toBeNull()
  })
})

describe('a date range and undated documents', () => {
  it('counts the statements it leaves out only because their document has no date', () => {
    const undatedSet: StatementSet = {
      ...set,
      statements: set.statements.map((s) => (s.documentId === 'doc-0' ? { ...s, date: null } : s)),
    }
    const choice = { filter: AnalysisFilter.parse({}), network: NetworkChoice.parse({}), overTime: OverTimeChoice.parse({}) }
    const inDoc0 = set.statements.filter((s) => s.documentId === 'doc-0' && ['ann', 'bea'].includes(s.layer)).length
    expect(inDoc0).toBeGreaterThan(0)
    const ranged = analysisView(
      undatedSet,
      basis,
      { filter: { layers: ['ann', 'bea'], from: '2023-01-01' }, layers: ['ann', 'bea'] },
      choice,
    )
    expect(ranged.counts.undated).toBe(inDoc0)
    const open = analysisView(undatedSet, basis, { filter: { layers: ['ann', 'bea'] }, layers: ['ann', 'bea'] }, choice)
    expect(open.counts.undated).toBe(0)
    expect(open.counts.statements - ranged.counts.statements).toBe(inDoc0)
  })
})

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

describe('bestConnected', () => {
  const node = (id: string, mode: 'actor' | 'target', degree: number) => ({
    id,
    mode,
    degree,
    stances: { favor: 0, against: 0, neutral: 0, unset: 0, total: degree },
  })
  it('gives actors and targets places in proportion to their numbers, so a two-mode network is drawn with its ties', () => {
    // Five targets everyone takes a position on, and fifteen actors with a tie or two each.
    const nodes = [
      ...Array.from({ length: 5 }, (_, i) => node(`target:${i}`, 'target', 15 - i)),
      ...Array.from({ length: 15 }, (_, i) => node(`actor:${i}`, 'actor', 1 + (i % 2))),
    ]
    const kept = bestConnected(nodes, 8)
    expect(kept.map((n) => n.id)).toEqual(['target:0', 'target:1', 'actor:1', 'actor:11', 'actor:13', 'actor:3', 'actor:5', 'actor:7'])
    expect(bestConnected(nodes, 40)).toHaveLength(20)
    // One mode alone (a one-mode network): simply the best-connected.
    const actors = nodes.filter((n) => n.mode === 'actor')
    expect(bestConnected(actors, 3).map((n) => n.id)).toEqual(['actor:1', 'actor:11', 'actor:13'])
  })
})

describe('a polarity Analysis does not count', () => {
  it('counts as unset, and the view says which values and how many stances', () => {
    const annotation = (id: string, polarity: string | null): LayerAnnotation => ({
      id,
      label: 'stance',
      target: {
        position: { type: 'TextPositionSelector', start: 0, end: 5 },
        quote: { type: 'TextQuoteSelector', exact: 'Sanct', prefix: '', suffix: '' },
      },
      attributes: { target: 'Sanctions', ...(polarity === null ? {} : { polarity }) },
      note: '',
      author: 'ann',
      created: STAMP,
      modified: STAMP,
    })
    const small = buildStatements({
      labels: defaultLabels,
      layers: [
        {
          document: { id: 'd', title: 'D', sha256: '0'.repeat(64), file: 'texts/d.txt' },
          annotator: 'ann',
          annotations: [
            annotation('a', 'favor'),
            annotation('b', 'mixed'),
            annotation('c', null),
            annotation('d', 'mixed'),
            annotation('e', 'unclear'),
          ],
          links: [],
        },
      ],
    })
    expect(small.statements.map((s) => [s.polarity, s.otherPolarity])).toEqual([
      ['favor', ''],
      [null, 'mixed'],
      [null, ''],
      [null, 'mixed'],
      [null, 'unclear'],
    ])
    const view = analysisView(
      small,
      viewBasis(small, [{ id: 'd', title: 'D', date: null }], false),
      { filter: { layers: ['ann'] }, layers: ['ann'] },
      { filter: AnalysisFilter.parse({}), network: NetworkChoice.parse({}), overTime: OverTimeChoice.parse({}) },
    )
    expect(view.counts.otherPolarities).toEqual([
      { value: 'mixed', stances: 2 },
      { value: 'unclear', stances: 1 },
    ])
  })
})
