import { describe, expect, it } from 'vitest'
import { sliceCodePoints } from '../offsets'
import { coverage, tokenRange, tokenize } from './tokens'

/** Each token's text, cut by its code point offsets as Python's text[start:end] would. */
function tokenTexts(text: string): string[] {
  const t = tokenize(text)
  return Array.from(t.starts, (s, i) => sliceCodePoints(text, s, t.ends[i]!))
}

describe('tokenize', () => {
  it('cuts words and punctuation, keeping apostrophes and hyphens inside words', () => {
    expect(tokenTexts(`Putin's aide, Mil-Man, said: "no" -- 'maybe' (2023-10-12).`)).toEqual([
      "Putin's",
      'aide',
      ',',
      'Mil-Man',
      ',',
      'said',
      ':',
      '"',
      'no',
      '"',
      '-',
      '-',
      "'",
      'maybe',
      "'",
      '(',
      '2023-10-12',
      ')',
      '.',
    ])
  })

  it('gives code point offsets, not UTF-16 ones, after emoji and astral characters', () => {
    const text = '😀 ok 𝒳y 🇺🇦!'
    const t = tokenize(text)
    // 😀 is one code point (two UTF-16 units), 🇺🇦 two code points (four units).
    expect(Array.from(t.starts)).toEqual([0, 2, 5, 8, 10])
    expect(Array.from(t.ends)).toEqual([1, 4, 7, 10, 11])
    expect(tokenTexts(text)).toEqual(['😀', 'ok', '𝒳y', '🇺🇦', '!'])
  })

  it('keeps an emoji with its skin tone, variation selector or ZWJ sequence as one token', () => {
    expect(tokenTexts('👍🏽 👩‍👩‍👧 ❤️ 🏴󠁧󠁢󠁳󠁣󠁴󠁿x')).toEqual(['👍🏽', '👩‍👩‍👧', '❤️', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', 'x'])
  })

  it('keeps combining marks in their word', () => {
    const text = 'Zoe\u0301 and Nguye\u0302\u0303n met'
    expect(tokenTexts(text)).toEqual(['Zoe\u0301', 'and', 'Nguye\u0302\u0303n', 'met'])
    expect(tokenize(text).ends[0]).toBe(4)
  })

  it('cuts Hebrew and Arabic (with harakat, gershayim and ZWNJ) in logical order', () => {
    const text = 'Netanyahu: "ישראל במלחמה", צה״ל; حماسٌ تقول، می\u200Cخواهم'
    expect(tokenTexts(text)).toEqual([
      'Netanyahu',
      ':',
      '"',
      'ישראל',
      'במלחמה',
      '"',
      ',',
      'צה״ל',
      ';',
      'حماسٌ',
      'تقول',
      '،',
      'می\u200Cخواهم',
    ])
  })

  it('makes no unit of whitespace, NBSP, line breaks or invisible direction marks', () => {
    expect(tokenTexts(' a\u00a0b\n\u200Fc\u200B\t\uFEFFd ')).toEqual(['a', 'b', 'c', 'd'])
    expect(tokenize('  \n ').count).toBe(0)
  })
})

describe('token membership', () => {
  const text = 'The minister said Russia is neutral.'
  // tokens:      The [0,3) minister [4,12) said [13,17) Russia [18,24) is [25,27) neutral [28,35) . [35,36)
  const tokens = tokenize(text)

  it('gives a token to an annotation that overlaps it by at least one code point', () => {
    expect(tokenRange(tokens, 4, 12)).toEqual({ first: 1, end: 2 }) // "minister" exactly
    expect(tokenRange(tokens, 6, 20)).toEqual({ first: 1, end: 4 }) // ends inside "Russia": takes it
    expect(tokenRange(tokens, 11, 12)).toEqual({ first: 1, end: 2 }) // last letter only
    expect(tokenRange(tokens, 3, 4)).toEqual({ first: 1, end: 1 }) // the space alone: no token
  })

  it('marks the union of nested and overlapping spans, once each', () => {
    const covered = coverage(tokens, [
      { start: 0, end: 36 },
      { start: 4, end: 12 },
      { start: 18, end: 35 },
      { start: 28, end: 35 },
    ])
    expect(Array.from(covered)).toEqual([1, 1, 1, 1, 1, 1, 1])
    expect(
      Array.from(
        coverage(tokens, [
          { start: 18, end: 24 },
          { start: 28, end: 35 },
        ]),
      ),
    ).toEqual([0, 0, 0, 1, 0, 1, 0])
    expect(Array.from(coverage(tokens, []))).toEqual([0, 0, 0, 0, 0, 0, 0])
  })
})
