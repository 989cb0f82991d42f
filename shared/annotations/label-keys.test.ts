import { describe, expect, it } from 'vitest'
import { defaultLabels } from '../model/labels'
import { labelKeyProblem } from './label-keys'

describe('labelKeyProblem', () => {
  it('accepts a free key, and the key the label already has', () => {
    expect(labelKeyProblem(defaultLabels, 'claim', '4')).toBeNull()
    expect(labelKeyProblem(defaultLabels, 'claim', 'q')).toBeNull()
    expect(labelKeyProblem(defaultLabels, 'claim', '1')).toBeNull()
  })

  it("refuses another label's key, compared without case", () => {
    const labels = defaultLabels.map((l) => (l.id === 'source' ? { ...l, key: 'S' } : l))
    expect(labelKeyProblem(labels, 'claim', 's')).toBe('s already tags with Source; give that label another key first.')
    expect(labelKeyProblem(defaultLabels, 'claim', '2')).toMatch(/already tags with Source/)
  })

  it('refuses the keys the keyboard keeps, white space, and more than one character', () => {
    for (const key of ['a', 'A', 'n', 'p', '?'])
      expect(labelKeyProblem(defaultLabels, 'claim', key), key).toMatch(/taken by the annotating keyboard/)
    for (const key of [' ', '', 'ab', 'Enter', '😀']) expect(labelKeyProblem(defaultLabels, 'claim', key), key).toMatch(/one character/)
  })

  it('names a label that is not in the project', () => {
    expect(labelKeyProblem(defaultLabels, 'evidence', '4')).toMatch(/no label “evidence”/)
  })
})
