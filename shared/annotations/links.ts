/**
 * The link rule, the one place it is written: which annotations may be linked to which. An
 * attribution link goes from an annotation whose label names a label as its `attributedTo` (a
 * claim or a stance) to an annotation of that label (a source). Applying ops, importing, review
 * and validation all ask here.
 */
import type { Annotation, Link } from '../model/annotation'
import { findLabel, type LabelSchema } from '../model/labels'

/** The label an annotation of `label` may be attributed to, or null when it may not be attributed. */
export function attributionTarget(labels: LabelSchema, label: string): string | null {
  return findLabel(labels, label)?.attributedTo ?? null
}

/** Whether a link of `type` may go from an annotation labelled `from` to one labelled `to`. */
export function linkFits(labels: LabelSchema, type: Link['type'], from: string, to: string): boolean {
  return type === 'attribution' && attributionTarget(labels, from) === to
}

/** Why a link may not join these two annotations, as a sentence; null when it may. */
export function linkProblem(
  labels: LabelSchema,
  type: Link['type'],
  from: Pick<Annotation, 'label'>,
  to: Pick<Annotation, 'label'>,
): string | null {
  if (linkFits(labels, type, from.label, to.label)) return null
  const allowed = attributionTarget(labels, from.label)
  return allowed === null
    ? `A ${nameOf(labels, from.label)} cannot be attributed to anything.`
    : `A ${nameOf(labels, from.label)} cannot be attributed to a ${nameOf(labels, to.label)}; pick a ${nameOf(labels, allowed)}.`
}

/** Links that still fit after their ends changed label or went: the others are dropped. */
export function fittingLinks(
  labels: LabelSchema,
  links: Iterable<Link>,
  annotation: (id: string) => Pick<Annotation, 'label'> | undefined,
): Link[] {
  const kept: Link[] = []
  for (const l of links) {
    const from = annotation(l.from)
    const to = annotation(l.to)
    if (from && to && linkFits(labels, l.type, from.label, to.label)) kept.push(l)
  }
  return kept
}

function nameOf(labels: LabelSchema, id: string): string {
  return (findLabel(labels, id)?.name ?? id).toLowerCase()
}
