import { describe, expect, it } from 'vitest'
import { TextIndex, codePointLength, quoteAt, sliceCodePoints } from './offsets'

/** Every code point offset of a text, checked against Array.from (Python's indexing). */
function expectConsistent(text: string) {
  const index = new TextIndex(text)
  const cps = Array.from(text)
  expect(index.length).toBe(cps.length)
  for (let cp = 0; cp <= cps.length; cp++) {
    const u16 = index.cpToU16(cp)
    expect(text.slice(0, u16)).toBe(cps.slice(0, cp).join(''))
    expect(index.u16ToCp(u16)).toBe(cp)
    expect(index.pmToCp(index.cpToPm(cp))).toBe(cp)
  }
}

describe('TextIndex', () => {
  it('counts code points, not UTF-16 units, for emoji', () => {
    const text = 'Putin 😀 said 👩‍👩‍👧 "no" 🇺🇦.'
    expect(codePointLength(text)).toBe(Array.from(text).length)
    expectConsistent(text)
    const index = new TextIndex(text)
    const start = Array.from(text).indexOf('s')
    expect(index.slice(start, start + 4)).toBe('said')
  })

  it('keeps combining marks as their own code points', () => {
    const text = 'Zoe\u0301 and Nguye\u0302\u0303n met'
    expectConsistent(text)
    const index = new TextIndex(text)
    expect(index.slice(0, 4)).toBe('Zoe\u0301')
  })

  it('handles right-to-left text (Hebrew, Arabic) in logical order', () => {
    const text = 'Netanyahu said: "ישראל במלחמה" and Hamas: "حماس تقول"'
    expectConsistent(text)
    const index = new TextIndex(text)
    const start = Array.from(text).indexOf('י')
    expect(index.slice(start, start + 5)).toBe('ישראל')
  })

  it('maps lines to editor paragraphs: position = utf16 + lines before + 1', () => {
    const text = 'first 😀\n\nthird line\nlast'
    const index = new TextIndex(text)
    expect(index.lines()).toEqual(['first 😀', '', 'third line', 'last'])
    expect(index.cpToPm(0)).toBe(1)
    const third = Array.from(text).join('').indexOf('third') - 1 // one astral character before it
    // paragraph 0 has 8 units (+2 for its open/close), paragraph 1 is empty (+2): content of 2 starts at 13
    expect(index.cpToPm(third)).toBe(13)
    expect(index.pmToCp(13)).toBe(third)
    expectConsistent(text)
  })

  it('clamps positions between paragraphs to the end of the line before', () => {
    const text = 'ab\ncd'
    const index = new TextIndex(text)
    // positions: 0 before p1, 1..3 inside p1, 4 between paragraphs, 5..7 inside p2
    expect(index.pmToU16(4)).toBe(2)
    expect(index.pmToU16(5)).toBe(3)
    expect(index.pmToU16(7)).toBe(5)
  })

  it('knows where each line starts and ends, and the line of any editor position', () => {
    const text = '🇺🇦 first\n\nשלום 😀\ne\u0301nd'
    const index = new TextIndex(text)
    const lines = index.lines()
    expect(index.lineCount).toBe(lines.length)
    let u16 = 0
    lines.forEach((line, i) => {
      expect(index.lineStartU16(i)).toBe(u16)
      expect(index.lineEndU16(i)).toBe(u16 + line.length)
      expect(index.lineStartPm(i)).toBe(index.u16ToPm(u16))
      expect(index.lineOfU16(u16)).toBe(i)
      // Every position inside the line's paragraph, its ends included, belongs to the line.
      for (let pm = index.lineStartPm(i); pm <= index.lineStartPm(i) + line.length; pm++) expect(index.lineOfPm(pm)).toBe(i)
      u16 += line.length + 1
    })
  })

  it('refuses offsets outside the text', () => {
    const index = new TextIndex('abc')
    expect(() => index.cpToU16(4)).toThrow(RangeError)
    expect(() => index.cpToU16(-1)).toThrow(RangeError)
  })

  it('round-trips a long text with astral characters throughout', () => {
    const text = Array.from({ length: 2000 }, (_, i) => (i % 7 === 0 ? '𝔸\n' : i % 5 === 0 ? 'é' : 'x')).join('')
    expectConsistent(text)
  })
})

describe('quoteAt', () => {
  it('gives exact text and up to 32 code points of context either side', () => {
    const text = `${'😀'.repeat(40)}CLAIM${'🙂'.repeat(40)}`
    const index = new TextIndex(text)
    const q = quoteAt(index, 40, 45)
    expect(q.exact).toBe('CLAIM')
    expect(Array.from(q.prefix)).toHaveLength(32)
    expect(Array.from(q.suffix)).toHaveLength(32)
    expect(q.prefix).toBe('😀'.repeat(32))
  })

  it('matches Python slicing', () => {
    const text = 'a😀b\u0301c'
    expect(sliceCodePoints(text, 1, 4)).toBe('😀b\u0301')
  })
})
