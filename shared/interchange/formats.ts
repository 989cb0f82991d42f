/** Every export format (docs/formats.md): the tables, the interchange formats and the project archive. */
import { z } from 'zod'

export const ExportFormat = z.enum(['csv', 'tsv', 'xlsx', 'jsonl', 'w3c', 'brat', 'zip'])
export type ExportFormat = z.infer<typeof ExportFormat>
