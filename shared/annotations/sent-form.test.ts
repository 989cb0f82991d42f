import { describe, expect, it } from 'vitest'
import type { Annotation } from '../model/annotation'
import { quoteAt, TextIndex } from '../offsets'
import { withTextQuotes, withoutTextQuotes } from './sent-form'

const TEXT = 'Die 👩🏽‍⚕️ Ministerin sagte: „Gespräche sind gescheitert.“\r\nמשרד החוץ אמר כי 🇮🇱 השיחות נכשלו. 官员表示谈判失败。'

function stored(index: TextIndex, id: string, start: number, end: number): Annotation {
  return {
    id,
    label: 'claim',
    target: {
      position: { type: 'TextPositionSelector', start, end },
      quote: { type: 'TextQuoteSelector', ...quoteAt(index, start, end) },
    },
    attributes: {},
    note: '',
    author: 'maria',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  }
}

describe('the sent form of an opened layer', () => {
  const index = new TextIndex(TEXT)
  const cp = Array.from(TEXT)
  const spans = [
    [0, 3],
    [4, 5],
    [17, 52],
    [cp.length - 9, cp.length],
    [0, cp.length],
  ] as const
  const annotations = spans.map(([s, e], i) => stored(index, `a${i}`, s, e))

  it('leaves out every quote the text gives and puts back exactly the stored annotations, through JSON', () => {
    const sent = withoutTextQuotes(index, annotations)
    expect(sent.every((a) => a.target.quote === undefined)).toBe(true)
    const back = withTextQuotes(new TextIndex(TEXT), JSON.parse(JSON.stringify(sent)))
    expect(back).toEqual(annotations)
    expect(JSON.stringify(back)).toBe(JSON.stringify(annotations))
    for (const a of back) expect(a.target.quote.exact).toBe(cp.slice(a.target.position.start, a.target.position.end).join(''))
  })

  it('sends a quote the text does not give (a changed text) as stored, and one past the end of the text', () => {
    const changed = new TextIndex(TEXT.replace('Ministerin', 'Minister'))
    const sent = withoutTextQuotes(changed, annotations)
    // The first two keep their exact text and prefix but their suffix changed: sent whole.
    expect(sent.filter((a) => a.target.quote !== undefined).map((a) => a.id)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4'])
    expect(withTextQuotes(changed, sent)).toEqual(annotations)
    const short = new TextIndex('Die')
    expect(withoutTextQuotes(short, annotations.slice(2))).toEqual(annotations.slice(2))
  })
})
