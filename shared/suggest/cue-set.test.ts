import { describe, expect, it } from 'vitest'
import { cuesFor, CUE_LANGUAGES, parseCueSet } from './cue-set'

describe('cue files', () => {
  it('ships English, valid against the schema, with the verbs a news text uses', () => {
    expect(CUE_LANGUAGES).toContain('en')
    const en = cuesFor('en')
    const forms = en.speechVerbs.flatMap((v) => v.forms)
    for (const f of ['said', 'told', 'warned', 'argued', 'claimed', 'stated', 'added', 'noted', 'insisted', 'denied'])
      expect(forms).toContain(f)
    expect(en.cognitionVerbs.flatMap((v) => v.forms)).toContain('believes')
    expect(en.accordingTo).toContain('according to')
  })

  it('refuses a broken file in one sentence naming where, and a language without cues', () => {
    const broken = structuredClone(cuesFor('en')) as unknown as Record<string, unknown>
    broken.speechVerbs = [{ lemma: 'sagen', forms: [] }]
    expect(parseCueSet(broken)).toEqual({
      problem: expect.stringMatching(/^This is not a cue file Marginalia can use: speechVerbs\.0\.forms: .+\.$/),
    })
    expect(parseCueSet({ format: 'other' })).toHaveProperty('problem')
    expect(() => cuesFor('xx')).toThrow('There are no suggestion cues for "xx" yet; languages: en.')
  })

  it('a German file made from the English one works once its words are German', () => {
    const de = {
      ...structuredClone(cuesFor('en')),
      language: 'de',
      speechVerbs: [{ lemma: 'sagen', forms: ['sagte', 'sagt'], bareClause: true }],
    }
    expect(parseCueSet(de)).toHaveProperty('cues.language', 'de')
  })
})
