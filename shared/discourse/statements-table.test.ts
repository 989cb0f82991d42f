import { describe, expect, it } from 'vitest'
import { defaultLabels } from '../model/labels'
import { discourseLayer, source, stance } from '../testing/discourse-layers'
import { buildStatements } from './statements'
import { statementsHeader, statementsTable } from './statements-table'

const text = 'Iran said it backs Hamas. Critics condemned Hamas.'
const layers = [
  discourseLayer({
    document: 'a',
    title: 'Axis',
    annotator: 'maria',
    text,
    marks: [
      source('iran', 'Iran', 'government', 'Islamic Republic of Iran'),
      stance('s1', 'backs Hamas', 'favor', 'Hamas', 'iran'),
      stance('s2', 'condemned Hamas', 'against', 'Hamas'),
    ],
  }),
  discourseLayer({ document: 'b', annotator: 'maria', text, marks: [stance('s3', 'backs Hamas', undefined, 'HAMAS', undefined)] }),
]

describe('the statements table as rows', () => {
  const set = buildStatements({
    labels: defaultLabels,
    layers,
    properties: { a: { date: '2023-10-07', outlet: 'Haaretz' }, b: { url: 'https://example.org/b' } },
  })
  const { header, rows } = statementsTable(set)
  const cell = (row: number, column: string) => rows[row]![header.indexOf(column)]

  it('has the document, its properties, then the statement, its target and its source', () => {
    expect(header).toEqual([
      'document_id',
      'document_title',
      'property.date',
      'property.outlet',
      'property.url',
      'layer',
      'statement_id',
      'label',
      'start',
      'end',
      'quote',
      'polarity',
      'target',
      'target_key',
      'target_label',
      'source_id',
      'source_text',
      'source_name',
      'source_kind',
      'actor_key',
      'actor_label',
    ])
    expect(statementsHeader([])).toHaveLength(18)
  })

  it('writes one row per statement with offsets as numbers and the resolved actor and target', () => {
    expect(rows).toHaveLength(3)
    expect(rows[0]).toEqual([
      'a',
      'Axis',
      '2023-10-07',
      'Haaretz',
      '',
      'maria',
      's1',
      'stance',
      13,
      24,
      'backs Hamas',
      'favor',
      'Hamas',
      'hamas',
      'Hamas',
      'iran',
      'Iran',
      'Islamic Republic of Iran',
      'government',
      'islamic republic of iran',
      'Islamic Republic of Iran',
    ])
  })

  it('leaves the source and actor cells of an unlinked stance empty, and its polarity empty when unset', () => {
    expect([cell(2, 'source_id'), cell(2, 'actor_key'), cell(2, 'actor_label'), cell(2, 'polarity')]).toEqual(['', '', '', ''])
    expect([cell(2, 'target'), cell(2, 'target_key'), cell(2, 'target_label')]).toEqual(['HAMAS', 'hamas', 'Hamas'])
    expect([cell(2, 'property.date'), cell(2, 'property.url')]).toEqual(['', 'https://example.org/b'])
  })

  it('writes a polarity option other than favor, against and neutral as written, though the views count it as unset', () => {
    const mixed = buildStatements({
      labels: defaultLabels,
      layers: [discourseLayer({ document: 'c', annotator: 'maria', text, marks: [stance('s4', 'backs Hamas', 'mixed', 'Hamas')] })],
    })
    expect(mixed.statements[0]!.polarity).toBeNull()
    const table = statementsTable(mixed)
    expect(table.rows[0]![table.header.indexOf('polarity')]).toBe('mixed')
  })

  it('writes a filtered subset in the order given', () => {
    const subset = statementsTable(set, [set.statements[2]!, set.statements[0]!])
    expect(subset.rows.map((r) => r[subset.header.indexOf('statement_id')])).toEqual(['s3', 's1'])
  })
})
