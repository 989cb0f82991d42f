import { describe, expect, it } from 'vitest'
import { contrastRatio, parseHex } from '../../../../shared/contrast'
import { paletteOf } from './theme'
import {
  alphaHeading,
  busiestPair,
  cellShade,
  heatCell,
  formatFigure,
  formatShare,
  attributeDetail,
  tokenCategoryName,
  neitherSet,
  whyAlphaMissing,
  whyAttributeKappaMissing,
  whyAttributeShareMissing,
  whyKappaMissing,
  whyScoreMissing,
} from './agreement-format'
import { cohenKappa } from '../../../../shared/agreement/cohen-kappa'
import { UNSET } from '../../../../shared/agreement/span-agreement'

describe('agreement figures on screen', () => {
  it('names overlapping labels in a token category by their names now', () => {
    const names = new Map([
      ['claim', 'Assertion'],
      ['source', 'Speaker'],
    ])
    expect(tokenCategoryName('claim+source', names)).toBe('Assertion+Speaker')
    expect(tokenCategoryName('claim+stance', names)).toBe('Assertion+stance')
    expect(tokenCategoryName('(none)', names)).toBe('(none)')
  })

  it('says an attribute nobody set is not set, instead of 100% equal', () => {
    const figures = (a: string[], b: string[]) => {
      const k = cohenKappa(a, b)
      return { n: a.length, agreement: k.observed, kappa: Number.isNaN(k.kappa) ? null : k.kappa, confusion: k.confusion }
    }
    const unused = figures([UNSET, UNSET, UNSET], [UNSET, UNSET, UNSET])
    expect(unused.agreement).toBe(1)
    expect(neitherSet(unused)).toBe(true)
    expect(attributeDetail(unused)).toBe('not set · n 3')
    expect(whyAttributeShareMissing(unused)).toBe('Neither annotator set it on any of the 3 matched pairs.')
    expect(whyAttributeKappaMissing(unused)).toBe('Neither annotator set it on any of the 3 matched pairs.')
    const used = figures(['favor', UNSET, 'against'], ['favor', UNSET, 'favor'])
    expect(neitherSet(used)).toBe(false)
    expect(attributeDetail(used)).toBe('67% equal · n 3')
    expect(whyAttributeShareMissing(used)).toBeNull()
    const same = figures(['favor', 'favor'], ['favor', 'favor'])
    expect(whyAttributeKappaMissing(same)).toMatch(/Only one category in use/)
  })

  it('shows undefined figures as a dash, never as zero', () => {
    expect(formatFigure(null)).toBe('—')
    expect(formatFigure(0)).toBe('0.00')
    expect(formatFigure(0.8239)).toBe('0.82')
    expect(formatFigure(-0.3333)).toBe('-0.33')
    expect(formatFigure(-0.0012)).toBe('0.00')
    expect(formatFigure(-0.0004, 3)).toBe('0.000')
    expect(formatFigure(-0.4, 0)).toBe('0')
    expect(formatShare(0.9649)).toBe('96%')
  })

  it('says why kappa and alpha are undefined: nothing compared, or one category only', () => {
    expect(whyKappaMissing({ kappa: null, n: 0, observed: null })).toMatch(/Nothing to compare/)
    expect(whyKappaMissing({ kappa: null, n: 120, observed: 1 })).toMatch(/Only one category in use \(100% raw agreement\)/)
    expect(whyKappaMissing({ kappa: 0.5, n: 120, observed: 0.9 })).toBeNull()
    expect(whyAlphaMissing({ alpha: null, units: 0 })).toMatch(/Nothing to compare/)
    expect(whyAlphaMissing({ alpha: null, units: 40 })).toMatch(/one and the same category/)
  })

  it('names who marked nothing when precision, recall or F1 is undefined', () => {
    const none = { label: 'stance', tp: 0, fp: 0, fn: 0, precision: null, recall: null, f1: null }
    expect(whyScoreMissing(none, 'precision', 'maria', 'jonas')).toBe('jonas marked no stance: precision is undefined.')
    expect(whyScoreMissing(none, 'recall', 'maria', 'jonas')).toBe('maria marked no stance: recall is undefined.')
    expect(whyScoreMissing(none, 'f1', 'maria', 'jonas')).toBe('Neither marked any stance: F1 is undefined.')
  })

  it("opens on the pair with the most documents and spans in common, not a newcomer's near-empty one", () => {
    const scores = (tp: number, fp: number, fn: number) => [{ label: 'all', tp, fp, fn, precision: null, recall: null, f1: null }]
    const pairs = [
      { documents: 1, exact: scores(0, 1, 0) },
      { documents: 3, exact: scores(40, 10, 9) },
      { documents: 3, exact: scores(50, 10, 9) },
    ]
    expect(busiestPair(pairs)).toBe(2)
    expect(busiestPair([])).toBe(0)
  })

  it('shades confusion cells by their share of the row', () => {
    expect(cellShade(67, 4708)).toBeCloseTo(0.0142, 3)
    expect(cellShade(0, 0)).toBe(0)
  })
})

describe('heatCell', () => {
  it('colours a cell more strongly the larger its share, with text that reads on it at 4.5:1 in both schemes', () => {
    for (const scheme of ['light', 'dark'] as const) {
      let previous = -1
      for (let shade = 0; shade <= 1.0001; shade += 0.05) {
        for (const same of [true, false]) {
          const cell = heatCell(shade, same, scheme)
          expect(contrastRatio(parseHex(cell.color), parseHex(cell.background)), `${scheme} ${same} ${shade}`).toBeGreaterThanOrEqual(4.5)
        }
        const distance = contrastRatio(parseHex(heatCell(shade, true, scheme).background), paletteOf(scheme).surface)
        expect(distance).toBeGreaterThan(previous)
        previous = distance
      }
    }
    // The cell axe found unreadable (white on #618f6a) now has the page's dark ink; the darkest, white.
    expect(heatCell(0.62, true, 'light').color).toBe('#1f2328')
    expect(heatCell(1, false, 'light').color).toBe('#ffffff')
  })
})

describe('the alpha column beside a pair', () => {
  it('says it is over every compared annotator when there are more than the pair', () => {
    expect(alphaHeading(2)).toBe('Krippendorff’s α')
    expect(alphaHeading(3)).toBe('Krippendorff’s α (all 3)')
  })
})
