import { describe, expect, it } from 'vitest'
import { defaultLabels } from '../model/labels'
import { debateLayer } from '../testing/discourse-corpus'
import { NO_SOURCE_LABEL, overTime, overTimeTable } from './over-time'
import { buildStatements } from './statements'

// The debate three times: on Tuesday 10 October 2023 (ISO week 41), Thursday 2 November 2023
// (week 44), and in a document with no date. Per copy: Kremlin 4 stances (favor 1, against 2,
// neutral 1), Hamas 2 (favor 1, unset 1), Netanyahu 2 (favor 1, against 1; his third stance has
// no target), Biden 1 (neutral), and 1 with no source (against).
const set = buildStatements({
  labels: defaultLabels,
  layers: [debateLayer('oct'), debateLayer('nov'), debateLayer('undated')],
  properties: { oct: { date: '2023-10-10' }, nov: { date: '2023-11-02T09:00:00Z' }, undated: { date: 'autumn' } },
})
const c = (favor: number, against: number, neutral: number, unset: number) => ({
  favor,
  against,
  neutral,
  unset,
  total: favor + against + neutral + unset,
})

describe('stances over time', () => {
  it('counts each actor per month, undated stances apart, the unlinked series last', () => {
    const t = overTime(set, { by: 'actor', unit: 'month' })
    expect(t.buckets).toEqual(['2023-10', '2023-11'])
    expect(t.series.map((s) => [s.key, s.label, s.kind, s.total.total])).toEqual([
      ['kremlin', 'Kremlin', 'government', 12],
      ['hamas', 'Hamas', 'organization', 6],
      ['netanyahu', 'Netanyahu', 'person', 6],
      ['biden', 'Biden', 'person', 3],
      [null, NO_SOURCE_LABEL, '', 3],
    ])
    expect(t.series[0]!.counts).toEqual([c(1, 2, 1, 0), c(1, 2, 1, 0)])
    expect(t.series[0]!.undated).toEqual(c(1, 2, 1, 0))
    expect(t.counts).toEqual([c(3, 4, 2, 1), c(3, 4, 2, 1)])
    expect(t.undated).toEqual(c(3, 4, 2, 1))
    expect(t.untargeted).toEqual(['oct/maria/b3', 'nov/maria/b3', 'undated/maria/b3'])
  })

  it('lists every ISO week between the first and last date, empty ones included', () => {
    const t = overTime(set, { by: 'actor', unit: 'week' })
    expect(t.buckets).toEqual(['2023-W41', '2023-W42', '2023-W43', '2023-W44'])
    expect(t.series[3]!.counts.map((x) => x.total)).toEqual([1, 0, 0, 1])
  })

  it('counts each target per year, unlinked stances included', () => {
    const t = overTime(set, { by: 'target', unit: 'year' })
    expect(t.buckets).toEqual(['2023'])
    expect(t.series.map((s) => [s.key, s.label, s.total.total])).toEqual([
      ['strikes', 'Strikes', 12],
      ['ceasefire', 'ceasefire', 9],
      ['israel', 'Israel', 9],
    ])
    expect(t.series[0]!.counts).toEqual([c(2, 6, 0, 0)])
    expect(t.series[0]!.undated).toEqual(c(1, 3, 0, 0))
  })

  it('has no undated stances once a date range is set, and no buckets without dates', () => {
    expect(overTime(set, { by: 'actor', unit: 'month', filter: { from: '2023-11-01' } })).toMatchObject({
      buckets: ['2023-11'],
      undated: c(0, 0, 0, 0),
    })
    expect(overTime(set, { by: 'actor', unit: 'month', filter: { documents: ['undated'] } }).buckets).toEqual([])
  })

  it('is a long table with zeros for empty buckets and an undated row', () => {
    const t = overTimeTable(overTime(set, { by: 'actor', unit: 'week' }))
    expect(t.header).toEqual(['bucket', 'actor_key', 'actor_label', 'actor_kind', 'favor', 'against', 'neutral', 'unset', 'total'])
    expect(t.rows).toHaveLength(5 * 5)
    expect(t.rows.slice(0, 5)).toEqual([
      ['2023-W41', 'kremlin', 'Kremlin', 'government', 1, 2, 1, 0, 4],
      ['2023-W42', 'kremlin', 'Kremlin', 'government', 0, 0, 0, 0, 0],
      ['2023-W43', 'kremlin', 'Kremlin', 'government', 0, 0, 0, 0, 0],
      ['2023-W44', 'kremlin', 'Kremlin', 'government', 1, 2, 1, 0, 4],
      ['undated', 'kremlin', 'Kremlin', 'government', 1, 2, 1, 0, 4],
    ])
    expect(t.rows[24]).toEqual(['undated', '', NO_SOURCE_LABEL, '', 0, 1, 0, 0, 1])
    expect(overTimeTable(overTime(set, { by: 'target', unit: 'year' })).header).toEqual([
      'bucket',
      'target_key',
      'target_label',
      'favor',
      'against',
      'neutral',
      'unset',
      'total',
    ])
  })
})
