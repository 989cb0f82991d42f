/**
 * How tall each paragraph of a text is, in pixels: measured for the paragraphs that have been
 * drawn, estimated from their length for the others. The text view sizes its gaps (the lines it
 * has not drawn) from this map and finds the paragraph at a scroll position in it, so the scroll
 * bar stands for the whole text while only a window of it is in the page. Sums are kept as prefix
 * sums, made again (one pass over the paragraphs) only after a height changed.
 */

/** How a paragraph's height is guessed before it is drawn. */
export interface Estimate {
  /** The height of one line of text, px. */
  lineHeight: number
  /** What a paragraph adds besides its lines (its bottom margin), px. */
  spacing: number
  /** About how many characters fit on one line. */
  charsPerLine: number
}

/** The estimate before anything was measured: 18 px text, line height 1.8, a 42rem column (styles.css). */
export const DEFAULT_ESTIMATE: Estimate = { lineHeight: 32.4, spacing: 5.4, charsPerLine: 68 }

/** The estimated height of a paragraph of `chars` characters. */
export function estimateHeight(chars: number, e: Estimate): number {
  return e.spacing + e.lineHeight * Math.max(1, Math.ceil(chars / e.charsPerLine))
}

/** Per-paragraph heights and their sums. */
export class HeightMap {
  private readonly heights: Float64Array
  private readonly measured: Uint8Array
  private tops: Float64Array | null = null
  private estimate: Estimate

  constructor(
    private readonly lengths: (i: number) => number,
    readonly count: number,
    estimate: Estimate = DEFAULT_ESTIMATE,
  ) {
    this.heights = new Float64Array(count)
    this.measured = new Uint8Array(count)
    this.estimate = estimate
    for (let i = 0; i < count; i++) this.heights[i] = estimateHeight(lengths(i), estimate)
  }

  private sums(): Float64Array {
    if (!this.tops) {
      const tops = new Float64Array(this.count + 1)
      for (let i = 0; i < this.count; i++) tops[i + 1] = tops[i]! + this.heights[i]!
      this.tops = tops
    }
    return this.tops
  }

  /** Paragraph `i`'s height. */
  height(i: number): number {
    return this.heights[i] ?? 0
  }

  /** Whether paragraph `i`'s height was measured (since the last `forget`). */
  isMeasured(i: number): boolean {
    return this.measured[i] === 1
  }

  /** The top of paragraph `i` (0 for the first; `total` for i = count). */
  top(i: number): number {
    return this.sums()[Math.max(0, Math.min(i, this.count))]!
  }

  /** The height of paragraphs [from, to). */
  sum(from: number, to: number): number {
    return to > from ? this.top(to) - this.top(from) : 0
  }

  /** The height of the whole text. */
  get total(): number {
    return this.top(this.count)
  }

  /** The paragraph at `y` (the last one whose top is at or above it), clamped to the text. */
  at(y: number): number {
    const tops = this.sums()
    let lo = 0
    let hi = this.count - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1
      if (tops[mid]! <= y) lo = mid
      else hi = mid - 1
    }
    return Math.max(0, lo)
  }

  /** Record a measured height; true when it differs from what the map held. */
  set(i: number, height: number): boolean {
    this.measured[i] = 1
    if (Math.abs(this.heights[i]! - height) < 0.01) return false
    this.heights[i] = height
    this.tops = null
    return true
  }

  /** Guess every paragraph not measured again with a new estimate. */
  reestimate(estimate: Estimate): void {
    this.estimate = estimate
    for (let i = 0; i < this.count; i++) if (!this.measured[i]) this.heights[i] = estimateHeight(this.lengths(i), estimate)
    this.tops = null
  }

  /** Forget every measurement (the column's width changed): all heights are estimates again. */
  forget(estimate: Estimate = this.estimate): void {
    this.measured.fill(0)
    this.reestimate(estimate)
  }
}

/**
 * An estimate fitted to paragraphs that were measured: `samples` holds each one's length in
 * characters and measured height. The line height and spacing come from the page's style.
 */
export function fitEstimate(lineHeight: number, spacing: number, samples: readonly { chars: number; height: number }[]): Estimate {
  let chars = 0
  let lines = 0
  for (const s of samples) {
    const n = Math.max(1, Math.round((s.height - spacing) / lineHeight))
    // A paragraph's last line is on average half full: count it as half a line of characters.
    if (n > 1) {
      chars += s.chars
      lines += n - 0.5
    }
  }
  const charsPerLine = lines > 0 ? chars / lines : DEFAULT_ESTIMATE.charsPerLine
  return { lineHeight, spacing, charsPerLine: Math.max(8, charsPerLine) }
}
