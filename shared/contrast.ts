/**
 * Colour contrast as WCAG 2 defines it: the relative luminance of an sRGB colour, the contrast
 * ratio of two colours (1 to 21), a translucent colour laid over another, and the strongest tint
 * of a colour that text of a given colour stays readable on. Pure, so the highlight styles, the
 * agreement view and (later) the tag-set editor all use the same arithmetic.
 */

/** An sRGB colour, each channel 0–255. */
export interface Rgb {
  r: number
  g: number
  b: number
}

/** WCAG's minimum contrast for normal text (level AA). */
export const READABLE = 4.5

/** '#rrggbb' (or '#rgb') as channels. */
export function parseHex(hex: string): Rgb {
  const h = hex.replace(/^#/, '')
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h
  if (!/^[0-9a-fA-F]{6}$/.test(full)) throw new Error(`${hex} is not a #rrggbb colour.`)
  const n = Number.parseInt(full, 16)
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 }
}

/** Channels as '#rrggbb'. */
export function toHex({ r, g, b }: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`
}

function linear(channel: number): number {
  const c = channel / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

/** Relative luminance, 0 (black) to 1 (white). */
export function luminance({ r, g, b }: Rgb): number {
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/** The contrast ratio of two colours, 1 to 21; the order does not matter. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/** `top` at opacity `alpha` (0–1) laid over the opaque `under`, as the browser composites it. */
export function over(top: Rgb, alpha: number, under: Rgb): Rgb {
  const mix = (t: number, u: number) => t * alpha + u * (1 - alpha)
  return { r: mix(top.r, under.r), g: mix(top.g, under.g), b: mix(top.b, under.b) }
}

/** The opacity of `layers` coats of `alpha` laid one over the other (nested highlights stack). */
export function stacked(alpha: number, layers: number): number {
  return 1 - (1 - alpha) ** layers
}

/**
 * The highest opacity, up to `wanted`, at which `color` laid `layers` deep over `background`
 * keeps `text` readable (contrast ≥ `minimum`); 0 when even a faint tint would not (it never
 * does that for a background the text is readable on). Searched in steps of 0.01.
 */
export function readableAlpha(color: Rgb, background: Rgb, text: Rgb, wanted: number, layers = 1, minimum = READABLE): number {
  for (let a = Math.round(wanted * 100); a > 0; a--) {
    const alpha = a / 100
    if (contrastRatio(text, over(color, stacked(alpha, layers), background)) >= minimum) return alpha
  }
  return 0
}

/**
 * `color`, mixed toward `toward` only as far as needed for a contrast of `minimum` against
 * `background` (WCAG asks 3:1 of lines and marks that carry meaning); `color` itself when it has it.
 */
export function withContrast(color: Rgb, background: Rgb, toward: Rgb, minimum = 3): Rgb {
  for (let t = 0; t <= 100; t += 2) {
    const mixed = over(toward, t / 100, color)
    if (contrastRatio(mixed, background) >= minimum) return mixed
  }
  return toward
}
