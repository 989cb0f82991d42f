/**
 * What an import of texts tells the user, in sentences: what came in (and which files were not
 * UTF-8, so a wrong guess is noticed), what was already there, what was refused and why, and how
 * far a long import has come. Also the details a document in the list shows on hover.
 */
import type { DocumentSummary } from '../../../../shared/api'
import { plural } from '../../../../shared/plural'
import { truncate } from './describe'
import { notableEncoding, sourceFile } from './import-plan'
import type { DocumentDetails, ImportReport } from './session-state'

/** Titles named in the summary before "and N more". */
const TITLES_SHOWN = 6

/** "Imported 3 texts: A; B; C." (long titles shortened, long lists ending "… and 115 more"), or null when nothing came in. */
export function importedSentence(report: ImportReport): string | null {
  const n = report.imported.length
  if (n === 0) return null
  const titles = report.imported.slice(0, TITLES_SHOWN).map((d) => truncate(d.title, 60))
  const rest = n - titles.length
  // Titles are parted by "; ", unless one holds a ";" itself: then each is quoted.
  const parted = titles.some((t) => t.includes(';')) ? titles.map((t) => `“${t}”`).join(', ') : titles.join('; ')
  const list = `${parted}${rest > 0 ? ` and ${rest} more` : ''}`
  return `Imported ${plural(n, 'text')}: ${list}${/[.!?…]”?$/.test(list) ? '' : '.'}`
}

/** Which files were decoded from an encoding other than UTF-8, or null when all were UTF-8. */
export function encodingSentence(report: ImportReport): string | null {
  const files = new Map<string, string>()
  for (const d of report.imported) if (notableEncoding(d.encoding)) files.set(d.file, d.encoding)
  const entries = [...files]
  if (entries.length === 0) return null
  if (entries.length === 1) return `${entries[0]![0]} was read as ${entries[0]![1]}.`
  return `Read from other encodings than UTF-8: ${entries.map(([f, e]) => `${f} (${e})`).join(', ')}.`
}

/** The first line above the files that were already in the project. */
export function duplicatesHeading(report: ImportReport): string | null {
  const n = report.duplicates.length
  if (n === 0) return null
  return n === 1 ? 'Already in the project, so not imported again:' : `${n} texts are already in the project, so not imported again:`
}

/** The first line above the refused files (the alert). */
export function refusedHeading(report: ImportReport): string | null {
  const n = report.errors.length
  if (n === 0) return null
  // A table's row refused on its own ("corpus.csv, row 4: …") is a row, not a file: its file came in.
  const rows = report.errors.filter((e) => e.message.startsWith(`${e.name}, row `)).length
  const files = n - rows
  if (rows === 0) return files === 1 ? 'One file was not imported:' : `${files} files were not imported:`
  const rowPart = plural(rows, 'table row')
  if (files === 0) return `${rowPart} ${rows === 1 ? 'was' : 'were'} not imported:`
  return `${plural(files, 'file')} and ${rowPart} were not imported:`
}

/** One refused or duplicate file as a line: the host's sentence, which names the file (or is given its name). */
export function problemLine(problem: { name: string; message: string }): string {
  return problem.message.startsWith(problem.name) ? problem.message : `${problem.name}: ${problem.message}`
}

/** Files the user chose not to import (a large file, a table whose dialog was cancelled). */
export function skippedSentence(report: ImportReport): string | null {
  if (report.skipped.length === 0) return null
  return `Not imported, as you chose: ${report.skipped.join(', ')}.`
}

/** "Importing 9 of 40…": the files sent so far, counting the request on its way. */
export function progressSentence(progress: { done: number; total: number }): string {
  if (progress.total <= 1) return 'Importing…'
  return `Importing ${Math.min(progress.done + 1, progress.total)} of ${progress.total}…`
}

/** A document's details on hover: where it came from, its encoding when not UTF-8, its properties (date, outlet, a CSV row's other cells …). */
export function documentTooltip(document: DocumentSummary, details: DocumentDetails | undefined): string {
  const lines = [`Imported from ${document.importedFrom}`]
  if (notableEncoding(details?.encoding)) lines[0] += `, read as ${details.encoding}`
  for (const [column, value] of Object.entries(details?.properties ?? {})) {
    if (value.trim() !== '') lines.push(`${column}: ${truncate(value, 120)}`)
  }
  return lines.join('\n')
}

/** The report's entry for an imported document. */
export function importedEntry(d: DocumentSummary & { encoding: string | null }): ImportReport['imported'][number] {
  return { id: d.id, title: d.title, file: sourceFile(d.importedFrom), encoding: d.encoding }
}
