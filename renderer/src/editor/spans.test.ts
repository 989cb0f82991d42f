import { describe, expect, it } from 'vitest'
import { TextIndex, sliceCodePoints } from '../../../shared/offsets'
import { marked } from '../testing/builders'
import { coveringByLength, selectionToSpan, spanOfAnnotation } from './spans'
import { annotation } from '../testing/builders'

/** Editor positions of a marked span, the way a mouse selection would produce them. */
function select(index: TextIndex, span: { start: number; end: number }) {
  return [index.cpToPm(span.start), index.cpToPm(span.end)] as const
}

describe('selectionToSpan', () => {
  it('tags exactly the selected words after emoji with skin tones', () => {
    const { text, spans } = marked('Die Ministerin 👩🏽‍⚕️👍🏿 sagte: [Gespräche sind gescheitert].')
    const index = new TextIndex(text)
    const span = selectionToSpan(index, ...select(index, spans[0]!))
    expect(span).toEqual({ start: spans[0]!.start, end: spans[0]!.end })
    expect(sliceCodePoints(text, span!.start, span!.end)).toBe('Gespräche sind gescheitert')
  })

  it('leaves out spaces and line breaks at either end of the selection', () => {
    const { text, spans } = marked('He said:[ \n  the talks failed\u00a0\n]\nThen left.')
    const index = new TextIndex(text)
    const span = selectionToSpan(index, ...select(index, spans[0]!))
    expect(sliceCodePoints(text, span!.start, span!.end)).toBe('the talks failed')
  })

  it('keeps combining marks with their letters', () => {
    const { text, spans } = marked('Ông [Nguyễn Văn A] nói')
    const decomposed = text.normalize('NFD')
    const index = new TextIndex(decomposed)
    const start = Array.from(decomposed).indexOf('N')
    const end = start + Array.from('Nguyễn Văn A'.normalize('NFD')).length
    const span = selectionToSpan(index, index.cpToPm(start), index.cpToPm(end))
    expect(sliceCodePoints(decomposed, span!.start, span!.end)).toBe('Nguyễn Văn A'.normalize('NFD'))
    expect(spans[0]!.text).toBe('Nguyễn Văn A')
  })

  it('handles right-to-left Hebrew and Arabic spans across paragraphs, whichever way they were selected', () => {
    const { text, spans } = marked('הוא אמר: [השיחות נכשלו\nقال المتحدث] إن المحادثات فشلت')
    const index = new TextIndex(text)
    const [from, to] = select(index, spans[0]!)
    expect(selectionToSpan(index, to, from)).toEqual({ start: spans[0]!.start, end: spans[0]!.end })
    expect(sliceCodePoints(text, spans[0]!.start, spans[0]!.end)).toBe('השיחות נכשלו\nقال المتحدث')
  })

  it('gives nothing for a selection of only whitespace', () => {
    const { text, spans } = marked('one[  \n\n ]two')
    const index = new TextIndex(text)
    expect(selectionToSpan(index, ...select(index, spans[0]!))).toBeNull()
  })
})

describe('coveringByLength', () => {
  it('picks the shortest of nested annotations, then the one starting later', () => {
    const { text, spans } = marked('[The [minister 🇮🇱] said [that] it failed]')
    const index = new TextIndex(text)
    const [outer, inner, that] = spans.map((s, i) => annotation(index, i === 0 ? 'claim' : 'source', s.start, s.end))
    const live = [outer!, inner!, that!].map((a) => spanOfAnnotation(index, a))
    const insideMinister = spans[1]!.start + 2
    expect(coveringByLength(live, insideMinister).map((s) => s.id)).toEqual([inner!.id, outer!.id])
    expect(coveringByLength(live, spans[0]!.start)[0]!.id).toBe(outer!.id)
    expect(coveringByLength(live, spans[0]!.end)).toEqual([])
  })
})
