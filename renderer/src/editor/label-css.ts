/**
 * Label colours come from the project's schema at run time, and the page's CSP allows no inline
 * styles, so the rules are generated here and installed as a constructed stylesheet. Labels take
 * turns among three drawing styles, so overlapping annotations of different labels stay apart:
 * a tint behind the text, a thick underline, and a band along the bottom of the line. Nested
 * annotations of one label stack their translucent fills, so overlaps look stronger.
 */
import type { LabelSchema } from '../../../shared/model/labels'

function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16)
  return `${(n >> 16) & 255} ${(n >> 8) & 255} ${n & 255}`
}

/** How a label's highlights are drawn, by its position in the schema. */
export type HighlightStyle = 'tint' | 'underline' | 'band'

/** The drawing style of the label at this position in the schema. */
export function styleOfLabel(position: number): HighlightStyle {
  return (['tint', 'underline', 'band'] as const)[position % 3]!
}

/** The CSS for a label schema: highlights, swatches and the link-mode hint. */
export function labelCss(labels: LabelSchema): string {
  const rules: string[] = []
  labels.forEach((label, i) => {
    const c = rgb(label.color)
    const hl = `.mg-hl-${label.id}`
    rules.push(`.mg-label-${label.id} { --mg-label: rgb(${c}); --mg-label-soft: rgb(${c} / 0.22); }`)
    switch (styleOfLabel(i)) {
      case 'tint':
        rules.push(`${hl} { background-color: rgb(${c} / 0.30); }`)
        break
      case 'underline':
        rules.push(
          `${hl} { background-color: rgb(${c} / 0.08); text-decoration-line: underline; text-decoration-color: rgb(${c});` +
            ` text-decoration-thickness: 3px; text-underline-offset: 5px; text-decoration-skip-ink: none; }`,
        )
        break
      case 'band':
        rules.push(
          `${hl} { background-image: linear-gradient(to top, rgb(${c} / 0.55) 0, rgb(${c} / 0.55) 0.22em, rgb(${c} / 0.10) 0.22em); }`,
        )
        break
    }
    // While linking, the highlights a link may point to are outlined (attribution or any link type).
    rules.push(`.mg-linking-${label.id} .mg-hl-${label.id} { cursor: pointer; outline: 2px dashed rgb(${c}); outline-offset: 1px; }`)
  })
  return [...new Set(rules)].join('\n')
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
