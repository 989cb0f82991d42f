import { describe, expect, it } from 'vitest'
import type { ExportLayer } from '../interchange/layer'
import { TextIndex } from '../offsets'
import { annotation, marked } from '../testing/builders'
import { EVERY_ROW, LayerRows, RetrieveIndex, groupRows } from './rows'

/** Two annotators' layers over one text: sources with canonical names, claims attributed to them. */
function layers(): ExportLayer[] {
  const { text, spans } = marked(
    '[Peskóv] said [the talks failed]. [Officials] said [the port\u00a0will close]. [Dmitry Peskov] denied [it all].',
  )
  const index = new TextIndex(text)
  const document = { id: 'd1', title: 'Talks', sha256: 'x'.repeat(64), file: 'texts/d1.txt' }
  const at = (i: number, label: string, extra = {}) => annotation(index, label, spans[i]!.start, spans[i]!.end, extra)
  const maria = [
    at(0, 'source', { id: 'm1', attributes: { kind: 'government', name: 'Dmitry Peskov' } }),
    at(1, 'claim', { id: 'm2', note: 'Über die Gespräche' }),
    at(2, 'source', { id: 'm3', attributes: { kind: 'unnamed' } }),
    at(3, 'claim', { id: 'm4' }),
    at(4, 'source', { id: 'm5', attributes: { name: 'Dmitry Peskov' } }),
    at(5, 'stance', { id: 'm6', attributes: { polarity: 'against' } }),
  ]
  const link = (id: string, from: string, to: string) => ({
    id,
    type: 'attribution' as const,
    from,
    to,
    author: 'maria',
    created: '2026-01-01T00:00:00.000Z',
  })
  const jonas = [at(1, 'claim', { id: 'j1' }), at(0, 'source', { id: 'j2' })]
  return [
    { document, annotator: 'maria', annotations: maria, links: [link('l1', 'm2', 'm1'), link('l2', 'm4', 'm3'), link('l3', 'm6', 'm5')] },
    { document, annotator: 'jonas', annotations: jonas, links: [link('l4', 'j1', 'j2')] },
  ]
}

describe('retrieving annotations across the project', () => {
  const index = new RetrieveIndex(layers().map((l) => new LayerRows(l)))

  it('lists every annotation with its span, context and the source it is attributed to', () => {
    expect(index.rows).toHaveLength(8)
    const claim = index.rows.find((r) => r.id === 'm2')!
    expect(claim).toMatchObject({
      layer: 'maria',
      label: 'claim',
      text: 'the talks failed',
      before: 'Peskóv said ',
      source: { id: 'm1', text: 'Peskóv', name: 'Dmitry Peskov' },
    })
    expect(index.rows.find((r) => r.id === 'j1')!.source).toEqual({ id: 'j2', text: 'Peskóv', name: '' })
    expect(claim.links).toEqual([])
  })

  it('carries each annotation’s links of the other types, to the text they go to', () => {
    const [maria] = layers()
    const supports = { id: 'l9', type: 'supports', from: 'm4', to: 'm2', author: 'maria', created: '2026-01-01T00:00:00.000Z' }
    const rows = new LayerRows({ ...maria!, links: [...maria!.links, supports] }).rows
    expect(rows.find((r) => r.id === 'm4')!.links).toEqual([{ type: 'supports', to: 'm2', text: 'the talks failed' }])
    expect(rows.find((r) => r.id === 'm2')!.links).toEqual([])
  })

  it('filters by label, annotator, attribute, linked source and words, ignoring case, diacritics and the kind of space', () => {
    const ids = (f: Partial<typeof EVERY_ROW>) => index.filter({ ...EVERY_ROW, ...f }).map((r) => r.id)
    expect(ids({ labels: ['claim'] })).toEqual(['m2', 'm4', 'j1'])
    expect(ids({ layers: ['jonas'] })).toEqual(['j2', 'j1'])
    expect(ids({ attributes: [{ label: 'stance', attribute: 'polarity', value: 'against' }] })).toEqual(['m6'])
    expect(ids({ attributes: [{ label: null, attribute: 'kind', value: 'government' }] })).toEqual(['m1'])
    // A written value (a canonical name, a target) matches as the Analysis counts it: any case, any spacing.
    expect(ids({ attributes: [{ label: 'source', attribute: 'name', value: '  DMITRY\u00a0peskov ' }] })).toEqual(['m1', 'm5'])
    expect(ids({ attributes: [{ label: 'source', attribute: 'name', value: 'Peskov' }] })).toEqual([])
    // One source's statements: by its canonical name, whichever spelling the text has.
    expect(ids({ source: 'dmitry peskov' })).toEqual(['m2', 'm6'])
    expect(ids({ source: 'peskov' })).toEqual(['m2', 'm6', 'j1'])
    // Runs of spaces typed or stored count as one.
    expect(ids({ source: '  dmitry   PESKOV ' })).toEqual(['m2', 'm6'])
    expect(ids({ text: 'PORT' })).toEqual(['m4'])
    // A no-break space in the text is matched by a typed space.
    expect(ids({ text: 'port will' })).toEqual(['m4'])
    expect(ids({ text: 'uber die' })).toEqual(['m2'])
    expect(ids({ labels: ['claim'], source: 'peskov', layers: ['maria'] })).toEqual(['m2'])
  })

  it('groups by source as the Analysis counts actors: sources themselves apart, rows without a source last', () => {
    const { groups, rows } = groupRows(index.rows, 'source')
    expect(groups).toEqual([
      { key: 's:dmitry peskov', name: 'Dmitry Peskov', count: 2 },
      { key: 's:officials', name: 'Officials', count: 1 },
      // Diacritics are kept, as the Analysis keeps them: Peskóv is not Peskov.
      { key: 's:peskóv', name: 'Peskóv', count: 1 },
      // The source annotations are not rows without a source.
      { key: 'l:source', name: 'source annotations', count: 4 },
    ])
    expect(rows.slice(0, 2).map((r) => r.id)).toEqual(['m2', 'm6'])
    const byLabel = groupRows(index.rows, 'label', (id) => id.toUpperCase())
    expect(byLabel.groups.map((g) => [g.name, g.count])).toEqual([
      ['SOURCE', 4],
      ['CLAIM', 3],
      ['STANCE', 1],
    ])
  })

  it('puts one actor spelled with other case or spacing in one group, named by the spelling most rows have', () => {
    const { text, spans } = marked('[Vladimir Putin] said [a]. [vladimir  putin] said [b]. [VLADIMIR PUTIN] said [c]. Then [d].')
    const textIndex = new TextIndex(text)
    const document = { id: 'd2', title: 'Putin', sha256: 'y'.repeat(64), file: 'texts/d2.txt' }
    const at = (i: number, label: string, id: string) => annotation(textIndex, label, spans[i]!.start, spans[i]!.end, { id })
    const link = (id: string, from: string, to: string) => ({
      id,
      type: 'attribution' as const,
      from,
      to,
      author: 'x',
      created: '2026-01-01T00:00:00.000Z',
    })
    const layer: ExportLayer = {
      document,
      annotator: 'x',
      annotations: [
        at(0, 'source', 's1'),
        at(1, 'claim', 'c1'),
        at(2, 'source', 's2'),
        at(3, 'claim', 'c2'),
        at(4, 'source', 's3'),
        at(5, 'claim', 'c3'),
        at(6, 'claim', 'c4'),
        at(6, 'claim', 'c5'),
      ],
      links: [link('l1', 'c1', 's1'), link('l2', 'c2', 's2'), link('l3', 'c3', 's3'), link('l4', 'c4', 's1')],
    }
    const groups = groupRows(new RetrieveIndex([new LayerRows(layer)]).rows, 'source', (id) => (id === 'source' ? 'Source' : id)).groups
    expect(groups).toEqual([
      { key: 's:vladimir putin', name: 'Vladimir Putin', count: 4 },
      { key: 'l:source', name: 'Source annotations', count: 3 },
      { key: '', name: 'No source', count: 1 },
    ])
  })
})
