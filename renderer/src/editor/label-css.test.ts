import { describe, expect, it } from 'vitest'
import { contrastRatio, over, parseHex, stacked } from '../../../shared/contrast'
import { defaultLabels } from '../../../shared/model/labels'
import { paletteOf, SCHEMES } from '../state/model/theme'
import { highlightBackground, labelCss, labelLook, styleOfLabel } from './label-css'

/** Colours a researcher might pick: the defaults, pure primaries, near-white, near-black, greys. */
const COLOURS = [
  '#f2b134',
  '#4a90d9',
  '#d0508a',
  '#ffff00',
  '#00ff00',
  '#ff0000',
  '#0000ff',
  '#000080',
  '#ffffff',
  '#000000',
  '#808080',
  '#fce4ec',
]

describe('labelCss', () => {
  it('gives each label of the schema its colour, in one of three distinguishable styles, in both schemes', () => {
    const css = labelCss(defaultLabels)
    expect(css).toMatch(/\.mg-hl-claim \{ background-color: light-dark\(rgb\(242 177 52 \/ 0\.3\), rgb\(242 177 52 \/ 0\.\d+\)\); \}/)
    expect(css).toMatch(/\.mg-hl-source \{[^}]*text-decoration-line: underline; text-decoration-color: rgb\(74 144 217\)/)
    expect(css).toMatch(/\.mg-hl-stance \{ background-image: linear-gradient/)
    expect([0, 1, 2, 3].map(styleOfLabel)).toEqual(['tint', 'underline', 'band', 'tint'])
  })

  it('marks the sources a claim or stance can be attributed to while attributing', () => {
    expect(labelCss(defaultLabels)).toContain('.mg-linking-source .mg-hl-source { cursor: pointer; outline: 2px dashed rgb(74 144 217)')
  })

  it('uses no inline style attributes: only class rules (the CSP forbids inline styles)', () => {
    expect(labelCss(defaultLabels)).not.toMatch(/style=/)
  })

  it('keeps text over every highlight readable (4.5:1), two nested coats deep, in light and dark, whatever the colour', () => {
    for (const scheme of SCHEMES) {
      const { surface, textInk, ink } = paletteOf(scheme)
      for (const hex of COLOURS) {
        const color = parseHex(hex)
        const look = labelLook(hex, scheme)
        for (const alpha of [look.tint, look.wash, look.bandFill]) {
          const ratio = contrastRatio(textInk, over(color, stacked(alpha, 2), surface))
          expect(ratio, `${hex} at ${alpha} in ${scheme}`).toBeGreaterThanOrEqual(4.5)
        }
        expect(contrastRatio(ink, over(color, look.soft, surface)), `${hex} soft in ${scheme}`).toBeGreaterThanOrEqual(4.5)
        expect(contrastRatio(look.line, surface), `${hex} underline in ${scheme}`).toBeGreaterThanOrEqual(3)
        for (let position = 0; position < 3; position++) {
          expect(contrastRatio(textInk, highlightBackground(hex, position, scheme))).toBeGreaterThanOrEqual(4.5)
        }
      }
    }
  })

  it('keeps the tint as strong as meant where the text stays readable, and still shows one on a dark page', () => {
    expect(labelLook('#f2b134', 'light').tint).toBe(0.3)
    expect(labelLook('#4a90d9', 'light').tint).toBe(0.3)
    for (const hex of ['#f2b134', '#4a90d9', '#d0508a']) expect(labelLook(hex, 'dark').tint).toBeGreaterThan(0.15)
    // A navy label would vanish on a dark page: its lanes and borders are lifted.
    const navy = labelLook('#000080', 'dark')
    expect(contrastRatio(navy.mark, paletteOf('dark').surface)).toBeGreaterThanOrEqual(3)
  })
})
