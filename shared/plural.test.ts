import { describe, expect, it } from 'vitest'
import { indefinite, plural } from './plural'

describe('counts and articles in sentences', () => {
  it('counts with the noun in the singular for one', () => {
    expect(plural(1, 'stance')).toBe('1 stance')
    expect(plural(1204, 'annotation')).toBe('1,204 annotations')
  })

  it('puts "an" before a vowel and "a" before anything else', () => {
    expect(indefinite('Assertion')).toBe('an Assertion')
    expect(indefinite('Source')).toBe('a Source')
    expect(indefinite('evidence or Claim')).toBe('an evidence or Claim')
  })
})
