/**
 * Older file formats, turned into the current one when a file is read. The original stays on disk
 * until Marginalia next saves that file, and is then kept as a backup (`<time>.v<N>.json`, see
 * backups.ts); files Marginalia only reads (a colleague's layer) are never rewritten by it.
 *
 * Version 0 is the format of Marginalia's prototype (docs/format.md#older-formats):
 * - project.json had no `format`, `created` or label schema (the three labels were built in), and
 *   its documents no `sha256`, `length` or `imported`;
 * - an annotation store had no `format` or `sha256`; an annotation had flat `start`/`end` offsets
 *   (code points) and its `text`, no W3C selectors or author; links had no id, type or author.
 *
 * Version 1 of project.json kept a CSV row's other cells as a document's `metadata`; version 2
 * calls them the document's `properties` (date, outlet, author, url, any key), which the app edits
 * and fills from HTML and Word files too. The values are taken over as they are. (An older
 * Marginalia refuses a version 2 project.json rather than dropping the properties it does not know.)
 *
 * Version 3 gives the tag set room to change: a choice option is `{value, name}` (the stored value
 * never changes, the name shown may), attributes may be numbers or yes/no, labels, attributes,
 * options and link types may be retired, and `linkTypes` lists links besides attribution. A version 2
 * option "person" becomes `{value: "person", name: "person"}`, so no stored value changes.
 *
 * Version 1 of an annotation store is version 2 without the optional `status`, `memo` and
 * `replies`: converting it changes only its version number. A Marginalia that knows only version 1
 * refuses a version 2 file instead of dropping those fields at its next save.
 */
import { join } from 'node:path'
import { z } from 'zod'
import {
  AnnotationId,
  AnnotatorName,
  AttributeValues,
  DocumentId,
  IsoTime,
  type Annotation,
  type Link,
} from '../../../shared/model/annotation'
import { defaultLabels } from '../../../shared/model/labels'
import { PROJECT_FORMAT, STORE_FORMAT, STORE_VERSION, type ProjectFile, type StoreFile } from '../../../shared/model/project'
import { codePointLength, quoteAt, type TextIndex } from '../../../shared/offsets'
import { sha256Text } from '../documents/import-text'
import { readRegularText } from '../store/regular-file'
import { MAX_TEXT_BYTES } from '../documents/stored-text'

/** The label schema of versions 0–2: choice options were plain strings, attributes choice or text. */
const LabelsV2 = z
  .array(
    z.object({
      id: z.string(),
      name: z.string(),
      color: z.string(),
      key: z.string(),
      attributes: z.array(
        z.union([
          z.object({
            id: z.string(),
            name: z.string(),
            type: z.literal('choice'),
            // Strings as versions 0–2 wrote them; an option already `{value, name}` is taken as it is.
            options: z.array(z.union([z.string(), z.object({ value: z.string(), name: z.string() }).passthrough()])),
          }),
          z.object({ id: z.string(), name: z.string(), type: z.literal('text'), complete: z.boolean().optional() }),
        ]),
      ),
      attributedTo: z.string().nullable().optional(),
    }),
  )
  .min(1)

const ProjectV0 = z.object({
  version: z.literal(0),
  name: z.string().min(1).max(200),
  labels: LabelsV2.optional(),
  documents: z.array(
    z.object({
      id: DocumentId,
      title: z.string().min(1).max(300),
      file: z.string().regex(/^texts\/[a-z0-9][a-z0-9-]{0,79}\.txt$/),
      importedFrom: z.string().max(500).optional(),
    }),
  ),
})

const StoreV0 = z.object({
  version: z.literal(0),
  document: DocumentId,
  annotator: AnnotatorName,
  annotations: z.array(
    z.object({
      id: AnnotationId,
      label: z.string(),
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
      text: z.string().optional(),
      attributes: AttributeValues.default({}),
      note: z.string().max(20000).default(''),
      created: IsoTime,
      modified: IsoTime.optional(),
    }),
  ),
  links: z.array(z.object({ from: AnnotationId, to: AnnotationId })).default([]),
})

function describe(error: z.ZodError): string {
  const issue = error.issues[0]
  return issue ? `${issue.path.join('.') || 'top level'}: ${issue.message}` : 'unexpected structure'
}

/** project.json of an older version, as the current version (version 0: reads the texts for their sha256). */
export async function migrateProject(
  json: unknown,
  version: number,
  projectDir: string,
  now = new Date().toISOString(),
): Promise<ProjectFile> {
  if (version === 0) return projectV2toV3(projectV1toV2(await projectV0toV1(json, projectDir, now)))
  if (version === 1) return projectV2toV3(projectV1toV2(json))
  if (version === 2) return projectV2toV3(json)
  throw new Error(`there is no conversion from version ${version}`)
}

/** Version 2 → 3: each choice option string becomes `{value, name}` with both the string; no link types yet. */
function projectV2toV3(json: unknown): ProjectFile {
  const labels = LabelsV2.safeParse((json as { labels?: unknown }).labels)
  if (!labels.success) throw new Error(`labels: ${describe(labels.error)}`)
  const converted = labels.data.map((label) => ({
    ...label,
    attributes: label.attributes.map((a) =>
      a.type === 'choice' ? { ...a, options: a.options.map((o) => (typeof o === 'string' ? { value: o, name: o } : o)) } : a,
    ),
  }))
  return { ...(json as object), version: 3, labels: converted, linkTypes: [] } as unknown as ProjectFile
}

/** Version 1 → 2: each document's `metadata` becomes its `properties`, values as they are. */
function projectV1toV2(json: unknown): unknown {
  if (typeof json !== 'object' || json === null || !Array.isArray((json as { documents?: unknown }).documents)) {
    throw new Error('documents: expected an array')
  }
  const v1 = json as { documents: unknown[] } & Record<string, unknown>
  const documents = v1.documents.map((doc) => {
    if (typeof doc !== 'object' || doc === null || !('metadata' in doc)) return doc
    const { metadata, ...rest } = doc as { metadata: unknown } & Record<string, unknown>
    const empty = typeof metadata === 'object' && metadata !== null && Object.keys(metadata).length === 0
    return empty ? rest : { ...rest, properties: metadata }
  })
  return { ...v1, version: 2, documents }
}

async function projectV0toV1(json: unknown, projectDir: string, now: string): Promise<unknown> {
  const parsed = ProjectV0.safeParse(json)
  if (!parsed.success) throw new Error(describe(parsed.error))
  const v0 = parsed.data
  const documents = []
  for (const doc of v0.documents) {
    const text = await readRegularText(join(projectDir, doc.file), { maxBytes: MAX_TEXT_BYTES, within: projectDir })
    documents.push({
      id: doc.id,
      title: doc.title,
      file: doc.file,
      sha256: sha256Text(text),
      length: codePointLength(text),
      importedFrom: doc.importedFrom ?? doc.file.slice('texts/'.length),
      imported: now,
    })
  }
  return { format: PROJECT_FORMAT, version: 1, name: v0.name, created: now, labels: v0.labels ?? defaultLabels, documents }
}

/**
 * An annotation store of an older version, as the current version. Version 0 needs its document's
 * text (to build the quotes); version 1 needs nothing.
 */
export function migrateStore(json: unknown, version: number, text: TextIndex | null, sha256: string): StoreFile {
  // The schema checks the rest when the store is read.
  if (version === 1) return { ...(json as StoreFile), version: STORE_VERSION }
  if (version !== 0) throw new Error(`there is no conversion from version ${version}`)
  if (!text) throw new Error('the text is needed to convert version 0')
  const parsed = StoreV0.safeParse(json)
  if (!parsed.success) throw new Error(describe(parsed.error))
  const v0 = parsed.data
  const annotations: Annotation[] = v0.annotations.map((a) => {
    if (a.end > text.length || a.end <= a.start) throw new Error(`annotation ${a.id} has offsets ${a.start}–${a.end} outside the text`)
    return {
      id: a.id,
      label: a.label,
      target: {
        position: { type: 'TextPositionSelector', start: a.start, end: a.end },
        quote: { type: 'TextQuoteSelector', ...quoteAt(text, a.start, a.end) },
      },
      attributes: a.attributes,
      note: a.note,
      author: v0.annotator,
      created: a.created,
      modified: a.modified ?? a.created,
    }
  })
  const created = new Map(annotations.map((a) => [a.id, a.created]))
  const links: Link[] = v0.links
    .filter((l) => created.has(l.from) && created.has(l.to))
    .map((l, i) => ({
      id: `link-${i + 1}`,
      type: 'attribution',
      from: l.from,
      to: l.to,
      author: v0.annotator,
      created: created.get(l.from)!,
    }))
  return { format: STORE_FORMAT, version: STORE_VERSION, document: v0.document, sha256, annotator: v0.annotator, annotations, links }
}
