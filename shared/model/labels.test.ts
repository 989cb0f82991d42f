import { describe, expect, it } from 'vitest'
import { defaultLabels, inSentence, sourceLabelName } from './labels'

describe('label names in the views’ sentences', () => {
  it('names the label statements are attributed to as the project names it', () => {
    expect(sourceLabelName(defaultLabels)).toBe('Source')
    const renamed = defaultLabels.map((l) => (l.id === 'source' ? { ...l, name: 'Speaker' } : l))
    expect(sourceLabelName(renamed)).toBe('Speaker')
    expect(sourceLabelName(renamed, 'stance')).toBe('Speaker')
    expect(sourceLabelName(defaultLabels.filter((l) => l.id === 'claim').map((l) => ({ ...l, attributedTo: null })))).toBe('Source')
  })

  it('lowers a capitalised word inside a sentence, and leaves other names as written', () => {
    expect(inSentence('Speaker')).toBe('speaker')
    expect(inSentence('Source of the claim')).toBe('source of the claim')
    expect(inSentence('NGO')).toBe('NGO')
    expect(inSentence('eSource')).toBe('eSource')
    expect(inSentence('Ärztin')).toBe('ärztin')
  })
})
