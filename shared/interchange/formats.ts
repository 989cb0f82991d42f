/** Every export format (docs/formats.md): the tables, the interchange formats and the project archive. */
import { z } from 'zod'

export const ExportFormat = z.enum(['csv', 'tsv', 'xlsx', 'jsonl', 'w3c', 'brat', 'zip'])
export type ExportFormat = z.infer<typeof ExportFormat>

/** What a CSV or TSV export holds: one row per annotation ('spans') or one per link ('links'). */
export const ExportTable = z.enum(['spans', 'links'])
export type ExportTable = z.infer<typeof ExportTable>
