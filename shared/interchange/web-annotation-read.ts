/**
 * Reading W3C Web Annotations into incoming layers: Marginalia's own export (an
 * AnnotationCollection) or any other tool's annotations (a collection, a page, an array or a
 * single annotation) on plain text with a TextQuoteSelector and/or TextPositionSelector.
 * Annotations Marginalia wrote say their layer and id in their IRI; others are grouped by their
 * creator, or left for the user to name.
 */
import { safeId, type IncomingLayer } from './incoming'
import { documentIdOfTextIri, parseAnnotationIri, sha256OfTextIri } from './iris'
import { ANNO_CONTEXT, WebAnnotation } from './web-annotation'

type Json = Record<string, unknown>

function asArray<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v]
}

function itemsOf(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json
  if (!json || typeof json !== 'object') return null
  const o = json as Json
  if (o.type === 'AnnotationCollection') {
    const first = o.first as Json | undefined
    return Array.isArray(first?.items) ? (first.items as unknown[]) : []
  }
  if (o.type === 'AnnotationPage') return Array.isArray(o.items) ? o.items : []
  if (o.type === 'Annotation' || (Array.isArray(o.type) && o.type.includes('Annotation'))) return [o]
  return null
}

/** A layer name from a creator: its nickname or name, or the user part of an account IRI (acct:lena@hypothes.is: lena). */
function creatorName(creator: unknown): string | null {
  const c = asArray(creator as unknown)[0]
  if (c && typeof c === 'object')
    return ((c as Json).nickname as string) ?? ((c as Json).name as string) ?? nameFromIri(((c as Json).id as string) ?? '')
  return typeof c === 'string' ? nameFromIri(c) : null
}

function nameFromIri(iri: string): string | null {
  const account = /^(?:acct|mailto):([^@]+)@/.exec(iri)
  return account ? account[1]! : iri.replace(/[/#]+$/, '').replace(/^.*[/:#]/, '') || null
}

/** Incoming layers from a parsed W3C JSON-LD document, or one sentence why it is not one. */
export function readWebAnnotations(
  json: unknown,
):
  | { layers: IncomingLayer[]; errors: string[]; /** Annotations replying to others: not read into a layer. */ replies: number }
  | { error: string } {
  const items = itemsOf(json)
  if (!items) return { error: 'is not W3C Web Annotation JSON-LD (no Annotation, AnnotationPage or AnnotationCollection in it)' }
  const documents = new Map<string, { id: string | null; title: string | null; sha256: string | null }>()
  for (const d of asArray(((json as Json)?.['marginalia:documents'] as Json[] | undefined) ?? [])) {
    if (typeof d?.id === 'string') {
      documents.set(d.id, {
        id: (d['marginalia:document'] as string) ?? null,
        title: (d['marginalia:title'] as string) ?? null,
        sha256: (d['marginalia:sha256'] as string) ?? null,
      })
    }
  }
  const layers = new Map<string, IncomingLayer>()
  const errors: string[] = []
  const layerFor = (annotator: string | null, source: string): IncomingLayer => {
    const key = `${annotator ?? ''}\u0000${source}`
    let layer = layers.get(key)
    if (!layer) {
      const known = documents.get(source)
      layer = {
        annotator,
        document: {
          id: known?.id ?? documentIdOfTextIri(source),
          sha256: known?.sha256 ?? sha256OfTextIri(source),
          title: known?.title ?? null,
          source,
        },
        text: null,
        annotations: [],
        links: [],
        unreadable: [],
      }
      layers.set(key, layer)
    }
    return layer
  }
  // Replies are not annotations of a text: counted and said, not read into a layer.
  let replies = 0
  const sourceOfAnnotation = new Map<string, string>()
  const pendingLinks: { a: WebAnnotation; n: number }[] = []
  items.forEach((raw, n) => {
    const parsed = WebAnnotation.safeParse(raw)
    if (!parsed.success) {
      errors.push(
        `annotation ${n + 1} is not a valid Web Annotation (${parsed.error.issues[0]?.path.join('.') || 'shape'}: ${parsed.error.issues[0]?.message})`,
      )
      return
    }
    const a = parsed.data
    const motivations = asArray(a.motivation)
    const bodies = asArray(a.body)
    if (motivations.includes('replying')) {
      replies++
      return
    }
    if (
      motivations.includes('linking') ||
      bodies.some((b) => typeof b === 'object' && b.purpose === 'linking' && b.type === 'SpecificResource')
    ) {
      pendingLinks.push({ a, n })
      return
    }
    const target = asArray(a.target)[0]!
    if (typeof target === 'string') {
      errors.push(`annotation ${n + 1} (${a.id}) targets a whole resource, not a span of text, so it was not imported`)
      return
    }
    const selectors = asArray(target.selector as unknown as Json[])
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector') as { exact: string; prefix?: string; suffix?: string } | undefined
    const position = selectors.find((s) => s.type === 'TextPositionSelector') as { start: number; end: number } | undefined
    const own = parseAnnotationIri(a.id)
    const annotator = own?.annotator ?? creatorName(a.creator)
    const layer = layerFor(annotator, target.source)
    const id = own?.id ?? safeId(a.id.replace(/^.*[/#:]/, ''), `w3c-${n + 1}`)
    sourceOfAnnotation.set(a.id, target.source)
    const textual = bodies.filter(
      (b): b is Json & { type: 'TextualBody'; value: string } => typeof b === 'object' && b.type === 'TextualBody',
    )
    const label = textual.find((b) => b.purpose === 'tagging' || (b.purpose === 'classifying' && !b['marginalia:attribute']))?.value
    if (!quote && !position) {
      layer.unreadable.push({ id, exact: '', reason: 'it has neither a TextQuoteSelector nor a TextPositionSelector' })
      return
    }
    if (!label) {
      layer.unreadable.push({ id, exact: quote?.exact ?? '', reason: 'it has no tagging body to say its label' })
      return
    }
    const attributes: Record<string, string> = {}
    for (const b of textual) {
      if (typeof b['marginalia:attribute'] !== 'string') continue
      attributes[b['marginalia:attribute']] = typeof b['marginalia:value'] === 'string' ? b['marginalia:value'] : b.value
    }
    layer.annotations.push({
      id,
      label,
      start: position?.start ?? -1,
      end: position?.end ?? -1,
      exact: quote?.exact ?? '',
      prefix: quote?.prefix ?? '',
      suffix: quote?.suffix ?? '',
      attributes,
      note: textual.find((b) => b.purpose === 'commenting')?.value ?? '',
      author: creatorName(a.creator),
      created: a.created ?? null,
      modified: a.modified ?? a.created ?? null,
    })
  })
  for (const { a, n } of pendingLinks) {
    const from = asArray(a.target)[0]
    const body = asArray(a.body).find((b) => typeof b === 'string' || b.type === 'SpecificResource')
    const fromIri = typeof from === 'string' ? from : from?.source
    const toIri = typeof body === 'string' ? body : (body as { source?: string } | undefined)?.source
    const source = fromIri ? sourceOfAnnotation.get(fromIri) : undefined
    if (!fromIri || !toIri || !source) {
      errors.push(`link ${n + 1} (${a.id}) does not connect two annotations of this file, so it was not imported`)
      continue
    }
    const own = parseAnnotationIri(a.id)
    const annotatorOfFrom = parseAnnotationIri(fromIri)?.annotator ?? creatorName(a.creator)
    const idOf = (iri: string) => parseAnnotationIri(iri)?.id ?? safeId(iri.replace(/^.*[/#:]/, ''), iri)
    layerFor(annotatorOfFrom, source).links.push({
      id: own?.id ?? safeId(a.id.replace(/^.*[/#:]/, ''), `w3c-link-${n + 1}`),
      type: typeof a['marginalia:relation'] === 'string' ? a['marginalia:relation'] : 'attribution',
      from: idOf(fromIri),
      to: idOf(toIri),
      author: creatorName(a.creator),
      created: a.created ?? null,
    })
  }
  return { layers: [...layers.values()], errors, replies }
}

/** Whether a parsed JSON document looks like Web Annotations (for telling formats apart). */
export function looksLikeWebAnnotations(json: unknown): boolean {
  const context = (json as Json | null)?.['@context'] ?? (Array.isArray(json) ? (json[0] as Json | undefined)?.['@context'] : undefined)
  return asArray(context as unknown).includes(ANNO_CONTEXT) || itemsOf(json) !== null
}
