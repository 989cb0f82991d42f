import { describe, expect, it } from 'vitest'
import { defaultLabels } from '../model/labels'
import { debateLayer } from '../testing/discourse-corpus'
import { buildNetwork } from './network'
import { edgeColumns, edgeTable, nodeTable } from './network-columns'
import { buildStatements } from './statements'

const dated = buildStatements({ labels: defaultLabels, layers: [debateLayer()], properties: { debate: { date: '2023-10-10' } } })
const undated = buildStatements({ labels: defaultLabels, layers: [debateLayer()] })

describe('node and edge lists', () => {
  it('lists nodes with their attributes', () => {
    const t = nodeTable(buildNetwork(dated, { mode: 'actor-target' }))
    expect(t.header).toEqual(['id', 'label', 'key', 'mode', 'kind', 'degree', 'favor', 'against', 'neutral', 'unset', 'stances'])
    expect(t.rows[2]).toEqual(['actor:kremlin', 'Kremlin', 'kremlin', 'actor', 'government', 3, 1, 2, 1, 0, 4])
    expect(t.rows[6]).toEqual(['target:strikes', 'Strikes', 'strikes', 'target', '', 2, 1, 2, 0, 0, 3])
  })

  it('lists two-mode edges with signed and unset counts, dates and the statements behind them', () => {
    const t = edgeTable(buildNetwork(dated, { mode: 'actor-target', normalization: 'activity' }))
    expect(t.header).toEqual([
      'id',
      'source',
      'target',
      'weight',
      'raw',
      'signed',
      'favor',
      'against',
      'neutral',
      'unset',
      'first_date',
      'last_date',
      'statements',
    ])
    expect(t.rows[5]).toEqual([
      'e5',
      'actor:kremlin',
      'target:strikes',
      0.5,
      2,
      -2,
      0,
      2,
      0,
      0,
      '2023-10-10',
      '2023-10-10',
      'debate/maria/a2 debate/maria/a3',
    ])
  })

  it('lists one-mode edges with the number of targets and no signed or unset column', () => {
    const t = edgeTable(buildNetwork(undated, { mode: 'conflict' }))
    expect(t.header).toEqual(['id', 'source', 'target', 'weight', 'raw', 'favor', 'against', 'neutral', 'targets', 'statements'])
    expect(t.rows[1]!.slice(0, 9)).toEqual(['e1', 'actor:kremlin', 'actor:netanyahu', 3, 3, 2, 3, 0, 2])
  })

  it('declares dates only when some statement behind an edge is dated', () => {
    expect(edgeColumns(buildNetwork(undated, { mode: 'actor-target' })).map((c) => c.id)).not.toContain('first_date')
    expect(edgeColumns(buildNetwork(dated, { mode: 'congruence' })).map((c) => c.id)).toContain('last_date')
  })
})
