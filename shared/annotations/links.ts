/**
 * The link rule, the one place it is written: which annotations may be linked to which.
 * - An **attribution** link goes from an annotation whose label names a label as its
 *   `attributedTo` (a claim or a stance) to an annotation of that label (a source); an annotation
 *   has at most one.
 * - A link of one of the project's **link types** goes from an annotation of one of the type's
 *   `from` labels to one of its `to` labels; several per annotation unless the type says otherwise.
 * Applying ops, importing, review, validation and the tag-set editor all ask here.
 */
import type { Annotation, Link } from '../model/annotation'
import { ATTRIBUTION, findLabel, findLinkType, type LabelSchema, type TagSet } from '../model/labels'

/** The label an annotation of `label` may be attributed to, or null when it may not be attributed. */
export function attributionTarget(labels: LabelSchema, label: string): string | null {
  return findLabel(labels, label)?.attributedTo ?? null
}

/** Whether a link of `type` may go from an annotation labelled `from` to one labelled `to`. */
export function linkFits(tagSet: TagSet, type: string, from: string, to: string): boolean {
  if (type === ATTRIBUTION) return attributionTarget(tagSet.labels, from) === to
  const def = findLinkType(tagSet, type)
  return def !== undefined && def.from.includes(from) && def.to.includes(to)
}

/** Whether an annotation has at most one link of this type (a new one replaces the old). */
export function singleLink(tagSet: TagSet, type: string): boolean {
  return type === ATTRIBUTION || findLinkType(tagSet, type)?.multiple === false
}

/** The name of a link type as the app shows it ("attributed to", "supports"). */
export function linkTypeName(tagSet: TagSet, type: string): string {
  return type === ATTRIBUTION ? 'attributed to' : (findLinkType(tagSet, type)?.name ?? type)
}

/** Why a link may not join these two annotations, as a sentence; null when it may. */
export function linkProblem(tagSet: TagSet, type: string, from: Pick<Annotation, 'label'>, to: Pick<Annotation, 'label'>): string | null {
  if (linkFits(tagSet, type, from.label, to.label)) return null
  const { labels } = tagSet
  if (type === ATTRIBUTION) {
    const allowed = attributionTarget(labels, from.label)
    return allowed === null
      ? `A ${nameOf(labels, from.label)} cannot be attributed to anything.`
      : `A ${nameOf(labels, from.label)} cannot be attributed to a ${nameOf(labels, to.label)}; pick a ${nameOf(labels, allowed)}.`
  }
  const def = findLinkType(tagSet, type)
  if (!def) return `There is no link type "${type}" in this project.`
  if (!def.from.includes(from.label)) return `A ${nameOf(labels, from.label)} cannot be linked as “${def.name}”.`
  return `A “${def.name}” link from a ${nameOf(labels, from.label)} goes to a ${def.to.map((l) => nameOf(labels, l)).join(' or a ')}, not a ${nameOf(labels, to.label)}.`
}

/** The annotations at a link's ends, each once (an index of links by annotation lists it under these). */
export function linkEnds(l: Pick<Link, 'from' | 'to'>): string[] {
  return l.from === l.to ? [l.from] : [l.from, l.to]
}

/** Links that still fit after their ends changed label or went: the others are dropped. */
export function fittingLinks(
  tagSet: TagSet,
  links: Iterable<Link>,
  annotation: (id: string) => Pick<Annotation, 'label'> | undefined,
): Link[] {
  const kept: Link[] = []
  for (const l of links) {
    const from = annotation(l.from)
    const to = annotation(l.to)
    if (from && to && linkFits(tagSet, l.type, from.label, to.label)) kept.push(l)
  }
  return kept
}

/** The attribution links that fit (the only links the analysis and the source columns read). */
export function fittingAttributions(
  labels: LabelSchema,
  links: Iterable<Link>,
  annotation: (id: string) => Pick<Annotation, 'label'> | undefined,
): Link[] {
  return fittingLinks({ labels, linkTypes: [] }, links, annotation)
}

function nameOf(labels: LabelSchema, id: string): string {
  return (findLabel(labels, id)?.name ?? id).toLowerCase()
}

/** A link of one of the project's other types (supports, responds to, …), to the text it goes to. */
export interface TypedLinkTo {
  type: string
  to: string
  text: string
}

/**
 * Each annotation's links of types other than attribution, by the id they go from, each with the
 * text of the annotation it goes to (links to an annotation not in the layer are left out): what
 * Retrieve's rows and the review's cards show as "Supports → “…”".
 */
export function typedLinksFrom(annotations: readonly Annotation[], links: readonly Link[]): Map<string, TypedLinkTo[]> {
  const out = new Map<string, TypedLinkTo[]>()
  if (!links.some((l) => l.type !== ATTRIBUTION)) return out
  const byId = new Map(annotations.map((a) => [a.id, a]))
  for (const l of links) {
    const to = l.type === ATTRIBUTION ? undefined : byId.get(l.to)
    if (!to) continue
    let list = out.get(l.from)
    if (!list) out.set(l.from, (list = []))
    list.push({ type: l.type, to: to.id, text: to.target.quote.exact })
  }
  return out
}
