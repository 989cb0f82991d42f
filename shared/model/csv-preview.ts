/** A CSV file's columns and first rows, so the user can pick the text, title and id columns. */
export interface CsvPreview {
  columns: string[]
  rows: number
  sample: Record<string, string>[]
  encoding: string
  delimiter: string
  suggested: { text: string; title: string | null; id: string | null }
}
