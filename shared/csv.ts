/**
 * The tables of Marginalia's tabular exports (CSV, TSV and the Excel workbook): the spans, one row
 * per annotation, with offsets in code points (Python's text[start:end] equals the text column),
 * the quote's context, one column per label attribute, and the linked source; and, for the
 * workbook, the links and the documents. Pure: the core writes these rows with a CSV library or a
 * spreadsheet library. docs/format.md documents every column.
 */
import { attributedSources, inTextOrder, type Annotation, type Link } from './model/annotation'
import { threadCell, type Reply } from './model/memos'
import type { DocumentEntry } from './model/project'
import type { Provenance } from './model/review'
import {
  ATTRIBUTION,
  ATTRIBUTION_NAME,
  findLinkType,
  numberText,
  valueName,
  type AttributeDef,
  type LabelSchema,
  type TagSet,
} from './model/labels'

/** A table cell: text, or a number (offsets, lengths). */
export type Cell = string | number

/** One attribute column: "<label>_<attribute>", e.g. stance_polarity. */
export interface AttributeColumn {
  header: string
  label: string
  attribute: string
  /** The attribute: a choice's cell holds its option's name, which a rename in the tag set changes. */
  def: AttributeDef
}

/** The attribute columns for a label schema, in schema order. */
export function attributeColumns(labels: LabelSchema): AttributeColumn[] {
  return labels.flatMap((l) => l.attributes.map((a) => ({ header: `${l.id}_${a.id}`, label: l.id, attribute: a.id, def: a })))
}

/**
 * An attribute's cell: a choice by its option's name, a number as a number (so a workbook holds
 * it as one, and a CSV writes it as stored, never formula-protected: `-0.5`, not `'-0.5`), else
 * the value as stored.
 */
export function attributeCell(def: AttributeDef, value: string): Cell {
  if (def.type === 'number' && value !== '') {
    const n = Number(value)
    if (Number.isFinite(n) && numberText(n) === value) return n
  }
  return valueName(def, value)
}

/** The header row for a label schema. */
export function csvHeader(labels: LabelSchema, properties: readonly string[] = []): string[] {
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
    // The label's name as the tag set has it now ("Evidence", "مصدر"), beside its stable id.
    'label_name',
    ...attributeColumns(labels).map((c) => c.header),
    'linked_source_id',
    'linked_source_text',
    'linked_source_name',
    'note',
    'created',
    'modified',
    'review_action',
    'reviewed_from',
    'reviewed_chosen',
    'reviewed_by',
    'reviewed_at',
    'document_status',
    'document_memo',
    'replies',
    // The document's properties (date, outlet, …), one column per key any exported document has.
    ...properties.map((k) => `property.${k}`),
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
  /** The annotator's status of the document ('' for the reviewed layer). */
  state?: string
  /** The annotator's memo on the document. */
  memo?: string
  /** Replies to the layer's annotations, by annotation id, in time order. */
  threads?: ReadonlyMap<string, readonly Reply[]>
  /** The document's properties (date, outlet, …), for the property.<key> columns. */
  properties?: Readonly<Record<string, string>>
}

/** The rows of one layer, in text order (start, then end, then id). */
export function csvRows(labels: LabelSchema, layer: LayerRows, properties: readonly string[] = []): Cell[][] {
  return Array.from(csvRowsOf(labels, layer, properties))
}

/** The same rows, each made as it is asked for (an export writes a row before it makes the next). */
export function* csvRowsOf(labels: LabelSchema, layer: LayerRows, properties: readonly string[] = []): Generator<Cell[]> {
  const columns = attributeColumns(labels)
  const names = new Map(labels.map((l) => [l.id, l.name]))
  const sourceOf = attributedSources(layer.annotations, layer.links)
  const own = layer.properties ?? {}
  const values = properties.map((k) => (Object.hasOwn(own, k) ? own[k]! : ''))
  const state = layer.state ?? ''
  const memo = layer.memo ?? ''
  for (const a of inTextOrder(layer.annotations)) {
    const source = sourceOf.get(a.id)
    const provenance = a.provenance
    const row: Cell[] = [
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
      names.get(a.label) ?? a.label,
    ]
    for (const c of columns) row.push(c.label === a.label ? attributeCell(c.def, a.attributes[c.attribute] ?? '') : '')
    row.push(
      source?.id ?? '',
      source?.target.quote.exact ?? '',
      source?.attributes.name ?? '',
      a.note,
      a.created,
      a.modified,
      provenance?.action ?? '',
      provenance?.sources.map((m) => `${m.annotator}:${m.id}`).join(' ') ?? '',
      provenance?.chosen ?? '',
      provenance?.decidedBy ?? '',
      provenance?.decided ?? '',
      state,
      memo,
      threadCell(layer.threads?.get(a.id)),
    )
    for (const v of values) row.push(v)
    yield row
  }
}

/** The workbook's Links sheet: one row per link, with both ends' labels and texts. */
export const LINK_HEADER = [
  'document_id',
  'annotator',
  'link_id',
  'type',
  'from_id',
  'from_label',
  'from_text',
  'to_id',
  'to_label',
  'to_text',
  'author',
  'created',
  // The document's title, as in the spans table; the labels' and the link type's names as the tag
  // set has them now, beside their stable ids (as the spans' label_name).
  'document_title',
  'from_label_name',
  'to_label_name',
  'type_name',
] as const

/** The rows of one layer's links, in the order of the annotations they start from, then by id. */
export function linkRows(tagSet: TagSet, layer: LayerRows): Cell[][] {
  const names = new Map(tagSet.labels.map((l) => [l.id, l.name]))
  const typeName = (type: string) => (type === ATTRIBUTION ? ATTRIBUTION_NAME : (findLinkType(tagSet, type)?.name ?? type))
  const nameOf = (label: string | undefined) => (label === undefined ? '' : (names.get(label) ?? label))
  const byId = new Map(layer.annotations.map((a) => [a.id, a]))
  const rank = new Map(inTextOrder(layer.annotations).map((a, i) => [a.id, i]))
  const sorted = [...layer.links].sort(
    (a, b) => (rank.get(a.from) ?? -1) - (rank.get(b.from) ?? -1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
  return sorted.map((l) => {
    const from = byId.get(l.from)
    const to = byId.get(l.to)
    return [
      layer.documentId,
      layer.annotator,
      l.id,
      l.type,
      l.from,
      from?.label ?? '',
      from?.target.quote.exact ?? '',
      l.to,
      to?.label ?? '',
      to?.target.quote.exact ?? '',
      l.author,
      l.created,
      layer.documentTitle,
      nameOf(from?.label),
      nameOf(to?.label),
      typeName(l.type),
    ]
  })
}

/**
 * The workbook's Documents sheet: the fixed columns, then one `property.<key>` column per document
 * property key used (date, outlet, …), as the statements table names them, then one
 * `status.<annotator>` column per exported annotator.
 */
export function documentHeader(documents: readonly DocumentEntry[], annotators: readonly string[] = []): string[] {
  return [
    'document_id',
    'title',
    'file',
    'sha256',
    'length',
    'imported_from',
    'imported',
    'encoding',
    ...propertyKeys(documents).map((k) => `property.${k}`),
    ...annotators.map((a) => `status.${a}`),
  ]
}

/** One row per document, in project order; `state` gives each annotator's status of a document. */
export function documentRows(
  documents: readonly DocumentEntry[],
  annotators: readonly string[] = [],
  state: (document: string, annotator: string) => string = () => '',
): Cell[][] {
  const keys = propertyKeys(documents)
  return documents.map((d) => [
    d.id,
    d.title,
    d.file,
    d.sha256,
    d.length,
    d.importedFrom,
    d.imported,
    d.encoding ?? '',
    ...keys.map((k) => (d.properties && Object.hasOwn(d.properties, k) ? d.properties[k]! : '')),
    ...annotators.map((a) => state(d.id, a)),
  ])
}

/** The workbook's Memos sheet: every exported annotator's project memo (document_id empty) and memos on documents. */
export const MEMO_HEADER = ['document_id', 'annotator', 'memo', 'modified'] as const

/** Every property key of these documents, in the order first met. */
export function propertyKeys(documents: readonly Pick<DocumentEntry, 'properties'>[]): string[] {
  const keys = new Set<string>()
  for (const d of documents) for (const k of Object.keys(d.properties ?? {})) keys.add(k)
  return [...keys]
}

const FORMULA = /^'*[=+\-@\t\r]/
/** A plain number ("-0.5", "+3", "1e-3"): a spreadsheet reads it as the number, never as a formula. */
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/
/** The first characters FORMULA can match (' = + - @ tab CR), as a table by character code. */
const FORMULA_START = new Uint8Array(128)
for (const code of [0x27, 0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d]) FORMULA_START[code] = 1

/**
 * Make a cell safe to open in a spreadsheet: a cell that starts with = + - @ tab or CR (after any
 * apostrophes) gets one more apostrophe in front, so Excel, LibreOffice and Sheets show it as
 * text instead of running it; a plain number such as -0.5 is left as it is (it runs nothing).
 * `restoreFormulaCell` undoes it exactly.
 */
export function neutralizeFormulaCell(cell: string): string {
  // Only a cell whose first character can start a formula (or the apostrophes before one) is looked at.
  return FORMULA_START[cell.charCodeAt(0)] === 1 && FORMULA.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell
}

/** The inverse of neutralizeFormulaCell: what a script reading a protected export applies. */
export function restoreFormulaCell(cell: string): string {
  return cell.startsWith("'") && FORMULA.test(cell.slice(1)) ? cell.slice(1) : cell
}
