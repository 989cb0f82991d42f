/** A CSV file's columns and first rows, so the user can pick the text, title and id columns. */
export interface CsvPreview {
  columns: string[]
  rows: number
  /** For each column, how many rows have something in it (not only white space): the documents it would make as the text column. */
  filled: Record<string, number>
  sample: Record<string, string>[]
  encoding: string
  delimiter: string
  suggested: { text: string; title: string | null; id: string | null }
}
