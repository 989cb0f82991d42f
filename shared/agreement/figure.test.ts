import { describe, expect, it } from 'vitest'
import { figure, formatFigure } from './figure'

describe('figure', () => {
  it('writes 0 and 1 of exact arithmetic as 0 and 1, not floating point’s near misses, and leaves every other value as computed', () => {
    // Seen in an agreement CSV: alpha of two annotators whose tokens all agree but for chance.
    expect(figure(1.5543122344752192e-15)).toBe(0)
    expect(Object.is(figure(-1e-16), 0)).toBe(true)
    expect(figure(0.9999999999999998)).toBe(1)
    expect(figure(-1.0000000000000002)).toBe(-1)
    expect(figure(0.6111111111111112)).toBe(0.6111111111111112)
    expect(figure(1e-9)).toBe(1e-9)
    expect(figure(Number.NaN)).toBeNull()
    expect(formatFigure(figure(-1e-16))).toBe('0.00')
  })
})
