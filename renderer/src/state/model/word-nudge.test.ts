import { describe, expect, it } from 'vitest'
import { TextIndex } from '../../../../shared/offsets'
import { marked } from '../../testing/builders'
import { nudge, nudgeCharacter, placeBoundary, snapToWords } from './word-nudge'

function setup(source: string) {
  const { text, spans } = marked(source)
  const index = new TextIndex(text)
  const show = (s: { start: number; end: number }) => index.slice(s.start, s.end)
  return { index, span: { start: spans[0]!.start, end: spans[0]!.end }, show }
}

describe('nudge', () => {
  it('moves the start and the end by whole words, across emoji and line breaks', () => {
    const { index, span, show } = setup('Die 👩🏽‍⚕️ Ministerin [sagte: Gespräche] sind\ngescheitert.')
    expect(show(nudge(index, span, 'start', -1))).toBe('Ministerin sagte: Gespräche')
    expect(show(nudge(index, nudge(index, span, 'start', -1), 'start', -1))).toBe('👩🏽‍⚕️ Ministerin sagte: Gespräche')
    expect(show(nudge(index, span, 'start', 1))).toBe('Gespräche')
    expect(show(nudge(index, span, 'end', 1))).toBe('sagte: Gespräche sind')
    expect(show(nudge(index, nudge(index, span, 'end', 1), 'end', 1))).toBe('sagte: Gespräche sind\ngescheitert.')
    expect(show(nudge(index, span, 'end', -1))).toBe('sagte:')
  })

  it('never empties the span or leaves the text', () => {
    const { index, span, show } = setup('[one] two')
    expect(show(nudge(index, span, 'end', -1))).toBe('one')
    expect(show(nudge(index, span, 'start', 1))).toBe('one')
    expect(show(nudge(index, span, 'start', -1))).toBe('one')
    const end = setup('one [two]')
    expect(end.show(nudge(end.index, end.span, 'end', 1))).toBe('two')
  })
})

describe('snapping a selection to whole words', () => {
  it('widens a boundary that cuts a word, and leaves one beside space or punctuation', () => {
    const { text, spans } = marked('The minister st[opped note]s, said “[Zoe\u0301 Nguyễn]” 😀 [ok]')
    const index = new TextIndex(text)
    const snapped = (i: number) => {
      const s = snapToWords(index, spans[i]!)
      return index.slice(s.start, s.end)
    }
    expect(snapped(0)).toBe('stopped notes')
    expect(snapped(1)).toBe('Zoe\u0301 Nguyễn')
    expect(snapped(2)).toBe('ok')
  })

  it('takes words as Unicode finds them in scripts without spaces: Chinese, Japanese, Thai', () => {
    const { text, spans } = marked('[外交部]发言人汪文斌表示，谈判失[败]。日本の首[相]は述べた。นายก[รัฐมน]ตรีกล่าวว่า')
    const index = new TextIndex(text)
    const snapped = (i: number) => {
      const s = snapToWords(index, spans[i]!)
      return index.slice(s.start, s.end)
    }
    // A whole word stays as selected; a cut one becomes that word, not the run up to the next comma.
    expect(snapped(0)).toBe('外交部')
    expect(snapped(1)).toBe('失败')
    expect(snapped(2)).toBe('首相')
    expect(snapped(3)).toBe('รัฐมนตรี')
  })

  it('moves a boundary by one character, never out of the text or to an empty span', () => {
    const index = new TextIndex('ab😀c')
    expect(nudgeCharacter(index, { start: 1, end: 2 }, 'end', 1)).toEqual({ start: 1, end: 3 })
    expect(nudgeCharacter(index, { start: 1, end: 2 }, 'start', 1)).toEqual({ start: 1, end: 2 })
    expect(nudgeCharacter(index, { start: 0, end: 4 }, 'start', -1)).toEqual({ start: 0, end: 4 })
  })

  it('moves by a character as seen: a family emoji (five code points) or a letter with a combining accent is one step', () => {
    // "a 👨‍👩‍👧 e\u0301 b": the family is code points 2–7, é 8–10 (e + U+0301), then " b".
    const text = 'a 👨‍👩‍👧 e\u0301 b'
    const index = new TextIndex(text)
    const family = Array.from('👨‍👩‍👧').length
    expect(family).toBe(5)
    // The end after the family: one step back leaves it out whole, not a piece of it.
    expect(nudgeCharacter(index, { start: 0, end: 2 + family }, 'end', -1)).toEqual({ start: 0, end: 2 })
    // One step on from before it takes it whole.
    expect(nudgeCharacter(index, { start: 0, end: 2 }, 'end', 1)).toEqual({ start: 0, end: 2 + family })
    // The start before é moves past e and its accent together, and back again.
    const e = 2 + family + 1
    expect(nudgeCharacter(index, { start: e, end: index.length }, 'start', 1)).toEqual({ start: e + 2, end: index.length })
    expect(nudgeCharacter(index, { start: e + 2, end: index.length }, 'start', -1)).toEqual({ start: e, end: index.length })
    // Every step lands on a boundary Python's text[start:end] keeps whole.
    for (let at = 0; at <= index.length; at++) {
      const moved = nudgeCharacter(index, { start: 0, end: Math.max(1, at) }, 'end', 1).end
      expect(index.slice(0, moved).endsWith('\u200d')).toBe(false)
    }
  })
})

describe('placing a dragged boundary', () => {
  it('snaps a dropped end to the word it falls in, keeps the other end, and refuses an empty span', () => {
    const { index, span, show } = setup('Die 👩🏽‍⚕️ Ministerin [sagte: Gespräche] sind\ngescheitert.')
    const inside = span.end + 3 // in "sind"
    expect(show(placeBoundary(index, span, 'end', inside, true)!)).toBe('sagte: Gespräche sind')
    expect(show(placeBoundary(index, span, 'end', inside, false)!)).toBe('sagte: Gespräche si')
    expect(show(placeBoundary(index, span, 'start', span.start - 5, true)!)).toBe('Ministerin sagte: Gespräche')
    expect(placeBoundary(index, span, 'end', span.start, true)).toBeNull()
    expect(placeBoundary(index, span, 'start', span.end + 1, true)).toBeNull()
  })
})
