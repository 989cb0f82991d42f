import { describe, expect, it } from 'vitest'
import { textDirection } from './describe'

describe('describe', () => {
  it('finds the direction from the first strong letter, as dir="auto" does', () => {
    expect(textDirection('„Nein.“ sagte sie')).toBe('ltr')
    expect(textDirection('«שלום» said Dana')).toBe('rtl')
    expect(textDirection('2026: قال المتحدث')).toBe('rtl')
    expect(textDirection('😀 123 …')).toBe('ltr')
  })
})
