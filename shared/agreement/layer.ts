/**
 * What agreement reads of one annotator's layer of one document: each annotation's id, label,
 * span and attributes, and the attribution links. Stored annotations and links fit these types
 * as they are, and tests can build them without times or quotes.
 */
import type { Annotation, Link } from '../model/annotation'

/** An annotation as agreement sees it (a stored Annotation fits). */
export type AnnotationLike = Pick<Annotation, 'id' | 'label' | 'attributes'> & {
  target: { position: { start: number; end: number } }
}

/** An attribution link as agreement sees it (a stored Link fits). */
export type LinkLike = Pick<Link, 'type' | 'from' | 'to'>

/** One annotator's annotations and links on one document. */
export interface AgreementLayer {
  annotations: readonly AnnotationLike[]
  links: readonly LinkLike[]
}

/** A labelled span, in code points, end-exclusive. */
export interface LabelledSpan {
  label: string
  start: number
  end: number
}

/** The labelled span of an annotation. */
export function spanOfAnnotation(a: AnnotationLike): LabelledSpan {
  return { label: a.label, start: a.target.position.start, end: a.target.position.end }
}
