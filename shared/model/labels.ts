/**
 * The label schema: what a span can be tagged as, the key that tags it, its colour, its
 * attributes, and whether it may be attributed to a source. A project carries its schema in
 * project.json, so a colleague's copy shows the same labels.
 */
import { z } from 'zod'

/** A lowercase identifier, safe in file names, CSV headers and CSS class names. */
export const Slug = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'a lowercase identifier (a-z, 0-9, _)')

/** Present and true: no longer offered for new tagging, but everything already tagged with it is kept and shown. */
const Retired = z.boolean().optional()

/**
 * One option of a choice attribute. `value` is what annotations store and never changes; `name` is
 * what the app and every export show, so renaming an option touches no annotation.
 */
export const ChoiceOption = z.object({
  value: z.string().min(1).max(60),
  name: z.string().min(1).max(60),
  retired: Retired,
})
export type ChoiceOption = z.infer<typeof ChoiceOption>

export const ChoiceAttribute = z.object({
  id: Slug,
  name: z.string().min(1).max(60),
  type: z.literal('choice'),
  options: z.array(ChoiceOption).min(1).max(50),
  retired: Retired,
})
export type ChoiceAttribute = z.infer<typeof ChoiceAttribute>

export const TextAttribute = z.object({
  id: Slug,
  name: z.string().min(1).max(60),
  type: z.literal('text'),
  /** Offer completion from the values already used for this attribute in the project. */
  complete: z.boolean().default(false),
  retired: Retired,
})

/** A number, stored as its shortest decimal text ("3", "-0.5"); optionally whole and within bounds. */
export const NumberAttribute = z.object({
  id: Slug,
  name: z.string().min(1).max(60),
  type: z.literal('number'),
  integer: z.boolean().default(false),
  min: z.number().finite().nullable().default(null),
  max: z.number().finite().nullable().default(null),
  retired: Retired,
})
export type NumberAttribute = z.infer<typeof NumberAttribute>

/** Yes or no, stored as "yes" or "no" (unset when not answered). */
export const BooleanAttribute = z.object({
  id: Slug,
  name: z.string().min(1).max(60),
  type: z.literal('boolean'),
  retired: Retired,
})

export const AttributeDef = z.discriminatedUnion('type', [ChoiceAttribute, TextAttribute, NumberAttribute, BooleanAttribute])
export type AttributeDef = z.infer<typeof AttributeDef>
export type AttributeType = AttributeDef['type']

export const LabelDef = z.object({
  id: Slug,
  name: z.string().min(1).max(40),
  /** A #rrggbb colour for the highlight. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** One key that tags the selection with this label; '' for none. */
  key: z.string().max(1),
  attributes: z.array(AttributeDef).max(20),
  /** Annotations with this label may be attributed to (linked to) an annotation of this label. */
  attributedTo: Slug.nullable().default(null),
  retired: Retired,
})
export type LabelDef = z.infer<typeof LabelDef>

export const LabelSchema = z.array(LabelDef).min(1).max(40)
export type LabelSchema = z.infer<typeof LabelSchema>

/** The id of the attribution link ("this claim is attributed to that source"), defined by each label's `attributedTo`. */
export const ATTRIBUTION = 'attribution'
/** The attribution link type's name, where a link type is named (the tag set's editor, the links table). */
export const ATTRIBUTION_NAME = 'Attribution'

/**
 * A kind of link besides attribution, e.g. "supports" or "responds to": its name, which labels a
 * link of it may go from and to, and whether one annotation may have several of them.
 */
export const LinkTypeDef = z.object({
  id: Slug.refine((id) => id !== ATTRIBUTION, 'a name other than attribution'),
  name: z.string().min(1).max(40),
  from: z.array(Slug).min(1).max(40),
  to: z.array(Slug).min(1).max(40),
  /** One annotation may have several links of this type (false: a new one replaces the old). */
  multiple: z.boolean().default(true),
  retired: Retired,
})
export type LinkTypeDef = z.infer<typeof LinkTypeDef>

/** A project's tag set: its labels and its link types (project.json carries both). */
export interface TagSet {
  readonly labels: LabelSchema
  readonly linkTypes: readonly LinkTypeDef[]
}

/** Choice options whose values are their names. */
export function options(...names: string[]): ChoiceOption[] {
  return names.map((name) => ({ value: name, name }))
}

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
        options: options('person', 'organization', 'media', 'government', 'document', 'unnamed'),
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
      { id: 'polarity', name: 'Polarity', type: 'choice', options: options('favor', 'against', 'neutral') },
      { id: 'target', name: 'Target', type: 'text', complete: true },
    ],
    attributedTo: 'source',
  },
]

/** The label with this id, or undefined. */
export function findLabel(labels: LabelSchema, id: string): LabelDef | undefined {
  return labels.find((l) => l.id === id)
}

/**
 * A label's attribute and the label as views name them now ({ attribute: 'Polarity', label:
 * 'Stance' }): the tag set's names, so a rename shows everywhere; an id the tag set no longer has
 * is shown as it is.
 */
export function attributeNames(labels: LabelSchema, labelId: string, attributeId: string): { attribute: string; label: string } {
  const label = findLabel(labels, labelId)
  return { attribute: label?.attributes.find((a) => a.id === attributeId)?.name ?? attributeId, label: label?.name ?? labelId }
}

/**
 * A label's name inside a sentence: "Speaker" becomes "speaker" ("2 stances have no speaker"); a
 * name that is not a capitalised word ("NGO", "eSource") stays as written.
 */
export function inSentence(name: string): string {
  return /^\p{Lu}\p{Ll}/u.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name
}

/** The name of the label claims and stances (or the label `from`) are attributed to ("Source" unless renamed). */
export function sourceLabelName(labels: LabelSchema, from?: string): string {
  const holder = from === undefined ? labels.find((l) => l.attributedTo !== null && l.attributedTo !== undefined) : findLabel(labels, from)
  const id = holder?.attributedTo ?? 'source'
  return findLabel(labels, id)?.name ?? 'Source'
}

/** A choice attribute's stored value as views name it (valueName of the label's attribute). */
export function optionName(labels: LabelSchema, labelId: string, attributeId: string, value: string): string {
  return valueName(
    findLabel(labels, labelId)?.attributes.find((a) => a.id === attributeId),
    value,
  )
}

/** The tag set of a new project: the default labels and no other link types. */
export const defaultTagSet: TagSet = { labels: defaultLabels, linkTypes: [] }

/** Labels still offered for tagging (not retired), in schema order. */
export function activeLabels(labels: LabelSchema): LabelDef[] {
  return labels.filter((l) => !l.retired)
}

/** The attribute of this label with this id, or undefined. */
export function findAttribute(labels: LabelSchema, label: string, attribute: string): AttributeDef | undefined {
  return findLabel(labels, label)?.attributes.find((a) => a.id === attribute)
}

/** The link type with this id (not attribution), or undefined. */
export function findLinkType(tagSet: TagSet, id: string): LinkTypeDef | undefined {
  return tagSet.linkTypes.find((t) => t.id === id)
}

/**
 * A stored attribute value as the app and every export show it: a choice's option name (the
 * stored value itself when the option is gone), anything else as stored.
 */
export function valueName(def: AttributeDef | undefined, value: string): string {
  if (def?.type !== 'choice') return value
  return def.options.find((o) => o.value === value)?.name ?? value
}

/** The options of a choice that may be picked now: those not retired, and the current value's. */
export function offeredOptions(def: ChoiceAttribute, current = ''): ChoiceOption[] {
  return def.options.filter((o) => !o.retired || o.value === current)
}

/** The stored text of a number ("3", "-0.5"), the shortest that reads back as the same number. */
export function numberText(n: number): string {
  return Object.is(n, -0) ? '0' : String(n)
}

/**
 * Why `value` cannot be stored for this attribute (one sentence), or null when it can; '' (unset)
 * always can. The one rule for values: saving, importing and validating all ask here.
 */
export function valueProblem(def: AttributeDef, value: string): string | null {
  if (value === '') return null
  switch (def.type) {
    case 'choice':
      return def.options.some((o) => o.value === value)
        ? null
        : `"${value}" is not a ${def.name} option (${def.options.map((o) => o.name).join(', ')}).`
    case 'boolean':
      return value === 'yes' || value === 'no' ? null : `${def.name} is yes or no, not "${value}".`
    case 'number': {
      const n = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(value) ? Number(value) : Number.NaN
      if (!Number.isFinite(n)) return `${def.name} is a number, not "${value}".`
      if (numberText(n) !== value) return `${def.name} is stored as ${numberText(n)}, not "${value}".`
      if (def.integer && !Number.isInteger(n)) return `${def.name} is a whole number, not ${value}.`
      if (def.min !== null && n < def.min) return `${def.name} is at least ${numberText(def.min)}; ${value} is below it.`
      if (def.max !== null && n > def.max) return `${def.name} is at most ${numberText(def.max)}; ${value} is above it.`
      return null
    }
    case 'text':
      return null
  }
}

/**
 * The stored value for a value read from elsewhere (an import, a typed field), or null when it
 * cannot be one: a choice by option name, then by stored value, then either ignoring case; yes/no
 * also from true/false and 1/0; a number in its stored form.
 */
export function valueFrom(def: AttributeDef, text: string): string | null {
  const t = text.trim()
  if (t === '') return ''
  switch (def.type) {
    case 'choice': {
      const fold = (s: string) => s.normalize('NFC').toLowerCase()
      const hit =
        def.options.find((o) => o.name === t) ??
        def.options.find((o) => o.value === t) ??
        def.options.find((o) => fold(o.name) === fold(t)) ??
        def.options.find((o) => fold(o.value) === fold(t))
      return hit?.value ?? null
    }
    case 'boolean': {
      const v = t.toLowerCase()
      if (v === 'yes' || v === 'true' || v === '1') return 'yes'
      if (v === 'no' || v === 'false' || v === '0') return 'no'
      return null
    }
    case 'number': {
      const n = Number(t.replace(/^\+/, ''))
      if (t === '' || !Number.isFinite(n)) return null
      const stored = numberText(n)
      return valueProblem(def, stored) === null ? stored : null
    }
    case 'text':
      return text
  }
}
