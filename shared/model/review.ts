/**
 * The reviewed layer: one store per document, annotations/_reviewed/<document>.json, holding
 * the annotations a reviewer accepted (or edited) from the compared annotators, each with its
 * provenance, and the reviewer's decision on every settled review unit (rejections included), so
 * progress can be shown and a decision reopened.
 */
import { z } from 'zod'
import { Annotation, AnnotationId, AnnotatorName, AttributeValues, DocumentId, IsoTime, Link, Sha256 } from './annotation'
import { Slug } from './labels'

export const REVIEW_FORMAT = 'marginalia-review'
export const REVIEW_VERSION = 1
/** The folder under annotations/ that holds the reviewed layer (no annotator name starts with '_'). */
export const REVIEWED_FOLDER = '_reviewed'

/** One annotator's annotation that a reviewed annotation or decision is about. */
export const MemberRef = z.object({
  annotator: AnnotatorName,
  id: AnnotationId,
  /** In a decision: the annotation's `modified` when it was decided; an edit since opens the unit again (absent in older files). */
  modified: IsoTime.optional(),
})
export type MemberRef = z.infer<typeof MemberRef>

export const Provenance = z.object({
  /** accepted: one annotator's version as it was; edited: the reviewer changed it. */
  action: z.enum(['accepted', 'edited']),
  /** Whose version was accepted (null when edited). */
  chosen: AnnotatorName.nullable(),
  /** Every annotation of the review unit it settles, from all compared annotators. */
  sources: z.array(MemberRef),
  decidedBy: AnnotatorName,
  decided: IsoTime,
  /**
   * The source the reviewer chose for an edited claim or stance: a reviewed annotation's id, or
   * null for none. Absent: its source follows from the annotators' links (as for every accepted one).
   */
  source: AnnotationId.nullable().optional(),
  /** With a picked source: the review unit it settles, so it is found again when that unit is decided anew. */
  sourceUnit: z.string().min(1).max(20_000).optional(),
})
export type Provenance = z.infer<typeof Provenance>

export const ReviewedAnnotation = Annotation.extend({ provenance: Provenance })
export type ReviewedAnnotation = z.infer<typeof ReviewedAnnotation>

export const Decision = z.object({
  /** The review unit's key ("annotator:id" of its members, sorted, joined by '|'). */
  unit: z.string().min(1).max(20_000),
  action: z.enum(['accepted', 'edited', 'rejected']),
  /** The reviewed annotation it produced, or null for a rejection. */
  annotation: AnnotationId.nullable(),
  members: z.array(MemberRef),
  decidedBy: AnnotatorName,
  decided: IsoTime,
})
export type Decision = z.infer<typeof Decision>

export const ReviewStoreFile = z.object({
  format: z.literal(REVIEW_FORMAT),
  version: z.number().int().positive(),
  document: DocumentId,
  sha256: Sha256,
  annotations: z.array(ReviewedAnnotation),
  links: z.array(Link),
  decisions: z.array(Decision),
})
export type ReviewStoreFile = z.infer<typeof ReviewStoreFile>

/**
 * What a reviewer decides for one review unit: keep one annotator's version, keep the reviewer's
 * own version of the span, keep none, or open the unit again.
 */
export const UnitDecision = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), annotator: AnnotatorName }),
  z.object({
    action: z.literal('edit'),
    annotation: z.object({
      label: Slug,
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
      attributes: AttributeValues,
      note: z.string().max(20000),
      /** The reviewed source annotation to attribute it to, null for none; absent: as the annotators linked it. */
      source: AnnotationId.nullable().optional(),
    }),
  }),
  z.object({ action: z.literal('reject') }),
  z.object({ action: z.literal('reopen') }),
])
export type UnitDecision = z.infer<typeof UnitDecision>
