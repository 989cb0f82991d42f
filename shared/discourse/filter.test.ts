import { describe, expect, it } from 'vitest'
import { DomainError } from '../errors'
import { defaultLabels } from '../model/labels'
import { claim, discourseLayer, source, stance } from '../testing/discourse-layers'
import { checkDateRange, filterStatements, withoutDuplicates } from './filter'
import { buildStatements } from './statements'

const text = 'Iran said it backs Hamas. The minister said Iran backs Hamas. Critics condemned Hamas.'
const marks = [
  source('iran', 'Iran', 'government'),
  source('minister', 'The minister', 'person'),
  source('critics', 'Critics'),
  stance('s1', 'backs Hamas', 'favor', 'Hamas', 'iran'),
  stance('s2', 'backs Hamas', 'favor', 'hamas', 'minister', 2),
  stance('s3', 'condemned Hamas', 'against', 'Hamas', 'critics'),
  claim('c1', 'said it', 'iran'),
  stance('s4', 'Iran backs', 'favor', 'Iran'),
]
const set = buildStatements({
  labels: defaultLabels,
  layers: [
    discourseLayer({ document: 'oct', annotator: 'maria', text, marks }),
    discourseLayer({ document: 'nov', annotator: 'maria', text, marks }),
    discourseLayer({ document: 'nov', annotator: '_reviewed', text, marks }),
    discourseLayer({ document: 'undated', annotator: 'maria', text, marks }),
  ],
  properties: { oct: { date: '2023-10-09' }, nov: { date: '2023-11-01' } },
})
const refs = (filter: Parameters<typeof filterStatements>[1]) => filterStatements(set.statements, filter).map((s) => s.ref)

describe('filtering statements', () => {
  it('keeps everything without a filter', () => {
    expect(filterStatements(set.statements)).toHaveLength(20)
  })

  it('keeps layers, documents and labels asked for', () => {
    expect(refs({ layers: ['_reviewed'], labels: ['claim'] })).toEqual(['nov/_reviewed/c1'])
    expect(refs({ documents: ['oct'], labels: ['claim'] })).toEqual(['oct/maria/c1'])
  })

  it('keeps a date range, both ends included, leaving out undated documents', () => {
    expect(new Set(filterStatements(set.statements, { from: '2023-10-09', to: '2023-10-31' }).map((s) => s.documentId))).toEqual(
      new Set(['oct']),
    )
    expect(new Set(filterStatements(set.statements, { from: '2023-10-10' }).map((s) => s.documentId))).toEqual(new Set(['nov']))
    expect(new Set(filterStatements(set.statements, { to: '2023-11-01' }).map((s) => s.documentId))).toEqual(new Set(['oct', 'nov']))
  })

  it('keeps source kinds asked for, and unlinked statements so they stay counted', () => {
    expect(refs({ documents: ['oct'], sourceKinds: ['person'] })).toEqual(['oct/maria/s4', 'oct/maria/s2'])
    expect(refs({ documents: ['oct'], sourceKinds: [''] })).toEqual(['oct/maria/s4', 'oct/maria/s3'])
  })

  it('refuses a date range that is not one, in one sentence', () => {
    expect(() => checkDateRange({ from: '2023-10-32' })).toThrow(DomainError)
    expect(() => filterStatements(set.statements, { from: '1.10.2023' })).toThrow(/write it as yyyy-mm-dd/)
    expect(() => checkDateRange({ from: '2023-11-01', to: '2023-10-01' })).toThrow(/ends \(2023-10-01\) before it starts/)
    expect(() => checkDateRange({ from: '2023-10-01', to: '2023-10-01' })).not.toThrow()
  })
})

describe('duplicates', () => {
  it('counts one actor-target-polarity stance once per document across layers, keeping the rest', () => {
    const doubled = buildStatements({
      labels: defaultLabels,
      layers: [
        discourseLayer({
          document: 'a',
          annotator: 'maria',
          text,
          marks: [...marks, stance('s5', 'Iran said it backs Hamas', 'favor', ' HAMAS', 'iran')],
        }),
        discourseLayer({ document: 'a', annotator: 'jonas', text, marks }),
      ],
    })
    expect(withoutDuplicates(doubled.statements, 'include')).toHaveLength(11)
    // In text order maria's s5 (iran, hamas, favor) comes first, so her s1 repeats it; jonas's s1, s2
    // and s3 repeat maria's; claims and unlinked stances (s4) are all kept.
    expect(withoutDuplicates(doubled.statements, 'document').map((s) => s.ref)).toEqual([
      'a/maria/s5',
      'a/maria/c1',
      'a/maria/s4',
      'a/maria/s2',
      'a/maria/s3',
      'a/jonas/c1',
      'a/jonas/s4',
    ])
  })
})
