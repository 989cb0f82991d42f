/**
 * Builders for discourse analysis tests: a layer of one document written as the quotes a person
 * marked ("stance: backs Hamas, against Hamas, said by Putin"), so the hand-computed expectations
 * in the tests read like the text, and offsets come out in code points as stored.
 */
import type { Annotation, Link } from '../model/annotation'
import type { ExportLayer, LayerAnnotation } from '../interchange/layer'
import { TextIndex, quoteAt } from '../offsets'

/** One marked span: id, label, the exact quote (its n-th occurrence), attributes and the source it is attributed to. */
export interface DiscourseMark {
  id: string
  label: string
  quote: string
  /** 1-based occurrence of the quote in the text (default 1). */
  occurrence?: number
  attributes?: Record<string, string>
  /** Id of the source annotation this claim or stance is attributed to. */
  source?: string
}

/** What a layer is built from. */
export interface LayerSpec {
  document: string
  title?: string
  annotator: string
  text: string
  marks: readonly DiscourseMark[]
}

const STAMP = '2026-01-01T00:00:00.000Z'

/** The layer of these marks; throws when a quote is not in the text (a mistake in the test). */
export function discourseLayer(spec: LayerSpec): ExportLayer {
  const index = new TextIndex(spec.text)
  const author = spec.annotator.startsWith('_') ? 'reviewer' : spec.annotator
  const annotations: LayerAnnotation[] = []
  const links: Link[] = []
  for (const m of spec.marks) {
    let at = -1
    for (let k = 0; k < (m.occurrence ?? 1); k++) {
      at = spec.text.indexOf(m.quote, at + 1)
      if (at < 0) throw new Error(`"${m.quote}" does not occur ${m.occurrence ?? 1} time(s) in the text`)
    }
    const start = index.u16ToCp(at)
    const end = index.u16ToCp(at + m.quote.length)
    const a: Annotation = {
      id: m.id,
      label: m.label,
      target: {
        position: { type: 'TextPositionSelector', start, end },
        quote: { type: 'TextQuoteSelector', ...quoteAt(index, start, end) },
      },
      attributes: m.attributes ?? {},
      note: '',
      author,
      created: STAMP,
      modified: STAMP,
    }
    annotations.push(a)
    if (m.source) links.push({ id: `link-${m.id}`, type: 'attribution', from: m.id, to: m.source, author, created: STAMP })
  }
  return {
    document: { id: spec.document, title: spec.title ?? spec.document, sha256: '0'.repeat(64), file: `texts/${spec.document}.txt` },
    annotator: spec.annotator,
    annotations,
    links,
  }
}

/** A source mark: `kind` and canonical `name` when given. */
export function source(id: string, quote: string, kind?: string, name?: string, occurrence?: number): DiscourseMark {
  const attributes: Record<string, string> = {}
  if (kind !== undefined) attributes.kind = kind
  if (name !== undefined) attributes.name = name
  return { id, label: 'source', quote, attributes, ...(occurrence ? { occurrence } : {}) }
}

/** A stance mark attributed to `by` (a source id, or undefined for an unlinked stance). */
export function stance(
  id: string,
  quote: string,
  polarity: string | undefined,
  target: string | undefined,
  by?: string,
  occurrence?: number,
): DiscourseMark {
  const attributes: Record<string, string> = {}
  if (polarity !== undefined) attributes.polarity = polarity
  if (target !== undefined) attributes.target = target
  return { id, label: 'stance', quote, attributes, ...(by ? { source: by } : {}), ...(occurrence ? { occurrence } : {}) }
}

/** A claim mark attributed to `by`. */
export function claim(id: string, quote: string, by?: string, occurrence?: number): DiscourseMark {
  return { id, label: 'claim', quote, ...(by ? { source: by } : {}), ...(occurrence ? { occurrence } : {}) }
}
