/**
 * Summaries of timing samples: median and p95 (nearest rank), as every table of the bench
 * reports them, with the sample count so a p95 over few samples reads for what it is.
 */

/** Median, p95, worst and count of a list of samples (ms, MB...). */
export interface Summary {
  n: number
  median: number
  p95: number
  max: number
}

/** The value at quantile `q` of sorted samples (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}

/** Summarise samples; an empty list gives NaN figures (shown as "—"). */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b)
  return { n: sorted.length, median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted.at(-1) ?? Number.NaN }
}
