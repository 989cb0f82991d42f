/**
 * The rows of Marginalia's CSV export: one row per annotation, with offsets in code points
 * (Python's text[start:end] equals the text column), the quote's context, one column per label
 * attribute, and the linked source. Pure: the core turns these rows into RFC 4180 text with a
 * CSV library. docs/format.md documents every column.
 */
import { attributedSources, compareAnnotations, type Annotation, type Link } from './model/annotation'
import type { Provenance } from './model/review'
import type { LabelSchema } from './model/labels'

/** One attribute column: "<label>_<attribute>", e.g. stance_polarity. */
export interface AttributeColumn {
  header: string
  label: string
  attribute: string
}

/** The attribute columns for a label schema, in schema order. */
export function attributeColumns(labels: LabelSchema): AttributeColumn[] {
  return labels.flatMap((l) => l.attributes.map((a) => ({ header: `${l.id}_${a.id}`, label: l.id, attribute: a.id })))
}

/** The header row for a label schema. */
export function csvHeader(labels: LabelSchema): string[] {
  return [
    'document_id',
    'document_title',
    'annotator',
    'annotation_id',
    'label',
    'start',
    'end',
    'text',
    'prefix',
    'suffix',
    ...attributeColumns(labels).map((c) => c.header),
    'linked_source_id',
    'linked_source_text',
    'linked_source_name',
    'note',
    'created',
    'modified',
    'review_action',
    'reviewed_from',
    'reviewed_by',
    'reviewed_at',
  ]
}

/** The annotator column's value for rows of the reviewed layer. */
export const REVIEWED_LAYER_NAME = '_reviewed'

/** What the rows of one document and one annotator are built from. */
export interface LayerRows {
  documentId: string
  documentTitle: string
  annotator: string
  annotations: readonly (Annotation & { provenance?: Provenance })[]
  links: readonly Link[]
}

/** The rows of one layer, in text order (start, then end, then id). */
export function csvRows(labels: LabelSchema, layer: LayerRows): (string | number)[][] {
  const columns = attributeColumns(labels)
  const sourceOf = attributedSources(layer.annotations, layer.links)
  const sorted = [...layer.annotations].sort(compareAnnotations)
  return sorted.map((a) => {
    const source = sourceOf.get(a.id)
    return [
      layer.documentId,
      layer.documentTitle,
      layer.annotator,
      a.id,
      a.label,
      a.target.position.start,
      a.target.position.end,
      a.target.quote.exact,
      a.target.quote.prefix,
      a.target.quote.suffix,
      ...columns.map((c) => (c.label === a.label ? (a.attributes[c.attribute] ?? '') : '')),
      source?.id ?? '',
      source?.target.quote.exact ?? '',
      source?.attributes.name ?? '',
      a.note,
      a.created,
      a.modified,
      a.provenance?.action ?? '',
      a.provenance?.sources.map((m) => `${m.annotator}:${m.id}`).join(' ') ?? '',
      a.provenance?.decidedBy ?? '',
      a.provenance?.decided ?? '',
    ]
  })
}

const FORMULA = /^'*[=+\-@\t\r]/

/**
 * Make a cell safe to open in a spreadsheet: a cell that starts with = + - @ tab or CR (after any
 * apostrophes) gets one more apostrophe in front, so Excel, LibreOffice and Sheets show it as
 * text instead of running it. `restoreFormulaCell` undoes it exactly.
 */
export function neutralizeFormulaCell(cell: string): string {
  return FORMULA.test(cell) ? `'${cell}` : cell
}

/** The inverse of neutralizeFormulaCell: what a script reading a protected export applies. */
export function restoreFormulaCell(cell: string): string {
  return cell.startsWith("'") && FORMULA.test(cell.slice(1)) ? cell.slice(1) : cell
}
