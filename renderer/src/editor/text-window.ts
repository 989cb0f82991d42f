/**
 * The part of a text the view draws: runs of whole paragraphs (lines), in text order, with a gap
 * node for each stretch of lines between them and at either end. The view draws one main run
 * around the viewport, and single paragraphs where the selection's ends lie, so a selection
 * over drawn and undrawn parts keeps both of its ends in the page. A window's editor document
 * holds only its runs' paragraphs; positions in it convert to the positions of the whole text
 * (shared/offsets.ts: paragraph i's content starts at lineStartU16(i) + i + 1) by one shift per
 * run, so code point offsets stay exact across every boundary.
 */
import type { Node } from 'prosemirror-model'
import type { TextIndex } from '../../../shared/offsets'
import type { ParagraphIndex } from './paragraphs'
import { paragraphOf, textSchema } from './schema'

/** Lines [from, to), end-exclusive. */
export interface LineRange {
  from: number
  to: number
}

/** A run of drawn lines and where its first paragraph starts in the window's document. */
export interface DrawnRun extends LineRange {
  /** The window position of the first paragraph (before its opening). */
  pos: number
  /** Window position minus text position, for every position in this run. */
  shift: number
}

/** Sort and merge line ranges (touching ones join), clamped to [0, count). */
export function mergeRanges(ranges: readonly LineRange[], count: number): LineRange[] {
  const sorted = ranges
    .map((r) => ({ from: Math.max(0, r.from), to: Math.min(count, r.to) }))
    .filter((r) => r.to > r.from)
    .sort((a, b) => a.from - b.from)
  const out: LineRange[] = []
  for (const r of sorted) {
    const last = out[out.length - 1]
    if (last && r.from <= last.to) last.to = Math.max(last.to, r.to)
    else out.push({ ...r })
  }
  return out
}

/** One window of a text: its editor document and position conversions. */
export class TextWindow {
  readonly doc: Node
  readonly runs: readonly DrawnRun[]
  /** The drawn paragraph nodes by line (reused by the next window, so the view keeps their DOM). */
  private readonly nodes: Map<number, Node>

  constructor(
    readonly index: TextIndex,
    readonly paragraphs: ParagraphIndex,
    ranges: readonly LineRange[],
    previous?: TextWindow,
  ) {
    const count = paragraphs.count
    const merged = mergeRanges(ranges, count)
    if (!merged.length) merged.push({ from: 0, to: Math.min(1, count) })
    const children: Node[] = []
    const runs: DrawnRun[] = []
    const nodes = new Map<number, Node>()
    let pos = 0
    let next = 0
    const gap = (from: number, to: number) => {
      children.push(textSchema.node('gap', { from, to }))
      pos += 1
    }
    for (const r of merged) {
      if (r.from > next) gap(next, r.from)
      // Paragraph `from` opens at paragraphs.start(from) - 1 in the whole text's document.
      runs.push({ ...r, pos, shift: pos - (paragraphs.start(r.from) - 1) })
      for (let i = r.from; i < r.to; i++) {
        const node = previous?.nodes.get(i) ?? paragraphOf(index.text.slice(index.lineStartU16(i), index.lineEndU16(i)))
        nodes.set(i, node)
        children.push(node)
        pos += node.nodeSize
      }
      next = r.to
    }
    if (next < count) gap(next, count)
    this.doc = textSchema.node('doc', null, children)
    this.runs = runs
    this.nodes = nodes
  }

  /** The run holding line `i`, or undefined when it is not drawn. */
  private runOf(line: number): DrawnRun | undefined {
    let lo = 0
    let hi = this.runs.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const r = this.runs[mid]!
      if (line < r.from) hi = mid - 1
      else if (line >= r.to) lo = mid + 1
      else return r
    }
    return undefined
  }

  /** Whether line `i` is drawn. */
  isDrawn(line: number): boolean {
    return this.runOf(line) !== undefined
  }

  /** How many lines are drawn. */
  get drawnCount(): number {
    return this.runs.reduce((n, r) => n + r.to - r.from, 0)
  }

  /** Window position minus text position in line `i`; NaN when the line is not drawn. */
  shift(line: number): number {
    return this.runOf(line)?.shift ?? Number.NaN
  }

  /** The window position of a text position, or null when its line is not drawn. */
  toWindow(pm: number): number | null {
    const r = this.runOf(this.paragraphs.at(pm))
    return r ? pm + r.shift : null
  }

  /** The window position where line `i`'s paragraph opens (its node), or null when not drawn. */
  paragraphPos(line: number): number | null {
    const r = this.runOf(line)
    return r ? this.paragraphs.start(line) - 1 + r.shift : null
  }

  /**
   * The text position of a window position. Positions in a gap, or at its edges, go to the end of
   * the drawn line before it (or, before the first run, the start of the first drawn line).
   */
  toText(pos: number): number {
    let lo = 0
    let hi = this.runs.length - 1
    let found = -1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      if (this.runs[mid]!.pos <= pos) {
        found = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    if (found < 0) return this.paragraphs.start(this.runs[0]!.from)
    const r = this.runs[found]!
    const last = this.paragraphs.end(r.to - 1)
    return Math.max(this.paragraphs.start(r.from), Math.min(last, pos - r.shift))
  }
}
