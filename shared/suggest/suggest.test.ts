import { describe, expect, it } from 'vitest'
import { sliceCodePoints } from '../offsets'
import { suggest } from './suggest'

/** What a researcher sees: each claim's text with its source's text (or why it has none). */
function attributions(text: string) {
  const s = suggest(text)
  for (const x of s.spans) expect(sliceCodePoints(text, x.start, x.end)).toBe(x.text)
  const byId = new Map(s.spans.map((x) => [x.id, x]))
  const sourceOf = new Map(s.links.map((l) => [l.from, byId.get(l.to)!]))
  return s.spans
    .filter((x) => x.label === 'claim')
    .map((c) => ({ claim: c.text, source: sourceOf.get(c.id)?.text ?? (c.speakerIsPronoun ? '(pronoun)' : null), pattern: c.cue.pattern }))
}

describe('suggest: the cue patterns on real sentences', () => {
  it('a quotation followed by its speaker, with the apposition left out of the source', () => {
    const text =
      '"Iran has become one of Russia\'s primary partners," said Alexander Gabuev, director of the Carnegie Russia Eurasia Center.'
    expect(attributions(text)).toEqual([
      { claim: "Iran has become one of Russia's primary partners", source: 'Alexander Gabuev', pattern: 'quote-then-speaker' },
    ])
  })

  it('a quotation followed by "X said" and by "he said" (a pronoun: a claim without a source)', () => {
    const text = '“We have photographs,” Hanlon said. “We will go to court,” he said.'
    expect(attributions(text)).toEqual([
      { claim: 'We have photographs', source: 'Hanlon', pattern: 'quote-then-speaker' },
      { claim: 'We will go to court', source: '(pronoun)', pattern: 'quote-then-speaker' },
    ])
  })

  it('the speaker and a colon before the quotation', () => {
    const text =
      'As then-Israel foreign minister Yair Lapid made clear: “The Russian attack on Ukraine is a serious violation of the international order.”'
    expect(attributions(text)).toEqual([
      {
        claim: 'The Russian attack on Ukraine is a serious violation of the international order.',
        source: 'foreign minister Yair Lapid',
        pattern: 'speaker-then-quote',
      },
    ])
  })

  it('nested quotes stay inside the outer quotation', () => {
    const text = '"They told us the owners were \'committed to the community\' too," said Grace Ellery.'
    expect(attributions(text)).toEqual([
      { claim: "They told us the owners were 'committed to the community' too", source: 'Grace Ellery', pattern: 'quote-then-speaker' },
    ])
  })

  it('a quotation spanning two paragraphs is one claim, attributed to the speaker after its end', () => {
    const text =
      '"We saw procedures that were not followed. But we did not see fraud.\n\n"What we saw was carelessness, not a conspiracy," Solberg said.'
    const [only, ...rest] = attributions(text)
    expect(rest).toEqual([])
    expect(only).toEqual({
      claim: 'We saw procedures that were not followed. But we did not see fraud.\n\n"What we saw was carelessness, not a conspiracy',
      source: 'Solberg',
      pattern: 'quote-then-speaker',
    })
  })

  it('reported speech: the clause after "said that" / "told reporters", without "that" or the full stop', () => {
    expect(attributions('Harbour master Tomas Reik told reporters that ships would be diverted to the southern terminal.')).toEqual([
      { claim: 'ships would be diverted to the southern terminal', source: 'Harbour master Tomas Reik', pattern: 'reported-speech' },
    ])
    expect(
      attributions('On Wednesday, Russian officials said Palestinian Authority President Mahmoud Abbas is expected to visit Moscow soon.'),
    ).toEqual([
      {
        claim: 'Palestinian Authority President Mahmoud Abbas is expected to visit Moscow soon',
        source: 'Russian officials',
        pattern: 'reported-speech',
      },
    ])
  })

  it('"according to" before and after its clause', () => {
    expect(attributions('According to Israeli government figures, 20,246 Russians moved to Israel in 2022.')).toEqual([
      { claim: '20,246 Russians moved to Israel in 2022', source: 'Israeli government figures', pattern: 'according-to' },
    ])
    expect(attributions("Nurses have been working unpaid overtime for months, according to the nurses' union.")).toEqual([
      { claim: 'Nurses have been working unpaid overtime for months', source: "the nurses' union", pattern: 'according-to' },
    ])
  })

  it('unnamed sources with their complement, and a clause followed by its speaker', () => {
    expect(attributions('Sources close to the ministry said officials were preparing an emergency aid package.')[0]).toMatchObject({
      source: 'Sources close to the ministry',
    })
    expect(attributions('Two firefighters were treated for smoke inhalation, officials said.')).toEqual([
      { claim: 'Two firefighters were treated for smoke inhalation', source: 'officials', pattern: 'clause-then-speaker' },
    ])
  })

  it('a pronoun speaker of reported speech gives a claim without a source', () => {
    expect(attributions('She insisted that drinking water supplies were not at risk.')).toEqual([
      { claim: 'drinking water supplies were not at risk', source: '(pronoun)', pattern: 'reported-speech' },
    ])
  })

  it('proposes nothing for scare quotes, questions or a verb that is not a cue', () => {
    expect(attributions("Iran: Ally of Hamas, 'primary partner' of Russia")).toEqual([])
    expect(attributions('What would you say are the driving forces behind this alliance?')).toEqual([])
    expect(attributions("Russia's ties with Israel helped the Kremlin maintain influence in the Middle East.")).toEqual([])
  })

  it('offsets are code points: emoji and accented names before the spans', () => {
    const text = '🔒🇺🇦 "If the attackers were inside the network for three weeks, it is hard to believe," said Zoë Brandão.'
    const s = suggest(text)
    const source = s.spans.find((x) => x.label === 'source')!
    expect(source).toMatchObject({ text: 'Zoë Brandão', attributes: { kind: 'person', name: 'Zoë Brandão' } })
    expect(source.start).toBe(Array.from(text).length - 'Zoë Brandão.'.length)
    expect(sliceCodePoints(text, source.start, source.end)).toBe('Zoë Brandão')
  })

  it('gives each source a kind and a canonical name when the words say so', () => {
    const text =
      'Russian President Vladimir Putin said the West had failed. "It is over," Putin said. According to the Evening Ledger, the deal is done. The interior ministry said it was ready.'
    const sources = suggest(text)
      .spans.filter((x) => x.label === 'source')
      .map((x) => [x.text, x.attributes.kind, x.attributes.name])
    expect(sources).toEqual([
      ['Russian President Vladimir Putin', 'person', 'Vladimir Putin'],
      ['Putin', 'person', 'Vladimir Putin'],
      ['the Evening Ledger', 'media', 'Evening Ledger'],
      ['The interior ministry', 'government', 'interior ministry'],
    ])
  })
})
