import { describe, expect, it } from 'vitest'
import { cuesFor } from './cue-set'
import { Lexicon } from './lexicon'
import { mentionAfter, mentionBefore } from './mentions'
import { textUnits } from './text-units'

const lexicon = new Lexicon(cuesFor('en'))
/** The mention ending right before (or starting at) the word `at`, as text and kind. */
function before(text: string, at: string) {
  const u = textUnits(text, lexicon)
  const m = mentionBefore({ u, lexicon }, u.raw.indexOf(at), 0)
  return m && { text: u.index.slice(u.starts[m.first]!, u.ends[m.end - 1]!), kind: m.kind, pronoun: m.pronoun }
}
/** The name found in the mention before `at`, and its kind. */
function name(text: string, at: string) {
  const u = textUnits(text, lexicon)
  const m = mentionBefore({ u, lexicon }, u.raw.indexOf(at), 0)
  return m && { name: m.name && u.index.slice(u.starts[m.name.first]!, u.ends[m.name.end - 1]!), kind: m.kind }
}
function after(text: string, at: string) {
  const u = textUnits(text, lexicon)
  const m = mentionAfter({ u, lexicon }, u.raw.indexOf(at), u.count)
  return m && { text: u.index.slice(u.starts[m.first]!, u.ends[m.end - 1]!), kind: m.kind }
}

describe('mentions', () => {
  it('takes titles with the name, and gives people, unnamed sources, governments, media and documents their kind', () => {
    expect(before('Deputy Foreign Minister Sergey Ryabkov said', 'said')).toEqual({
      text: 'Deputy Foreign Minister Sergey Ryabkov',
      kind: 'person',
      pronoun: false,
    })
    expect(before('On Wednesday, U.S. officials said', 'said')).toEqual({ text: 'U.S. officials', kind: 'unnamed', pronoun: false })
    expect(before("Israel's Ministry of Foreign Affairs declared", 'declared')).toMatchObject({
      text: "Israel's Ministry of Foreign Affairs",
      kind: 'government',
    })
    expect(before('a report by the national audit office found', 'found')).toMatchObject({
      text: 'a report by the national audit office',
      kind: 'document',
    })
    expect(after('told CBC News on Wednesday', 'CBC')).toEqual({ text: 'CBC News', kind: 'media' })
  })
  it('takes a name joined by "of" for an organisation, unless a title makes it a person', () => {
    expect(before('the regional Axis of Resistance said', 'said')).toMatchObject({
      text: 'the regional Axis of Resistance',
      kind: 'organization',
    })
    expect(before('The Council of Europe said', 'said')).toMatchObject({ kind: 'government' })
    expect(before('Ursula von der Leyen said', 'said')).toMatchObject({ text: 'Ursula von der Leyen', kind: 'person' })
    expect(before('Mousa Abu Marzook said', 'said')).toMatchObject({ text: 'Mousa Abu Marzook', kind: 'person' })
    expect(before('Secretary of State Antony Blinken said', 'said')).toMatchObject({ kind: 'person' })
    expect(before('Archbishop of Canterbury Justin Welby said', 'said')).toMatchObject({ kind: 'person' })
  })
  it('finds the name after a title whose complement has more than one part, or names a body', () => {
    // The name was "Israel Benjamin Netanyahu", and the whole phrase a government, before.
    expect(name('Prime Minister of the State of Israel Benjamin Netanyahu said', 'said')).toEqual({
      name: 'Benjamin Netanyahu',
      kind: 'person',
    })
    expect(name('President of the Palestinian Authority Mahmoud Abbas said', 'said')).toEqual({ name: 'Mahmoud Abbas', kind: 'person' })
    expect(name('Prime Minister of Israel Benjamin Netanyahu said', 'said')).toEqual({ name: 'Benjamin Netanyahu', kind: 'person' })
    expect(name('Minister of Foreign Affairs Sergey Lavrov said', 'said')).toEqual({ name: 'Sergey Lavrov', kind: 'person' })
    // A body's own name stays a body's.
    expect(before('The Palestinian Authority said', 'said')).toMatchObject({ kind: 'government' })
    expect(before("Israel's Ministry of Foreign Affairs declared", 'declared')).toMatchObject({ kind: 'government' })
  })
  it('drops a capitalised sentence opener, keeps an article, and knows a pronoun', () => {
    expect(before('But the ministry said', 'said')).toMatchObject({ text: 'the ministry', kind: 'government' })
    expect(before('Instead he said', 'said')).toMatchObject({ pronoun: true })
    expect(before('the eruption could said', 'said')).toBeNull()
  })
  it('takes an unnamed source with its complement after the verb', () => {
    expect(after('said a spokeswoman for the port authority.', 'a')).toEqual({
      text: 'a spokeswoman for the port authority',
      kind: 'unnamed',
    })
  })
})
