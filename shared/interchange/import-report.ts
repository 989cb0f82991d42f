/** What "Import annotations…" did, per layer. */
export interface AnnotationImportReport {
  layers: {
    from: string
    as: string
    document: string
    title: string
    imported: number
    reanchored: number
    unplaced: { id: string; exact: string; reason: string }[]
    skipped: string | null
    /** Skipped because the layer here has newer work than the import: importing again with "replace" replaces it. */
    skippedNewer?: true
    keptAside: string | null
  }[]
  errors: string[]
  /** What is worth saying that is no problem: replies a JSON Lines or W3C file carries, which are not imported. */
  notes?: string[]
}
