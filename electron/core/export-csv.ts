/**
 * CSV export of the tagged spans: the rows from shared/csv.ts written as RFC 4180 (CRLF record
 * ends, quotes doubled, fields with commas, quotes or line breaks quoted) by csv-stringify, in
 * UTF-8, optionally with a byte order mark for Excel and, by default, with cells a spreadsheet
 * would run as formulas neutralised.
 */
import { stringify } from 'csv-stringify/sync'
import { REVIEWED_LAYER_NAME, csvHeader, csvRows, neutralizeFormulaCell } from '../../shared/csv'
import type { Project } from './project'

export interface CsvExportOptions {
  /** Annotators whose layers to export: all of them, or these. */
  annotators: 'all' | readonly string[]
  /** Include the reviewed layer (annotator column "_reviewed", with provenance columns). */
  reviewed: boolean
  bom: boolean
  neutralizeFormulas: boolean
}

/** The CSV text of a project's annotations, and how many rows it has. */
export async function exportCsv(project: Project, options: CsvExportOptions): Promise<{ content: string; rows: number }> {
  const annotators = options.annotators === 'all' ? await project.annotators() : options.annotators
  const records: (string | number)[][] = []
  for (const doc of project.documents) {
    for (const annotator of annotators) {
      if (!(await project.hasLayer(annotator, doc.id))) continue
      const layer = await project.layer(annotator, doc.id)
      records.push(
        ...csvRows(project.labels, {
          documentId: doc.id,
          documentTitle: doc.title,
          annotator,
          annotations: layer.annotations,
          links: layer.links,
        }),
      )
    }
    if (options.reviewed && (await project.hasReviewedLayer(doc.id))) {
      const reviewed = (await project.reviewedLayer(doc.id)).data
      records.push(
        ...csvRows(project.labels, {
          documentId: doc.id,
          documentTitle: doc.title,
          annotator: REVIEWED_LAYER_NAME,
          annotations: reviewed.annotations,
          links: reviewed.links,
        }),
      )
    }
  }
  const safe = options.neutralizeFormulas
    ? records.map((r) => r.map((cell) => (typeof cell === 'string' ? neutralizeFormulaCell(cell) : cell)))
    : records
  const body = stringify([csvHeader(project.labels), ...safe], { record_delimiter: 'windows', quoted_match: /^\s|\s$/ })
  return { content: (options.bom ? '\uFEFF' : '') + body, rows: records.length }
}

/** A file name for an export: "<project>-annotations-<date>.csv", safe on every OS. */
export function exportFileName(projectName: string, now = new Date()): string {
  const base = projectName.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'project'
  return `${base}-annotations-${now.toISOString().slice(0, 10)}.csv`
}
