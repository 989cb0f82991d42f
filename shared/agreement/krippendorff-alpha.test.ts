import { describe, expect, it } from 'vitest'
import { cohenKappa } from './cohen-kappa'
import { krippendorffAlpha } from './krippendorff-alpha'

/** Rows of one character per unit, '.' for a missing value, as in Krippendorff's tables. */
function matrix(...rows: string[]): (string | null)[][] {
  return rows.map((row) => Array.from(row, (c) => (c === '.' ? null : c)))
}

describe('krippendorffAlpha (nominal)', () => {
  it("reproduces Krippendorff (2011), 'Computing Krippendorff's Alpha-Reliability', section C: 4 coders x 12 units with missing values, nominal alpha = 0.743", () => {
    // Reliability data matrix from the paper (units 1..12, '.' = missing):
    //   A: 1 2 3 3 2 1 4 1 2 . . .
    //   B: 1 2 3 3 2 2 4 1 2 5 . 3
    //   C: . 3 3 3 2 3 4 2 2 5 1 .
    //   D: 1 2 3 3 2 4 4 1 2 5 1 .
    // Unit 12 has one value and is dropped. n = 40 pairable values; n_c = 9, 13, 10, 5, 3 for 1..5.
    // Disagreeing ordered pairs / (m_u - 1): unit 2 (2,2,3,2) 6/3 = 2, unit 6 (1,2,3,4) 12/3 = 4,
    // unit 8 (1,1,2,1) 6/3 = 2: Σ_{c≠k} o_ck = 8. Σ_{c≠k} n_c n_k = 40² - (81+169+100+25+9) = 1216.
    // alpha = 1 - (n - 1) · 8 / 1216 = 1 - 312/1216 = 0.74342105... (the paper: 0.743).
    const data = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ]
    const r = krippendorffAlpha(data)
    expect(r.alpha.toFixed(3)).toBe('0.743')
    expect(r.alpha).toBeCloseTo(1 - 312 / 1216, 12)
    expect(r.values).toBe(40)
    expect(r.units).toBe(11)
    expect(r.coincidence.categories).toEqual([1, 2, 3, 4, 5])
    // The paper's coincidence matrix (its section C, nominal): row totals 9, 13, 10, 5, 3.
    expect(r.coincidence.counts.map((row) => row.reduce((s, x) => s + x, 0))).toEqual([9, 13, 10, 5, 3].map((x) => expect.closeTo(x, 12)))
    expect(r.coincidence.counts[0]![0]).toBeCloseTo(7, 12)
    expect(r.coincidence.counts[1]![2]).toBeCloseTo(4 / 3, 12)
    expect(r.coincidence.counts[4]![4]).toBeCloseTo(3, 12)
  })

  it("matches NLTK's unit test (test_disagreement.test_easy): 3 coders, a single-value unit dropped, alpha = -1/3", () => {
    // dress1: YES NO NO (m = 3): o_YN = o_NY = 2 · 1/2 = 1, o_NN = 2 · 1/2 = 1.
    // dress2: YES NO (m = 2): o_YN += 1, o_NY += 1. dress3: one value, not pairable.
    // n = 5, n_YES = 2, n_NO = 3; alpha = 1 - 4 · 4 / (25 - 4 - 9) = 1 - 16/12 = -1/3.
    const r = krippendorffAlpha([
      ['YES', 'YES', null],
      ['NO', 'NO', null],
      ['NO', null, 'NO'],
    ])
    expect(r.alpha).toBeCloseTo(-1 / 3, 12)
    expect(r.units).toBe(2)
    expect(r.values).toBe(5)
  })

  it('matches NLTK AnnotationTask(data).alpha() on 5 coders x 30 units with missing values (0.327683615819209)', () => {
    // Expected value from NLTK 3.8, AnnotationTask with binary_distance, on these triples.
    const r = krippendorffAlpha(
      matrix(
        'yzzzyzzyzyxx.y.x....z.zyxzy.yz',
        'y.yzyzyyy.x.xxxxz.zyzxyxyxyzy.',
        '.xyzyzy..yxxzyyxxzyyy.zyxz.x.z',
        '.yyzy..z.y.xx.xxyxx.yzyyz..zxz',
        'x.yzyzyyxxxxzx.xzxxyzxyyzxyxxz',
      ),
    )
    expect(r.alpha).toBeCloseTo(0.327683615819209, 12)
  })

  it("equals Scott's pi corrected for sample size for 2 coders and no missing data: alpha = 1 - (1 - pi)(n - 1)/n, n = 2N", () => {
    // Scott's pi by its definition: p_o as for kappa, p_e = Σ_c ((a_c + b_c) / 2N)².
    const a = 'source none stance claim claim claim source claim none claim claim stance stance claim none claim'.split(' ')
    const b = 'stance stance stance claim claim none source claim none claim claim claim stance claim none stance'.split(' ')
    const N = a.length
    const po = a.filter((x, i) => x === b[i]).length / N
    const pooled = new Map<string, number>()
    for (const x of [...a, ...b]) pooled.set(x, (pooled.get(x) ?? 0) + 1)
    const pe = [...pooled.values()].reduce((s, c) => s + (c / (2 * N)) ** 2, 0)
    const pi = (po - pe) / (1 - pe)
    const n = 2 * N
    const alpha = krippendorffAlpha([a, b]).alpha
    expect(alpha).toBeCloseTo(1 - ((1 - pi) * (n - 1)) / n, 12)
    // and close to, but not the same as, pi and Cohen's kappa on small samples
    expect(Math.abs(alpha - pi)).toBeLessThan(0.05)
    expect(Math.abs(alpha - cohenKappa(a, b).kappa)).toBeLessThan(0.05)
  })

  it('gives 1 for perfect agreement over two or more categories, missing values or not', () => {
    expect(krippendorffAlpha(matrix('abab.', 'abab.', '.bab.')).alpha).toBe(1)
  })

  it('is undefined (NaN) when every pairable value is one category, or nothing is pairable', () => {
    const one = krippendorffAlpha(matrix('aaa', 'aaa'))
    expect(one.alpha).toBeNaN()
    expect(one.observedDisagreement).toBe(0)
    expect(krippendorffAlpha(matrix('a.', '.b')).alpha).toBeNaN()
    expect(krippendorffAlpha([]).alpha).toBeNaN()
  })

  it('ignores coders and units that add no pairable value', () => {
    const base = krippendorffAlpha(matrix('abbaab', 'abaaab'))
    const padded = krippendorffAlpha(matrix('abbaab..', 'abaaab.a', '......b.'))
    expect(padded.alpha).toBeCloseTo(base.alpha, 15)
    expect(padded.units).toBe(6)
  })
})
