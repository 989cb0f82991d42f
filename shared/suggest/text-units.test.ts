import { describe, expect, it } from 'vitest'
import { cuesFor } from './cue-set'
import { Lexicon } from './lexicon'
import { textUnits } from './text-units'

const lexicon = new Lexicon(cuesFor('en'))
const sentences = (text: string) => {
  const u = textUnits(text, lexicon)
  return u.sentenceStart.map((s, i) => u.index.slice(u.starts[s]!, u.ends[u.sentenceEnd[i]! - 1]!))
}

describe('textUnits', () => {
  it('ends sentences at full stops, not after abbreviations or initials, and after closing quotes', () => {
    expect(
      sentences('U.S. officials say so. Dr. Aalto disagreed. "We look at Russia as our friend." After the visit, it changed.'),
    ).toEqual(['U.S. officials say so.', 'Dr. Aalto disagreed.', '"We look at Russia as our friend."', 'After the visit, it changed.'])
  })
  it('keeps "…," he said in the sentence of its quotation, and starts a sentence at each paragraph', () => {
    expect(sentences('"It is over." he said\nNext line')).toEqual(['"It is over." he said', 'Next line'])
  })
  it('counts offsets in code points after emoji', () => {
    const u = textUnits('👩‍👩‍👧 Putin said', lexicon)
    expect(u.raw.slice(1)).toEqual(['Putin', 'said'])
    expect(u.starts[1]).toBe(6)
  })
})
