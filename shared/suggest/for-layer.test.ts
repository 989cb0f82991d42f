import { describe, expect, it } from 'vitest'
import type { Annotation } from '../model/annotation'
import { defaultLabels, type LabelSchema } from '../model/labels'
import { NO_SUGGEST_LABELS, suggestionsForLayer } from './for-layer'
import { suggest } from './suggest'

const TEXT = '"We will not raise rates this year," said Central Bank Governor Anna Kovacs. Officials said the plan was sound.'

/** A Source annotation "a" of rita's at these offsets. */
function sourceAt(start: number, end: number, exact: string): Annotation {
  return {
    id: 'a',
    label: 'source',
    target: {
      position: { type: 'TextPositionSelector', start, end },
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    },
    attributes: {},
    note: '',
    author: 'rita',
    created: '2024-01-01T00:00:00.000Z',
    modified: '2024-01-01T00:00:00.000Z',
  }
}

describe('suggestionsForLayer', () => {
  it('says in one sentence that a project without Claim and Source labels gets nothing', () => {
    const labels: LabelSchema = [{ ...defaultLabels[2]!, id: 'topic', attributedTo: null }]
    const s = suggestionsForLayer('d', suggest(TEXT), labels, { annotations: [], suggestions: [] })
    expect(s).toMatchObject({ notice: NO_SUGGEST_LABELS, spans: [], links: [] })
  })

  it("keeps a source's kind only where the label has the attribute and the option is not retired", () => {
    const found = suggest(TEXT)
    const all = suggestionsForLayer('d', found, defaultLabels, { annotations: [], suggestions: [] })
    const source = all.spans.find((x) => x.label === 'source' && x.text.includes('Kovacs'))!
    expect(source.attributes).toMatchObject({ kind: 'person', name: 'Anna Kovacs' })
    const labels = defaultLabels.map((l) =>
      l.id !== 'source'
        ? l
        : {
            ...l,
            attributes: l.attributes.map((a) =>
              a.type === 'choice'
                ? { ...a, options: a.options.map((o) => ({ ...o, retired: o.value === 'person' })) }
                : { ...a, retired: true },
            ),
          },
    )
    const narrowed = suggestionsForLayer('d', found, labels, { annotations: [], suggestions: [] })
    expect(narrowed.spans.find((x) => x.id === source.id)!.attributes).toEqual({})
  })

  it('leaves out spans already in the layer, but keeps links to them', () => {
    const found = suggest(TEXT)
    const source = found.spans.find((x) => x.label === 'source')!
    const existing = sourceAt(source.start, source.end, source.text)
    const s = suggestionsForLayer('d', found, defaultLabels, { annotations: [existing], suggestions: [] })
    expect(s.spans.some((x) => x.id === source.id)).toBe(false)
    expect(s.left.existing).toBe(1)
    expect(s.links.some((l) => l.to.start === source.start && l.to.end === source.end)).toBe(true)
  })

  it('leaves out a suggestion accepted with edited boundaries while its annotation is there, and proposes it again once that is gone', () => {
    const found = suggest(TEXT)
    const source = found.spans.find((x) => x.label === 'source')!
    const moved = sourceAt(source.start + 1, source.end, source.text.slice(1))
    const record = {
      label: 'source',
      start: source.start,
      end: source.end,
      decision: 'accepted' as const,
      annotation: 'a',
      at: moved.created,
    }
    const s = suggestionsForLayer('d', found, defaultLabels, { annotations: [moved], suggestions: [record] })
    expect(s.spans.some((x) => x.id === source.id)).toBe(false)
    expect(s.left.existing).toBe(1)
    expect(s.links.some((l) => l.to.start === source.start && l.to.end === source.end)).toBe(true)
    const gone = suggestionsForLayer('d', found, defaultLabels, { annotations: [], suggestions: [record] })
    expect(gone.spans.some((x) => x.id === source.id)).toBe(true)
  })
})
