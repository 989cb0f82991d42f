/**
 * project.json and the annotation store files: the shapes Marginalia writes on disk, with the
 * format versions that let a later Marginalia migrate them (docs/format.md describes both).
 */
import { z } from 'zod'
import { Annotation, AnnotatorName, DocumentId, IsoTime, Link, Sha256, SuggestionRecord } from './annotation'
import { LabelSchema, LinkTypeDef } from './labels'
import { Memo, Reply } from './memos'
import { StoredStatus } from './status'

export const PROJECT_FORMAT = 'marginalia-project'
export const PROJECT_VERSION = 3
export const STORE_FORMAT = 'marginalia-annotations'
/** Version 2 added the optional status, memo and replies; version 1 files are read as they are. */
export const STORE_VERSION = 2

/**
 * A document's properties: date (yyyy-mm-dd, or a timestamp starting with one), outlet, author,
 * url, or any other key, each a string. Filled at import (a CSV row's other cells, an HTML page's
 * <meta> tags, a Word file's core properties) and editable in the app.
 */
export const DocumentProperties = z.record(z.string().min(1).max(200), z.string().max(100_000))
export type DocumentProperties = z.infer<typeof DocumentProperties>

/** The longest property name the app lets a user give. */
export const MAX_PROPERTY_NAME = 100

/**
 * Why the rows of a document's properties, as typed in the app, cannot be saved (one sentence), or
 * null when they can: a value with no name would be dropped unseen, and two rows of one name
 * (whatever its case) would leave only one of them.
 */
export function propertyRowsProblem(rows: readonly { name: string; value: string }[]): string | null {
  const seen = new Set<string>()
  for (const r of rows) {
    const name = r.name.trim()
    if (name === '') {
      const value = r.value.trim()
      if (value === '') continue
      const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
      return `The value ${shown} has no property name; give it one (such as date or outlet), or empty the value.`
    }
    const key = name.normalize('NFC').toLowerCase()
    if (seen.has(key)) return `Two properties are called ${JSON.stringify(name)}; give each its own name.`
    seen.add(key)
  }
  return null
}

/**
 * Why a property name typed in the app cannot be used (one sentence), or null when it can: 1–100
 * characters, no control characters, no white space at either end. (Names from a CSV header
 * are kept as they are.)
 */
export function propertyNameProblem(name: string): string | null {
  const shown = JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name)
  if (name.trim() === '') return 'A property needs a name, such as date, outlet, author or url.'
  if (name.length > MAX_PROPERTY_NAME) return `${shown} is longer than ${MAX_PROPERTY_NAME} characters; give the property a shorter name.`
  if (/\p{Cc}/u.test(name)) return `${shown} holds a control character (such as a line break); give the property a name without one.`
  if (name.trim() !== name) return `${shown} starts or ends with a space; give the property a name without one.`
  return null
}

/**
 * A property's value as it is kept: trimmed; a blank one is no property (null). The one rule for
 * every way a property gets a value: an import (a CSV cell, a <meta> tag, a Word property) and an
 * edit in the app alike.
 */
export function propertyValue(value: string | null): string | null {
  const trimmed = value?.trim() ?? ''
  return trimmed === '' ? null : trimmed
}

/** The properties worth keeping from an import: each value by propertyValue, blank ones left out. */
export function keptProperties(properties: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(properties)) {
    const kept = propertyValue(value)
    if (kept !== null) out[key] = kept
  }
  return out
}

export const DocumentEntry = z.object({
  id: DocumentId,
  title: z.string().min(1).max(300),
  /** Path of the stored text relative to the project folder: texts/<id>.txt */
  file: z.string().regex(/^texts\/[a-z0-9][a-z0-9-]{0,79}\.txt$/),
  /** sha256 (hex) of the stored text's UTF-8 bytes. */
  sha256: Sha256,
  /** Length of the stored text in Unicode code points. */
  length: z.number().int().nonnegative(),
  /** The file name it was imported from; for a row of a CSV file, "<file>#row=<n>" (RFC 7111, the header is row 1). */
  importedFrom: z.string().max(500),
  imported: IsoTime,
  /** The encoding the file was decoded from (utf-8, utf-16le, windows-1252, …); absent for .docx and for older projects. */
  encoding: z.string().min(1).max(40).optional(),
  /** The document's properties (absent when it has none); version 1 called a CSV row's other cells `metadata`. */
  properties: DocumentProperties.optional(),
})
export type DocumentEntry = z.infer<typeof DocumentEntry>

/**
 * Folding one part of the tag set into another: every annotation (or value, or link) that used
 * `from` uses `into` afterwards. Labels merge within the schema; an attribute into another of the
 * same label; an option into another option of its attribute; a link type into another.
 */
export const TagMerge = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('label'), from: z.string(), into: z.string() }),
  z.object({ kind: z.literal('attribute'), label: z.string(), from: z.string(), into: z.string() }),
  z.object({ kind: z.literal('option'), label: z.string(), attribute: z.string(), from: z.string(), into: z.string() }),
  z.object({ kind: z.literal('link'), from: z.string(), into: z.string() }),
])
export type TagMerge = z.infer<typeof TagMerge>

export const ProjectFile = z.object({
  format: z.literal(PROJECT_FORMAT),
  version: z.number().int().positive(),
  name: z.string().min(1).max(200),
  created: IsoTime,
  labels: LabelSchema,
  /** Link types besides attribution (version 3). */
  linkTypes: z.array(LinkTypeDef).max(20).default([]),
  /**
   * Merges of the tag set not yet carried into every layer (a merge rewrites each layer that uses
   * what was merged, then clears this; a project opened with merges here finishes them first).
   */
  pendingMerges: z.array(TagMerge).optional(),
  documents: z.array(DocumentEntry),
})
export type ProjectFile = z.infer<typeof ProjectFile>

export const StoreFile = z.object({
  format: z.literal(STORE_FORMAT),
  version: z.number().int().positive(),
  document: DocumentId,
  /** sha256 of the text these offsets refer to. */
  sha256: Sha256,
  annotator: AnnotatorName,
  annotations: z.array(Annotation),
  links: z.array(Link),
  /** How far the annotator has come with this document (absent: it follows from the annotations). */
  status: StoredStatus.optional(),
  /** The annotator's memo on this document. */
  memo: Memo.optional(),
  /** The annotator's replies to annotations of this document (theirs, a colleague's or the reviewed layer's). */
  replies: z.array(Reply).optional(),
  /**
   * The annotator's decisions on suggestions in this document: rejected ones (never proposed
   * again) and accepted ones with the annotation they became (its provenance). Optional, so
   * version 2 stays: a Marginalia that does not know it reads the file and leaves it out.
   */
  suggestions: z.array(SuggestionRecord).optional(),
  /**
   * When an annotation or link was last deleted here, which leaves no other trace: an import
   * whose newest change is older does not replace the layer unasked, so the deleted one does not
   * come back. Optional, like `suggestions`.
   */
  deleted: IsoTime.optional(),
})
export type StoreFile = z.infer<typeof StoreFile>

/** StoreFile compiled ahead of use by zod (z.compile), made on first use (only the host reads stores). */
let compiledStoreFile: typeof StoreFile | null = null

/**
 * StoreFile.safeParse, with the same answer, for a store read from disk, through zod's compiled
 * parser: a generated function checks the usual shape in one pass and falls back to the schema's
 * own parser for anything else, so the reason in a refusal is zod's. zod's interpreted parser makes
 * a result object for every field: ~150 ms for a layer of 50,000 annotations, ~30 ms compiled.
 */
export function parseStoreFile(json: unknown): z.ZodSafeParseResult<StoreFile> {
  compiledStoreFile ??= z.compile(StoreFile)
  return compiledStoreFile.safeParse(json)
}

/** StoreFile as the store reader takes it (electron/core/store/json-store.ts): its safeParse is parseStoreFile. */
export const StoreFileReader = { safeParse: parseStoreFile }
