import { describe, expect, it } from 'vitest'
import type { AnnotationDraft } from '../model/annotation'
import { mergeDraft } from './merge'

const base: AnnotationDraft = {
  id: 's1',
  label: 'stance',
  start: 10,
  end: 20,
  attributes: { polarity: 'favor', target: 'Israel' },
  note: '',
  created: '2026-12-01T10:00:00.000Z',
}

describe('one annotation changed in two places: merged field by field', () => {
  it('keeps the stored change of a field this change did not touch', () => {
    const mine = { ...base, note: 'checked against the transcript' }
    const theirs = { ...base, attributes: { ...base.attributes, polarity: 'against' } }
    expect(mergeDraft(base, mine, theirs)).toEqual({
      ...base,
      note: 'checked against the transcript',
      attributes: { polarity: 'against', target: 'Israel' },
    })
  })

  it('takes this change where both changed the same field, and each attribute on its own', () => {
    const mine = { ...base, note: 'mine', attributes: { polarity: 'neutral', target: 'Israel' } }
    const theirs = { ...base, note: 'theirs', attributes: { polarity: 'favor', target: 'Iran' } }
    expect(mergeDraft(base, mine, theirs)).toEqual({ ...base, note: 'mine', attributes: { polarity: 'neutral', target: 'Iran' } })
  })

  it('removes an attribute this change removed, and keeps one the stored annotation added', () => {
    const mine = { ...base, attributes: { polarity: 'favor' } }
    const theirs = { ...base, attributes: { ...base.attributes, certainty: 'hedged' } }
    expect(mergeDraft(base, mine, theirs).attributes).toEqual({ polarity: 'favor', certainty: 'hedged' })
  })

  it('moves the span as one field: start and end from the side that moved it', () => {
    expect(mergeDraft(base, { ...base, end: 25 }, { ...base, note: 'x' })).toMatchObject({ start: 10, end: 25, note: 'x' })
    expect(mergeDraft(base, { ...base, note: 'y' }, { ...base, start: 5 })).toMatchObject({ start: 5, end: 20, note: 'y' })
  })

  it('keeps a label with its own attributes, whichever side changed it', () => {
    const relabelled = { ...base, label: 'claim', attributes: {} }
    const theirs = { ...base, attributes: { ...base.attributes, polarity: 'against' } }
    expect(mergeDraft(base, relabelled, theirs)).toMatchObject({ label: 'claim', attributes: {} })
    expect(mergeDraft(base, { ...base, attributes: { ...base.attributes, polarity: 'neutral' }, note: 'n' }, relabelled)).toMatchObject({
      label: 'claim',
      attributes: {},
      note: 'n',
    })
  })

  it('is this change itself when nothing was changed elsewhere', () => {
    const mine = { ...base, label: 'claim', attributes: {}, note: 'n', start: 11 }
    expect(mergeDraft(base, mine, base)).toEqual(mine)
    const edited = { ...base, note: 'only the note' }
    expect(mergeDraft(base, edited, base)).toEqual(edited)
  })
})
