/**
 * A CSV (or TSV) file of texts, one document per row: a corpus exported from a spreadsheet, a
 * scraper or a database. The user picks the column that holds the text, and optionally the ones
 * holding a title and an id; every column but the text (the title and id ones too, so an export joins back
 * to the source table) is kept as one of the document's properties (trimmed, blank cells left out by
 * Project.importFiles, shared/model/project.ts's propertyValue). The file is
 * decoded like any text (so a windows-1252 CSV from Excel works), the delimiter (comma,
 * semicolon or tab) is taken from the header line, and csv-parse reads it (RFC 4180 quoting,
 * line breaks inside quoted cells).
 */
import { parse } from 'csv-parse/sync'
import type { CsvPreview } from '../../../shared/model/csv-preview'
import { decodeBytes } from './import-decode'

/** Which columns hold a row's text, title and id (header names). */
export interface CsvColumns {
  text: string
  title?: string | null
  id?: string | null
}

export type { CsvPreview }

/** One row that becomes a document. */
export interface CsvRow {
  /** Row number as a spreadsheet shows it (the header is row 1). */
  row: number
  text: string
  title: string | null
  id: string | null
  properties: Record<string, string>
}

type Parsed = { header: string[]; records: string[][]; encoding: string; delimiter: string; error: null } | { error: string }

const MAX_PROPERTY_VALUE = 100_000

function readCsv(name: string, bytes: Uint8Array, encoding?: string | null): Parsed {
  const decoded = decodeBytes(name, bytes, { forced: encoding })
  if (decoded.error !== null) return { error: decoded.error }
  const firstLine = decoded.text.slice(0, decoded.text.search(/\r?\n|$/))
  const delimiter = name.toLowerCase().endsWith('.tsv')
    ? '\t'
    : [',', ';', '\t'].sort((a, b) => count(firstLine, b) - count(firstLine, a))[0]!
  let rows: string[][]
  try {
    rows = parse(decoded.text, { delimiter, bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][]
  } catch (e) {
    const where = /line (\d+)/i.exec((e as Error).message)
    return {
      error: `${name} is not a well-formed CSV file${where ? ` (near line ${where[1]})` : ''}; check its quotes in a spreadsheet, save it as CSV, and import it again.`,
    }
  }
  if (rows.length < 2) return { error: `${name} has no rows below its header, so there is nothing to import.` }
  const seen = new Map<string, number>()
  const header = rows[0]!.map((raw, i) => {
    const base = raw.trim() || `column ${i + 1}`
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    return n === 1 ? base : `${base} (${n})`
  })
  return { header, records: rows.slice(1), encoding: decoded.encoding, delimiter, error: null }
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1
}

function byName(header: string[], names: RegExp): string | null {
  return header.find((h) => names.test(h.trim())) ?? null
}

/** The columns, a few rows and guessed columns of a CSV file, or why it cannot be read. */
export function previewCsv(name: string, bytes: Uint8Array, encoding?: string | null): CsvPreview | { error: string } {
  const parsed = readCsv(name, bytes, encoding)
  if (parsed.error !== null) return { error: parsed.error }
  const { header, records } = parsed
  const cells = (r: string[]) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))
  const longest = header
    .map((h, i) => ({ h, size: records.slice(0, 200).reduce((n, r) => n + (r[i]?.length ?? 0), 0) }))
    .sort((a, b) => b.size - a.size)[0]!.h
  // The rule import uses: a row whose text cell is empty or white space is not imported.
  const filled = Object.fromEntries(header.map((h, i) => [h, records.filter((r) => (r[i] ?? '').trim() !== '').length]))
  return {
    columns: header,
    rows: records.length,
    filled,
    sample: records.slice(0, 5).map(cells),
    encoding: parsed.encoding,
    delimiter: parsed.delimiter,
    suggested: {
      text: byName(header, /^(text|body|content|transcript|article)$/i) ?? longest,
      title: byName(header, /^(title|headline|heading|subject)$/i),
      id: byName(header, /^(id|doc_?id|document_?id|identifier)$/i),
    },
  }
}

/** The rows of a CSV file as documents-to-be, with one sentence per row that cannot be one. */
export function csvRows(
  name: string,
  bytes: Uint8Array,
  columns: CsvColumns | null,
  encoding?: string | null,
): { rows: CsvRow[]; problems: string[]; encoding: string } | { error: string; needsColumns?: true } {
  const parsed = readCsv(name, bytes, encoding)
  if (parsed.error !== null) return { error: parsed.error }
  const { header, records } = parsed
  const chosen = columns ?? guessColumns(header)
  if (!chosen) {
    return {
      error: `${name}: say which column holds the text (its columns are ${header.map((h) => `"${h}"`).join(', ')}), and import it again.`,
      needsColumns: true,
    }
  }
  for (const [role, column] of Object.entries(chosen)) {
    if (column && !header.includes(column)) {
      return { error: `${name} has no column "${column}" for the ${role}; its columns are ${header.map((h) => `"${h}"`).join(', ')}.` }
    }
  }
  const at = (column: string | null | undefined) => (column ? header.indexOf(column) : -1)
  const [textAt, titleAt, idAt] = [at(chosen.text), at(chosen.title), at(chosen.id)]
  const rows: CsvRow[] = []
  const problems: string[] = []
  records.forEach((record, i) => {
    const row = i + 2
    const text = record[textAt] ?? ''
    if (text.trim() === '') {
      problems.push(`${name}, row ${row}: the "${chosen.text}" cell is empty, so this row was not imported.`)
      return
    }
    const properties: Record<string, string> = {}
    header.forEach((h, k) => {
      if (k !== textAt && record[k] !== undefined) properties[h] = record[k]!
    })
    const long = Object.entries(properties).find(([, v]) => v.length > MAX_PROPERTY_VALUE)
    if (long) {
      problems.push(
        `${name}, row ${row}: the "${long[0]}" cell is longer than ${MAX_PROPERTY_VALUE} characters; if it holds the text, choose it as the text column.`,
      )
      return
    }
    rows.push({
      row,
      text,
      title: titleAt >= 0 ? record[titleAt]?.trim() || null : null,
      id: idAt >= 0 ? record[idAt]?.trim() || null : null,
      properties,
    })
  })
  return { rows, problems, encoding: parsed.encoding }
}

function guessColumns(header: string[]): CsvColumns | null {
  const text = byName(header, /^(text|body|content|transcript|article)$/i)
  if (!text) return null
  return {
    text,
    title: byName(header, /^(title|headline|heading|subject)$/i),
    id: byName(header, /^(id|doc_?id|document_?id|identifier)$/i),
  }
}
