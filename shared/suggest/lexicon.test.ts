import { describe, expect, it } from 'vitest'
import { cuesFor } from './cue-set'
import { Lexicon } from './lexicon'

describe('Lexicon', () => {
  const lexicon = new Lexicon(cuesFor('en'))
  it('matches the longest phrase at a word, without regard to case in the cue file', () => {
    const words = ['he', 'pointed', 'out', 'that']
    expect(lexicon.match(lexicon.verbs, words, 1)).toMatchObject({ length: 2, value: { lemma: 'point out', kind: 'speech' } })
    expect(lexicon.match(lexicon.accordingTo, ['according', 'to', 'x'], 0)).toMatchObject({ length: 2 })
    expect(lexicon.match(lexicon.accordingTo, ['according', 'to'], 0, 1)).toBeNull()
  })
  it('knows which verbs take a listener, a quotation only, or a clause without "that"', () => {
    expect(lexicon.match(lexicon.verbs, ['told'], 0)?.value).toMatchObject({ object: true, bareClause: true })
    expect(lexicon.match(lexicon.verbs, ['calling'], 0)?.value).toMatchObject({ quoteOnly: true, participle: true })
    expect(lexicon.match(lexicon.verbs, ['denied'], 0)?.value.bareClause).toBe(false)
    expect(lexicon.match(lexicon.kindMarkers, ['ministry'], 0)?.value).toBe('government')
  })
})
