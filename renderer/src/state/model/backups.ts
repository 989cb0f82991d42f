/**
 * Words for the kept versions of a file (docs/format.md#backups): pure functions, so the dialog,
 * the banner and the welcome screen say the same thing the same way.
 */
import type { BackupInfo, StoreRef } from '../../../../shared/api'
import { plural } from '../../../../shared/plural'

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

/** Why a copy is pinned, in the user's local time: "Kept since …, when the file was found damaged (kept as …), until …" ("damaged or missing" when no damaged file is kept). */
export function pinnedReason(backup: BackupInfo, locale?: string): string | null {
  if (!backup.pinned) return null
  const kept = backup.pinned.keptAs ? ` (the damaged file was kept as ${backup.pinned.keptAs})` : ''
  return `Kept since ${backupTime(backup.pinned.found, locale)}, when the file was found ${backup.pinned.keptAs ? 'damaged' : 'damaged or missing'}${kept}, until you restore it or say it is not needed.`
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
  if (bytes < 1000) return plural(bytes, 'byte')
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
