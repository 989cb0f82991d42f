/**
 * JSON Schemas (draft 2020-12) of the files Marginalia writes, generated from the same zod models
 * that validate them, so docs/schema/ can never drift from the code (a test compares them).
 */
import { z } from 'zod'
import { ProjectFile, StoreFile } from './project'
import { ProjectMemoFile } from './memos'
import { ReviewStoreFile } from './review'

/** File name in docs/schema/ -> its JSON Schema. */
export function formatSchemas(): Record<string, unknown> {
  const make = (schema: z.ZodType, id: string, title: string, description: string) => ({
    $id: `https://marginalia.invalid/schema/${id}`,
    title,
    description,
    ...(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>),
  })
  return {
    'project.schema.json': make(
      ProjectFile,
      'project.schema.json',
      'Marginalia project.json',
      'The project file: name, label schema and documents of a Marginalia project folder.',
    ),
    'annotations.schema.json': make(
      StoreFile,
      'annotations.schema.json',
      'Marginalia annotation store',
      "annotations/<annotator>/<document>.json: one annotator's annotations and links on one document, with their status of it, their memo on it and their replies to its annotations. Offsets are Unicode code points, end-exclusive.",
    ),
    'memo.schema.json': make(
      ProjectMemoFile,
      'memo.schema.json',
      'Marginalia project memo',
      "annotations/<annotator>/_project.json: one annotator's memo on the whole project.",
    ),
    'review.schema.json': make(
      ReviewStoreFile,
      'review.schema.json',
      'Marginalia reviewed layer',
      'annotations/_reviewed/<document>.json: the annotations a reviewer accepted or edited, with provenance, and the decision on every settled review unit.',
    ),
  }
}
