import { describe, expect, it } from 'vitest'
import { TextIndex } from '../../../shared/offsets'
import { marked } from '../testing/builders'
import { ParagraphIndex } from './paragraphs'
import { docFromText } from './schema'

describe('ParagraphIndex', () => {
  it('cuts a span over several lines into one piece per non-empty line it covers', () => {
    const { text, spans } = marked('Title 📰\n\n[Er sagte: „Nein.“\n\nשלום\nend] of it')
    const index = new TextIndex(text)
    const doc = docFromText(text)
    const pieces = new ParagraphIndex(index).pieces(index.cpToPm(spans[0]!.start), index.cpToPm(spans[0]!.end))
    expect(pieces.map(([a, b]) => doc.textBetween(a, b))).toEqual(['Er sagte: „Nein.“', 'שלום', 'end'])
  })

  it('keeps a span inside one line whole', () => {
    const { text, spans } = marked('one\ntwo [three 🎉] four\nfive')
    const index = new TextIndex(text)
    const doc = docFromText(text)
    const pieces = new ParagraphIndex(index).pieces(index.cpToPm(spans[0]!.start), index.cpToPm(spans[0]!.end))
    expect(pieces.map(([a, b]) => doc.textBetween(a, b))).toEqual(['three 🎉'])
  })

  it('knows where each line starts and ends in the whole document without building it', () => {
    const text = '🇺🇦 one\n\nשלום 😀\ne\u0301nd\n'
    const index = new TextIndex(text)
    const paragraphs = new ParagraphIndex(index)
    const doc = docFromText(text)
    expect(paragraphs.count).toBe(doc.childCount)
    doc.forEach((node, offset, i) => {
      expect(paragraphs.start(i)).toBe(offset + 1)
      expect(paragraphs.end(i)).toBe(offset + 1 + node.content.size)
      expect(paragraphs.size(i)).toBe(node.content.size)
      expect(paragraphs.at(offset + 1)).toBe(i)
    })
  })
})
