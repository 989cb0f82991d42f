import { describe, expect, it } from 'vitest'
import { cohenKappa, kappaFromConfusion } from './cohen-kappa'

describe('cohenKappa', () => {
  it('equals scikit-learn cohen_kappa_score on y1=[0,1,1,0,2,2], y2=[0,1,0,0,2,1]', () => {
    // Confusion (rows y1, columns y2): [[2,0,0],[1,1,0],[0,1,1]]; n = 6, diagonal = 4.
    // p_o = 4/6; rows = [2,2,2], columns = [3,2,1], p_e = (2·3 + 2·2 + 2·1)/36 = 12/36 = 1/3.
    // kappa = (2/3 - 1/3) / (1 - 1/3) = 1/2; cohen_kappa_score gives 0.5.
    const r = cohenKappa([0, 1, 1, 0, 2, 2], [0, 1, 0, 0, 2, 1])
    expect(r.kappa).toBeCloseTo(0.5, 12)
    expect(r.observed).toBeCloseTo(4 / 6, 12)
    expect(r.expected).toBeCloseTo(1 / 3, 12)
    expect(r.n).toBe(6)
    expect(r.confusion).toEqual({
      categories: [0, 1, 2],
      counts: [
        [2, 0, 0],
        [1, 1, 0],
        [0, 1, 1],
      ],
    })
  })

  it("reproduces the textbook yes/no example (Wikipedia, Cohen's kappa): 0.4", () => {
    // 50 proposals: both yes 20, a yes b no 5, a no b yes 10, both no 15.
    // p_o = 35/50 = 0.7; a says yes 25/50, b says yes 30/50: p_e = 0.5·0.6 + 0.5·0.4 = 0.5.
    // kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
    const r = kappaFromConfusion({
      categories: ['no', 'yes'],
      counts: [
        [15, 10],
        [5, 20],
      ],
    })
    expect(r.kappa).toBeCloseTo(0.4, 12)
    expect(r.observed).toBeCloseTo(0.7, 12)
    expect(r.expected).toBeCloseTo(0.5, 12)
  })

  it('equals scikit-learn on 40 string labels (sorted categories, value 131/227)', () => {
    // Expected value from scikit-learn 1.2.1: cohen_kappa_score(a, b) = 0.5770925110132159.
    const a =
      'source none stance claim claim claim source claim none claim claim stance stance claim none claim stance claim claim none claim stance claim none claim none source stance none claim source none claim none source claim claim claim none stance'.split(
        ' ',
      )
    const b =
      'stance stance stance claim claim none source claim none claim claim claim stance claim none stance stance source claim none claim claim source none claim source stance stance none claim source none claim none none stance claim claim none stance'.split(
        ' ',
      )
    const r = cohenKappa(a, b)
    expect(r.kappa).toBeCloseTo(0.5770925110132159, 12)
    expect(r.confusion.categories).toEqual(['claim', 'none', 'source', 'stance'])
    expect(r.confusion.counts.flat().reduce((s, x) => s + x, 0)).toBe(40)
  })

  it('is symmetric: swapping the annotators transposes the matrix and keeps kappa', () => {
    const a = ['x', 'y', 'y', 'z', 'x', 'x']
    const b = ['x', 'y', 'x', 'z', 'z', 'x']
    const ab = cohenKappa(a, b)
    const ba = cohenKappa(b, a)
    expect(ba.kappa).toBeCloseTo(ab.kappa, 15)
    expect(ba.confusion.counts).toEqual(ab.confusion.counts[0]!.map((_, j) => ab.confusion.counts.map((row) => row[j])))
  })

  it('gives 1 for perfect agreement over two or more categories', () => {
    expect(cohenKappa(['a', 'b', 'a'], ['a', 'b', 'a']).kappa).toBe(1)
  })

  it('gives -1 when two annotators always disagree on a balanced binary task', () => {
    // p_o = 0, p_e = 0.5·0.5 + 0.5·0.5 = 0.5: kappa = (0 - 0.5)/0.5 = -1.
    expect(cohenKappa([0, 1], [1, 0]).kappa).toBe(-1)
  })

  it('returns NaN (as scikit-learn does, 0/0) when both used one and the same category, with observed agreement 1', () => {
    const r = cohenKappa(['none', 'none', 'none'], ['none', 'none', 'none'])
    expect(r.kappa).toBeNaN()
    expect(r.observed).toBe(1)
    expect(r.expected).toBe(1)
  })

  it('returns NaN for no units at all', () => {
    const r = cohenKappa([], [])
    expect(r.kappa).toBeNaN()
    expect(r.observed).toBeNaN()
    expect(r.n).toBe(0)
  })

  it('keeps the categories it is given, including unused ones, in that order', () => {
    const r = cohenKappa(['yes', 'yes', 'no'], ['yes', 'no', 'no'], ['yes', 'no', 'maybe'])
    expect(r.confusion.categories).toEqual(['yes', 'no', 'maybe'])
    expect(r.confusion.counts).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [0, 0, 0],
    ])
    expect(r.kappa).toBeCloseTo(cohenKappa(['yes', 'yes', 'no'], ['yes', 'no', 'no']).kappa, 15)
    expect(() => cohenKappa(['a'], ['b'], ['a'])).toThrow(RangeError)
  })

  it('refuses sequences of different lengths', () => {
    expect(() => cohenKappa([1, 2], [1])).toThrow(RangeError)
  })
})
