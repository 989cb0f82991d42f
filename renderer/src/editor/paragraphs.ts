/**
 * Where each paragraph's content starts and ends in the editor document, found once per document,
 * so a span can be cut at paragraph boundaries, or a position mapped to its paragraph, by binary
 * search (walking the document from its start for every span costs time in proportion to the
 * number of paragraphs before it).
 */
import type { Node } from 'prosemirror-model'

/** The content ranges of a document's top-level paragraphs. */
export class ParagraphIndex {
  private readonly starts: number[] = []
  private readonly ends: number[] = []

  constructor(doc: Node) {
    doc.forEach((node, offset) => {
      this.starts.push(offset + 1)
      this.ends.push(offset + 1 + node.content.size)
    })
  }

  /** How many paragraphs there are. */
  get count(): number {
    return this.starts.length
  }

  /** Where paragraph `i`'s content starts (clamped to the first and last paragraph). */
  start(i: number): number {
    return this.starts[Math.max(0, Math.min(i, this.starts.length - 1))] ?? 0
  }

  /** Where paragraph `i`'s content ends (clamped to the first and last paragraph). */
  end(i: number): number {
    return this.ends[Math.max(0, Math.min(i, this.ends.length - 1))] ?? 0
  }

  /** The paragraph holding position `pos` (the last one starting at or before it; 0 before the first). */
  at(pos: number): number {
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1
      if (this.starts[mid]! <= pos) lo = mid
      else hi = mid - 1
    }
    return lo
  }

  /** The first and last paragraph that [from, to] reaches into. */
  touching(from: number, to: number): [number, number] {
    return [this.at(from), this.at(Math.max(from, to))]
  }

  /** The pieces of [from, to) that lie inside paragraphs, in order; empty pieces are left out. */
  pieces(from: number, to: number): [number, number][] {
    const out: [number, number][] = []
    for (let i = this.at(from); i < this.starts.length && this.starts[i]! < to; i++) {
      const a = Math.max(from, this.starts[i]!)
      const b = Math.min(to, this.ends[i]!)
      if (b > a) out.push([a, b])
    }
    return out
  }
}
