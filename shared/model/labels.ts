/**
 * The label schema: what a span can be tagged as, the key that tags it, its colour, its
 * attributes, and whether it may be attributed to a source. A project carries its schema in
 * project.json, so a colleague's copy shows the same labels.
 */
import { z } from 'zod'

/** A lowercase identifier, safe in file names, CSV headers and CSS class names. */
export const Slug = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'a lowercase identifier (a-z, 0-9, _)')

export const ChoiceAttribute = z.object({
  id: Slug,
  name: z.string().min(1).max(60),
  type: z.literal('choice'),
  options: z.array(z.string().min(1).max(60)).min(1).max(50),
})

export const TextAttribute = z.object({
  id: Slug,
  name: z.string().min(1).max(60),
  type: z.literal('text'),
  /** Offer completion from the values already used for this attribute in the project. */
  complete: z.boolean().default(false),
})

export const AttributeDef = z.discriminatedUnion('type', [ChoiceAttribute, TextAttribute])
export type AttributeDef = z.infer<typeof AttributeDef>

export const LabelDef = z.object({
  id: Slug,
  name: z.string().min(1).max(40),
  /** A #rrggbb colour for the highlight. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** One key that tags the selection with this label. */
  key: z.string().length(1),
  attributes: z.array(AttributeDef).max(20),
  /** Annotations with this label may be attributed to (linked to) an annotation of this label. */
  attributedTo: Slug.nullable().default(null),
})
export type LabelDef = z.infer<typeof LabelDef>

export const LabelSchema = z.array(LabelDef).min(1).max(40)
export type LabelSchema = z.infer<typeof LabelSchema>

/** The schema a new project starts with: claims, sources and stances. */
export const defaultLabels: LabelSchema = [
  {
    id: 'claim',
    name: 'Claim',
    color: '#f2b134',
    key: '1',
    attributes: [],
    attributedTo: 'source',
  },
  {
    id: 'source',
    name: 'Source',
    color: '#4a90d9',
    key: '2',
    attributes: [
      {
        id: 'kind',
        name: 'Kind',
        type: 'choice',
        options: ['person', 'organization', 'media', 'government', 'document', 'unnamed'],
      },
      { id: 'name', name: 'Canonical name', type: 'text', complete: true },
    ],
    attributedTo: null,
  },
  {
    id: 'stance',
    name: 'Stance',
    color: '#d0508a',
    key: '3',
    attributes: [
      { id: 'polarity', name: 'Polarity', type: 'choice', options: ['favor', 'against', 'neutral'] },
      { id: 'target', name: 'Target', type: 'text', complete: true },
    ],
    attributedTo: 'source',
  },
]

/** The label with this id, or undefined. */
export function findLabel(labels: LabelSchema, id: string): LabelDef | undefined {
  return labels.find((l) => l.id === id)
}
