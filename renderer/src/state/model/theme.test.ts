import { describe, expect, it } from 'vitest'
import styles from '../../styles.css?raw'
import { contrastRatio, parseHex } from '../../../../shared/contrast'
import { PALETTE, SCHEMES } from './theme'

/** A custom property of styles.css's :root as [light, dark]. */
function property(name: string): [string, string] {
  const m = new RegExp(`--${name}: light-dark\\((#[0-9a-f]{6}), (#[0-9a-f]{6})\\);`).exec(styles)
  if (!m) throw new Error(`styles.css has no --${name} with a light and a dark hex value`)
  return [m[1]!, m[2]!]
}

describe('the theme', () => {
  it('computes with the colours styles.css shows', () => {
    expect(property('surface')).toEqual([PALETTE.light.surface, PALETTE.dark.surface])
    expect(property('text-ink')).toEqual([PALETTE.light.textInk, PALETTE.dark.textInk])
    expect(property('ink')).toEqual([PALETTE.light.ink, PALETTE.dark.ink])
  })

  it('keeps every kind of text readable (4.5:1) on every background, in both schemes', () => {
    const texts = ['ink', 'muted', 'accent', 'danger', 'ok', 'text-ink']
    const backgrounds = ['bg', 'panel', 'surface', 'hover', 'current-bg', 'badge-bg', 'kbd-bg', 'info-bg', 'note-bg', 'done-bg']
    SCHEMES.forEach((scheme, i) => {
      for (const text of texts) {
        for (const background of backgrounds) {
          const ratio = contrastRatio(parseHex(property(text)[i]!), parseHex(property(background)[i]!))
          expect(ratio, `--${text} on --${background} in ${scheme}`).toBeGreaterThanOrEqual(4.5)
        }
      }
      expect(
        contrastRatio(parseHex(property('accent-ink')[i]!), parseHex(property('accent')[i]!)),
        `button text in ${scheme}`,
      ).toBeGreaterThanOrEqual(4.5)
      expect(
        contrastRatio(parseHex(property('alert-ink')[i]!), parseHex(property('alert-bg')[i]!)),
        `alerts in ${scheme}`,
      ).toBeGreaterThanOrEqual(4.5)
    })
  })
})
