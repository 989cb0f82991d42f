import { describe, expect, it } from 'vitest'
import { TextIndex } from '../../../shared/offsets'
import { marked } from '../testing/builders'
import { ParagraphIndex } from './paragraphs'
import { docFromText } from './schema'
import { mergeRanges, TextWindow } from './text-window'

/** A text of `n` lines in several scripts: astral characters, combining marks, right-to-left. */
function lines(n: number): string {
  const kinds = ['Kyiv 🇺🇦 said 👩🏽‍⚕️ no', 'Cafe\u0301 „Nein.“ e\u0308', 'שלום עליכם', 'عليكم 😀 مرحبا', '', '𝒜𝒷𝒸 plain']
  return Array.from({ length: n }, (_, i) => `${i}: ${kinds[i % kinds.length]}`).join('\n')
}

function windowOf(text: string, ranges: { from: number; to: number }[]) {
  const index = new TextIndex(text)
  const paragraphs = new ParagraphIndex(index)
  return { index, paragraphs, win: new TextWindow(index, paragraphs, ranges) }
}

describe('TextWindow', () => {
  it('holds only the drawn lines, with a gap for each stretch of lines between and around them', () => {
    const { win } = windowOf(lines(100), [
      { from: 10, to: 20 },
      { from: 50, to: 51 },
    ])
    const kinds: string[] = []
    win.doc.forEach((node) => kinds.push(node.type.name === 'gap' ? `gap ${node.attrs.from}-${node.attrs.to}` : 'p'))
    expect(kinds.filter((k) => k === 'p')).toHaveLength(11)
    expect(kinds.filter((k) => k !== 'p')).toEqual(['gap 0-10', 'gap 20-50', 'gap 51-100'])
    expect(win.drawnCount).toBe(11)
    expect(win.isDrawn(9)).toBe(false)
    expect(win.isDrawn(50)).toBe(true)
  })

  it('converts every position of every drawn line to the same text as the whole document has there', () => {
    const text = lines(60)
    const { index, win } = windowOf(text, [
      { from: 3, to: 9 },
      { from: 30, to: 33 },
      { from: 59, to: 60 },
    ])
    const whole = docFromText(text)
    for (const line of [3, 4, 8, 30, 31, 32, 59]) {
      const from = index.lineStartPm(line)
      const to = from + index.lineEndU16(line) - index.lineStartU16(line)
      for (let pm = from; pm <= to; pm++) {
        const at = win.toWindow(pm)
        expect(at).not.toBeNull()
        expect(win.toText(at!)).toBe(pm)
        // The character after the position is the same in the window as in the whole text.
        expect(win.doc.textBetween(at!, Math.min(at! + 1, win.toWindow(to)!))).toBe(whole.textBetween(pm, Math.min(pm + 1, to)))
      }
    }
    expect(win.toWindow(index.lineStartPm(10))).toBeNull()
  })

  it('keeps code point offsets exact for a span that starts in one drawn part and ends in another', () => {
    const { text, spans } = marked(`${lines(20)}\n[start 👩🏽‍⚕️ here\n${lines(20)}\nשלום end 😀] after`)
    const { index, paragraphs, win } = windowOf(text, [
      { from: 18, to: 21 },
      { from: 41, to: 42 },
    ])
    const span = spans[0]!
    const from = win.toWindow(index.cpToPm(span.start))
    const to = win.toWindow(index.cpToPm(span.end))
    expect(from).not.toBeNull()
    expect(to).not.toBeNull()
    // Back from the window to stored offsets: exactly what was marked.
    expect(index.pmToCp(win.toText(from!))).toBe(span.start)
    expect(index.pmToCp(win.toText(to!))).toBe(span.end)
    expect(win.doc.textBetween(from!, win.toWindow(paragraphs.end(20))!)).toBe('start 👩🏽‍⚕️ here')
    expect(win.doc.textBetween(win.toWindow(paragraphs.start(41))!, to!)).toBe('שלום end 😀')
  })

  it('puts a position in a gap at the end of the drawn line before it', () => {
    const { paragraphs, win } = windowOf(lines(30), [
      { from: 5, to: 10 },
      { from: 20, to: 25 },
    ])
    const gapPos = win.paragraphPos(10 - 1)! + win.doc.resolve(win.paragraphPos(9)! + 1).parent.nodeSize
    expect(win.doc.nodeAt(gapPos)?.type.name).toBe('gap')
    expect(win.toText(gapPos)).toBe(paragraphs.end(9))
    expect(win.toText(0)).toBe(paragraphs.start(5))
  })

  it('reuses the paragraph nodes of the window before, so the view keeps their elements', () => {
    const { index, paragraphs, win } = windowOf(lines(30), [{ from: 0, to: 10 }])
    const next = new TextWindow(index, paragraphs, [{ from: 5, to: 15 }], win)
    expect(next.doc.child(0).type.name).toBe('gap')
    expect(next.doc.child(1)).toBe(win.doc.child(5))
  })

  it('merges touching and overlapping line ranges and clamps them to the text', () => {
    expect(
      mergeRanges(
        [
          { from: 8, to: 12 },
          { from: -3, to: 2 },
          { from: 2, to: 4 },
          { from: 10, to: 40 },
        ],
        20,
      ),
    ).toEqual([
      { from: 0, to: 4 },
      { from: 8, to: 20 },
    ])
  })
})
