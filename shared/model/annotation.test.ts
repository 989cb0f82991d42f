import { describe, expect, it } from 'vitest'
import { compareAnnotations, inTextOrder, type Annotation } from './annotation'

function annotation(id: string, start: number, end: number): Annotation {
  return {
    id,
    label: 'claim',
    target: {
      position: { type: 'TextPositionSelector', start, end },
      quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
    },
    attributes: {},
    note: '',
    author: 'tester',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  } as Annotation
}

describe('inTextOrder', () => {
  it('orders by start, then end, then id, as compareAnnotations does, leaving its input as it was', () => {
    // A seeded shuffle with many ties on start and on start and end.
    let seed = 7
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648)
    const input = Array.from({ length: 3000 }, (_, i) => {
      const start = next() % 200
      return annotation(`a${(next() % 100_000).toString(36)}${i}`, start, start + (next() % 5))
    })
    const before = input.map((a) => a.id)
    const ordered = inTextOrder(input)
    expect(ordered.map((a) => a.id)).toEqual([...input].sort(compareAnnotations).map((a) => a.id))
    expect(input.map((a) => a.id)).toEqual(before)
    for (let i = 1; i < ordered.length; i++) expect(compareAnnotations(ordered[i - 1]!, ordered[i]!)).toBeLessThan(0)
  })

  it('keeps an empty list and a single annotation', () => {
    expect(inTextOrder([])).toEqual([])
    const one = annotation('x', 3, 4)
    expect(inTextOrder([one])).toEqual([one])
  })
})
