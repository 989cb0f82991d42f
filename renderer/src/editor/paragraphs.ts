/**
 * Where each paragraph's content starts and ends in the editor document, found once per document,
 * so a span can be cut at paragraph boundaries by binary search (walking the document from its
 * start for every span costs time in proportion to the number of paragraphs before it).
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

  /** The pieces of [from, to) that lie inside paragraphs, in order; empty pieces are left out. */
  pieces(from: number, to: number): [number, number][] {
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1
      if (this.starts[mid]! <= from) lo = mid
      else hi = mid - 1
    }
    const out: [number, number][] = []
    for (let i = lo; i < this.starts.length && this.starts[i]! < to; i++) {
      const a = Math.max(from, this.starts[i]!)
      const b = Math.min(to, this.ends[i]!)
      if (b > a) out.push([a, b])
    }
    return out
  }
}
