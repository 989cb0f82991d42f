/**
 * Label colours come from the project's schema at run time, and the page's CSP allows no inline
 * styles, so the rules are generated here and installed as a constructed stylesheet. Labels take
 * turns among three drawing styles, so overlapping annotations of different labels stay apart:
 * a tint behind the text, a thick underline, and a band along the bottom of the line. Nested
 * annotations of one label stack their translucent fills, so overlaps look stronger.
 *
 * Every colour has a light and a dark value (light-dark(), resolved by the page's colour scheme).
 * A tint is as strong as it is meant to be unless that would leave the text on it (two nested
 * coats deep) under 4.5:1 contrast; then it is lighter. Lines and marks (underline, the label's
 * colour on a dark page) are moved toward the text colour until they stand out 3:1 from the page.
 */
import { over, readableAlpha, withContrast, type Rgb } from '../../../shared/contrast'
import { parseHex } from '../../../shared/contrast'
import type { LabelSchema } from '../../../shared/model/labels'
import { paletteOf, type Scheme } from '../state/model/theme'

/** How a label's highlights are drawn, by its position in the schema. */
export type HighlightStyle = 'tint' | 'underline' | 'band'

/** The drawing style of the label at this position in the schema. */
export function styleOfLabel(position: number): HighlightStyle {
  return (['tint', 'underline', 'band'] as const)[position % 3]!
}

/** The tints each style wants, before the contrast check. */
const WANTED = { tint: 0.3, wash: 0.08, bandFill: 0.1, band: 0.55, soft: 0.22 }

function channels({ r, g, b }: Rgb): string {
  return `${Math.round(r)} ${Math.round(g)} ${Math.round(b)}`
}

/** A colour with an opacity in each scheme. */
function both(light: string, dark: string): string {
  return light === dark ? light : `light-dark(${light}, ${dark})`
}

/** What one label looks like in one scheme. */
export interface LabelLook {
  /** The label's colour for swatches, borders and lanes. */
  mark: Rgb
  /** The underline and the attributing outline: 3:1 against the page. */
  line: Rgb
  tint: number
  wash: number
  bandFill: number
  band: number
  soft: number
}

/** How a label colour is drawn in a scheme: opacities that keep the text readable, lines that show. */
export function labelLook(hex: string, scheme: Scheme): LabelLook {
  const color = parseHex(hex)
  const { surface, textInk, ink } = paletteOf(scheme)
  const line = withContrast(color, surface, textInk)
  return {
    // On a light page the label keeps its own colour (the text beside a swatch names it); on a
    // dark one a dark colour is lifted so lanes and borders do not vanish.
    mark: scheme === 'light' ? color : line,
    line,
    tint: readableAlpha(color, surface, textInk, WANTED.tint, 2),
    wash: readableAlpha(color, surface, textInk, WANTED.wash, 2),
    bandFill: readableAlpha(color, surface, textInk, WANTED.bandFill, 2),
    band: readableAlpha(color, surface, textInk, WANTED.band, 1),
    soft: readableAlpha(color, surface, ink, WANTED.soft, 1),
  }
}

/** The colour a text of this label is read on, in a scheme: its tint (one coat) over the page. */
export function highlightBackground(hex: string, position: number, scheme: Scheme): Rgb {
  const look = labelLook(hex, scheme)
  const alpha = styleOfLabel(position) === 'tint' ? look.tint : styleOfLabel(position) === 'underline' ? look.wash : look.bandFill
  return over(parseHex(hex), alpha, paletteOf(scheme).surface)
}

/** The CSS for a label schema: highlights, swatches and the link-mode hint, in both schemes. */
export function labelCss(labels: LabelSchema): string {
  const rules: string[] = []
  labels.forEach((label, i) => {
    const c = channels(parseHex(label.color))
    const l = labelLook(label.color, 'light')
    const d = labelLook(label.color, 'dark')
    const fill = (key: 'tint' | 'wash' | 'bandFill' | 'band' | 'soft') => both(`rgb(${c} / ${l[key]})`, `rgb(${c} / ${d[key]})`)
    const hl = `.mg-hl-${label.id}`
    rules.push(
      `.mg-label-${label.id} { --mg-label: ${both(`rgb(${channels(l.mark)})`, `rgb(${channels(d.mark)})`)}; --mg-label-soft: ${fill('soft')}; }`,
    )
    switch (styleOfLabel(i)) {
      case 'tint':
        rules.push(`${hl} { background-color: ${fill('tint')}; }`)
        break
      case 'underline':
        rules.push(
          `${hl} { background-color: ${fill('wash')}; text-decoration-line: underline; text-decoration-color: ${both(`rgb(${channels(l.line)})`, `rgb(${channels(d.line)})`)};` +
            ` text-decoration-thickness: 3px; text-underline-offset: 5px; text-decoration-skip-ink: none; }`,
        )
        break
      case 'band': {
        const band = fill('band')
        rules.push(`${hl} { background-image: linear-gradient(to top, ${band} 0, ${band} 0.22em, ${fill('bandFill')} 0.22em); }`)
        break
      }
    }
    // While linking, the highlights a link may point to are outlined (attribution or any link type).
    rules.push(
      `.mg-linking-${label.id} .mg-hl-${label.id} { cursor: pointer; outline: 2px dashed ${labelLine(labels, label.id)}; outline-offset: 1px; }`,
    )
  })
  return [...new Set(rules)].join('\n')
}

function labelLine(labels: LabelSchema, id: string): string {
  const hex = labels.find((l) => l.id === id)?.color ?? '#555555'
  return both(`rgb(${channels(labelLook(hex, 'light').line)})`, `rgb(${channels(labelLook(hex, 'dark').line)})`)
}

let sheet: CSSStyleSheet | null = null

/** Install (or replace) the label rules in the document. */
export function installLabelCss(labels: LabelSchema): void {
  if (!sheet) {
    sheet = new CSSStyleSheet()
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
  }
  sheet.replaceSync(labelCss(labels))
}
