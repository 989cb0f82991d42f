/**
 * Krippendorff's alpha for nominal data, any number of coders, missing values allowed, computed
 * through the coincidence matrix as in Krippendorff (2011), "Computing Krippendorff's
 * Alpha-Reliability" (https://repository.upenn.edu/asc_papers/43):
 *
 * - a unit coded by m_u >= 2 coders is pairable; a unit with fewer values is dropped;
 * - each ordered pair of values (c, k) from different coders in unit u adds 1 / (m_u - 1) to o_ck,
 *   so every pairable value contributes exactly 1 in total: n_c = Σ_k o_ck, n = Σ_c n_c;
 * - D_o = Σ_{c≠k} o_ck / n and D_e = Σ_{c≠k} n_c · n_k / (n (n - 1)) (nominal: δ = 0 if c = k, else 1);
 * - alpha = 1 - D_o / D_e.
 *
 * NLTK's `AnnotationTask(data).alpha()` with the default binary distance computes the same value.
 * Alpha is undefined (NaN here) when D_e = 0, i.e. when fewer than two pairable values exist or all
 * pairable values are one category (NLTK returns 1 for the latter; Krippendorff calls it undefined).
 */
import { compareCategories } from './cohen-kappa'

/** The coincidence matrix: counts[c][k] = o_ck, symmetric, summing to the number of pairable values. */
export interface CoincidenceMatrix<T extends string | number = string> {
  categories: T[]
  counts: number[][]
}

/** Krippendorff's alpha with the figures it is made of. */
export interface AlphaResult<T extends string | number = string> {
  /** 1 - D_o / D_e; NaN when undefined (D_e = 0). */
  alpha: number
  /** D_o: share of pairable value pairs that disagree. */
  observedDisagreement: number
  /** D_e: disagreement expected from the pooled category shares. */
  expectedDisagreement: number
  /** Pairable values (n): values in units with at least two values. */
  values: number
  /** Pairable units: units with at least two values. */
  units: number
  coincidence: CoincidenceMatrix<T>
}

/**
 * Adds units to a coincidence matrix kept as a flat k×k Float64Array (o[c * k + d]).
 * coders[i][u] is coder i's category index for unit u, or negative for a missing value; an
 * undefined coder has no value for any unit. Returns how many of the units were pairable.
 */
export function addUnitsToCoincidence(
  o: Float64Array,
  k: number,
  coders: readonly (ArrayLike<number> | undefined)[],
  unitCount: number,
): number {
  const present = coders.filter((c): c is ArrayLike<number> => c !== undefined)
  const values = new Int32Array(present.length)
  let pairable = 0
  for (let u = 0; u < unitCount; u++) {
    let m = 0
    for (const coder of present) {
      const v = coder[u]!
      if (v >= 0) values[m++] = v
    }
    if (m < 2) continue
    pairable++
    if (m === 2) {
      // The common case of two coders: one pair each way, weight 1.
      o[values[0]! * k + values[1]!]!++
      o[values[1]! * k + values[0]!]!++
      continue
    }
    const w = 1 / (m - 1)
    for (let i = 0; i < m; i++) {
      const row = values[i]! * k
      for (let j = 0; j < m; j++) if (i !== j) o[row + values[j]!]! += w
    }
  }
  return pairable
}

/** Alpha from a coincidence matrix (flat k×k, as built by addUnitsToCoincidence). */
export function alphaFromCoincidence<T extends string | number>(categories: readonly T[], o: Float64Array, units: number): AlphaResult<T> {
  const k = categories.length
  const totals = Array.from({ length: k }, () => 0)
  let n = 0
  let offDiagonal = 0
  for (let c = 0; c < k; c++) {
    for (let d = 0; d < k; d++) {
      const v = o[c * k + d]!
      totals[c]! += v
      if (c !== d) offDiagonal += v
    }
    n += totals[c]!
  }
  let sameSquares = 0
  for (const t of totals) sameSquares += t * t
  const expectedPairs = n * n - sameSquares // Σ_{c≠k} n_c n_k
  const observedDisagreement = n > 0 ? offDiagonal / n : Number.NaN
  const expectedDisagreement = n > 1 ? expectedPairs / (n * (n - 1)) : Number.NaN
  const alpha = n > 1 && expectedPairs > 0 ? 1 - ((n - 1) * offDiagonal) / expectedPairs : Number.NaN
  const counts = Array.from({ length: k }, (_, c) => Array.from(o.subarray(c * k, c * k + k)))
  return {
    alpha,
    observedDisagreement,
    expectedDisagreement,
    values: n,
    units,
    coincidence: { categories: [...categories], counts },
  }
}

/**
 * Nominal alpha of a reliability data matrix: data[i][u] is coder i's value for unit u, null or
 * undefined when coder i did not code unit u (rows are coders, columns units, as in Krippendorff's
 * tables). Categories are the sorted distinct values.
 */
export function krippendorffAlpha<T extends string | number>(data: readonly (readonly (T | null | undefined)[])[]): AlphaResult<T> {
  const unitCount = data.reduce((max, row) => Math.max(max, row.length), 0)
  const seen = new Set<T>()
  for (const row of data) for (const v of row) if (v !== null && v !== undefined) seen.add(v)
  const categories = [...seen].sort(compareCategories)
  const index = new Map<T, number>(categories.map((c, i) => [c, i]))
  const coded = data.map((row) => {
    const codes = new Int32Array(unitCount).fill(-1)
    row.forEach((v, u) => {
      if (v !== null && v !== undefined) codes[u] = index.get(v)!
    })
    return codes
  })
  const k = categories.length
  const o = new Float64Array(k * k)
  const units = addUnitsToCoincidence(o, k, coded, unitCount)
  return alphaFromCoincidence(categories, o, units)
}
