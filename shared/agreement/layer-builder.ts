/**
 * Builds an annotator's layer from quotes, the way a person would describe what they marked
 * ("claim: Russia backs Hamas"), so tests and demos never write offsets by hand. Offsets come
 * out in code points, as stored.
 */
import { TextIndex } from '../offsets'
import type { AgreementLayer, AnnotationLike, LinkLike } from './layer'

/** One marked span: its label, the exact quote, and optionally which occurrence and what it links to. */
export interface Mark {
  /** Id of the annotation; defaults to `${label}-${position in the list}`. */
  id?: string
  label: string
  quote: string
  /** 1-based occurrence of the quote in the text (default 1). */
  occurrence?: number
  attributes?: Record<string, string>
  /** Id of the annotation this one is attributed to. */
  source?: string
}

/** The layer of these marks on this text; throws if a quote is not found (a mistake in the test). */
export function buildLayer(text: string, marks: readonly Mark[]): AgreementLayer {
  const index = new TextIndex(text)
  const annotations: AnnotationLike[] = []
  const links: LinkLike[] = []
  marks.forEach((m, i) => {
    let at = -1
    for (let k = 0; k < (m.occurrence ?? 1); k++) {
      at = text.indexOf(m.quote, at + 1)
      if (at < 0) throw new Error(`"${m.quote}" does not occur ${m.occurrence ?? 1} time(s) in the text`)
    }
    const start = index.u16ToCp(at)
    const end = index.u16ToCp(at + m.quote.length)
    const id = m.id ?? `${m.label}-${i}`
    annotations.push({ id, label: m.label, target: { position: { start, end } }, attributes: m.attributes ?? {} })
    if (m.source) links.push({ type: 'attribution', from: id, to: m.source })
  })
  return { annotations, links }
}
