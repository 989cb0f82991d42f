import { describe, expect, it } from 'vitest'
import { keptAttributeValue } from './attribute-value'

describe('a written attribute value as it is kept', () => {
  it('runs white space and pasted line breaks together and trims a text value; leaves a choice alone', () => {
    expect(keptAttributeValue({ type: 'text' }, 'Arkady\nMil-Man  ')).toBe('Arkady Mil-Man')
    expect(keptAttributeValue({ type: 'text' }, '  the\u00a0 West\t')).toBe('the West')
    expect(keptAttributeValue({ type: 'choice' }, ' against ')).toBe(' against ')
  })
})
