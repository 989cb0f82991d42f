import { describe, expect, it } from 'vitest'
import type { Annotation } from '../model/annotation'
import { quoteAt, TextIndex } from '../offsets'
import { receivedAnnotations, sentAnnotations } from './sent-form'

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

  it('sends one row each without every quote the text gives, the author, equal times and the keys, and puts back exactly the stored annotations, through JSON', () => {
    const sent = sentAnnotations(index, 'maria', annotations)
    expect(sent.times).toEqual(['2026-01-01T00:00:00.000Z'])
    expect(sent.rows.every((row) => row.length === 7)).toBe(true)
    expect(sent.rows[0]).toEqual(['a0', 'claim', 0, 3, 0, {}, ''])
    const back = receivedAnnotations(new TextIndex(TEXT), 'maria', JSON.parse(JSON.stringify(sent)))
    expect(back).toEqual(annotations)
    // The same keys in the same order as the stored form, so a reload compares them as unchanged.
    expect(JSON.stringify(back)).toBe(JSON.stringify(annotations))
    for (const a of back) expect(a.target.quote.exact).toBe(cp.slice(a.target.position.start, a.target.position.end).join(''))
    expect(JSON.stringify(sent).length).toBeLessThan(JSON.stringify(annotations).length / 4)
    // A quote the text gives is cut from it when read: the stored form to JSON, clones, spreads and key lists.
    expect(Object.getOwnPropertyDescriptor(back[0]!.target, 'quote')?.get).toBeTypeOf('function')
    expect(Object.keys(back[0]!.target)).toEqual(['position', 'quote'])
    expect(structuredClone(back)).toEqual(annotations)
    expect({ ...back[2]!.target }).toEqual(annotations[2]!.target)
    // Annotations without attributes share one frozen object: the page never changes one in place.
    expect(back[0]!.attributes).toBe(back[4]!.attributes)
    expect(Object.isFrozen(back[0]!.attributes)).toBe(true)
  })

  it('sends what the page cannot rebuild as stored: a quote the text does not give, another author, a later change', () => {
    const changed = new TextIndex(TEXT.replace('Ministerin', 'Minister'))
    // Every quote's text or context changed (or the span now runs past the end): each is sent whole.
    const sent = sentAnnotations(changed, 'maria', annotations)
    expect(sent.rows.filter((row) => row[7]?.quote !== undefined).map((row) => row[0])).toEqual(['a0', 'a1', 'a2', 'a3', 'a4'])
    const asStored = receivedAnnotations(changed, 'maria', sent)
    expect(asStored).toEqual(annotations)
    // A quote the text no longer gives is kept as sent, not cut from the changed text.
    expect(Object.getOwnPropertyDescriptor(asStored[0]!.target, 'quote')?.value).toEqual(annotations[0]!.target.quote)
    const edited = annotations.map((a, i) =>
      i === 1 ? { ...a, attributes: { polarity: 'for' }, note: 'a note', author: 'jonas', modified: '2026-02-01T00:00:00.000Z' } : a,
    )
    const mixed = sentAnnotations(index, 'maria', edited)
    expect(mixed.times).toEqual(['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'])
    expect(mixed.rows[1]).toEqual(['a1', 'claim', 4, 5, 0, { polarity: 'for' }, 'a note', { author: 'jonas', modified: 1 }])
    expect(mixed.rows[0]).toHaveLength(7)
    const received = receivedAnnotations(index, 'maria', JSON.parse(JSON.stringify(mixed)))
    expect(JSON.stringify(received)).toBe(JSON.stringify(edited))
    expect(Object.isFrozen(received[1]!.attributes)).toBe(false)
  })
})
