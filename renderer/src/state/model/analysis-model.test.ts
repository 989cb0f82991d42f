import { describe, expect, it } from 'vitest'
import { defaultLabels, type LabelSchema } from '../../../../shared/model/labels'
import {
  cellColour,
  countsSentence,
  documentMatches,
  filterOf,
  layerOptions,
  narrowOf,
  noChoice,
  otherPolaritiesSentence,
  polarityNames,
} from './analysis-model'

const docs: { id: string; title: string; properties: Record<string, string> }[] = [
  { id: 'a', title: 'Putin’s muted response', properties: { date: '2023-10-12', outlet: 'CBC News' } },
  { id: 'b', title: 'Russia and Hamas', properties: { date: '2023-11-07' } },
  { id: 'c', title: 'Interview', properties: {} },
  { id: 'd', title: 'Café “quoted” — Ünïcödé', properties: { outlet: 'Le Monde' } },
]

describe('the analysis view’s choices', () => {
  it('finds documents by title, property value or "name: value", in any case', () => {
    expect(docs.filter((d) => documentMatches(d, 'cbc')).map((d) => d.id)).toEqual(['a'])
    expect(docs.filter((d) => documentMatches(d, '2023-1')).map((d) => d.id)).toEqual(['a', 'b'])
    expect(docs.filter((d) => documentMatches(d, 'outlet: cbc')).map((d) => d.id)).toEqual(['a'])
    expect(docs.filter((d) => documentMatches(d, 'HAMAS')).map((d) => d.id)).toEqual(['b'])
    expect(docs.filter((d) => documentMatches(d, '  ')).map((d) => d.id)).toEqual(['a', 'b', 'c', 'd'])
  })

  it('finds them whatever their accents and quotes, as Find does (it was accent-sensitive)', () => {
    expect(docs.filter((d) => documentMatches(d, 'cafe')).map((d) => d.id)).toEqual(['d'])
    expect(docs.filter((d) => documentMatches(d, 'unicode')).map((d) => d.id)).toEqual(['d'])
    expect(docs.filter((d) => documentMatches(d, '"quoted"')).map((d) => d.id)).toEqual(['d'])
    expect(docs.filter((d) => documentMatches(d, "putin's")).map((d) => d.id)).toEqual(['a'])
    expect(docs.filter((d) => documentMatches(d, 'outlet: le monde')).map((d) => d.id)).toEqual(['d'])
  })

  it('turns the choice into the contract’s filter: every annotator for "all", the ids of matching documents', () => {
    expect(filterOf(noChoice, docs, ['jonas', 'maria', '_reviewed'])).toEqual({
      layers: null,
      documents: null,
      from: null,
      to: null,
      labels: null,
      sourceKinds: null,
      duplicates: 'include',
    })
    const f = filterOf({ ...noChoice, layer: 'all', documents: 'cbc', from: '2023-10-01', oncePerDocument: true }, docs, [
      'jonas',
      'maria',
      '_reviewed',
    ])
    expect(f).toMatchObject({ layers: ['jonas', 'maria'], documents: ['a'], from: '2023-10-01', to: null, duplicates: 'document' })
    expect(filterOf({ ...noChoice, documents: 'nothing like it' }, docs, []).documents).toEqual([])
    expect(filterOf({ ...noChoice, layer: '_reviewed' }, docs, []).layers).toEqual(['_reviewed'])
  })

  it('narrows to a cell, a node or the unlinked stances', () => {
    expect(narrowOf(null)).toEqual({ stances: false, search: '' })
    expect(narrowOf({ kind: 'cell', actor: 'kremlin', target: 'israel', actorLabel: 'Kremlin', targetLabel: 'Israel' })).toEqual({
      actor: 'kremlin',
      target: 'israel',
      stances: true,
      search: '',
    })
    expect(narrowOf({ kind: 'target', key: 'israel', label: 'Israel' })).toEqual({ target: 'israel', stances: true, search: '' })
    expect(narrowOf({ kind: 'unlinked' })).toEqual({ actor: null, stances: true, search: '' })
  })

  it('offers the reviewed layer as the default once it exists, and every layer with its statements', () => {
    const before = layerOptions({
      reviewed: false,
      layers: [
        { name: 'jonas', statements: 27 },
        { name: 'maria', statements: 28 },
      ],
    })
    expect(before.map((o) => o.label)).toEqual(['All annotators (default)', 'jonas (27)', 'maria (28)'])
    const after = layerOptions({
      reviewed: true,
      layers: [
        { name: 'jonas', statements: 27 },
        { name: 'maria', statements: 28 },
        { name: '_reviewed', statements: 9 },
      ],
    })
    // Every number is of statements: all annotators' together, then each layer's.
    expect(after.map((o) => [o.value, o.label])).toEqual([
      ['default', 'Reviewed layer (9, the default)'],
      ['all', 'All annotators (55)'],
      ['jonas', 'jonas (27)'],
      ['maria', 'maria (28)'],
    ])
  })

  it('colours a cell by its leaning and says its counts in words', () => {
    const c = (favor: number, against: number, neutral = 0, unset = 0) => ({
      favor,
      against,
      neutral,
      unset,
      total: favor + against + neutral + unset,
    })
    expect(cellColour(c(2, 0), 2)).toMatch(/^rgb\(46 125 79 \/ 0\.670\)$/)
    expect(cellColour(c(0, 1), 4)).toMatch(/^rgb\(179 54 43 /)
    expect(cellColour(c(1, 1, 1), 3)).toMatch(/^rgb\(122 127 135 /)
    expect(countsSentence(c(3, 1, 0, 2))).toBe('3 for, 1 against, 2 with no polarity')
    expect(countsSentence(c(0, 0))).toBe('none')
  })
})

describe('polarities as the tag set names them', () => {
  const renamed: LabelSchema = defaultLabels.map((l) =>
    l.id !== 'stance'
      ? l
      : {
          ...l,
          name: 'Position',
          attributes: l.attributes.map((a) =>
            a.type === 'choice' && a.id === 'polarity'
              ? {
                  ...a,
                  options: [
                    ...a.options.map((o) => (o.value === 'against' ? { ...o, name: 'oppose' } : o)),
                    { value: 'mixed', name: 'mixed' },
                  ],
                }
              : a,
          ),
        },
  )

  it('reads for, against and neutral until an option is renamed, then its name', () => {
    expect(polarityNames(defaultLabels)).toEqual({ favor: 'for', against: 'against', neutral: 'neutral' })
    const names = polarityNames(renamed)
    expect(names).toEqual({ favor: 'for', against: 'oppose', neutral: 'neutral' })
    expect(countsSentence({ favor: 2, against: 1, neutral: 0, unset: 0, total: 3 }, names)).toBe('2 for, 1 oppose')
  })

  it('says which stances have a polarity Analysis does not count', () => {
    expect(otherPolaritiesSentence([{ value: 'mixed', stances: 2 }], polarityNames(renamed), (v) => v.toUpperCase())).toBe(
      '2 stances have a polarity other than for, oppose and neutral (MIXED 2); Analysis counts them as having none.',
    )
  })
})
