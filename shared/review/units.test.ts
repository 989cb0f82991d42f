import { describe, expect, it } from 'vitest'
import type { Annotation, Link } from '../model/annotation'
import { reviewUnits, type ReviewLayer } from './units'

const TIME = '2026-11-01T10:00:00.000Z'

/** An annotation on [start, end) of an imaginary text; the quote is not looked at by units. */
function ann(id: string, label: string, start: number, end: number, attributes: Record<string, string> = {}): Annotation {
  return {
    id,
    label,
    target: {
      position: { type: 'TextPositionSelector', start, end },
      quote: { type: 'TextQuoteSelector', exact: 'x'.repeat(end - start), prefix: '', suffix: '' },
    },
    attributes,
    note: '',
    author: 'x',
    created: TIME,
    modified: TIME,
  }
}

function layer(annotator: string, annotations: Annotation[], links: [string, string][] = []): ReviewLayer {
  const ls: Link[] = links.map(([from, to], i) => ({ id: `l${i}`, type: 'attribution', from, to, author: annotator, created: TIME }))
  return { annotator, annotations, links: ls }
}

const kinds = (layers: ReviewLayer[]) =>
  reviewUnits(layers).map((u) => [u.kind, u.members.map((m) => `${m.annotator}:${m.annotation.id}`).join(' ')])

describe('review units', () => {
  it('classifies each kind of (dis)agreement between two annotators', () => {
    const maria = layer('maria', [
      ann('m1', 'claim', 0, 10),
      ann('m2', 'claim', 20, 30),
      ann('m3', 'claim', 40, 50),
      ann('m4', 'stance', 60, 70, { polarity: 'against' }),
      ann('m5', 'source', 80, 85),
    ])
    const jonas = layer('jonas', [
      ann('j1', 'claim', 0, 10),
      ann('j2', 'stance', 20, 30),
      ann('j3', 'claim', 38, 50),
      ann('j4', 'stance', 60, 70, { polarity: 'favor' }),
      ann('j6', 'claim', 90, 95),
    ])
    expect(kinds([maria, jonas])).toEqual([
      ['agreed', 'maria:m1 jonas:j1'],
      ['label-differs', 'maria:m2 jonas:j2'],
      ['boundaries-differ', 'maria:m3 jonas:j3'],
      ['attributes-differ', 'maria:m4 jonas:j4'],
      ['only-some', 'maria:m5'],
      ['only-some', 'jonas:j6'],
    ])
  })

  it('counts a different source link as an attribute difference', () => {
    const maria = layer('maria', [ann('c', 'claim', 0, 10), ann('s1', 'source', 20, 25), ann('s2', 'source', 30, 35)], [['c', 's1']])
    const jonas = layer('jonas', [ann('c', 'claim', 0, 10), ann('s1', 'source', 20, 25), ann('s2', 'source', 30, 35)], [['c', 's2']])
    expect(reviewUnits([maria, jonas])[0]!.kind).toBe('attributes-differ')
    const agreeing = layer('jonas', jonas.annotations as Annotation[], [['c', 's1']])
    expect(reviewUnits([maria, agreeing])[0]!.kind).toBe('agreed')
  })

  it('counts sources marked with other boundaries as the same source when they are one unit (as the reviewed layer and the agreement figures do)', () => {
    // "Russia expert Arkady Mil-Man" against "Arkady Mil-Man": one source unit, boundaries differ; the claim linked to each agrees.
    const maria = layer('maria', [ann('c', 'claim', 0, 10), ann('s', 'source', 20, 48)], [['c', 's']])
    const jonas = layer('jonas', [ann('c', 'claim', 0, 10), ann('s', 'source', 34, 48)], [['c', 's']])
    expect(kinds([maria, jonas])).toEqual([
      ['agreed', 'maria:c jonas:c'],
      ['boundaries-differ', 'maria:s jonas:s'],
    ])
    // Sources that are two units (they do not overlap) are two sources.
    const apart = layer('jonas', [ann('c', 'claim', 0, 10), ann('s', 'source', 50, 60)], [['c', 's']])
    expect(kinds([maria, apart])[0]).toEqual(['attributes-differ', 'maria:c jonas:c'])
  })

  it('prefers the exact same span and label when several candidates overlap (nested spans)', () => {
    const maria = layer('maria', [ann('outer', 'claim', 0, 40), ann('inner', 'source', 5, 10)])
    const jonas = layer('jonas', [ann('jin', 'source', 5, 10), ann('jout', 'claim', 0, 40)])
    expect(kinds([maria, jonas])).toEqual([
      ['agreed', 'maria:outer jonas:jout'],
      ['agreed', 'maria:inner jonas:jin'],
    ])
  })

  it('groups three annotators, naming who is missing', () => {
    const units = reviewUnits([layer('a', [ann('a1', 'claim', 0, 10)]), layer('b', [ann('b1', 'claim', 0, 10)]), layer('c', [])])
    expect(units).toHaveLength(1)
    expect(units[0]).toMatchObject({ kind: 'only-some', missing: ['c'], start: 0, end: 10, key: 'a:a1|b:b1' })
  })

  it('puts every annotation in exactly one unit, with at most one per annotator', () => {
    const rand = (n: number) => Math.floor(Math.abs(Math.sin(n) * 10000)) % 500
    const layers = ['a', 'b', 'c'].map((who, w) =>
      layer(
        who,
        Array.from({ length: 300 }, (_, i) => {
          const start = rand(i * 7 + w)
          return ann(`${who}${i}`, ['claim', 'source', 'stance'][(i + w) % 3]!, start, start + 1 + (rand(i + w * 13) % 40))
        }),
      ),
    )
    const units = reviewUnits(layers)
    const seen = units.flatMap((u) => u.members.map((m) => `${m.annotator}:${m.annotation.id}`))
    expect(new Set(seen).size).toBe(900)
    expect(seen).toHaveLength(900)
    for (const u of units) expect(new Set(u.members.map((m) => m.annotator)).size).toBe(u.members.length)
    expect(new Set(units.map((u) => u.key)).size).toBe(units.length)
  })
})
