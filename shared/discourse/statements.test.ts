import { describe, expect, it } from 'vitest'
import { defaultLabels } from '../model/labels'
import type { DocumentEntry } from '../model/project'
import { sliceCodePoints } from '../offsets'
import { claim, discourseLayer, source, stance } from '../testing/discourse-layers'
import { buildStatements, countStance, documentProperties, noStances } from './statements'

const TEXT = [
  '🇮🇱 Kremlin spokesman Dmitry Peskov spoke on Tuesday.',
  '',
  'He said Moscow opposes the strikes on Gaza and backs talks with Israel.',
  'Hamas officials praised the attack. Others condemned israel .',
].join('\n')

const maria = discourseLayer({
  document: 'peskov',
  title: 'Peskov speaks',
  annotator: 'maria',
  text: TEXT,
  marks: [
    source('s-peskov', 'Kremlin spokesman Dmitry Peskov', 'person', 'Dmitry Peskov'),
    source('s-hamas', 'Hamas officials', 'organization'),
    stance('st-strikes', 'opposes the strikes on Gaza', 'against', 'the strikes on Gaza', 's-peskov'),
    stance('st-talks', 'backs talks with Israel', 'favor', 'Israel', 's-peskov'),
    stance('st-attack', 'praised the attack', 'favor', 'the attack', 's-hamas'),
    stance('st-unlinked', 'condemned israel ', 'against', ' israel '),
    claim('c-war', 'Moscow opposes the strikes', 's-peskov'),
  ],
})

describe('the statements table', () => {
  const set = buildStatements({ labels: defaultLabels, layers: [maria], properties: { peskov: { date: '2023-10-10', outlet: 'CBC' } } })
  const row = (id: string) => set.statements.find((s) => s.id === id)!

  it('has one row per claim and per stance, in text order, and none for sources', () => {
    expect(set.statements.map((s) => s.id)).toEqual(['c-war', 'st-strikes', 'st-talks', 'st-attack', 'st-unlinked'])
    expect(set.statements.map((s) => s.label)).toEqual(['claim', 'stance', 'stance', 'stance', 'stance'])
  })

  it('gives offsets in code points, so Python slicing the text gives the quote', () => {
    const s = row('st-talks')
    expect(s.quote).toBe('backs talks with Israel')
    expect(sliceCodePoints(TEXT, s.start, s.end)).toBe(s.quote)
    expect(s.start).toBe(TEXT.indexOf('backs talks') - 2)
  })

  it('joins a stance with its source in another paragraph, and the document with its properties', () => {
    const s = row('st-talks')
    expect(s.source).toEqual({ id: 's-peskov', text: 'Kremlin spokesman Dmitry Peskov', name: 'Dmitry Peskov', kind: 'person' })
    expect(s).toMatchObject({
      ref: 'peskov/maria/st-talks',
      documentId: 'peskov',
      documentTitle: 'Peskov speaks',
      layer: 'maria',
      date: '2023-10-10',
    })
    expect(s.properties).toEqual({ date: '2023-10-10', outlet: 'CBC' })
    expect(s).toMatchObject({ stance: true, target: 'Israel', targetKey: 'israel', polarity: 'favor', actorKey: 'dmitry peskov' })
    expect(set.propertyKeys).toEqual(['date', 'outlet'])
  })

  it('names an actor by canonical name, else by the source text, normalised', () => {
    expect(row('st-attack').actorKey).toBe('hamas officials')
    expect(set.actors).toEqual([
      { key: 'dmitry peskov', label: 'Dmitry Peskov', kind: 'person' },
      { key: 'hamas officials', label: 'Hamas officials', kind: 'organization' },
    ])
  })

  it('folds a target written two ways into one, labelled by a spelling used', () => {
    expect(row('st-unlinked').target).toBe(' israel ')
    expect(row('st-unlinked').targetKey).toBe('israel')
    expect(set.targets.find((t) => t.key === 'israel')).toEqual({ key: 'israel', label: 'Israel' })
    expect(set.targets.map((t) => t.key)).toEqual(['israel', 'the attack', 'the strikes on gaza'])
  })

  it('keeps an unlinked stance with no source and no actor', () => {
    expect(row('st-unlinked')).toMatchObject({ source: null, actorKey: null, polarity: 'against' })
  })

  it('gives claims no target or polarity', () => {
    expect(row('c-war')).toMatchObject({ stance: false, target: '', targetKey: null, polarity: null, actorKey: 'dmitry peskov' })
  })
})

describe('resolving actors across layers and documents', () => {
  it('takes the most frequent kind and spelling, counting each source annotation once', () => {
    const text = 'The IDF said it struck. The idf said more. The I.D.F. denied it.'
    const layer = discourseLayer({
      document: 'idf',
      annotator: 'jonas',
      text,
      marks: [
        source('s1', 'The IDF', 'government', 'IDF'),
        source('s2', 'The idf', 'organization', 'idf'),
        source('s3', 'The I.D.F.', 'organization', ' IDF'),
        stance('a', 'struck', 'favor', 'strikes', 's1'),
        stance('b', 'said more', 'favor', 'strikes', 's1'),
        stance('c', 'said it', 'favor', 'strikes', 's1'),
        stance('d', 'denied it', 'against', 'strikes', 's3'),
        claim('e', 'said more', 's2'),
      ],
    })
    const set = buildStatements({ labels: defaultLabels, layers: [layer] })
    // Three source annotations: IDF (government), idf (organization), IDF (organization); s1's three stances count once.
    expect(set.actors).toEqual([{ key: 'idf', label: 'IDF', kind: 'organization' }])
  })

  it('ignores a link the link rule does not allow, leaving the stance unlinked', () => {
    const layer = discourseLayer({
      document: 'd',
      annotator: 'maria',
      text: 'Iran said it backs Hamas.',
      marks: [claim('c', 'Iran said'), stance('s', 'backs Hamas', 'favor', 'Hamas')],
    })
    const broken = {
      ...layer,
      links: [{ id: 'l', type: 'attribution' as const, from: 's', to: 'c', author: 'maria', created: '2026-01-01T00:00:00.000Z' }],
    }
    const set = buildStatements({ labels: defaultLabels, layers: [broken] })
    expect(set.statements.find((s) => s.id === 's')).toMatchObject({ source: null, actorKey: null })
  })

  it('reads the reviewed layer like any other, named _reviewed', () => {
    const text = 'Iran said it backs Hamas.'
    const marks = [source('src', 'Iran', 'government'), stance('s', 'backs Hamas', 'favor', 'Hamas', 'src')]
    const set = buildStatements({
      labels: defaultLabels,
      layers: [
        discourseLayer({ document: 'd', annotator: 'maria', text, marks }),
        discourseLayer({ document: 'd', annotator: '_reviewed', text, marks }),
      ],
    })
    expect(set.statements.map((s) => s.ref)).toEqual(['d/maria/s', 'd/_reviewed/s'])
    expect(set.statements.map((s) => s.actorKey)).toEqual(['iran', 'iran'])
  })

  it('has no date when the date property is missing or not an ISO date', () => {
    const layer = (document: string) =>
      discourseLayer({ document, annotator: 'maria', text: 'Iran backs Hamas.', marks: [stance('s', 'backs Hamas', 'favor', 'Hamas')] })
    const set = buildStatements({
      labels: defaultLabels,
      layers: [layer('a'), layer('b'), layer('constructor')],
      properties: { a: { date: '10/07/2023' } },
    })
    expect(set.statements.map((s) => s.date)).toEqual([null, null, null])
    expect(set.statements[2]!.properties).toEqual({})
  })
})

describe('document properties and stance counts', () => {
  it("takes each document's properties from project.json", () => {
    const doc = { id: 'a', properties: { date: '2023-10-07', outlet: 'Haaretz' } } as unknown as DocumentEntry
    const bare = { id: 'b' } as unknown as DocumentEntry
    expect(documentProperties([doc, bare])).toEqual({ a: { date: '2023-10-07', outlet: 'Haaretz' }, b: {} })
  })

  it('counts unset polarity apart from the three', () => {
    const c = noStances()
    countStance(c, 'favor')
    countStance(c, null, 2)
    expect(c).toEqual({ favor: 1, against: 0, neutral: 0, unset: 2, total: 3 })
  })
})
