/**
 * W3C Web Annotation (JSON-LD) export and import. The export is one AnnotationCollection with
 * every annotation embedded in its first AnnotationPage: one Annotation per span (target: the
 * document's text with a TextQuoteSelector and a TextPositionSelector; bodies: the label as a
 * tagging TextualBody, each attribute as a classifying (choice) or describing (text) TextualBody,
 * the note as a commenting one), and one Annotation per link (motivation linking, target the
 * claim or stance annotation, body the source annotation), and one Annotation per reply (motivation
 * replying, target the annotation replied to, body the reply's text; §3.3.5's own example of a
 * reply). Every id, target and body source is an
 * absolute IRI (iris.ts): under a base the user gives, or the project's stable URNs. Marginalia's
 * own terms (attribute ids, document titles and hashes, review provenance) use the `marginalia:`
 * prefix. Positions are Unicode code points (the W3C model counts "characters"; see docs/formats.md).
 */
import { z } from 'zod'
import type { Link } from '../model/annotation'
import type { Reply } from '../model/memos'
import { valueName, type LabelSchema } from '../model/labels'
import type { ExportIris } from './iris'
import { linksInOrder, type ExportLayer, type LayerAnnotation } from './layer'
import { inTextOrder } from '../model/annotation'

export { parseAnnotationIri } from './iris'

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
export const MARGINALIA_NS = 'https://marginalia.invalid/ns#'
const CONTEXT = [ANNO_CONTEXT, { marginalia: MARGINALIA_NS }]

function spanAnnotation(iris: ExportIris, labels: LabelSchema, layer: ExportLayer, a: LayerAnnotation) {
  const label = labels.find((l) => l.id === a.label)
  const known = label?.attributes.map((d) => d.id) ?? []
  const order = [
    ...known.filter((id) => id in a.attributes),
    ...Object.keys(a.attributes)
      .filter((id) => !known.includes(id))
      .sort(),
  ]
  const body: Record<string, unknown>[] = [{ type: 'TextualBody', purpose: 'tagging', value: a.label }]
  for (const id of order) {
    const def = label?.attributes.find((d) => d.id === id)
    const stored = a.attributes[id]!
    const shown = valueName(def, stored)
    body.push({
      type: 'TextualBody',
      purpose: def?.type === 'text' ? 'describing' : 'classifying',
      value: shown,
      'marginalia:attribute': id,
      // A renamed option: the body shows its name, and keeps the value annotations store.
      ...(shown !== stored ? { 'marginalia:value': stored } : {}),
    })
  }
  if (a.note !== '') body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note })
  return {
    id: iris.annotation(layer.annotator, layer.document.id, a.id),
    type: 'Annotation',
    motivation: 'tagging',
    created: a.created,
    modified: a.modified,
    creator: { type: 'Person', nickname: a.author },
    body,
    target: {
      source: iris.document(layer.document),
      selector: [
        { type: 'TextQuoteSelector', exact: a.target.quote.exact, prefix: a.target.quote.prefix, suffix: a.target.quote.suffix },
        { type: 'TextPositionSelector', start: a.target.position.start, end: a.target.position.end },
      ],
    },
    ...(a.provenance ? { 'marginalia:provenance': a.provenance } : {}),
  }
}

function linkAnnotation(iris: ExportIris, layer: ExportLayer, l: Link) {
  return {
    id: iris.annotation(layer.annotator, layer.document.id, l.id),
    type: 'Annotation',
    motivation: 'linking',
    created: l.created,
    creator: { type: 'Person', nickname: l.author },
    'marginalia:relation': l.type,
    body: { type: 'SpecificResource', source: iris.annotation(layer.annotator, layer.document.id, l.to), purpose: 'linking' },
    target: iris.annotation(layer.annotator, layer.document.id, l.from),
  }
}

/** A reply (its author's, in their own file) to an annotation of this layer: an Annotation replying to it. */
function replyAnnotation(iris: ExportIris, layer: ExportLayer, on: string, r: Reply) {
  return {
    id: iris.annotation(r.author, layer.document.id, r.id),
    type: 'Annotation',
    motivation: 'replying',
    created: r.created,
    creator: { type: 'Person', nickname: r.author },
    body: { type: 'TextualBody', value: r.text, format: 'text/plain' },
    target: iris.annotation(layer.annotator, layer.document.id, on),
  }
}

/** The JSON-LD text of an AnnotationCollection holding these layers, named with `iris`. */
export function toWebAnnotations(
  projectName: string,
  labels: LabelSchema,
  layers: readonly ExportLayer[],
  iris: ExportIris,
): { content: string; annotations: number; links: number; replies: number } {
  const items: unknown[] = []
  let spans = 0
  let links = 0
  let replies = 0
  const documents = new Map<string, ExportLayer['document']>()
  for (const layer of layers) {
    documents.set(layer.document.id, layer.document)
    for (const a of inTextOrder(layer.annotations)) {
      items.push(spanAnnotation(iris, labels, layer, a))
      spans++
    }
    for (const l of linksInOrder(layer.annotations, layer.links)) {
      items.push(linkAnnotation(iris, layer, l))
      links++
    }
    // Each thread in time order, the threads in the order of the annotations they are on.
    for (const a of inTextOrder(layer.annotations)) {
      for (const r of layer.threads?.get(a.id) ?? []) {
        items.push(replyAnnotation(iris, layer, a.id, r))
        replies++
      }
    }
  }
  const collection = {
    '@context': CONTEXT,
    id: iris.collection,
    type: 'AnnotationCollection',
    label: projectName,
    total: items.length,
    'marginalia:documents': [...documents.values()].map((d) => ({
      id: iris.document(d),
      'marginalia:document': d.id,
      'marginalia:title': d.title,
      'marginalia:sha256': d.sha256,
    })),
    first: { id: iris.page, type: 'AnnotationPage', startIndex: 0, items },
  }
  return { content: `${JSON.stringify(collection, null, 2)}\n`, annotations: spans, links, replies }
}

/** The motivations the Web Annotation model defines (§3.3.5). */
export const Motivation = z.enum([
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
])
const DateTime = z.iso.datetime({ offset: true })
const Iri = z
  .string()
  .min(1)
  .refine((s) => !/\s/.test(s), 'an IRI (no spaces)')
const Agent = z.union([
  Iri,
  z.object({
    id: Iri.optional(),
    type: z.union([z.string(), z.array(z.string())]).optional(),
    name: z.string().optional(),
    nickname: z.string().optional(),
  }),
])
const QuoteSel = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string(),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
})
const PositionSel = z
  .object({ type: z.literal('TextPositionSelector'), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((s) => s.end >= s.start, 'end must not be before start')
const OtherSel = z
  .object({ type: z.string().refine((t) => t !== 'TextQuoteSelector' && t !== 'TextPositionSelector', 'a well-formed selector') })
  .loose()
const AnySelector = z.union([QuoteSel, PositionSel, OtherSel])
const SpecificTarget = z
  .object({ source: Iri, selector: z.union([AnySelector, z.array(AnySelector)]).optional(), type: z.string().optional() })
  .loose()
const TextualBody = z.object({ type: z.literal('TextualBody'), value: z.string(), purpose: Motivation.optional() }).loose()
const SpecificBody = z.object({ type: z.literal('SpecificResource'), source: Iri, purpose: Motivation.optional() }).loose()
const Body = z.union([TextualBody, SpecificBody, Iri])

/**
 * The required structure of a Web Annotation (W3C Web Annotation Data Model, 2017): @context
 * (when standalone), an IRI id, type Annotation, at least one target (an IRI or a resource with
 * a source), bodies that are TextualBodies with a value, Specific Resources with a source, or
 * IRIs; motivations and purposes from the model's list; times as xsd:dateTime with a zone.
 */
export const WebAnnotation = z
  .object({
    '@context': z
      .union([z.literal(ANNO_CONTEXT), z.array(z.unknown()).refine((c) => c[0] === ANNO_CONTEXT, 'anno.jsonld first')])
      .optional(),
    id: Iri,
    type: z.union([z.literal('Annotation'), z.array(z.string()).refine((t) => t.includes('Annotation'), 'type Annotation')]),
    motivation: z.union([Motivation, z.array(Motivation)]).optional(),
    created: DateTime.optional(),
    modified: DateTime.optional(),
    creator: z.union([Agent, z.array(Agent)]).optional(),
    body: z.union([Body, z.array(Body)]).optional(),
    target: z.union([Iri, SpecificTarget, z.array(z.union([Iri, SpecificTarget])).min(1)]),
  })
  .loose()
export type WebAnnotation = z.infer<typeof WebAnnotation>

/** An AnnotationCollection with its first page embedded (what the export writes). */
export const WebAnnotationCollection = z
  .object({
    '@context': z.union([z.literal(ANNO_CONTEXT), z.array(z.unknown()).refine((c) => c[0] === ANNO_CONTEXT, 'anno.jsonld first')]),
    id: Iri,
    type: z.literal('AnnotationCollection'),
    label: z.string().optional(),
    total: z.number().int().nonnegative(),
    first: z
      .object({
        id: Iri,
        type: z.literal('AnnotationPage'),
        startIndex: z.number().int().nonnegative().optional(),
        items: z.array(WebAnnotation),
      })
      .loose(),
  })
  .loose()
  .refine((c) => c.total === c.first.items.length, 'total counts the items')
