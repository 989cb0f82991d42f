import { describe, expect, it } from 'vitest'
import { contrastRatio, luminance, over, parseHex, readableAlpha, stacked, toHex, withContrast } from './contrast'

const black = parseHex('#000000')
const white = parseHex('#ffffff')

describe('contrast', () => {
  it('computes WCAG luminance and contrast ratios (the values WebAIM and axe report)', () => {
    expect(luminance(white)).toBe(1)
    expect(luminance(black)).toBe(0)
    expect(contrastRatio(black, white)).toBe(21)
    expect(contrastRatio(white, white)).toBe(1)
    // The agreement heatmap's failing cell that axe reported (3.71, rounded down): white on #618f6a.
    expect(contrastRatio(white, parseHex('#618f6a'))).toBeCloseTo(3.72, 2)
    expect(contrastRatio(parseHex('#767676'), white)).toBeCloseTo(4.54, 2)
    expect(contrastRatio(white, parseHex('#767676'))).toBe(contrastRatio(parseHex('#767676'), white))
  })

  it('lays a translucent colour over another as the browser does, and stacks coats', () => {
    expect(toHex(over(parseHex('#ff0000'), 0.5, white))).toBe('#ff8080')
    expect(toHex(over(black, 0, parseHex('#123456')))).toBe('#123456')
    expect(stacked(0.3, 1)).toBeCloseTo(0.3)
    expect(stacked(0.3, 2)).toBeCloseTo(0.51)
  })

  it('keeps the tint wanted when the text stays readable, and lightens it when it would not', () => {
    const ink = parseHex('#23262b')
    const claim = parseHex('#f2b134')
    expect(readableAlpha(claim, white, ink, 0.3)).toBe(0.3)
    // Light text on a dark page over a bright yellow: the full tint would be too bright.
    const darkSurface = parseHex('#222529')
    const lightInk = parseHex('#e8e4dc')
    const yellow = parseHex('#ffff00')
    expect(contrastRatio(lightInk, over(yellow, 0.5, darkSurface))).toBeLessThan(4.5)
    const alpha = readableAlpha(yellow, darkSurface, lightInk, 0.5)
    expect(alpha).toBeGreaterThan(0)
    expect(alpha).toBeLessThan(0.5)
    expect(contrastRatio(lightInk, over(yellow, alpha, darkSurface))).toBeGreaterThanOrEqual(4.5)
    expect(contrastRatio(lightInk, over(yellow, alpha + 0.01, darkSurface))).toBeLessThan(4.5)
    // Two nested coats need a fainter tint than one.
    expect(readableAlpha(yellow, darkSurface, lightInk, 0.5, 2)).toBeLessThan(alpha)
  })

  it('gives 0 when no tint can keep the text readable, and refuses what is not a colour', () => {
    expect(readableAlpha(white, white, parseHex('#aaaaaa'), 0.3)).toBe(0)
    expect(() => parseHex('red')).toThrow(/not a #rrggbb colour/)
    expect(parseHex('#abc')).toEqual(parseHex('#aabbcc'))
  })
})

describe('withContrast', () => {
  it('leaves a colour that stands out as it is, and moves one that does not just far enough', () => {
    const darkSurface = parseHex('#222529')
    const lightInk = parseHex('#e8e4dc')
    const blue = parseHex('#4a90d9')
    expect(withContrast(blue, darkSurface, lightInk)).toEqual(blue)
    const navy = parseHex('#1f2f5f')
    expect(contrastRatio(navy, darkSurface)).toBeLessThan(3)
    const lifted = withContrast(navy, darkSurface, lightInk)
    expect(contrastRatio(lifted, darkSurface)).toBeGreaterThanOrEqual(3)
    expect(contrastRatio(lifted, darkSurface)).toBeLessThan(3.3)
  })
})
