import { describe, expect, it } from 'vitest'
import { cuesFor } from './cue-set'
import { Lexicon } from './lexicon'
import { contentAfter, speakerAndVerbAt, subjectBefore, verbAt } from './speakers'
import { textUnits } from './text-units'

const lexicon = new Lexicon(cuesFor('en'))
function at(text: string, verb: string) {
  const u = textUnits(text, lexicon)
  const c = { u, lexicon }
  const v = verbAt(c, u.words.indexOf(verb), u.count)
  const s = v && subjectBefore(c, v, 0)
  const content = v && contentAfter(c, v, u.count)
  return {
    verb: v && u.raw.slice(v.first, v.end).join(' '),
    speaker: s && u.index.slice(u.starts[s.first]!, u.ends[s.end - 1]!),
    content: content && u.raw[content.at],
    that: content?.that,
  }
}

describe('speakers', () => {
  it('skips an apposition, a bracketed aside and adverbs between the speaker and the verb', () => {
    expect(at('Abbas Gallyamov, a former speechwriter for Putin, told CBC News that Israel was careful.', 'told')).toEqual({
      verb: 'told',
      speaker: 'Abbas Gallyamov',
      content: 'Israel',
      that: true,
    })
    expect(at('Mousa Abu Marzook [editor’s note: a Hamas leader] said, "We look at Russia as our friend."', 'said')).toMatchObject({
      speaker: 'Mousa Abu Marzook',
      content: '"',
    })
    expect(at('Putin has also repeatedly claimed that the West lied.', 'claimed')).toMatchObject({
      speaker: 'Putin',
      content: 'the',
      that: true,
    })
  })
  it('takes the name between commas after a role ("Deputy Secretary-General of the Front, Jamil Mezher, told")', () => {
    expect(
      at('Deputy Secretary-General of the Popular Front, Jamil Mezher, told Sputnik that the group was invited.', 'told'),
    ).toMatchObject({ speaker: 'Jamil Mezher', content: 'the' })
  })
  it('is no cue as an infinitive, before an auxiliary, or in a base form after a singular speaker', () => {
    expect(at('He refused to say more.', 'say').verb).toBeNull()
    expect(at('European and American states will have no choice.', 'states').verb).toBeNull()
    expect(at('It helped the Kremlin maintain influence.', 'maintain')).toMatchObject({ verb: 'maintain', speaker: null })
  })
  it('finds "X said" and "said X" after a quotation', () => {
    const u = textUnits('"Yes," said Artis Pabriks, a former minister.', lexicon)
    const found = speakerAndVerbAt({ u, lexicon }, u.words.indexOf('said'), u.count)
    expect(found && u.raw.slice(found.speaker.first, found.speaker.end).join(' ')).toBe('Artis Pabriks')
  })
})
