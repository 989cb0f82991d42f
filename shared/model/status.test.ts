import { describe, expect, it } from 'vitest'
import { countsAsLayer, documentState, stateCounts, statusAfterChange } from './status'

const at = '2026-12-01T10:00:00.000Z'
const later = '2026-12-01T11:00:00.000Z'

describe('document status', () => {
  it('follows the annotations until the annotator says otherwise', () => {
    expect(documentState(null)).toBe('not-started')
    expect(documentState({ annotations: [] })).toBe('not-started')
    expect(documentState({ annotations: [1] })).toBe('in-progress')
    expect(documentState({ annotations: [1], status: { state: 'done', changed: at } })).toBe('done')
    expect(documentState({ annotations: [], status: { state: 'in-progress', changed: at } })).toBe('in-progress')
    expect(documentState({ annotations: [], status: { state: 'nothing-to-tag', changed: at } })).toBe('nothing-to-tag')
    // A file edited by hand to say "nothing to tag" beside annotations reads as in progress.
    expect(documentState({ annotations: [1], status: { state: 'nothing-to-tag', changed: at } })).toBe('in-progress')
  })

  it('counts a layer with annotations, or one marked done; never a memo-only or never-saved one', () => {
    expect(countsAsLayer(null)).toBe(false)
    expect(countsAsLayer({ annotations: [] })).toBe(false)
    expect(countsAsLayer({ annotations: [], status: { state: 'in-progress', changed: at } })).toBe(false)
    expect(countsAsLayer({ annotations: [], status: { state: 'nothing-to-tag', changed: at } })).toBe(true)
    expect(countsAsLayer({ annotations: [], status: { state: 'done', changed: at } })).toBe(true)
    expect(countsAsLayer({ annotations: [1] })).toBe(true)
  })

  it('ends "not started" and "nothing to tag" once there are annotations, and keeps the rest', () => {
    expect(statusAfterChange({ state: 'nothing-to-tag', changed: at }, 1, later)).toEqual({ state: 'in-progress', changed: later })
    expect(statusAfterChange({ state: 'not-started', changed: at }, 2, later)).toEqual({ state: 'in-progress', changed: later })
    expect(statusAfterChange({ state: 'nothing-to-tag', changed: at }, 0, later)).toEqual({ state: 'nothing-to-tag', changed: at })
    expect(statusAfterChange({ state: 'done', changed: at }, 3, later)).toEqual({ state: 'done', changed: at })
    expect(statusAfterChange(undefined, 3, later)).toBeUndefined()
  })

  it('counts documents per state', () => {
    expect(stateCounts(['done', 'done', 'nothing-to-tag', 'in-progress'])).toEqual({
      'not-started': 0,
      'in-progress': 1,
      done: 2,
      'nothing-to-tag': 1,
    })
  })
})
