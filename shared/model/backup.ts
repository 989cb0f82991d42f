/**
 * The kept versions of a project's files (docs/format.md#backups), as the core lists them and the
 * Backups dialog shows them.
 */

/** One kept version of a file (docs/format.md#backups). */
export interface BackupInfo {
  id: string
  /**
   * latest: what Marginalia last saved; snapshot: an earlier version; original: before a format
   * migration; pinned: the last good version of a file found damaged, kept until restored or
   * dismissed (backups.unpin); imported: a text as it was imported.
   */
  kind: 'latest' | 'snapshot' | 'original' | 'pinned' | 'imported'
  /** When this version was saved (ISO 8601). */
  saved: string
  bytes: number
  /** What it holds ("12 annotations, 3 links"), or one sentence on why it cannot be restored. */
  summary: string
  restorable: boolean
  /** For a pinned copy: when the file was found damaged, and the name the damaged file was kept under (null once it is gone). */
  pinned: { found: string; keptAs: string | null } | null
}
