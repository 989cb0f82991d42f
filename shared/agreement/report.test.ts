import { describe, expect, it } from 'vitest'
import { defaultLabels } from '../model/labels'
import { cohenKappa } from './cohen-kappa'
import { buildLayer } from './layer-builder'
import { AGREEMENT_CSV_COLUMNS, agreementReport, reportToCsvRows, type AgreementInput } from './report'
import { tokenAgreement } from './token-agreement'
import { syntheticProject } from './synthetic-project'
import { tokenize } from './tokens'

const ONE = 'Russia backs Hamas, said Mil-Man.'
const TWO = 'Peskov denied it 😀. The Kremlin is neutral, Peskov added.'
const THREE = 'ישראל במלחמה, says the minister.'

const input: AgreementInput = {
  labels: defaultLabels,
  documents: [
    {
      id: 'one',
      title: 'One',
      text: ONE,
      layers: {
        maria: buildLayer(ONE, [
          { id: 's', label: 'source', quote: 'Mil-Man' },
          { label: 'claim', quote: 'Russia backs Hamas', source: 's' },
        ]),
        jonas: buildLayer(ONE, [
          { id: 's', label: 'source', quote: 'Mil-Man' },
          { label: 'claim', quote: 'Russia backs', source: 's' },
          { label: 'stance', quote: 'backs Hamas', attributes: { polarity: 'favor' } },
        ]),
      },
    },
    {
      id: 'two',
      title: 'Two',
      text: TWO,
      layers: {
        jonas: buildLayer(TWO, [
          { label: 'claim', quote: 'Peskov denied it 😀' },
          { label: 'stance', quote: 'The Kremlin is neutral', attributes: { polarity: 'neutral' } },
        ]),
        maria: buildLayer(TWO, [
          { label: 'claim', quote: 'Peskov denied it' },
          { label: 'stance', quote: 'Kremlin is neutral', attributes: { polarity: 'against' } },
          { label: 'source', quote: 'Peskov', occurrence: 2 },
        ]),
      },
    },
    {
      id: 'three',
      title: 'Three',
      text: THREE,
      layers: { maria: buildLayer(THREE, [{ label: 'claim', quote: 'ישראל במלחמה' }]), jonas: undefined },
    },
  ],
}

describe('agreementReport', () => {
  const report = agreementReport(input)

  it('names its format, tokenization, annotators (sorted by default) and labels', () => {
    expect(report).toMatchObject({
      format: 'marginalia-agreement',
      version: 1,
      tokenization: 'marginalia-tokens-1',
      annotators: ['jonas', 'maria'],
      labels: ['claim', 'source', 'stance'],
    })
    expect(agreementReport({ ...input, annotators: ['maria', 'jonas'] }).project.spans[0]).toMatchObject({ a: 'maria', b: 'jonas' })
  })

  it('is plain JSON: no NaN, undefined or Infinity anywhere', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report)
  })

  it('gives each document its own figures and says who has no layer', () => {
    expect(report.documents.map((d) => [d.scope, d.title, d.missing])).toEqual([
      ['one', 'One', []],
      ['two', 'Two', []],
      ['three', 'Three', ['jonas']],
    ])
    // document one is the hand-computed case of token-agreement.test.ts, with jonas as a and maria as b
    const claim = report.documents[0]!.tokens.byLabel[0]!
    expect(claim.pairs[0]).toMatchObject({ a: 'jonas', b: 'maria', n: 7 })
    expect(claim.pairs[0]!.kappa).toBeCloseTo(16 / 23, 12)
    // a document with one layer has nothing to pair: kappa n = 0, alpha undefined, spans not compared
    const three = report.documents[2]!
    expect(three.tokens.overall.pairs[0]).toMatchObject({ n: 0, kappa: null })
    expect(three.tokens.overall.alpha).toMatchObject({ alpha: null, units: 0 })
    expect(three.spans[0]!.documents).toBe(0)
  })

  it('pools tokens of all documents for project kappa and alpha (not a mean of documents)', () => {
    const docs = input.documents.map((d) => ({ tokens: tokenize(d.text), layers: [d.layers.jonas, d.layers.maria] }))
    const direct = tokenAgreement(docs, ['jonas', 'maria'], ['claim', 'source', 'stance'])
    expect(report.project.tokens).toEqual(direct)
    const all = report.project.tokens.overall.pairs[0]!
    // pooled n: tokens of documents one and two only (maria alone annotated three)
    expect(all.n).toBe(tokenize(ONE).count + tokenize(TWO).count)
    expect(report.project.tokens.tokens).toBe(tokenize(ONE).count + tokenize(TWO).count + tokenize(THREE).count)
    // same value as Cohen's kappa on the concatenated token categories
    const cats = (doc: number, who: 'jonas' | 'maria') => {
      const d = report.documents[doc]!.tokens.overall.pairs[0]!.confusion
      const side: string[] = []
      d.counts.forEach((row, r) =>
        row.forEach((n, c) => side.push(...Array.from({ length: n }, () => d.categories[who === 'jonas' ? r : c]!))),
      )
      return side
    }
    const a = [...cats(0, 'jonas'), ...cats(1, 'jonas')]
    const b = [...cats(0, 'maria'), ...cats(1, 'maria')]
    expect(all.kappa).toBeCloseTo(cohenKappa(a, b).kappa, 12)
  })

  it('sums span counts over the documents both annotated (micro), with attribute and link agreement', () => {
    const pair = report.project.spans[0]!
    expect(pair).toMatchObject({ a: 'jonas', b: 'maria', documents: 2 })
    const overall = pair.overlap.find((r) => r.label === 'all')!
    const perDoc = report.documents.slice(0, 2).map((d) => d.spans[0]!.overlap.find((r) => r.label === 'all')!)
    expect(overall.tp).toBe(perDoc[0]!.tp + perDoc[1]!.tp)
    expect(overall.fp).toBe(perDoc[0]!.fp + perDoc[1]!.fp)
    // overlap: doc one claim, source (2 tp, jonas' stance fn); doc two claim, stance (2 tp, maria's source fp)
    expect(overall).toMatchObject({ tp: 4, fn: 1, fp: 1 })
    expect(overall.f1).toBeCloseTo(8 / 10, 12)
    // polarity: the one matched stance pair says neutral (jonas) vs against (maria)
    expect(pair.attributes.find((x) => x.attribute === 'polarity')).toMatchObject({ n: 1, agreement: 0 })
    // links: doc one claims both linked to the matched Mil-Man; doc two claim and stance unlinked on both sides
    expect(pair.links.find((l) => l.label === 'all')).toMatchObject({ pairs: 3, sameSource: 1, bothUnlinked: 2, agreement: 1 })
  })

  it('counts annotations per annotator and label, and layers', () => {
    expect(report.project.annotators).toEqual([
      { annotator: 'jonas', layers: 2, annotations: 5, byLabel: { claim: 2, source: 1, stance: 2 } },
      { annotator: 'maria', layers: 3, annotations: 6, byLabel: { claim: 3, source: 2, stance: 1 } },
    ])
  })

  it('copes with labels and annotators named like object properties', () => {
    // "constructor" is a valid label id and annotator name; "toString" a valid annotator name.
    const labels = [
      { ...defaultLabels[0]!, attributedTo: 'constructor' },
      { ...defaultLabels[1]!, id: 'constructor' },
    ]
    const text = 'Russia backs Hamas, said Mil-Man.'
    const layer = buildLayer(text, [
      { id: 's', label: 'constructor', quote: 'Mil-Man' },
      { label: 'claim', quote: 'Russia backs Hamas', source: 's' },
    ])
    const r = agreementReport({ labels, documents: [{ id: 'd', title: 'D', text, layers: { constructor: layer, maria: layer } }] })
    expect(r.annotators).toEqual(['constructor', 'maria'])
    expect(r.project.tokens.overall.pairs[0]!.kappa).toBe(1)
    expect(r.project.spans[0]!.overlap.at(-1)).toMatchObject({ tp: 2, fp: 0, fn: 0 })
    expect(r.project.spans[0]!.links).toMatchObject([
      { label: 'claim', pairs: 1, sameSource: 1 },
      { label: 'all', pairs: 1 },
    ])
    const missing = agreementReport({
      labels,
      documents: [{ id: 'd', title: 'D', text, layers: { maria: layer } }],
      annotators: ['maria', 'toString'],
    })
    expect(missing.documents[0]!.missing).toEqual(['toString'])
    expect(missing.project.annotators[1]).toMatchObject({ annotator: 'toString', layers: 0 })
  })

  it('treats a layer absent from the record like an undefined one', () => {
    const withoutKey = agreementReport({
      ...input,
      documents: input.documents.map((d) => (d.id === 'three' ? { ...d, layers: { maria: d.layers.maria } } : d)),
    })
    expect(withoutKey).toEqual(report)
  })
})

describe('reportToCsvRows', () => {
  const rows = reportToCsvRows(agreementReport(input))

  it('gives one figure per row in the documented columns, project first', () => {
    expect(AGREEMENT_CSV_COLUMNS).toEqual(['scope', 'label', 'metric', 'annotator_a', 'annotator_b', 'value', 'n'])
    for (const r of rows) expect(Object.keys(r)).toEqual([...AGREEMENT_CSV_COLUMNS])
    expect(rows[0]!.scope).toBe('project')
    expect(new Set(rows.map((r) => r.scope))).toEqual(new Set(['project', 'one', 'two', 'three']))
  })

  it('carries kappa, alpha, span, attribute and link figures with their n', () => {
    const find = (scope: string, label: string, metric: string) =>
      rows.find((r) => r.scope === scope && r.label === label && r.metric === metric)
    expect(find('one', 'claim', 'token_kappa')).toMatchObject({ annotator_a: 'jonas', annotator_b: 'maria', n: 7 })
    expect(find('one', 'claim', 'token_kappa')!.value).toBeCloseTo(16 / 23, 12)
    expect(find('project', 'all', 'token_alpha')).toMatchObject({ annotator_a: '', annotator_b: '' })
    expect(find('project', 'all', 'span_overlap_f1')).toMatchObject({ value: 0.8, n: 10 })
    expect(find('project', 'stance', 'polarity_agreement')).toMatchObject({ value: 0, n: 1 })
    expect(find('project', 'all', 'link_agreement')).toMatchObject({ value: 1, n: 3 })
    expect(find('three', 'all', 'token_kappa')).toMatchObject({ value: null, n: 0 })
    expect(find('project', 'claim', 'annotations')).toMatchObject({ annotator_a: 'jonas', value: 2, n: 2 })
  })

  it('never writes NaN: undefined figures are null', () => {
    for (const r of rows) expect(r.value === null || Number.isFinite(r.value)).toBe(true)
  })
})

describe('agreementReport against an independent Python computation', () => {
  it('equals scikit-learn and NLTK on a 2-document, 3-annotator synthetic project (Hebrew, Arabic, emoji, a missing layer)', () => {
    // Expected values: the same project as JSON, tokenized in Python 3.11 with the `regex` module
    // and the pattern in README.md, categories from any overlap by brute force, then
    // sklearn.metrics.cohen_kappa_score (1.2.1) per pair and nltk AnnotationTask(...).alpha() (3.8).
    const project = syntheticProject(defaultLabels, 2, 3000, 40)
    const ana = project.documents[0]!.layers.jonas!
    const first = project.documents[0]!
    const input3: AgreementInput = {
      ...project,
      documents: [
        { ...first, layers: { ...first.layers, ana: { annotations: ana.annotations.filter((_, i) => i % 2 === 0), links: [] } } },
        project.documents[1]!,
      ],
    }
    const t = agreementReport(input3).project.tokens
    const kappas = (v: typeof t.overall) => v.pairs.map((p) => [p.a, p.b, p.kappa, p.n])
    const expected = {
      all: [[0.5310311635182288, 0.36633663366336633, 0.6887842236426791], 0.602472062464992],
      claim: [[0.4, 0.11181332036947011, 0.670812972012439], 0.5460542642071304],
      source: [[0.3807829181494661, 0.2910773528898202, 0.588553750966744], 0.49218663365552384],
      stance: [[0.772938585759726, 0.4236401673640168, 0.5971991479212744], 0.5825315124766177],
    } as const
    for (const v of [t.overall, ...t.byLabel]) {
      const [k, alpha] = expected[v.label as keyof typeof expected]
      expect(kappas(v).map((p) => [p[0], p[1], p[3]])).toEqual([
        ['ana', 'jonas', 464],
        ['ana', 'maria', 464],
        ['jonas', 'maria', 988],
      ])
      v.pairs.forEach((p, i) => expect(p.kappa).toBeCloseTo(k[i]!, 12))
      expect(v.alpha.alpha).toBeCloseTo(alpha, 12)
    }
  })
})
