/**
 * The stored form of an annotation, made from what the UI sends (a draft: id, label, span,
 * attributes, note): checked against the text and the label schema, with its quote and context
 * taken from the text, empty attributes dropped, author and times stamped. The host stores exactly
 * this, and the UI builds the same object to draw a change before the host has confirmed it.
 */
import { DomainError } from '../errors'
import type { Annotation, AnnotationDraft } from '../model/annotation'
import { findLabel, valueProblem, type LabelSchema, type LinkTypeDef } from '../model/labels'
import { quoteAt, type TextIndex } from '../offsets'

/** What a stored form is made with: the text its offsets count in, the tag set, who and when. */
export interface StoringContext {
  text: TextIndex
  labels: LabelSchema
  linkTypes: readonly LinkTypeDef[]
  author: string
  now: string
}

/**
 * The annotation to store for `draft`, or a DomainError ('invalid') saying why it does not fit:
 * an unknown label or attribute, a value that is not one of a choice's options, an empty span or
 * one that runs past the end of the text (values: labels.ts valueProblem). `existing` is the annotation it replaces, whose
 * `created` it keeps.
 */
export function storedAnnotation(draft: AnnotationDraft, ctx: StoringContext, existing?: Pick<Annotation, 'created'>): Annotation {
  const label = findLabel(ctx.labels, draft.label)
  if (!label) throw new DomainError('invalid', `There is no label "${draft.label}" in this project.`)
  if (draft.end <= draft.start) throw new DomainError('invalid', 'An annotation must cover at least one character.')
  if (draft.end > ctx.text.length) {
    throw new DomainError('invalid', `The span ${draft.start}–${draft.end} runs past the end of the text (${ctx.text.length} characters).`)
  }
  for (const [id, value] of Object.entries(draft.attributes)) {
    const def = label.attributes.find((a) => a.id === id)
    if (!def) throw new DomainError('invalid', `A ${label.name} has no attribute "${id}".`)
    const problem = valueProblem(def, value)
    if (problem) throw new DomainError('invalid', problem)
  }
  return {
    id: draft.id,
    label: label.id,
    target: {
      position: { type: 'TextPositionSelector', start: draft.start, end: draft.end },
      quote: { type: 'TextQuoteSelector', ...quoteAt(ctx.text, draft.start, draft.end) },
    },
    attributes: Object.fromEntries(Object.entries(draft.attributes).filter(([, v]) => v !== '')),
    note: draft.note,
    author: ctx.author,
    created: existing?.created ?? draft.created ?? ctx.now,
    modified: ctx.now,
  }
}

/** The draft that would put this annotation back exactly (same id, span, values and `created`). */
export function draftOf(a: Annotation): AnnotationDraft {
  return {
    id: a.id,
    label: a.label,
    start: a.target.position.start,
    end: a.target.position.end,
    attributes: { ...a.attributes },
    note: a.note,
    created: a.created,
  }
}
