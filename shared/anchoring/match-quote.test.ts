import { describe, expect, it } from 'vitest'
import { TextIndex, quoteAt } from '../offsets'
import { placeQuote } from './match-quote'

/** The quote of [start, end) in `from`, placed in `to`. */
function move(from: string, to: string, start: number, end: number) {
  const q = quoteAt(new TextIndex(from), start, end)
  return placeQuote(new TextIndex(to), { ...q, start })
}

const cp = (s: string, sub: string, nth = 0) => {
  let at = -1
  for (let i = 0; i <= nth; i++) at = s.indexOf(sub, at + 1)
  return Array.from(s.slice(0, at)).length
}

describe('placeQuote', () => {
  it('keeps the position when the text there is unchanged', () => {
    const text = 'Officials 😀 said the talks failed.'
    const start = cp(text, 'the talks')
    expect(move(text, text, start, start + 9)).toEqual({ start, end: start + 9, exactPosition: true, reason: null })
  })

  it('follows the quote when text was inserted before it, across emoji', () => {
    const old = 'Officials said the talks failed.'
    const updated = 'Breaking 👩‍👩‍👧: Officials said the talks failed.'
    const placed = move(old, updated, cp(old, 'the talks'), cp(old, 'the talks') + 9)
    expect(placed.start).toBe(cp(updated, 'the talks'))
    expect(Array.from(updated).slice(placed.start!, placed.end!).join('')).toBe('the talks')
  })

  it('uses the context to choose between repeated quotes', () => {
    const old = 'Russia said no. Iran said no. Hamas said no.'
    const updated = `Preface. ${old}`
    const start = cp(old, 'said no', 1)
    const placed = move(old, updated, start, start + 7)
    expect(placed.start).toBe(cp(updated, 'said no', 1))
  })

  it('reports a quote that is gone, and one it cannot tell apart, instead of guessing', () => {
    const old = 'The minister resigned on Tuesday.'
    expect(move(old, 'The minister stayed.', cp(old, 'resigned'), cp(old, 'resigned') + 8)).toMatchObject({
      start: null,
      reason: 'not-found',
    })
    expect(placeQuote(new TextIndex('no. no.'), { exact: 'no', prefix: '', suffix: '', start: 50 })).toMatchObject({
      start: null,
      reason: 'ambiguous',
    })
  })

  it('does not move a quote to another mention whose surrounding words differ', () => {
    const old = 'Interview with Arkady Mil-Man on Israel. Later, the expert Arkady Mil-Man from Tel Aviv spoke.'
    // The first mention was respelled: only the second, among other words, still reads "Arkady Mil-Man".
    const updated = 'Preface. Interview with Arkady Milman on Israel. Later, the expert Arkady Mil-Man from Tel Aviv spoke.'
    const start = cp(old, 'Arkady Mil-Man')
    expect(move(old, updated, start, start + 14)).toMatchObject({ start: null, reason: 'elsewhere' })
    // A quote with no context to keep (the whole text) is still found.
    expect(placeQuote(new TextIndex('x yes'), { exact: 'yes', prefix: '', suffix: '', start: 0 })).toMatchObject({ start: 2 })
  })
})
