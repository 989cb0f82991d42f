import { describe, expect, it } from 'vitest'
import { cuesFor } from './cue-set'
import { Lexicon } from './lexicon'
import { findQuotations, quotedClaim } from './quotes'
import { textUnits } from './text-units'

const lexicon = new Lexicon(cuesFor('en'))
function quotations(text: string) {
  const u = textUnits(text, lexicon)
  return findQuotations(u, lexicon).map((q) => {
    const c = quotedClaim(u, q)!
    return { text: u.index.slice(u.starts[c.first]!, u.ends[c.end - 1]!), closed: q.close >= 0, inner: q.inner, paragraphs: q.paragraphs }
  })
}

describe('findQuotations', () => {
  it('pairs straight and curly marks, drops the comma before the closing mark, keeps nested quotes inside', () => {
    expect(quotations('"It was \'rigged\'," she said. “Next,” he said.')).toEqual([
      { text: "It was 'rigged'", closed: true, inner: false, paragraphs: 1 },
      { text: 'Next', closed: true, inner: false, paragraphs: 1 },
    ])
  })
  it('continues a quotation into a paragraph that opens with a quotation mark', () => {
    expect(quotations('"One.\n\n"Two," she said.')).toEqual([{ text: 'One.\n\n"Two', closed: true, inner: false, paragraphs: 2 }])
  })
  it('ends an unclosed quotation with its paragraph, and treats apostrophes as apostrophes', () => {
    expect(quotations('"Never closed\nHamas’ visit and Putin\'s words')).toEqual([
      { text: 'Never closed', closed: false, inner: false, paragraphs: 1 },
    ])
  })
  it('finds single-quoted scare quotes as inner quotations', () => {
    expect(quotations("called it 'one-sided' in public")).toEqual([{ text: 'one-sided', closed: true, inner: true, paragraphs: 1 }])
  })
})
