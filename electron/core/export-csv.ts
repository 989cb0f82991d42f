/**
 * CSV export of the tagged spans: the rows from shared/csv.ts written as RFC 4180 (CRLF record
 * ends, quotes doubled, fields with commas, quotes or line breaks quoted) by csv-stringify, in
 * UTF-8, optionally with a byte order mark for Excel and, by default, with cells a spreadsheet
 * would run as formulas neutralised.
 */
import { stringify } from 'csv-stringify/sync'
import { csvHeader, csvRows, neutralizeFormulaCell } from '../../shared/csv'
import { selectLayers, type LayerSelection } from './export-layers'
import type { Project } from './project'

export interface CsvExportOptions extends LayerSelection {
  bom: boolean
  neutralizeFormulas: boolean
}

/** The CSV text of a project's annotations (the selected layers; the reviewed one has annotator "_reviewed"), and how many rows it has. */
export async function exportCsv(project: Project, options: CsvExportOptions): Promise<{ content: string; rows: number }> {
  const records: (string | number)[][] = []
  for (const layer of await selectLayers(project, options)) {
    records.push(
      ...csvRows(project.labels, {
        documentId: layer.document.id,
        documentTitle: layer.document.title,
        annotator: layer.annotator,
        annotations: layer.annotations,
        links: layer.links,
      }),
    )
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
