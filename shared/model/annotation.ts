/**
 * Annotations and links as they are stored and exchanged. Offsets are Unicode code points into
 * the document's stored text, end-exclusive, as in the W3C Web Annotation TextPositionSelector;
 * the quote (exact text plus about 32 code points of context either side) is the
 * TextQuoteSelector, kept so an annotation can be re-anchored if a text ever differs.
 */
import { z } from 'zod'
import { Slug } from './labels'

/** An annotation or link id: letters, digits, '-' and '_' (a UUID fits). */
export const AnnotationId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'an id of letters, digits, - or _')

/** A document id: lowercase letters, digits and '-', safe as a file name. */
export const DocumentId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'a document id (a-z, 0-9, -)')

/**
 * An annotator's name, which is also their folder under annotations/: letters, digits, spaces,
 * '.', '_' and '-', starting with a letter or digit (names starting with '_' are reserved for
 * Marginalia's own layers, such as a reviewed layer).
 */
export const AnnotatorName = z
  .string()
  .regex(
    /^[\p{L}\p{N}](?:[\p{L}\p{N} ._-]{0,62}[\p{L}\p{N}_-])?$/u,
    'a name of letters, digits, spaces, . _ or - (up to 64, starting with a letter or digit)',
  )

/**
 * True for a name Windows cannot give a file or folder: CON, PRN, AUX, NUL, COM0–9 and LPT0–9
 * (also with superscript digits), in any case, alone or before an extension ("nul.json", "Com1.x").
 * A project made elsewhere must open on Windows, so such names are refused or mapped everywhere.
 */
export function isWindowsReservedName(name: string): boolean {
  const base = name.split('.')[0]!.replace(/[ ]+$/, '')
  return /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i.test(base)
}

/** An annotator name for a new layer: an AnnotatorName that Windows can also hold as a folder. */
/**
 * The annotator among `existing` whose name differs from `name` only in capitals or in how its
 * accents are encoded ("zoë müller" and "Zoë Müller"): on macOS and Windows both would be one
 * folder, so one person's files would be the other's. Undefined when there is none.
 */
export function folderTwin(name: string, existing: readonly string[]): string | undefined {
  const folded = name.normalize('NFC').toLowerCase()
  return existing.find((e) => e !== name && e.normalize('NFC').toLowerCase() === folded)
}

export const NewAnnotatorName = AnnotatorName.refine(
  (n) => !isWindowsReservedName(n),
  'a name Windows can use for a folder (not CON, PRN, AUX, NUL, COM1–9 or LPT1–9)',
)

export const IsoTime = z.iso.datetime({ offset: true })

/** A sha256 in lower-case hex: of a stored text's UTF-8 bytes, or of a file's content. */
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/)

export const TextPositionSelector = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
})
export type TextPositionSelector = z.infer<typeof TextPositionSelector>

export const TextQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
})
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>

export const Selector = z.discriminatedUnion('type', [TextPositionSelector, TextQuoteSelector])
export type Selector = z.infer<typeof Selector>

/** Attribute values by attribute id; an unset attribute is absent. */
export const AttributeValues = z.record(Slug, z.string().max(1000))
export type AttributeValues = z.infer<typeof AttributeValues>

export const Annotation = z.object({
  id: AnnotationId,
  label: Slug,
  target: z.object({ position: TextPositionSelector, quote: TextQuoteSelector }),
  attributes: AttributeValues,
  note: z.string().max(20000),
  author: AnnotatorName,
  created: IsoTime,
  modified: IsoTime,
})
export type Annotation = z.infer<typeof Annotation>

/**
 * A link between two annotations of one layer: "this claim is attributed to that source"
 * (type `attribution`), or one of the project's own link types ("supports", "responds to").
 */
export const Link = z.object({
  id: AnnotationId,
  type: Slug,
  from: AnnotationId,
  to: AnnotationId,
  author: AnnotatorName,
  created: IsoTime,
})
export type Link = z.infer<typeof Link>

/** What the UI sends to create or replace an annotation; the core fills quote, author and times. */
export const AnnotationDraft = z
  .object({
    id: AnnotationId,
    label: Slug,
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    attributes: AttributeValues,
    note: z.string().max(20000),
    /** Kept when an undo restores a deleted annotation. */
    created: IsoTime.optional(),
  })
  .refine((d) => d.end > d.start, { message: 'an annotation must cover at least one character', path: ['end'] })
export type AnnotationDraft = z.infer<typeof AnnotationDraft>

/** A suggestion's place: the label it proposes and its offsets (code points, end-exclusive). */
export const SuggestionSpan = z.object({
  label: Slug,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
})
export type SuggestionSpan = z.infer<typeof SuggestionSpan>

/**
 * What an annotator decided about one suggestion (shared/suggest), kept in their own store of the
 * document: `rejected` (never proposed again), or `accepted` as `annotation` (the provenance of
 * that annotation: the cue pattern and confidence it was proposed with). `at` is when.
 */
export const SuggestionRecord = SuggestionSpan.extend({
  decision: z.enum(['accepted', 'rejected']),
  /** accepted: the annotation it became. */
  annotation: AnnotationId.optional(),
  /** accepted: the cue pattern that proposed it (docs/suggestions.md). */
  pattern: z.string().max(60).optional(),
  /** accepted: the confidence it was proposed with, 0..1. */
  confidence: z.number().min(0).max(1).optional(),
  at: IsoTime,
})
export type SuggestionRecord = z.infer<typeof SuggestionRecord>

/** The key of a suggestion's record: label and offsets. */
export function suggestionKey(s: SuggestionSpan): string {
  return `${s.label}:${s.start}-${s.end}`
}

/** One change to an annotator's layer of one document. */
export const AnnotationOp = z.discriminatedUnion('op', [
  /**
   * Create or change an annotation. `base`: the annotation as the sender had it before this change;
   * when it is stored otherwise now, only the fields this change touched are taken (merge.ts).
   */
  z.object({ op: z.literal('put'), annotation: AnnotationDraft, base: AnnotationDraft.optional() }),
  z.object({ op: z.literal('delete'), id: AnnotationId }),
  z.object({
    op: z.literal('link'),
    link: z.object({
      id: AnnotationId,
      /** The link type; attribution when absent. */
      type: Slug.optional(),
      from: AnnotationId,
      to: AnnotationId,
      created: IsoTime.optional(),
    }),
  }),
  z.object({ op: z.literal('unlink'), id: AnnotationId }),
  /** Remember a decision on a suggestion (replacing an earlier one for the same label and offsets); `at` defaults to now. */
  z.object({ op: z.literal('decide'), suggestion: SuggestionRecord.extend({ at: IsoTime.optional() }) }),
  /** Forget the decision on a suggestion (undoing it). */
  z.object({ op: z.literal('undecide'), suggestion: SuggestionSpan }),
])
export type AnnotationOp = z.infer<typeof AnnotationOp>

/** Start and end of an annotation, in code points. */
export function spanOf(a: Annotation): { start: number; end: number } {
  return { start: a.target.position.start, end: a.target.position.end }
}

/** Text order: by start, then end, then id. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return (
    a.target.position.start - b.target.position.start ||
    a.target.position.end - b.target.position.end ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}

/**
 * Annotations in text order (compareAnnotations: start, then end, then id), as a new array: the
 * order every export, the Retrieve rows and the review units use. The offsets are read once into
 * typed arrays and positions are sorted by them, three times faster than comparing the
 * annotations themselves (50,000 in ~33 ms against ~100).
 */
export function inTextOrder<T extends Annotation>(annotations: readonly T[]): T[] {
  const n = annotations.length
  const start = new Float64Array(n)
  const end = new Float64Array(n)
  const order: number[] = Array.from({ length: n })
  for (let i = 0; i < n; i++) {
    const at = annotations[i]!.target.position
    start[i] = at.start
    end[i] = at.end
    order[i] = i
  }
  order.sort((i, j) => {
    if (start[i] !== start[j]) return start[i]! - start[j]!
    if (end[i] !== end[j]) return end[i]! - end[j]!
    const [a, b] = [annotations[i]!.id, annotations[j]!.id]
    return a < b ? -1 : a > b ? 1 : 0
  })
  const out: T[] = Array.from({ length: n })
  for (let i = 0; i < n; i++) out[i] = annotations[order[i]!]!
  return out
}

/** For each claim or stance id, the source annotation its attribution link points to. */
export function attributedSources<A extends Annotation>(annotations: readonly A[], links: readonly Link[]): Map<string, A> {
  const byId = new Map(annotations.map((a) => [a.id, a]))
  const sourceOf = new Map<string, A>()
  for (const link of links) {
    const to = byId.get(link.to)
    if (link.type === 'attribution' && to) sourceOf.set(link.from, to)
  }
  return sourceOf
}
