/**
 * Every file offered for import, whatever its format, turned into the texts to store: plain text
 * and Markdown as they are, HTML and Word files as their readable text, a CSV file as one text
 * per row. Each text is normalised (byte order mark stripped, line endings LF) here and only here.
 * A file Marginalia cannot use comes back as one sentence; a file over LARGE_FILE bytes comes back
 * as a question ("needs confirmation") unless the user has already said yes.
 */
import { extname } from 'node:path'
import { declaredHtmlCharset, decodeBytes } from './import-decode'
import { csvRows, type CsvColumns } from './import-csv'
import { docxToText } from './import-docx'
import { htmlToText } from './import-html'
import { TEXT_EXTENSIONS, decodeImport, normalizeText } from './import-text'

/** Files larger than this (20 MB) are imported only once the user confirms. */
export const LARGE_FILE = 20 * 1024 * 1024

/** Every file ending Marginalia imports. */
export const IMPORT_EXTENSIONS = [...TEXT_EXTENSIONS, '.html', '.htm', '.xhtml', '.docx', '.csv', '.tsv']

/** A file offered for import, with the user's choices for it. */
export interface ImportRequest {
  name: string
  bytes: Uint8Array
  /** Decode with this encoding instead of detecting it. */
  encoding?: string | null
  /** For a CSV file: which columns hold the text, title and id (guessed by name when absent). */
  csv?: CsvColumns | null
}

/** A text ready to become a document. */
export interface PreparedText {
  /** The file it came from. */
  name: string
  text: string
  /** A title the file gave (an HTML title, a CSV title cell), or null for the first line. */
  title: string | null
  /** Recorded as the document's importedFrom: the file name, with #row=N for a CSV row (RFC 7111). */
  importedFrom: string
  /** The encoding the bytes were decoded from; null for .docx (the format fixes it). */
  encoding: string | null
  /** A CSV row's id cell, wanted as the document id. */
  idHint: string | null
  /** Properties the file gave: a CSV row's other cells, an HTML page's <meta> tags, a Word file's core properties. */
  properties: Record<string, string> | null
}

/** 'needs-columns': a table whose text column could not be told; choosing it imports the file. */
export type ImportProblemKind = 'refused' | 'duplicate' | 'needs-confirmation' | 'needs-columns'

/** A file (or CSV row) not imported: one sentence for the user. */
export interface ImportProblem {
  name: string
  message: string
  kind: ImportProblemKind
}

/** Turn offered files into texts; refused files and files awaiting confirmation are listed in `problems`. */
export async function prepareImports(
  files: readonly ImportRequest[],
  confirmLarge = false,
): Promise<{ texts: PreparedText[]; problems: ImportProblem[] }> {
  const texts: PreparedText[] = []
  const problems: ImportProblem[] = []
  for (const file of files) {
    const name = file.name
    if (!confirmLarge && file.bytes.length > LARGE_FILE) {
      const mb = (file.bytes.length / 1024 / 1024).toFixed(1)
      problems.push({ name, kind: 'needs-confirmation', message: `${name} is ${mb} MB, larger than most texts; import it anyway?` })
      continue
    }
    const out = await prepareFile(file)
    if ('error' in out) problems.push({ name, kind: out.needsColumns ? 'needs-columns' : 'refused', message: out.error })
    else {
      texts.push(...out.texts)
      for (const message of out.problems) problems.push({ name, kind: 'refused', message })
    }
  }
  return { texts, problems }
}

async function prepareFile(
  file: ImportRequest,
): Promise<{ texts: PreparedText[]; problems: string[] } | { error: string; needsColumns?: true }> {
  const { name, bytes } = file
  const ext = extname(name).toLowerCase()
  const one = (text: string, title: string | null, encoding: string | null, properties: Record<string, string> | null = null) => {
    const normalized = normalizeText(text)
    if (normalized.trim() === '')
      return {
        error: `${name} has no text to annotate${ext === '.html' || ext === '.htm' ? ' once scripts, styles and navigation are left out' : ''}.`,
      }
    return { texts: [{ name, text: normalized, title, importedFrom: name, encoding, idHint: null, properties }], problems: [] }
  }
  if (TEXT_EXTENSIONS.includes(ext)) {
    const decoded = decodeImport(name, bytes, file.encoding)
    return decoded.error !== null ? { error: decoded.error } : one(decoded.text, null, decoded.encoding)
  }
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') {
    const decoded = decodeBytes(name, bytes, { forced: file.encoding, declared: declaredHtmlCharset(bytes) })
    if (decoded.error !== null) return { error: decoded.error }
    const html = htmlToText(name, decoded.text)
    return html.error !== null ? { error: html.error } : one(html.text, html.title, decoded.encoding, html.properties)
  }
  if (ext === '.docx') {
    const docx = await docxToText(name, bytes)
    return docx.error !== null ? { error: docx.error } : one(docx.text, docx.title, null, docx.properties)
  }
  if (ext === '.csv' || ext === '.tsv') {
    const rows = csvRows(name, bytes, file.csv ?? null, file.encoding)
    if ('error' in rows) return rows
    const texts = rows.rows.map((r) => ({
      name,
      text: normalizeText(r.text),
      title: r.title,
      importedFrom: `${name}#row=${r.row}`,
      encoding: rows.encoding,
      idHint: r.id,
      properties: r.properties,
    }))
    return { texts, problems: rows.problems }
  }
  if (ext === '.doc' || ext === '.rtf' || ext === '.odt' || ext === '.pdf') {
    return { error: `${name} is a ${ext} file, which Marginalia cannot read; save it as .docx or .txt and import that.` }
  }
  const what = ext ? `a ${ext} file` : 'a file without an ending'
  return { error: `${name} is ${what}; Marginalia imports .txt, .md, .html, .docx and .csv files.` }
}
