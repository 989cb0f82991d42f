import { describe, expect, it } from 'vitest'
import { cohenKappa } from './cohen-kappa'
import { krippendorffAlpha } from './krippendorff-alpha'
import { buildLayer } from './layer-builder'
import { tokenAgreement, type TokenAgreement, type TokenLabelAgreement } from './token-agreement'
import { tokenize } from './tokens'

const LABELS = ['claim', 'source', 'stance']
// Tokens: Russia(0) backs(1) Hamas(2) ,(3) said(4) Mil-Man(5) .(6)
const TEXT = 'Russia backs Hamas, said Mil-Man.'
const maria = buildLayer(TEXT, [
  { label: 'claim', quote: 'Russia backs Hamas' },
  { label: 'source', quote: 'Mil-Man' },
])
const jonas = buildLayer(TEXT, [
  { label: 'claim', quote: 'Russia backs' },
  { label: 'stance', quote: 'backs Hamas' },
  { label: 'source', quote: 'Mil-Man' },
])

function view(r: TokenAgreement, label: string): TokenLabelAgreement {
  return label === 'all' ? r.overall : r.byLabel.find((v) => v.label === label)!
}

describe('tokenAgreement, two annotators on one document (hand-computed)', () => {
  const r = tokenAgreement([{ tokens: tokenize(TEXT), layers: [maria, jonas] }], ['maria', 'jonas'], LABELS)

  it('counts the tokens', () => {
    expect(r.tokens).toBe(7)
  })

  it('per label, claim: kappa 16/23 and alpha 32/45', () => {
    // maria claim on tokens 0-2, jonas on 0-1. Confusion [(none),claim]: [[4,0],[1,2]], n = 7.
    // p_o = 6/7; rows 4,3; columns 5,2; Σ row·col = 20 + 6 = 26; kappa = 1 - 7·1/(49 - 26) = 16/23.
    // alpha: n = 14 values, n_none = 9, n_claim = 5, Σ_{c≠k} o_ck = 2;
    // alpha = 1 - 13·2/(196 - 81 - 25) = 1 - 26/90 = 32/45.
    const claim = view(r, 'claim')
    expect(claim.categories).toEqual(['(none)', 'claim'])
    expect(claim.pairs).toHaveLength(1)
    const [pair] = claim.pairs
    expect(pair).toMatchObject({ a: 'maria', b: 'jonas', n: 7 })
    expect(pair!.confusion.counts).toEqual([
      [4, 0],
      [1, 2],
    ])
    expect(pair!.kappa).toBeCloseTo(16 / 23, 12)
    expect(pair!.observed).toBeCloseTo(6 / 7, 12)
    expect(pair!.expected).toBeCloseTo(26 / 49, 12)
    expect(claim.alpha.alpha).toBeCloseTo(32 / 45, 12)
    expect(claim.alpha).toMatchObject({ values: 14, units: 7, coders: ['maria', 'jonas'] })
  })

  it('per label, stance only one annotator used: kappa 0 and alpha -1/12', () => {
    // maria none everywhere, jonas stance on tokens 1-2: p_o = 5/7, rows 7,0, columns 5,2:
    // Σ row·col = 35, kappa = 1 - 7·2/(49 - 35) = 0.
    // alpha: n_none = 12, n_stance = 2, Σ_{c≠k} o_ck = 4: alpha = 1 - 13·4/(196 - 144 - 4) = -1/12.
    const stance = view(r, 'stance')
    expect(stance.pairs[0]!.kappa).toBeCloseTo(0, 12)
    expect(stance.alpha.alpha).toBeCloseTo(-1 / 12, 12)
  })

  it('per label, source in perfect agreement: kappa 1 and alpha 1', () => {
    expect(view(r, 'source').pairs[0]!.kappa).toBe(1)
    expect(view(r, 'source').alpha.alpha).toBe(1)
  })

  it('overall: label sets as categories ("claim+stance"), kappa 11/18, alpha 43/69', () => {
    // maria: claim claim claim (none) (none) source (none)
    // jonas: claim claim+stance stance (none) (none) source (none)
    // p_o = 5/7; rows (none)3 claim3 claim+stance0 source1 stance0, columns 3 1 1 1 1:
    // Σ row·col = 9 + 3 + 0 + 1 + 0 = 13; kappa = 1 - 7·2/(49 - 13) = 11/18.
    // alpha: counts 6 4 1 2 1 of 14, Σ n_c² = 58, Σ_{c≠k} o_ck = 4: alpha = 1 - 13·4/(196 - 58) = 43/69.
    const all = view(r, 'all')
    expect(all.categories).toEqual(['(none)', 'claim', 'claim+stance', 'source', 'stance'])
    expect(all.pairs[0]!.confusion.counts).toEqual([
      [3, 0, 0, 0, 0],
      [0, 1, 1, 0, 1],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 1, 0],
      [0, 0, 0, 0, 0],
    ])
    expect(all.pairs[0]!.kappa).toBeCloseTo(11 / 18, 12)
    expect(all.alpha.alpha).toBeCloseTo(43 / 69, 12)
  })

  it('agrees with cohenKappa and krippendorffAlpha run on the same categories written out', () => {
    const m = ['claim', 'claim', 'claim', '(none)', '(none)', 'source', '(none)']
    const j = ['claim', 'claim+stance', 'stance', '(none)', '(none)', 'source', '(none)']
    expect(view(r, 'all').pairs[0]!.kappa).toBeCloseTo(cohenKappa(m, j).kappa, 14)
    expect(view(r, 'all').alpha.alpha).toBeCloseTo(krippendorffAlpha([m, j]).alpha, 14)
  })
})

describe('tokenAgreement, missing and empty layers', () => {
  const second = 'Moscow denies it.'
  const docs = (ana: ReturnType<typeof buildLayer> | undefined) => [
    { tokens: tokenize(TEXT), layers: [maria, jonas, ana] },
    {
      tokens: tokenize(second),
      layers: [
        buildLayer(second, [{ label: 'claim', quote: 'Moscow denies it' }]),
        undefined,
        buildLayer(second, [{ label: 'claim', quote: 'denies it' }]),
      ],
    },
  ]

  it('leaves a missing layer out of that pair and out of alpha for that document; pools documents as units', () => {
    const r = tokenAgreement(docs(undefined), ['maria', 'jonas', 'ana'], LABELS)
    expect(r.tokens).toBe(11)
    const all = r.overall
    const pair = (a: string, b: string) => all.pairs.find((p) => p.a === a && p.b === b)!
    expect(all.pairs.map((p) => [p.a, p.b])).toEqual([
      ['maria', 'jonas'],
      ['maria', 'ana'],
      ['jonas', 'ana'],
    ])
    expect(pair('maria', 'jonas').n).toBe(7) // only the first document has both
    expect(pair('maria', 'ana').n).toBe(4) // only the second
    expect(pair('jonas', 'ana').n).toBe(0)
    expect(pair('jonas', 'ana').kappa).toBeNull()
    // maria vs ana on "Moscow denies it .": claim claim claim (none) vs (none) claim claim (none)
    expect(pair('maria', 'ana').kappa).toBeCloseTo(
      cohenKappa(['claim', 'claim', 'claim', '(none)'], ['(none)', 'claim', 'claim', '(none)']).kappa,
      14,
    )
    // alpha equals the reliability-matrix computation with nulls for the missing layers
    const N = null
    const expected = krippendorffAlpha([
      ['claim', 'claim', 'claim', '(none)', '(none)', 'source', '(none)', 'claim', 'claim', 'claim', '(none)'],
      ['claim', 'claim+stance', 'stance', '(none)', '(none)', 'source', '(none)', N, N, N, N],
      [N, N, N, N, N, N, N, '(none)', 'claim', 'claim', '(none)'],
    ])
    expect(all.alpha.alpha).toBeCloseTo(expected.alpha, 14)
    expect(all.alpha.units).toBe(11)
    expect(all.alpha.coders).toEqual(['maria', 'jonas', 'ana'])
  })

  it('treats an existing empty layer as "(none)" on every token', () => {
    const r = tokenAgreement(docs({ annotations: [], links: [] }), ['maria', 'jonas', 'ana'], LABELS)
    const pair = r.overall.pairs.find((p) => p.a === 'maria' && p.b === 'ana')!
    expect(pair.n).toBe(11)
    expect(pair.confusion.counts[0]![0]).toBe(4) // the four "(none)" tokens of maria in document one
    const claim = r.byLabel[0]!.pairs.find((p) => p.a === 'jonas' && p.b === 'ana')!
    expect(claim.n).toBe(7)
    // jonas claim on 2 of 7 tokens, ana on none: kappa 0 (one annotator used one category)
    expect(claim.kappa).toBeCloseTo(0, 12)
  })

  it('reports null, not NaN, where nothing was compared or one category was used', () => {
    const r = tokenAgreement(
      [
        {
          tokens: tokenize(TEXT),
          layers: [
            { annotations: [], links: [] },
            { annotations: [], links: [] },
          ],
        },
      ],
      ['a', 'b'],
      LABELS,
    )
    expect(r.overall.pairs[0]!.kappa).toBeNull()
    expect(r.overall.pairs[0]!.observed).toBe(1)
    expect(r.overall.alpha.alpha).toBeNull()
    expect(r.overall.categories).toEqual(['(none)'])
    expect(JSON.parse(JSON.stringify(r))).toEqual(r)
  })
})
