/**
 * Cohen's kappa for two annotators who each gave one nominal category to the same n units,
 * computed exactly as scikit-learn's `cohen_kappa_score(y1, y2)` (unweighted): categories are
 * the sorted union of both annotators' values, the confusion matrix has annotator a's values as
 * rows and b's as columns, and
 *
 *   kappa = 1 - (n * D) / (n² - Σ_k row_k · col_k)     (D = off-diagonal count)
 *
 * which is (p_o - p_e) / (1 - p_e) with p_o = diagonal / n and p_e = Σ_k row_k · col_k / n².
 * The integer form is used so that the only rounding is the final division.
 *
 * Undefined cases return NaN, as scikit-learn does: no units at all, or p_e = 1 (both annotators
 * used one and the same category for every unit, so there is no chance-corrected agreement to
 * speak of; observed agreement is still 1 and is returned alongside).
 */

/** Counts of (a's category, b's category): counts[i][j] = units a put in categories[i] and b in categories[j]. */
export interface ConfusionMatrix<T extends string | number = string> {
  categories: T[]
  counts: number[][]
}

/** Cohen's kappa with the figures it is made of. */
export interface KappaResult<T extends string | number = string> {
  /** (p_o - p_e) / (1 - p_e); NaN when undefined (n = 0, or p_e = 1). */
  kappa: number
  /** Share of units on which both gave the same category (p_o); NaN when n = 0. */
  observed: number
  /** Agreement expected by chance from each annotator's own category shares (p_e); NaN when n = 0. */
  expected: number
  /** Number of units (pairs of values). */
  n: number
  confusion: ConfusionMatrix<T>
}

/**
 * The order scikit-learn (numpy.unique) gives categories: numbers ascending, strings by code
 * unit (identical to code point order for the BMP, which covers every label slug).
 */
export function compareCategories(x: string | number, y: string | number): number {
  if (typeof x === 'number' && typeof y === 'number') return x - y
  if (typeof x !== typeof y) return typeof x === 'number' ? -1 : 1
  return x < y ? -1 : x > y ? 1 : 0
}

/**
 * Cohen's kappa of two equally long sequences of categories (a[i] and b[i] rate unit i).
 * `categories`, if given, fixes the rows and columns of the confusion matrix (it must contain
 * every value used); otherwise they are the sorted union of the values, as in scikit-learn.
 */
export function cohenKappa<T extends string | number>(a: readonly T[], b: readonly T[], categories?: readonly T[]): KappaResult<T> {
  if (a.length !== b.length) throw new RangeError(`cohenKappa needs two equally long sequences (got ${a.length} and ${b.length})`)
  const cats = categories ? [...categories] : [...new Set([...a, ...b])].sort(compareCategories)
  const index = new Map<T, number>(cats.map((c, i) => [c, i]))
  const counts = cats.map(() => cats.map(() => 0))
  for (let u = 0; u < a.length; u++) {
    const i = index.get(a[u]!)
    const j = index.get(b[u]!)
    if (i === undefined || j === undefined)
      throw new RangeError(`category ${String(i === undefined ? a[u] : b[u])} is not among the categories given`)
    counts[i]![j]!++
  }
  return kappaFromConfusion({ categories: cats, counts })
}

/** Cohen's kappa from a square confusion matrix (rows: annotator a, columns: annotator b). */
export function kappaFromConfusion<T extends string | number>(confusion: ConfusionMatrix<T>): KappaResult<T> {
  const { counts } = confusion
  const k = counts.length
  let n = 0
  let diagonal = 0
  let chance = 0
  const cols = Array.from({ length: k }, () => 0)
  const rows = Array.from({ length: k }, () => 0)
  for (let i = 0; i < k; i++) {
    const row = counts[i]!
    if (row.length !== k) throw new RangeError('a confusion matrix must be square')
    for (let j = 0; j < k; j++) {
      rows[i]! += row[j]!
      cols[j]! += row[j]!
    }
    n += rows[i]!
    diagonal += row[i]!
  }
  for (let i = 0; i < k; i++) chance += rows[i]! * cols[i]!
  const disagreements = n - diagonal
  // 0/0 (n = 0, or one shared category so n² = Σ row·col) gives NaN, as in scikit-learn.
  const kappa = n === 0 || n * n === chance ? Number.NaN : 1 - (n * disagreements) / (n * n - chance)
  return {
    kappa,
    observed: n === 0 ? Number.NaN : diagonal / n,
    expected: n === 0 ? Number.NaN : chance / (n * n),
    n,
    confusion,
  }
}
