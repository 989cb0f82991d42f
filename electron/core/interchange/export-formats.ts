/**
 * Every export, from the app and the command line: CSV, TSV, an Excel workbook, JSON Lines, W3C
 * Web Annotation JSON-LD, brat standoff (a folder of .txt and .ann per layer, or that folder
 * zipped) and the project archive. docs/formats.md describes each with an example.
 */
import { zipSync, strToU8, type Zippable } from 'fflate'
import type { ExportFormat, ExportTable } from '../../../shared/interchange/formats'
import { bratAnnotationConf, bratVisualConf, toBratAnn } from '../../../shared/interchange/brat'
import { toJsonl } from '../../../shared/interchange/jsonl'
import { exportIris } from '../../../shared/interchange/iris'
import { toWebAnnotations } from '../../../shared/interchange/web-annotation'
import { archiveProject } from './export-archive'
import { exportFileName, exportTable, exportWorkbook } from './export-tables'
import { selectLayers, type LayerSelection } from './export-layers'
import type { Project } from '../project/project'

/** One file of an export: a path (relative to the export's folder, or the file name) and its content. */
export interface ExportEntry {
  path: string
  content: string | Uint8Array
}

export interface ExportResult {
  /** The file name to offer (a folder name for brat written as a folder). */
  filename: string
  mediaType: string
  /** One entry for single-file formats; brat has many. */
  entries: ExportEntry[]
  annotations: number
  documents: number
  warnings: string[]
}

export interface ExportRequest extends LayerSelection {
  format: ExportFormat
  bom?: boolean
  neutralizeFormulas?: boolean
  /** W3C: name everything under this absolute http(s) IRI instead of the project's URNs. */
  base?: string | null
  /** CSV and TSV: the spans (default) or the links. */
  table?: ExportTable
}

const MEDIA: Record<ExportFormat, string> = {
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jsonl: 'application/x-ndjson',
  w3c: 'application/ld+json',
  brat: 'application/zip',
  zip: 'application/zip',
}

/** The media type of an export in this format. */
export function exportMediaType(format: ExportFormat): string {
  return MEDIA[format]
}

/** A file or folder name for an export: "<project>-<what>-<date>.<ending>" ("-links-" for the links table). */
export function exportName(projectName: string, format: ExportFormat, now = new Date(), table: ExportTable = 'spans'): string {
  const csv = exportFileName(projectName, now)
  if (table === 'links' && (format === 'csv' || format === 'tsv'))
    return exportName(projectName, format, now).replace(/-annotations-/, '-links-')
  if (format === 'csv') return csv
  if (format === 'tsv') return csv.replace(/\.csv$/, '.tsv')
  if (format === 'xlsx') return csv.replace(/\.csv$/, '.xlsx')
  if (format === 'jsonl') return csv.replace(/\.csv$/, '.jsonl')
  if (format === 'w3c') return csv.replace(/\.csv$/, '.jsonld')
  if (format === 'brat') return csv.replace(/-annotations-(.*)\.csv$/, '-brat-$1')
  return csv.replace(/-annotations-(.*)\.csv$/, '-project-$1.zip')
}

/**
 * What an export's file is named for: the project, the layer when only one is exported (the
 * reviewed layer, or one annotator's), and the documents when only some are (the one document's
 * title, or how many), so a subset is not taken for the whole project's file.
 */
export function exportSubject(
  project: Pick<Project, 'name' | 'documents'>,
  documents: readonly string[] | null | undefined,
  layers?: Pick<LayerSelection, 'annotators' | 'reviewed'>,
): string {
  // One layer only (the reviewed layer, or one annotator's) is named too: it is not the file of every layer.
  const layer =
    layers && layers.annotators !== 'all'
      ? layers.annotators.length === 0 && layers.reviewed
        ? ' reviewed'
        : layers.annotators.length === 1 && !layers.reviewed
          ? ` ${layers.annotators[0]}`
          : ''
      : ''
  if (!documents || documents.length === 0 || documents.length >= project.documents.length) return `${project.name}${layer}`
  if (documents.length > 1) return `${project.name}${layer} ${documents.length} documents`
  const title = project.documents.find((d) => d.id === documents[0])?.title ?? documents[0]!
  // Up to ten words of the title: enough to tell the file, not a line of its own.
  return `${project.name}${layer} ${title.split(/\s+/).slice(0, 10).join(' ')}`
}

/** Export the selected layers (or, for 'zip', the whole project) in one format. */
export async function exportProject(project: Project, request: ExportRequest, now = new Date()): Promise<ExportResult> {
  const subject = request.format === 'zip' ? project.name : exportSubject(project, request.documents, request)
  const filename = exportName(subject, request.format, now, request.table)
  const base = { filename, mediaType: MEDIA[request.format], warnings: [] as string[] }
  if (request.format === 'zip') {
    const archive = await archiveProject(project)
    return { ...base, entries: [{ path: filename, content: archive.bytes }], annotations: 0, documents: project.documents.length }
  }
  if (request.format === 'csv' || request.format === 'tsv') {
    const { content, rows, documents } = await exportTable(project, {
      ...request,
      format: request.format,
      bom: request.bom ?? false,
      neutralizeFormulas: request.neutralizeFormulas ?? true,
    })
    return { ...base, entries: [{ path: filename, content }], annotations: rows, documents }
  }
  if (request.format === 'xlsx') {
    const { bytes, rows, documents } = await exportWorkbook(project, request)
    return { ...base, entries: [{ path: filename, content: bytes }], annotations: rows, documents }
  }
  const layers = await selectLayers(project, request)
  const documents = new Set(layers.map((l) => l.document.id)).size
  if (request.format === 'jsonl') {
    const { content, annotations } = toJsonl(layers)
    return { ...base, entries: [{ path: filename, content }], annotations, documents }
  }
  if (request.format === 'w3c') {
    const iris = exportIris(request.base ? { base: request.base } : { project: project.iriId })
    const { content, annotations } = toWebAnnotations(project.name, project.labels, layers, iris)
    return { ...base, entries: [{ path: filename, content }], annotations, documents }
  }
  const entries: ExportEntry[] = [
    { path: 'annotation.conf', content: bratAnnotationConf(project.tagSet) },
    { path: 'visual.conf', content: bratVisualConf(project.tagSet) },
  ]
  let annotations = 0
  let trimmed = 0
  for (const layer of layers) {
    const ann = toBratAnn(project.labels, layer)
    trimmed += ann.trimmed
    annotations += layer.annotations.length
    entries.push({ path: `${layer.annotator}/${layer.document.id}.txt`, content: (await project.text(layer.document.id)).text })
    entries.push({ path: `${layer.annotator}/${layer.document.id}.ann`, content: ann.content })
  }
  if (trimmed > 0) {
    base.warnings.push(
      `${trimmed} annotation${trimmed === 1 ? ' begins or ends' : 's begin or end'} with a line break, which brat cannot show; they were exported without it.`,
    )
  }
  return { ...base, entries, annotations, documents }
}

/** A folder export (brat) as one zip, entries under a folder named like the export. */
export function zipEntries(folder: string, entries: readonly ExportEntry[]): Uint8Array {
  const tree: Zippable = {}
  const mtime = new Date(1980, 0, 1)
  for (const e of entries) tree[`${folder}/${e.path}`] = [typeof e.content === 'string' ? strToU8(e.content) : e.content, { mtime }]
  return zipSync(tree, { level: 6, mtime })
}
