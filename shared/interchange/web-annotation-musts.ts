/**
 * The MUST assertions of the W3C Web Annotation Data Model (Recommendation, 23 February 2017), as
 * checks on parsed JSON-LD: each returns the assertions an object breaks, one sentence each,
 * named by the model's section. Checked item by item (an item inside a collection is checked with
 * the collection's @context), so one bad annotation is named, not the whole file. Unlike the
 * readers' lenient schemas, this is strict: it is what another tool that validates its input
 * would hold an export to.
 */
import { isAbsoluteIri } from './iris'
import { ANNO_CONTEXT, Motivation } from './web-annotation'

/** The motivations the model defines (§3.3.5); a purpose must be one of them. */
const MOTIVATIONS = new Set<string>(Motivation.options)

/** xsd:dateTime (the lexical form; the model asks for one and recommends a time zone). */
const XSD_DATETIME =
  /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))?$/

type Json = Record<string, unknown>

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const many = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])
const types = (o: Json): unknown[] => many(o.type)

function contextProblems(context: unknown, what: string): string[] {
  const values = many(context)
  if (values.length === 0) return [`§${what} @context: there MUST be 1 or more @context values.`]
  const problems: string[] = []
  if (!values.includes(ANNO_CONTEXT)) problems.push(`§${what} @context: ${ANNO_CONTEXT} MUST be one of the @context values.`)
  if (values.length === 1 && typeof context !== 'string')
    problems.push(`§${what} @context: a single @context value MUST be given as a string.`)
  return problems
}

function idProblem(o: Json, section: string, what: string): string[] {
  return typeof o.id === 'string' && isAbsoluteIri(o.id)
    ? []
    : [`§${section} id: ${what} MUST have exactly 1 IRI that identifies it (got ${JSON.stringify(o.id)}).`]
}

function dateProblems(o: Json, where: string): string[] {
  const problems: string[] = []
  for (const key of ['created', 'modified', 'generated']) {
    if (o[key] === undefined) continue
    if (typeof o[key] !== 'string' || !XSD_DATETIME.test(o[key]))
      problems.push(`§3.3.2 ${key} (${where}): MUST be expressed in the xsd:dateTime format.`)
  }
  return problems
}

function agentProblems(agents: unknown, where: string): string[] {
  return many(agents).flatMap((a) => {
    if (typeof a === 'string')
      return isAbsoluteIri(a) ? [] : [`§3.3.3 creator (${where}): an agent given as a value MUST be an IRI (got ${JSON.stringify(a)}).`]
    if (!isObject(a)) return [`§3.3.3 creator (${where}): an agent MUST be an IRI or an object.`]
    return a.id !== undefined && (typeof a.id !== 'string' || !isAbsoluteIri(a.id))
      ? [`§3.3.3 creator (${where}): an agent's id MUST be an IRI.`]
      : []
  })
}

function selectorProblems(selector: unknown, where: string): string[] {
  if (!isObject(selector)) return [`§4.2 selector (${where}): a selector MUST be an object.`]
  const type = selector.type
  if (type === 'TextQuoteSelector') {
    return typeof selector.exact === 'string' ? [] : [`§4.2.4 TextQuoteSelector (${where}): MUST have exactly 1 exact property.`]
  }
  if (type === 'TextPositionSelector') {
    const bad = (['start', 'end'] as const).filter((k) => !Number.isInteger(selector[k]) || (selector[k] as number) < 0)
    return bad.map((k) => `§4.2.5 TextPositionSelector (${where}): MUST have exactly 1 ${k}, a non-negative integer.`)
  }
  return typeof type === 'string' ? [] : [`§4.2 selector (${where}): a selector MUST have a type.`]
}

/** A body or target: an IRI, a Textual Body, or a Specific Resource with one source (and selectors). */
function resourceProblems(resource: unknown, role: 'body' | 'target', where: string): string[] {
  if (typeof resource === 'string')
    return isAbsoluteIri(resource)
      ? []
      : [`§3.2.1 ${role} (${where}): a ${role} given as a value MUST be an IRI (got ${JSON.stringify(resource)}).`]
  if (!isObject(resource)) return [`§3.2 ${role} (${where}): a ${role} MUST be an IRI or an object.`]
  const problems: string[] = []
  if (resource.id !== undefined && (typeof resource.id !== 'string' || !isAbsoluteIri(resource.id)))
    problems.push(`§3.2.1 ${role} (${where}): its id MUST be an IRI.`)
  if (types(resource).includes('TextualBody')) {
    if (typeof resource.value !== 'string') problems.push(`§3.2.4 TextualBody (${where}): there MUST be exactly 1 value property.`)
  } else if (resource.source !== undefined || types(resource).includes('SpecificResource') || resource.selector !== undefined) {
    if (typeof resource.source !== 'string' || !isAbsoluteIri(resource.source)) {
      problems.push(
        `§4 SpecificResource (${where}): there MUST be exactly 1 source relationship, an IRI (got ${JSON.stringify(resource.source)}).`,
      )
    }
    for (const s of many(resource.selector)) problems.push(...selectorProblems(s, where))
  } else if (resource.id === undefined) {
    problems.push(`§3.2.1 ${role} (${where}): an external resource MUST be identified by an IRI.`)
  }
  for (const p of many(resource.purpose))
    if (typeof p !== 'string' || !MOTIVATIONS.has(p))
      problems.push(`§3.3.5 purpose (${where}): ${JSON.stringify(p)} is not one of the model's motivations.`)
  return problems
}

/**
 * The MUSTs one annotation breaks; `context` is the @context it is read with (its own, or the
 * collection's when it sits inside one).
 */
export function annotationProblems(annotation: unknown, context: unknown): string[] {
  if (!isObject(annotation)) return ['§3.1 an Annotation MUST be a JSON object.']
  const where = typeof annotation.id === 'string' ? annotation.id : 'an annotation without an id'
  const problems = [...contextProblems(annotation['@context'] ?? context, '3.1'), ...idProblem(annotation, '3.1', 'an Annotation')]
  if (!types(annotation).includes('Annotation'))
    problems.push(`§3.1 type (${where}): an Annotation MUST have 1 or more types, and Annotation MUST be one of them.`)
  const targets = many(annotation.target)
  if (targets.length === 0) problems.push(`§3.1 target (${where}): there MUST be 1 or more target relationships.`)
  for (const t of targets) problems.push(...resourceProblems(t, 'target', where))
  for (const b of many(annotation.body)) problems.push(...resourceProblems(b, 'body', where))
  for (const m of many(annotation.motivation))
    if (typeof m !== 'string' || !MOTIVATIONS.has(m))
      problems.push(`§3.3.5 motivation (${where}): ${JSON.stringify(m)} is not one of the model's motivations.`)
  problems.push(...dateProblems(annotation, where), ...agentProblems(annotation.creator, where))
  return problems
}

/** The MUSTs an AnnotationCollection and its embedded first page break (not their items: see annotationProblems). */
export function collectionProblems(collection: unknown): string[] {
  if (!isObject(collection)) return ['§5.1 an AnnotationCollection MUST be a JSON object.']
  const problems = [...contextProblems(collection['@context'], '5.1'), ...idProblem(collection, '5.1', 'an AnnotationCollection')]
  if (!types(collection).includes('AnnotationCollection')) problems.push('§5.1 type: AnnotationCollection MUST be one of its types.')
  if (collection.total !== undefined && (!Number.isInteger(collection.total) || (collection.total as number) < 0))
    problems.push('§5.1 total: MUST be a non-negative integer.')
  const first = collection.first
  if (isObject(first)) {
    problems.push(...idProblem(first, '5.2', 'an AnnotationPage'))
    if (!types(first).includes('AnnotationPage')) problems.push("§5.2 type: AnnotationPage MUST be one of the page's types.")
    if (!Array.isArray(first.items)) problems.push('§5.2 items: an AnnotationPage MUST have exactly 1 items list.')
    if (first.startIndex !== undefined && (!Number.isInteger(first.startIndex) || (first.startIndex as number) < 0))
      problems.push('§5.2 startIndex: MUST be a non-negative integer.')
  } else if (first !== undefined && (typeof first !== 'string' || !isAbsoluteIri(first))) {
    problems.push('§5.1 first: the first page MUST be an IRI or an embedded AnnotationPage.')
  }
  return problems
}
