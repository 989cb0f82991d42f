/**
 * JSON Lines export: one annotation per line, in Marginalia's own shape (the stored annotation:
 * id, label, target with both selectors, attributes, note, author, times) with the document's id,
 * title and text sha256 and the layer's annotator in front, and the links that start from it.
 * Lines go document by document, layer by layer, in text order; every line is a complete JSON
 * object, so `pandas.read_json(path, lines=True)` or `jq` read it as it is. Each line also carries
 * the annotation's thread: the replies to it from every annotator, in time order (as the CSV's
 * `replies` cell).
 */
import { z } from 'zod'
import { Annotation, AnnotationId, AnnotatorName, DocumentId, IsoTime, Sha256 } from '../model/annotation'
import { Slug } from '../model/labels'
import { exportedThread } from '../model/memos'
import { Provenance } from '../model/review'
import { linksInOrder, type ExportLayer } from './layer'
import { inTextOrder } from '../model/annotation'

/** One line of a JSON Lines export. */
export const JsonlLine = Annotation.extend({
  document: DocumentId,
  title: z.string(),
  sha256: Sha256,
  /** The layer: an annotator's name, or "_reviewed". */
  annotator: z.union([AnnotatorName, z.literal('_reviewed')]),
  links: z.array(z.object({ id: AnnotationId, type: Slug, to: AnnotationId, author: AnnotatorName, created: IsoTime })),
  provenance: Provenance.optional(),
  /** The replies to the annotation, in time order; absent in files written before they were exported. */
  replies: z.array(z.object({ author: AnnotatorName, created: IsoTime, text: z.string() })).optional(),
})
export type JsonlLine = z.infer<typeof JsonlLine>

/** The lines of some layers, each ending in '\n'. */
export function toJsonl(layers: readonly ExportLayer[]): { content: string; annotations: number } {
  const out: string[] = []
  for (const layer of layers) {
    const links = linksInOrder(layer.annotations, layer.links)
    for (const a of inTextOrder(layer.annotations)) {
      const line = {
        document: layer.document.id,
        title: layer.document.title,
        sha256: layer.document.sha256,
        annotator: layer.annotator,
        id: a.id,
        label: a.label,
        target: a.target,
        attributes: a.attributes,
        note: a.note,
        author: a.author,
        created: a.created,
        modified: a.modified,
        links: links
          .filter((l) => l.from === a.id)
          .map((l) => ({ id: l.id, type: l.type, to: l.to, author: l.author, created: l.created })),
        ...(a.provenance ? { provenance: a.provenance } : {}),
        replies: exportedThread(layer.threads?.get(a.id)),
      }
      out.push(`${JSON.stringify(line)}\n`)
    }
  }
  return { content: out.join(''), annotations: out.length }
}

/** A parsed JSON Lines file: its valid lines, and one sentence per line that is not one. */
export function parseJsonl(content: string): { lines: JsonlLine[]; errors: string[] } {
  const lines: JsonlLine[] = []
  const errors: string[] = []
  content.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch {
      errors.push(`line ${i + 1} is not JSON`)
      return
    }
    const parsed = JsonlLine.safeParse(json)
    if (parsed.success) lines.push(parsed.data)
    else
      errors.push(
        `line ${i + 1} is not a Marginalia annotation (${parsed.error.issues[0]?.path.join('.') || 'shape'}: ${parsed.error.issues[0]?.message ?? 'invalid'})`,
      )
  })
  return { lines, errors }
}
