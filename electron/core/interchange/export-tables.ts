/**
 * The tabular exports of the tagged spans: CSV and TSV (shared/interchange/delimited.ts: RFC 4180,
 * CRLF record ends, a field holding a line feed, a carriage return, a quote, the delimiter or a
 * leading or trailing space quoted, quotes doubled), in UTF-8, optionally with a byte order mark
 * for Excel and, by default, with cells a spreadsheet would run as formulas neutralised; and an
 * Excel workbook (.xlsx, written by write-excel-file) with the spans, the links and the
 * documents, offsets as numbers. The rows come from shared/csv.ts, so every table has the same
 * columns in the same order. A CSV or TSV file is written as its rows are made (writeTableFile).
 */
import writeXlsxFile, { type Row, type SheetData } from 'write-excel-file/node'
import {
  LINK_HEADER,
  MEMO_HEADER,
  csvHeader,
  csvRowsOf,
  documentHeader,
  documentRows,
  linkRows,
  propertyKeys,
  type Cell,
} from '../../../shared/csv'
import { delimitedBytes, toDelimitedText } from '../../../shared/interchange/delimited'
import type { ExportTable } from '../../../shared/interchange/formats'
import { writeFileDurable } from '../store/durable'
import { selectLayers, type LayerSelection } from './export-layers'
import type { Project } from '../project/project'
import type { DocumentEntry } from '../../../shared/model/project'

/** A delimited text format: comma- or tab-separated. */
export type DelimitedFormat = 'csv' | 'tsv'

export interface TableExportOptions extends LayerSelection {
  format: DelimitedFormat
  bom: boolean
  neutralizeFormulas: boolean
  /** The spans (default) or the links. */
  table?: ExportTable
}

/** A table made as it is written: its header, its rows, and how many rows and documents it had once written. */
interface MadeTable {
  header: string[]
  rows: Iterable<Cell[]>
  count: () => number
  documents: () => number
}

/** The chosen table of the selected layers. */
function tableOf(project: Project, options: LayerSelection & { table?: ExportTable }): Promise<MadeTable> {
  return options.table === 'links' ? linkTable(project, options) : spanRows(project, options)
}

/**
 * The links table (the workbook's Links sheet): one row per link of the selected layers,
 * attributions and typed links alike, each with its type and both ends' ids, labels and texts;
 * with a Retrieve filter, the links from the annotations it keeps. Its documents are those with a link.
 */
async function linkTable(project: Project, selection: LayerSelection): Promise<MadeTable> {
  const layers = await selectLayers(project, { ...selection, replies: false })
  const include = selection.include
  const fromColumn = LINK_HEADER.indexOf('from_id')
  const documents = new Set<string>()
  let count = 0
  function* rows(): Generator<Cell[]> {
    for (const layer of layers)
      for (const r of linkRows(project.tagSet, rowsInput(layer))) {
        if (include && !include(layer.document.id, layer.annotator, String(r[fromColumn]))) continue
        count++
        documents.add(layer.document.id)
        yield r
      }
  }
  return { header: [...LINK_HEADER], rows: rows(), count: () => count, documents: () => documents.size }
}

/** The spans table of the selected layers: the header and one row per annotation. */
async function spanTable(project: Project, selection: LayerSelection): Promise<{ header: string[]; rows: Cell[][]; documents: number }> {
  const table = await spanRows(project, selection)
  const rows = [...table.rows]
  return { header: table.header, rows, documents: table.documents() }
}

/**
 * The spans table with its rows made a layer at a time as they are read: the header, the rows,
 * and how many documents the rows read so far came from (all of them once the rows are read).
 */
async function spanRows(project: Project, selection: LayerSelection): Promise<MadeTable> {
  const layers = await selectLayers(project, selection)
  const include = selection.include
  const idColumn = csvHeader(project.labels).indexOf('annotation_id')
  // The properties of the documents exported, as columns at the end (date, outlet, …).
  const keys = propertyKeys([...new Set(layers.map((l) => l.document.id))].map((id) => project.document(id)))
  const documents = new Set<string>()
  let count = 0
  function* rows(): Generator<Cell[]> {
    for (const layer of layers) {
      const layerRows = csvRowsOf(project.labels, { ...rowsInput(layer), properties: project.document(layer.document.id).properties }, keys)
      // Rows are built from the whole layer (a kept claim still names its source), then narrowed.
      let kept = 0
      for (const r of layerRows) {
        if (include && !include(layer.document.id, layer.annotator, String(r[idColumn]))) continue
        kept++
        count++
        yield r
      }
      if (kept > 0 || !include) documents.add(layer.document.id)
    }
  }
  return { header: csvHeader(project.labels, keys), rows: rows(), count: () => count, documents: () => documents.size }
}

function rowsInput(layer: Awaited<ReturnType<typeof selectLayers>>[number]) {
  return {
    documentId: layer.document.id,
    documentTitle: layer.document.title,
    annotator: layer.annotator,
    annotations: layer.annotations,
    links: layer.links,
    state: layer.state,
    memo: layer.memo,
    threads: layer.threads,
  }
}

/** The CSV or TSV text of the selected layers (the reviewed one has annotator "_reviewed"), and how many rows and documents it has. */
export async function exportTable(
  project: Project,
  options: TableExportOptions,
): Promise<{ content: string; rows: number; documents: number }> {
  const table = await tableOf(project, options)
  const content = toDelimitedText(table, delimitedOptions(options))
  return { content, rows: table.count(), documents: table.documents() }
}

/**
 * Write the CSV or TSV of the selected layers to a file as its rows are made (never the whole
 * text in memory), durably: the file is whole or, after a crash, as it was.
 */
export async function writeTableFile(
  project: Project,
  options: TableExportOptions,
  path: string,
): Promise<{ rows: number; documents: number }> {
  const table = await tableOf(project, options)
  await writeFileDurable(path, delimitedBytes(table, delimitedOptions(options)))
  return { rows: table.count(), documents: table.documents() }
}

/** The same CSV or TSV as UTF-8, in pieces, for a stream (standard output). */
export async function tableChunks(
  project: Project,
  options: TableExportOptions,
): Promise<{ chunks: Iterable<Uint8Array>; rows: () => number; documents: () => number }> {
  const table = await tableOf(project, options)
  return { chunks: delimitedBytes(table, delimitedOptions(options)), rows: table.count, documents: table.documents }
}

function delimitedOptions(options: { format: DelimitedFormat; bom: boolean; neutralizeFormulas: boolean }) {
  return {
    delimiter: options.format === 'tsv' ? ('\t' as const) : (',' as const),
    bom: options.bom,
    neutralizeFormulas: options.neutralizeFormulas,
  }
}

/** The CSV text of the selected layers (exportTable with format 'csv'). */
export async function exportCsv(project: Project, options: Omit<TableExportOptions, 'format'>): Promise<{ content: string; rows: number }> {
  return exportTable(project, { ...options, format: 'csv' })
}

/** Any table (header and rows of raw cells) as CSV or TSV, formula protection applied as for the spans. */
export function delimitedTable(
  table: { header: readonly string[]; rows: readonly (readonly Cell[])[] },
  options: { format: DelimitedFormat; bom: boolean; neutralizeFormulas: boolean },
): string {
  return toDelimitedText(table, delimitedOptions(options))
}

/** Tables as one Excel workbook, a sheet each (names up to 31 characters), with the spans workbook's cells and Long cells sheet. */
export async function tablesWorkbook(
  sheets: readonly { name: string; header: readonly string[]; rows: readonly (readonly Cell[])[] }[],
): Promise<Uint8Array> {
  const long: Cell[][] = [['sheet', 'cell', 'part', 'text']]
  const sheet = (name: string, table: readonly (readonly Cell[])[]) => ({
    sheet: name,
    data: table.map((r, i) => r.map((cell, j) => workbookCell(cell, name, i, j, long))) as SheetData,
    stickyRowsCount: 1,
  })
  const out = sheets.map((t) => sheet(t.name, [t.header, ...t.rows]))
  if (long.length > 1) out.push(sheet('Long cells', long))
  return new Uint8Array(await writeXlsxFile(out).toBuffer())
}

/** The most characters (UTF-16 units) Excel keeps in one cell. */
export const EXCEL_CELL_LIMIT = 32_767

/**
 * The Excel workbook of the selected layers: sheets Spans (the CSV's columns), Links and
 * Documents, and Long cells when a cell holds more than Excel keeps in one (the cell holds its
 * first 32,767 characters, Long cells the rest, in parts). Text is stored as text, never as a
 * formula, so nothing needs the CSV's apostrophes.
 */
export async function exportWorkbook(
  project: Project,
  selection: LayerSelection,
): Promise<{ bytes: Uint8Array; rows: number; documents: number }> {
  const { header, rows, documents } = await spanTable(project, selection)
  const layers = await selectLayers(project, selection)
  const include = selection.include
  const links = [...(await linkTable(project, selection)).rows]
  const docIds = new Set(
    include
      ? layers.filter((l) => l.annotations.some((a) => include(l.document.id, l.annotator, a.id))).map((l) => l.document.id)
      : layers.map((l) => l.document.id),
  )
  const docs = project.documents.filter((d) => docIds.has(d.id))
  const annotators = selection.annotators === 'all' ? await project.annotators() : [...selection.annotators]
  const states = await documentStates(project, annotators, docs)
  const memos = await memoRows(project, annotators, docs)
  const long: Cell[][] = [['sheet', 'cell', 'part', 'text']]
  const sheet = (name: string, table: readonly (readonly Cell[])[]) => ({
    sheet: name,
    data: table.map((r, i) => r.map((cell, j) => workbookCell(cell, name, i, j, long))) as SheetData,
    stickyRowsCount: 1,
  })
  const sheets = [
    sheet('Spans', [header, ...rows]),
    sheet('Links', [[...LINK_HEADER], ...links]),
    sheet('Documents', [documentHeader(docs, annotators), ...documentRows(docs, annotators, (d, a) => states.get(`${d}/${a}`) ?? '')]),
    sheet('Memos', [[...MEMO_HEADER], ...memos]),
  ]
  if (long.length > 1) sheets.push(sheet('Long cells', long))
  const buffer = await writeXlsxFile(sheets).toBuffer()
  return { bytes: new Uint8Array(buffer), rows: rows.length, documents }
}

/** Each annotator's status of each document, by "document/annotator" (not started without a store). */
async function documentStates(
  project: Project,
  annotators: readonly string[],
  docs: readonly DocumentEntry[],
): Promise<Map<string, string>> {
  const states = new Map<string, string>()
  for (const doc of docs)
    for (const a of annotators) {
      const layer = (await project.hasStoreFile(a, doc.id)) ? await project.layer(a, doc.id).catch(() => null) : null
      states.set(`${doc.id}/${a}`, layer?.state ?? 'not-started')
    }
  return states
}

/** The Memos sheet's rows: each annotator's project memo, then their memos on the documents, in project order. */
async function memoRows(project: Project, annotators: readonly string[], docs: readonly DocumentEntry[]): Promise<Cell[][]> {
  const rows: Cell[][] = []
  for (const a of annotators) {
    if (!(await project.hasProjectMemo(a))) continue
    const memo = (await project.projectMemo(a).catch(() => null))?.current?.memo
    if (memo) rows.push(['', a, memo.text, memo.modified])
  }
  for (const doc of docs)
    for (const a of annotators) {
      if (!(await project.hasStoreFile(a, doc.id))) continue
      const memo = (await project.layer(a, doc.id).catch(() => null))?.memo
      if (memo) rows.push([doc.id, a, memo.text, memo.modified])
    }
  return rows
}

/** One cell for the workbook: numbers as numbers; text escaped for XML, cut at Excel's limit with the rest kept in Long cells. */
function workbookCell(cell: Cell, sheet: string, row: number, column: number, long: Cell[][]): Row[number] {
  if (typeof cell === 'number') return { value: cell, type: Number }
  if (cell === '') return null
  const parts = splitForExcel(cell)
  parts.slice(1).forEach((part, i) => long.push([sheet, `${columnName(column)}${row + 1}`, i + 2, part]))
  return { value: escapeXlsxString(parts[0]!), type: String }
}

/** Text cut into pieces of at most EXCEL_CELL_LIMIT UTF-16 units, never inside a surrogate pair. */
export function splitForExcel(text: string): string[] {
  const parts: string[] = []
  let at = 0
  while (text.length - at > EXCEL_CELL_LIMIT) {
    let end = at + EXCEL_CELL_LIMIT
    const code = text.charCodeAt(end - 1)
    if (code >= 0xd800 && code <= 0xdbff) end--
    parts.push(text.slice(at, end))
    at = end
  }
  parts.push(text.slice(at))
  return parts
}

/** A, B, …, Z, AA, AB, … for a zero-based column index. */
function columnName(index: number): string {
  let name = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

/**
 * Escape text the way spreadsheet XML (ECMA-376 ST_Xstring) expects: characters XML 1.0 cannot
 * hold, and carriage returns (which XML readers turn into line feeds), as `_xHHHH_`; an
 * underscore that starts what would read as such an escape as `_x005F_`. Excel, LibreOffice and
 * spreadsheet libraries decode both, so the cell reads back as the text.
 */
export function escapeXlsxString(text: string): string {
  return text.replace(XLSX_ESCAPED, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
}

/** What escapeXlsxString escapes: an underscore starting an escape, characters XML 1.0 cannot hold, CR, lone surrogates. */
const XLSX_ESCAPED =
  // eslint-disable-next-line no-control-regex -- control characters are what this escapes
  /_(?=x[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** A file name for an export: "<project>-annotations-<date>.csv", safe on every OS. */
export function exportFileName(projectName: string, now = new Date()): string {
  const base = projectName.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'project'
  return `${base}-annotations-${now.toISOString().slice(0, 10)}.csv`
}
