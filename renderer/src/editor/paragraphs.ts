/**
 * Where each paragraph's content starts and ends in the editor positions of the whole text (one
 * paragraph per line, as shared/offsets.ts counts them), read from the text's index, so a span
 * can be cut at paragraph boundaries, or a position mapped to its paragraph, by binary search,
 * without an editor document of the whole text ever existing.
 */
import type { TextIndex } from '../../../shared/offsets'

/** The content ranges of a text's paragraphs (its lines), in editor positions of the whole text. */
export class ParagraphIndex {
  constructor(private readonly index: TextIndex) {}

  /** How many paragraphs there are. */
  get count(): number {
    return this.index.lineCount
  }

  private clamp(i: number): number {
    return Math.max(0, Math.min(i, this.count - 1))
  }

  /** Where paragraph `i`'s content starts (clamped to the first and last paragraph). */
  start(i: number): number {
    return this.index.lineStartPm(this.clamp(i))
  }

  /** Where paragraph `i`'s content ends (clamped to the first and last paragraph). */
  end(i: number): number {
    const at = this.clamp(i)
    return this.index.lineStartPm(at) + this.index.lineEndU16(at) - this.index.lineStartU16(at)
  }

  /** Paragraph `i`'s length in UTF-16 units. */
  size(i: number): number {
    return this.index.lineEndU16(i) - this.index.lineStartU16(i)
  }

  /** The paragraph holding position `pos` (the last one starting at or before it; 0 before the first). */
  at(pos: number): number {
    return this.index.lineOfPm(pos)
  }

  /** The first and last paragraph that [from, to] reaches into. */
  touching(from: number, to: number): [number, number] {
    return [this.at(from), this.at(Math.max(from, to))]
  }

  /** The pieces of [from, to) that lie inside paragraphs, in order; empty pieces are left out. */
  pieces(from: number, to: number): [number, number][] {
    const out: [number, number][] = []
    for (let i = this.at(from); i < this.count && this.start(i) < to; i++) {
      const a = Math.max(from, this.start(i))
      const b = Math.min(to, this.end(i))
      if (b > a) out.push([a, b])
    }
    return out
  }
}
