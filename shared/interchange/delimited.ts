/**
 * Delimited text (CSV and TSV) that every reader splits the same way: Python's csv module, pandas,
 * R's readr, Excel, LibreOffice. RFC 4180: CRLF after every record; a cell that holds a quote, the
 * delimiter, a line feed or a carriage return, or that starts or ends with white space, is put in
 * quotes, with its quotes doubled; numbers are written as JavaScript prints them. Optionally a
 * byte order mark first (Excel reads UTF-8 by it), and cells a spreadsheet would run as formulas
 * neutralised (shared/csv.ts, the header excepted).
 *
 * The text comes in pieces, so a large export is written to its file as it is made instead of
 * being built as one string first. This is the one place a cell is written: the spans table, the
 * statements, the network's node and edge lists and the agreement report all come through here.
 * (csv-stringify wrote these before; it cost ~1.2 s of the 100,000-row export, this ~0.3 s.)
 */
import { neutralizeFormulaCell, type Cell } from '../csv'

export type Delimiter = ',' | '\t'

export interface DelimitedOptions {
  delimiter?: Delimiter
  /** Start with a byte order mark (U+FEFF). */
  bom?: boolean
  /** Neutralise cells a spreadsheet would run as formulas (not the header's). */
  neutralizeFormulas?: boolean
}

/** A table: a header (written as is) and its rows, which may be produced as they are written. */
export interface DelimitedTable {
  header: readonly Cell[]
  rows: Iterable<readonly Cell[]>
}

/** About how many characters each piece of delimitedChunks holds. */
const CHUNK = 1 << 18

const WHITE = /\s/
/** The delimiters by character code. */
const CODE: Record<Delimiter, number> = { ',': 0x2c, '\t': 0x09 }

/** A quote, the delimiter, LF or CR. */
const COMMA_SPECIAL = /[",\n\r]/
const TAB_SPECIAL = /["\t\n\r]/

/** Whether a character code is white space as JavaScript's \s has it (every such character is one UTF-16 unit). */
function isWhite(code: number): boolean {
  // ASCII by hand (space, tab, LF, VT, FF, CR): most cells start or end with a letter or a space.
  if (code < 128) return code === 32 || (code >= 9 && code <= 13)
  return WHITE.test(String.fromCharCode(code))
}

/** Whether a non-empty cell goes in quotes: white space at either end, or a quote, the delimiter, LF or CR anywhere. */
function needsQuotes(cell: string, delimiter: number): boolean {
  const n = cell.length
  if (isWhite(cell.charCodeAt(0)) || isWhite(cell.charCodeAt(n - 1))) return true
  // A character class is scanned by V8's compiled regular expression twice as fast as a loop here.
  return (delimiter === 0x09 ? TAB_SPECIAL : COMMA_SPECIAL).test(cell)
}

function cellText(cell: Cell, delimiter: number, neutralize: boolean): string {
  if (typeof cell !== 'string') return String(cell)
  if (cell.length === 0) return cell
  const text = neutralize ? neutralizeFormulaCell(cell) : cell
  return needsQuotes(text, delimiter) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One cell as written between delimiters. */
export function delimitedCell(cell: Cell, delimiter: Delimiter = ','): string {
  return cellText(cell, CODE[delimiter], false)
}

/** One record, ended by CRLF. */
export function delimitedRecord(cells: readonly Cell[], delimiter: Delimiter = ',', neutralize = false): string {
  return recordText(cells, delimiter, neutralize)
}

/** A record's text, ended by CRLF. */
function recordText(row: readonly Cell[], delimiter: Delimiter, neutralize: boolean): string {
  const code = CODE[delimiter]
  let record = row.length > 0 ? cellText(row[0]!, code, neutralize) : ''
  for (let i = 1; i < row.length; i++) record += delimiter + cellText(row[i]!, code, neutralize)
  return `${record}\r\n`
}

/**
 * Writes records one at a time, each ended by CRLF. A column often holds the same cell row after
 * row (the document, the annotator, the label, the memo): its written text is kept per column and
 * made again only when the cell changes.
 */
function recordWriter(options: DelimitedOptions): (row: readonly Cell[]) => string {
  const delimiter = options.delimiter ?? ','
  const neutralize = options.neutralizeFormulas ?? false
  const code = CODE[delimiter]
  const lastCell: Cell[] = []
  const lastText: string[] = []
  const written = (cell: Cell, column: number): string => {
    if (cell === lastCell[column]) return lastText[column]!
    const text = cellText(cell, code, neutralize)
    lastCell[column] = cell
    lastText[column] = text
    return text
  }
  // Cells are appended to the record as they are made: no array of cells to build and join,
  // which measured a third slower.
  return (row) => {
    let record = row.length > 0 ? written(row[0]!, 0) : ''
    for (let i = 1; i < row.length; i++) record += delimiter + written(row[i]!, i)
    return `${record}\r\n`
  }
}

/** The byte order mark (if asked for) and the header's record. */
function opening(table: DelimitedTable, options: DelimitedOptions): string {
  return (options.bom ? '\uFEFF' : '') + recordText(table.header, options.delimiter ?? ',', false)
}

/** The table's text in pieces of about 256 K characters, rows taken from the table as they are needed. */
export function* delimitedChunks(table: DelimitedTable, options: DelimitedOptions = {}): Generator<string> {
  const record = recordWriter(options)
  let piece = opening(table, options)
  for (const row of table.rows) {
    piece += record(row)
    if (piece.length >= CHUNK) {
      yield piece
      piece = ''
    }
  }
  if (piece.length > 0) yield piece
}

/** About how many bytes each piece of delimitedBytes holds. */
const BYTES = 1 << 20

/**
 * The table as UTF-8, in pieces of about 1 MiB, for a file or a stream: each record is encoded as
 * soon as it is made, while its parts are fresh in memory. (Encoding 256 K-character pieces
 * joined from many small parts cost more: V8 must first copy every part into one string.) Every
 * piece is a new array, never written again once yielded, so a consumer may hold it while it
 * asks for the next.
 */
export function* delimitedBytes(table: DelimitedTable, options: DelimitedOptions = {}): Generator<Uint8Array> {
  const encoder = new TextEncoder()
  const record = recordWriter(options)
  // At most 3 bytes of UTF-8 for each UTF-16 unit.
  const room = (text: string) => Math.max(BYTES, text.length * 3)
  const first = opening(table, options)
  let piece = new Uint8Array(room(first))
  let at = encoder.encodeInto(first, piece).written
  for (const row of table.rows) {
    const text = record(row)
    if (piece.length - at < text.length * 3) {
      if (at > 0) yield piece.subarray(0, at)
      piece = new Uint8Array(room(text))
      at = 0
    }
    at += encoder.encodeInto(text, piece.subarray(at)).written
  }
  if (at > 0) yield piece.subarray(0, at)
}

/** The table's text as one string. */
export function toDelimitedText(table: DelimitedTable, options: DelimitedOptions = {}): string {
  let out = ''
  for (const chunk of delimitedChunks(table, options)) out += chunk
  return out
}
