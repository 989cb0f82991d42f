/**
 * The export formats as the Export dialog offers them (docs/formats.md#exporting-annotations):
 * a name, one line on what each is for, and which choices apply to it. Also the sentence that
 * says what an export wrote.
 */
import type { ExportFormat, ExportTable, ExportedFile } from '../../../../shared/api'
import { plural } from '../../../../shared/plural'

/** One choice of the dialog's "Format" or "Table" group: its value, the radio button's name, what it is for in one line. */
export interface ChoiceOption<T extends string> {
  value: T
  label: string
  hint: string
}

/** Every format, in the order offered. */
export const FORMAT_OPTIONS: readonly ChoiceOption<ExportFormat>[] = [
  { value: 'csv', label: 'CSV', hint: 'One row per annotation (or per link), for R, pandas and spreadsheets.' },
  {
    value: 'xlsx',
    label: 'Excel workbook (.xlsx)',
    hint: 'Spans, links and documents as sheets; opens in Excel or LibreOffice in any language, no import wizard.',
  },
  { value: 'tsv', label: 'TSV', hint: 'The CSV’s columns separated by tabs, for tools that prefer them.' },
  { value: 'jsonl', label: 'JSON Lines', hint: 'One annotation per line as Marginalia stores it, with its links; for scripts.' },
  { value: 'w3c', label: 'W3C Web Annotation (JSON-LD)', hint: 'The W3C standard: quote and position selectors, links as annotations.' },
  { value: 'brat', label: 'brat standoff (zip)', hint: 'A .txt and .ann file per document and layer, to open in brat.' },
  {
    value: 'zip',
    label: 'Project archive (zip)',
    hint: 'The whole project folder — texts, every layer, labels, guidelines — for a colleague.',
  },
]

/** The tables a CSV or TSV holds, for its "Table" group. */
export const TABLE_OPTIONS: readonly ChoiceOption<ExportTable>[] = [
  { value: 'spans', label: 'Spans', hint: 'One row per annotation, with its source.' },
  { value: 'links', label: 'Links', hint: 'One row per link: its type and both ends’ ids, labels and texts. Join to the spans by id.' },
]

/** True when the format exports a choice of layers and documents (the archive always holds everything). */
export function choosesContent(format: ExportFormat): boolean {
  return format !== 'zip'
}

/** True when the delimited-text options (byte order mark, formula protection) apply; a workbook needs neither. */
export function hasSpreadsheetOptions(format: ExportFormat): boolean {
  return format === 'csv' || format === 'tsv'
}

/** "Exported 12 annotations from 3 documents as spans.jsonl." (`to` a path on desktop; "12 links" for the links table). */
export function exportedSentence(
  file: Pick<ExportedFile, 'annotations' | 'documents'>,
  format: ExportFormat,
  where: string,
  desktop: boolean,
  table: ExportTable = 'spans',
): string {
  const what =
    format === 'zip'
      ? `the project (${plural(file.documents, 'document')})`
      : `${plural(file.annotations, table === 'links' ? 'link' : 'annotation')} from ${plural(file.documents, 'document')}`
  return `Exported ${what} ${desktop ? 'to' : 'as'} ${where}.`
}

/**
 * The documents to export: null for all, else the chosen ids in the project's order (an empty
 * choice is not a choice the host takes, so it is reported by the dialog instead).
 */
export function chosenDocuments(all: readonly { id: string }[], some: boolean, chosen: ReadonlySet<string>): string[] | null {
  if (!some) return null
  return all.filter((d) => chosen.has(d.id)).map((d) => d.id)
}
