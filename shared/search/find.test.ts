import { describe, expect, it } from 'vitest'
import { TextIndex, sliceCodePoints } from '../offsets'
import { DEFAULT_QUERY, Searchable, findAll, inContext, paragraphOf, type Query } from './find'

const searchable = (text: string) => new Searchable(new TextIndex(text))
const find = (text: string, q: Partial<Query> & { text: string }) => findAll(searchable(text), { ...DEFAULT_QUERY, ...q })
/** The texts of the hits, cut from the text by their code point offsets (as Python's text[start:end]). */
const texts = (text: string, q: Partial<Query> & { text: string }) => {
  const r = find(text, q)
  if ('problem' in r) throw new Error(r.problem.message)
  return r.hits.map((h) => sliceCodePoints(text, h.start, h.end))
}

describe('finding in a stored text', () => {
  it('gives code point offsets after emoji, flags and ZWJ sequences (the offsets Python’s re.finditer gives)', () => {
    const text = 'Officials 😀 said the Kremlin 👩‍👩‍👧 and 🇺🇦 the kremlin’s spokesman: KREMLIN.'
    const r = find(text, { text: 'kremlin', wholeWord: false })
    expect('hits' in r && r.hits).toEqual([
      { start: 21, end: 28 },
      { start: 46, end: 53 },
      { start: 67, end: 74 },
    ])
    expect(texts(text, { text: 'kremlin', wholeWord: false })).toEqual(['Kremlin', 'kremlin', 'KREMLIN'])
    expect(texts(text, { text: 'Kremlin', caseSensitive: true })).toEqual(['Kremlin'])
  })

  it('ignores diacritics by default and keeps the offsets of the stored spelling, precomposed or combining', () => {
    const text = 'Zoé Nguyễn met Zoe\u0301 and ZOE; Peskóv, Peskov.'
    expect(texts(text, { text: 'zoe' })).toEqual(['Zoé', 'Zoe\u0301', 'ZOE'])
    expect(texts(text, { text: 'Zoé', diacriticsSensitive: true })).toEqual(['Zoé'])
    expect(texts(text, { text: 'nguyen' })).toEqual(['Nguyễn'])
    expect(texts(text, { text: 'peskov' })).toEqual(['Peskóv', 'Peskov'])
  })

  it('reads a no-break, thin or narrow no-break space as a space, typed or stored, with the stored offsets', () => {
    const text = 'The violence\u00a0was "very high", said the\u202fminister; 10\u2009000 fled.'
    expect(texts(text, { text: 'violence was' })).toEqual(['violence\u00a0was'])
    expect(texts(text, { text: 'the minister', caseSensitive: true, diacriticsSensitive: true })).toEqual(['the\u202fminister'])
    expect(texts(text, { text: '10 000' })).toEqual(['10\u2009000'])
    expect(texts(text, { text: 'violence\u00a0was' })).toEqual(['violence\u00a0was'])
    expect(texts('a b', { text: 'a\u00a0b' })).toEqual(['a b'])
  })

  it('reads a curly apostrophe or quote as the typed one, either way round, with the stored offsets', () => {
    const text = "Russia’s envoy said “enough”; Hamas's reply, and the Kremlin\u02bcs „nein“."
    expect(texts(text, { text: "Russia's" })).toEqual(['Russia’s'])
    expect(texts(text, { text: 'Hamas’s' })).toEqual(["Hamas's"])
    expect(texts(text, { text: '"enough"' })).toEqual(['“enough”'])
    expect(texts(text, { text: "kremlin's", caseSensitive: true, diacriticsSensitive: true })).toEqual([])
    expect(texts(text, { text: "Kremlin's", caseSensitive: true, diacriticsSensitive: true })).toEqual(['Kremlin\u02bcs'])
    expect(texts(text, { text: '"nein"' })).toEqual(['„nein“'])
  })

  it('finds right-to-left text and whole words only by default', () => {
    const text = 'The IDF said: "ישראל במלחמה". Hamas replied: "حماس لن تستسلم", Hamasa, antiHamas.'
    expect(texts(text, { text: 'במלחמה' })).toEqual(['במלחמה'])
    expect(texts(text, { text: 'لن' })).toEqual(['لن'])
    expect(texts(text, { text: 'hamas' })).toEqual(['Hamas'])
    expect(texts(text, { text: 'hamas', wholeWord: false })).toEqual(['Hamas', 'Hamas', 'Hamas'])
  })

  it('finds whole words in scripts written without spaces, as Unicode segments them', () => {
    const text = '代表团在北京讨论了会谈。北京大学的学者说。東京では会議が続いた。การเจรจาในกรุงเทพ ends; Beijing北京 and 北京s.'
    // 北京 is a word of its own in 在北京讨论 and before 大学; a dictionary word is not found inside another (北京大学 is 北京|大学).
    expect(texts(text, { text: '北京' })).toEqual(['北京', '北京', '北京', '北京'])
    expect(texts(text, { text: '京' })).toEqual([])
    expect(texts(text, { text: '京', wholeWord: false })).toHaveLength(5)
    expect(texts(text, { text: '東京' })).toEqual(['東京'])
    expect(texts(text, { text: 'เจรจา' })).toEqual(['เจรจา'])
    // A spaced script keeps its rule: no letter beside the hit.
    expect(texts(text, { text: 'beijing' })).toEqual(['Beijing'])
    expect(texts(text, { text: 'end' })).toEqual([])
  })

  it('runs Unicode regular expressions, and says in one sentence what is wrong with a bad one', () => {
    const text = 'Moscow said. Москва заявила. Αθήνα said 😀 too.'
    expect(texts(text, { text: '\\p{Lu}\\p{Ll}+', mode: 'regex', caseSensitive: true })).toEqual(['Moscow', 'Москва', 'Αθήνα'])
    expect(texts(text, { text: 'sa.d', mode: 'regex', wholeWord: false })).toEqual(['said', 'said'])
    expect(find(text, { text: '(unclosed', mode: 'regex' })).toEqual({
      problem: { code: 'invalid-pattern', message: expect.stringMatching(/^This is not a regular expression Marginalia can use: .+\.$/) },
    })
    expect(find(text, { text: 'x*', mode: 'regex' })).toEqual({
      problem: { code: 'empty-match', message: 'This pattern matches empty text; make it match at least one character.' },
    })
  })

  it('stops at the hit limit and says so', () => {
    const r = findAll(searchable('ab '.repeat(50)), { ...DEFAULT_QUERY, text: 'ab' }, 10)
    expect('hits' in r && [r.hits.length, r.truncated]).toEqual([10, true])
  })

  it('finds hits anywhere in a long text, with the same offsets as a plain search of the code points', () => {
    const para = 'In Moscow 😀 the Kremlin said, and the kremlin spokesman agreed.\n'
    const text = para.repeat(2000)
    const r = find(text, { text: 'kremlin' })
    expect('hits' in r && r.hits.length).toBe(4000)
    const cps = Array.from(text)
    if ('hits' in r)
      for (const h of r.hits.filter((_, i) => i % 397 === 0)) expect(cps.slice(h.start, h.end).join('').toLowerCase()).toBe('kremlin')
  })

  it('shows a hit in its context, on one line', () => {
    const index = new TextIndex('First line.\nThe Kremlin said 😀 nothing.\nLast.')
    expect(inContext(index, { start: 16, end: 23 }, 10)).toEqual({ before: 'line. The ', match: 'Kremlin', after: ' said 😀 no' })
  })
})

describe('the paragraph of an offset', () => {
  it('counts lines with something visible on them, from 1, whatever their first character', () => {
    // Blank lines, a line of spaces, one of no-break and ideographic spaces, then lines that start
    // with a letter, an emoji, a Cyrillic and an Arabic letter, and a space before a word.
    const text = 'Title\n\n   \n\u00a0\u3000\nЗаголовок 😀\n😀 next\nمصدر\n  indented\n'
    const index = new TextIndex(text)
    const at = (words: string) => paragraphOf(index, Array.from(text.slice(0, text.indexOf(words))).length)
    expect(at('Title')).toBe(1)
    expect(at('Заголовок')).toBe(2)
    expect(at('😀 next')).toBe(3)
    expect(at('مصدر')).toBe(4)
    expect(at('indented')).toBe(5)
    // An offset on a blank line belongs to the paragraph before it.
    expect(paragraphOf(index, 7)).toBe(1)
  })
})
