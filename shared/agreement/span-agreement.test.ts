import { describe, expect, it } from 'vitest'
import { defaultLabels } from '../model/labels'
import { buildLayer } from './layer-builder'
import { compareLayers, emptyComparison, summarizeComparison, sumComparisons, type SpanScores } from './span-agreement'

const TEXT = 'Mil-Man said Russia backs Hamas. Peskov denied it. The Kremlin is neutral, Peskov added.'

const maria = buildLayer(TEXT, [
  { id: 's1', label: 'source', quote: 'Mil-Man', attributes: { kind: 'person' } },
  { id: 'c1', label: 'claim', quote: 'Russia backs Hamas', source: 's1' },
  { id: 's2', label: 'source', quote: 'Peskov', attributes: { kind: 'government' } },
  { id: 'c2', label: 'claim', quote: 'Peskov denied it', source: 's2' },
  { id: 't1', label: 'stance', quote: 'The Kremlin is neutral', attributes: { polarity: 'neutral' }, source: 's3' },
  { id: 's3', label: 'source', quote: 'Peskov', occurrence: 2, attributes: { kind: 'government' } },
])
const jonas = buildLayer(TEXT, [
  { id: 'S1', label: 'source', quote: 'Mil-Man', attributes: { kind: 'person' } },
  { id: 'C1', label: 'claim', quote: 'said Russia backs Hamas', source: 'S1' },
  { id: 'S2', label: 'source', quote: 'Peskov', attributes: { kind: 'person' } },
  { id: 'C2', label: 'claim', quote: 'denied it' },
  { id: 'T1', label: 'stance', quote: 'Kremlin is neutral', attributes: { polarity: 'against' }, source: 'S2' },
  { id: 'C3', label: 'claim', quote: 'Peskov added' },
])

const row = (rows: SpanScores[], label: string) => rows.find((r) => r.label === label)!

describe('compareLayers and summarizeComparison (hand-computed)', () => {
  const summary = summarizeComparison(compareLayers(defaultLabels, maria, jonas))

  it('exact match: only the two identical sources match; micro P = R = F1 = 1/3', () => {
    // source: maria 3, jonas 2, identical 2 -> tp 2, fn 1. claim: no identical span -> fn 2, fp 3.
    // stance: fn 1, fp 1. all: tp 2, fp 4, fn 4; P = 2/6, R = 2/6, F1 = 4/12.
    expect(row(summary.exact, 'source')).toMatchObject({ tp: 2, fp: 0, fn: 1, precision: 1, recall: 2 / 3 })
    expect(row(summary.exact, 'claim')).toMatchObject({ tp: 0, fp: 3, fn: 2, precision: 0, recall: 0, f1: 0 })
    const all = row(summary.exact, 'all')
    expect(all).toMatchObject({ tp: 2, fp: 4, fn: 4 })
    expect(all.precision).toBeCloseTo(1 / 3, 12)
    expect(all.f1).toBeCloseTo(1 / 3, 12)
  })

  it('overlap match: wider and narrower spans of the same label match; micro F1 = 10/12', () => {
    // claim: "Russia backs Hamas"~"said Russia backs Hamas", "Peskov denied it"~"denied it"; "Peskov added" is fp.
    // stance: "The Kremlin is neutral"~"Kremlin is neutral". all: tp 5, fp 1, fn 1: F1 = 10/12.
    expect(row(summary.overlap, 'claim')).toMatchObject({ tp: 2, fp: 1, fn: 0, recall: 1 })
    expect(row(summary.overlap, 'stance')).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 })
    expect(row(summary.overlap, 'all').f1).toBeCloseTo(10 / 12, 12)
    expect(summary.overlap.map((r) => r.label)).toEqual(['claim', 'source', 'stance', 'all'])
  })

  it('polarity and kind agreement on matched pairs, with Cohen kappa', () => {
    // stance polarity: one matched pair, neutral vs against: agreement 0; kappa 1 - 1·1/(1 - 0) = 0.
    // source kind: (person, person), (government, person): agreement 1/2;
    // rows government 1, person 1; columns 0, 2: Σ row·col = 2, kappa = 1 - 2·1/(4 - 2) = 0.
    const polarity = summary.attributes.find((x) => x.label === 'stance' && x.attribute === 'polarity')!
    expect(polarity).toMatchObject({ n: 1, agreement: 0, kappa: 0, unset: 0 })
    expect(polarity.confusion).toEqual({
      categories: ['against', 'neutral'],
      counts: [
        [0, 0],
        [1, 0],
      ],
    })
    const kind = summary.attributes.find((x) => x.label === 'source' && x.attribute === 'kind')!
    expect(kind).toMatchObject({ n: 2, agreement: 0.5, kappa: 0 })
  })

  it('link agreement: same source, one unlinked, different source', () => {
    // claim pairs: c1~C1 both to Mil-Man, matched to each other: same. c2~C2: only maria linked.
    // stance pair: t1 -> second "Peskov" (which jonas did not mark), T1 -> first "Peskov": different.
    const links = Object.fromEntries(summary.links.map((l) => [l.label, l]))
    expect(links.claim).toMatchObject({ pairs: 2, sameSource: 1, oneLinked: 1, bothUnlinked: 0, agreement: 0.5 })
    expect(links.stance).toMatchObject({ pairs: 1, differentSource: 1, agreement: 0 })
    expect(links.all!.agreement).toBeCloseTo(1 / 3, 12)
    expect(summary.links.map((l) => l.label)).toEqual(['claim', 'stance', 'all'])
  })

  it('is symmetric: swapping reference and prediction swaps precision and recall and keeps F1 and agreement', () => {
    const swapped = summarizeComparison(compareLayers(defaultLabels, jonas, maria))
    for (const mode of ['exact', 'overlap'] as const) {
      summary[mode].forEach((r, i) => {
        const s = swapped[mode][i]!
        expect([s.tp, s.fp, s.fn, s.precision, s.recall, s.f1]).toEqual([r.tp, r.fn, r.fp, r.recall, r.precision, r.f1])
      })
    }
    expect(swapped.links.map((l) => l.agreement)).toEqual(summary.links.map((l) => l.agreement))
    expect(swapped.attributes.map((a) => a.agreement)).toEqual(summary.attributes.map((a) => a.agreement))
  })
})

describe('edge cases', () => {
  const empty = { annotations: [], links: [] }

  it('gives null F1 when neither annotator marked anything, and 0 when only one did', () => {
    const none = summarizeComparison(compareLayers(defaultLabels, empty, empty))
    expect(row(none.exact, 'all')).toMatchObject({ tp: 0, precision: null, recall: null, f1: null })
    const one = summarizeComparison(compareLayers(defaultLabels, maria, empty))
    expect(row(one.overlap, 'all')).toMatchObject({ tp: 0, fn: 6, precision: null, recall: 0, f1: 0 })
    expect(one.attributes[0]).toMatchObject({ n: 0, agreement: null, kappa: null })
  })

  it('compares an unset attribute as "(unset)", and both-unlinked pairs as agreeing', () => {
    const a = buildLayer(TEXT, [
      { label: 'stance', quote: 'The Kremlin is neutral' },
      { label: 'claim', quote: 'Peskov denied it' },
    ])
    const b = buildLayer(TEXT, [
      { label: 'stance', quote: 'The Kremlin is neutral', attributes: { polarity: 'neutral' } },
      { label: 'claim', quote: 'Peskov denied it' },
    ])
    const s = summarizeComparison(compareLayers(defaultLabels, a, b))
    const polarity = s.attributes.find((x) => x.attribute === 'polarity')!
    expect(polarity).toMatchObject({ n: 1, agreement: 0, unset: 1 })
    expect(polarity.confusion.categories).toEqual(['(unset)', 'neutral'])
    expect(s.links.find((l) => l.label === 'claim')).toMatchObject({ pairs: 1, bothUnlinked: 1, agreement: 1 })
  })

  it('ignores annotations whose label is not in the schema', () => {
    const odd = { annotations: [{ id: 'x', label: 'rumour', target: { position: { start: 0, end: 5 } }, attributes: {} }], links: [] }
    const s = summarizeComparison(compareLayers(defaultLabels, odd, empty))
    expect(row(s.exact, 'all')).toMatchObject({ tp: 0, fp: 0, fn: 0 })
  })

  it('adds comparisons of several documents into pooled (micro) counts and values', () => {
    const one = compareLayers(defaultLabels, maria, jonas)
    const total = sumComparisons(defaultLabels, [one, one])
    expect(total.overlap.claim).toEqual({ tp: 4, fp: 2, fn: 0 })
    expect(total.attributes.find((x) => x.attribute === 'kind')!.a).toEqual(['person', 'government', 'person', 'government'])
    expect(total.links.claim!.pairs).toBe(4)
    expect(sumComparisons(defaultLabels, [])).toEqual(emptyComparison(defaultLabels))
    expect(summarizeComparison(total).overlap.map((r) => r.f1)).toEqual(summarizeComparison(one).overlap.map((r) => r.f1))
  })
})
