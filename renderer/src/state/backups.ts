/**
 * Words for the kept versions of a file (docs/format.md#backups) and for saves refused because
 * the file was busy: pure functions, so the dialog, the welcome screen and the save queue say the
 * same thing the same way.
 */
import { ApiError, type BackupInfo, type StoreRef } from '../../../shared/api'

/** The kind of a backup in the user's words. */
export function backupKindLabel(kind: BackupInfo['kind']): string {
  const labels: Record<BackupInfo['kind'], string> = {
    latest: 'Last saved',
    snapshot: 'Earlier version',
    original: 'Before format upgrade',
    pinned: 'Pinned: last good copy',
    imported: 'As imported',
  }
  return labels[kind]
}

/** Why a copy is pinned, in the user's local time: "Kept since …, when the file was found damaged (kept as …), until …". */
export function pinnedReason(backup: BackupInfo, locale?: string): string | null {
  if (!backup.pinned) return null
  const kept = backup.pinned.keptAs ? ` (the damaged file was kept as ${backup.pinned.keptAs})` : ''
  return `Kept since ${backupTime(backup.pinned.found, locale)}, when the file was found damaged${kept}, until you restore it or say it is not needed.`
}

/** The newest pinned copy among backups (backups.list lists newest first), if any. */
export function firstPinned(backups: readonly BackupInfo[]): BackupInfo | null {
  return backups.find((b) => b.kind === 'pinned') ?? null
}

/** When a backup was saved, in the user's local time ("21 Nov 2026, 11:00:00"). */
export function backupTime(saved: string, locale?: string): string {
  const date = new Date(saved)
  if (Number.isNaN(date.getTime())) return saved
  return date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'medium' })
}

/** A file size for people ("812 bytes", "3.4 KB", "1.2 MB"). */
export function byteSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} byte${bytes === 1 ? '' : 's'}`
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`
  return `${(bytes / 1_000_000).toFixed(1)} MB`
}

/** The newest backup that can be put back, if any (backups.list lists newest first). */
export function firstRestorable(backups: readonly BackupInfo[]): BackupInfo | null {
  return backups.find((b) => b.restorable) ?? null
}

/** What a file is, for a dialog's section heading. */
export function storeTitle(store: StoreRef, annotator?: string): string {
  if (store.store === 'project') return 'Project settings (project.json)'
  if (store.store === 'reviewed') return 'Reviewed layer of this document'
  if (store.store === 'text') return 'The text of this document'
  return annotator && store.annotator === annotator
    ? 'Your annotations on this document'
    : `${store.annotator}’s annotations on this document`
}

/** How long to wait before sending again a save refused because the file was busy. */
export const CONFLICT_RETRY_MS = 2500

/**
 * How soon a failed save may be sent again by itself: only a conflict whose sentence says to try
 * again in a moment (the file was being saved by someone else); never one about a newer
 * Marginalia, which only updating fixes.
 */
export function autoRetryDelay(error: unknown): number | null {
  if (!isConflict(error)) return null
  const message = (error as ApiError).message.trim().replace(/[.!]$/, '')
  if (/newer Marginalia/i.test(message)) return null
  return /try again in a moment$/i.test(message) ? CONFLICT_RETRY_MS : null
}

/** True for the host's 'conflict' errors: the change is kept and can be sent again. */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'conflict'
}
