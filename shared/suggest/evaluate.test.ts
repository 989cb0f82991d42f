import { describe, expect, it } from 'vitest'
import { buildLayer } from '../agreement/layer-builder'
import { evaluateSuggestions } from './evaluate'
import { suggest } from './suggest'

const text = '"We will not pay," said Mayor Anna Holt. Officials said the budget was empty. According to the union, the talks have failed.'

describe('evaluateSuggestions', () => {
  it('counts exact and overlap matches per label and links whose both ends match a gold link', () => {
    const gold = buildLayer(text, [
      { id: 's1', label: 'source', quote: 'Anna Holt' },
      { id: 'c1', label: 'claim', quote: 'We will not pay', source: 's1' },
      { id: 's2', label: 'source', quote: 'Officials' },
      { id: 'c2', label: 'claim', quote: 'the budget was empty.', source: 's2' },
      { id: 'c3', label: 'claim', quote: 'the talks have failed' },
    ])
    const r = evaluateSuggestions([{ id: 'd', suggestions: suggest(text), gold }])
    const row = (rows: typeof r.exact, label: string) => rows.find((x) => x.label === label)!
    // Sources: "Mayor Anna Holt" overlaps "Anna Holt"; "Officials" exact; "the union" is not in gold.
    expect(row(r.exact, 'source')).toMatchObject({ tp: 1, fp: 2, fn: 1 })
    expect(row(r.overlap, 'source')).toMatchObject({ tp: 2, fp: 1, fn: 0 })
    // Claims: "We will not pay" exact; "the budget was empty" overlaps (gold has the full stop); "the talks have failed" exact.
    expect(row(r.exact, 'claim')).toMatchObject({ tp: 2, fp: 1, fn: 1 })
    expect(row(r.overlap, 'claim')).toMatchObject({ tp: 3, fp: 0, fn: 0, f1: 1 })
    // Links: two gold links, both found; the third suggested link has no gold link.
    expect(r.links).toMatchObject({ tp: 2, fp: 1, fn: 0 })
  })

  it('folds a gold label into a suggested one only when asked', () => {
    const gold = buildLayer(text, [{ id: 'x', label: 'stance', quote: 'We will not pay' }])
    const strict = evaluateSuggestions([{ id: 'd', suggestions: suggest(text), gold }])
    const folded = evaluateSuggestions([{ id: 'd', suggestions: suggest(text), gold }], { fold: { stance: 'claim' } })
    expect(strict.overlap.find((x) => x.label === 'claim')!.tp).toBe(0)
    expect(folded.overlap.find((x) => x.label === 'claim')!.tp).toBe(1)
  })
})
