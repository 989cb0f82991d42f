/**
 * The statements table as a table (header and rows) for the CSV, TSV and workbook writers: the
 * "joined" export researchers otherwise build by hand from the spans CSV. Cells are raw; the
 * writer applies shared/csv.ts's formula protection, as it does for every export. Offsets are
 * numbers (code points); an absent value is ''.
 */
import type { Cell } from '../csv'
import type { Statement, StatementSet } from './statements'

/** The fixed columns before the document properties. */
const DOCUMENT_COLUMNS = ['document_id', 'document_title'] as const

/** The columns after the document properties. */
const STATEMENT_COLUMNS = [
  'layer',
  'statement_id',
  'label',
  'start',
  'end',
  'quote',
  'polarity',
  'target',
  'target_key',
  'target_label',
  'source_id',
  'source_text',
  'source_name',
  'source_kind',
  'actor_key',
  'actor_label',
] as const

/** The column of a document property: "property.<key>", such as property.date (a key never clashes with a fixed column). */
export function propertyColumn(key: string): string {
  return `property.${key}`
}

/**
 * The header: document_id, document_title, one property.<key> column per document property key
 * (in the order given), then layer, statement_id, label, start, end, quote, polarity (another
 * option than favor, against and neutral as written), target
 * (as written), target_key, target_label, source_id, source_text, source_name (canonical name),
 * source_kind, actor_key, actor_label.
 */
export function statementsHeader(propertyKeys: readonly string[]): string[] {
  return [...DOCUMENT_COLUMNS, ...propertyKeys.map(propertyColumn), ...STATEMENT_COLUMNS]
}

/** The table of a statement set, or of some of its statements (a filtered subset) in the order given. */
export function statementsTable(
  set: StatementSet,
  statements: readonly Statement[] = set.statements,
): { header: string[]; rows: Cell[][] } {
  const actorLabel = new Map(set.actors.map((a) => [a.key, a.label]))
  const targetLabel = new Map(set.targets.map((t) => [t.key, t.label]))
  const keys = set.propertyKeys
  const rows = statements.map((s): Cell[] => [
    s.documentId,
    s.documentTitle,
    ...keys.map((k) => (Object.hasOwn(s.properties, k) ? s.properties[k]! : '')),
    s.layer,
    s.id,
    s.label,
    s.start,
    s.end,
    s.quote,
    // Favor, against or neutral; another option (say "mixed", counted as unset) as written.
    s.polarity ?? s.otherPolarity,
    s.target,
    s.targetKey ?? '',
    s.targetKey === null ? '' : (targetLabel.get(s.targetKey) ?? ''),
    s.source?.id ?? '',
    s.source?.text ?? '',
    s.source?.name ?? '',
    s.source?.kind ?? '',
    s.actorKey ?? '',
    s.actorKey === null ? '' : (actorLabel.get(s.actorKey) ?? ''),
  ])
  return { header: statementsHeader(keys), rows }
}
