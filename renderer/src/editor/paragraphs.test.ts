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
    const pieces = new ParagraphIndex(doc).pieces(index.cpToPm(spans[0]!.start), index.cpToPm(spans[0]!.end))
    expect(pieces.map(([a, b]) => doc.textBetween(a, b))).toEqual(['Er sagte: „Nein.“', 'שלום', 'end'])
  })

  it('keeps a span inside one line whole', () => {
    const { text, spans } = marked('one\ntwo [three 🎉] four\nfive')
    const index = new TextIndex(text)
    const doc = docFromText(text)
    const pieces = new ParagraphIndex(doc).pieces(index.cpToPm(spans[0]!.start), index.cpToPm(spans[0]!.end))
    expect(pieces.map(([a, b]) => doc.textBetween(a, b))).toEqual(['three 🎉'])
  })
})
