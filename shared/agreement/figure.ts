/**
 * A figure in a report: a number, or null where the metric is undefined (0/0: nothing to compare,
 * or only one category in use). JSON has no NaN, so reports carry null and the UI shows "—".
 */

/** A reported value; null means undefined, never zero. */
export type Figure = number | null

/**
 * NaN (and ±Infinity, which no metric here produces) as null; a number within 1e-12 of a whole
 * one as that whole number, so a value that is 0 or 1 in exact arithmetic is written 0 or 1, not
 * 1.55e-15 or 0.9999999999999998 (floating point's rounding, which a reader would take for a
 * result); any other number as is.
 */
export function figure(x: number): Figure {
  if (!Number.isFinite(x)) return null
  const whole = Math.round(x)
  return Math.abs(x - whole) < 1e-12 ? whole + 0 : x
}

/** a / b, or null when b is 0. */
export function ratio(a: number, b: number): Figure {
  return b === 0 ? null : a / b
}

/** A figure as text: "0.82", or "—" when undefined; a value that rounds to zero is "0.00", never "-0.00". */
export function formatFigure(value: Figure, digits = 2): string {
  if (value === null) return '—'
  const text = value.toFixed(digits)
  return /^-0(?:\.0*)?$/.test(text) ? text.slice(1) : text
}
