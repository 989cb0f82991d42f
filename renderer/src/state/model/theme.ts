/**
 * The theme's colours that script computes against: the surface the text sits on, and the colour
 * of the text being annotated and of the UI's text, for the light and the dark scheme. styles.css
 * defines the same values as custom properties (a test keeps the two in step).
 */
import { parseHex, type Rgb } from '../../../../shared/contrast'

/** A colour scheme the page can show. */
export type Scheme = 'light' | 'dark'

export const SCHEMES: readonly Scheme[] = ['light', 'dark']

/** Each scheme's surface (--surface), reading text (--text-ink) and UI text (--ink). */
export const PALETTE: Record<Scheme, { surface: string; textInk: string; ink: string }> = {
  light: { surface: '#ffffff', textInk: '#23262b', ink: '#1f2328' },
  dark: { surface: '#222529', textInk: '#e8e4dc', ink: '#e7e4de' },
}

/** The palette of a scheme as channels. */
export function paletteOf(scheme: Scheme): { surface: Rgb; textInk: Rgb; ink: Rgb } {
  const p = PALETTE[scheme]
  return { surface: parseHex(p.surface), textInk: parseHex(p.textInk), ink: parseHex(p.ink) }
}
