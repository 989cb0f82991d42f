/**
 * The stored texts, texts/<document>.txt: written once at import and never changed, because every
 * offset refers to them. So each read is checked against the sha256 project.json records: a text
 * that differs (truncated, zero-filled, edited) or cannot be read is reported in one sentence, and
 * its document is read-only until the text is put back. A copy of each text is kept among the
 * backups, `.marginalia/backups/texts/<document>/imported.txt`, written at import (and for older
 * projects the first time the text is read intact), so Backups… can restore a damaged text.
 */
import { createHash, randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import type { BackupInfo } from '../../../shared/model/backup'
import { DomainError } from '../../../shared/errors'
import type { DocumentEntry } from '../../../shared/model/project'
import { WORK_FOLDER } from '../store/backups'
import { fileExists, moveAside, saveFailedSentence, writeFileDurable } from '../store/durable'
import { SkippedFileError, readRegularFile } from '../store/regular-file'

/** The largest text Marginalia reads (JavaScript cannot hold a much longer string). */
export const MAX_TEXT_BYTES = 512 * 1024 * 1024

/** The id of a text's kept copy in backups.list. */
export const TEXT_BACKUP_ID = 'imported.txt'

/** A stored text as read: its content when it is the one imported, else what is wrong with it. */
export type StoredText =
  | { ok: true; text: string; bytes: number; mtimeMs: number }
  | { ok: false; problem: string; why: 'differs' | 'missing' | 'unreadable'; content: string | null }

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Where a document's text is kept among the backups. */
export function textBackupPath(projectDir: string, docId: string): string {
  return join(projectDir, WORK_FOLDER, 'backups', 'texts', docId, TEXT_BACKUP_ID)
}

/**
 * Read a document's stored text and check it against its recorded sha256 (bytes, before decoding:
 * a byte that is not UTF-8 counts). `problem` completes "The text of “Title” (texts/x.txt) …".
 */
export async function readStoredText(projectDir: string, doc: DocumentEntry): Promise<StoredText> {
  const path = join(projectDir, doc.file)
  let bytes: Buffer
  try {
    bytes = await readRegularFile(path, { maxBytes: MAX_TEXT_BYTES, within: projectDir })
  } catch (e) {
    if (!(e instanceof SkippedFileError)) throw e
    const missing = e.reason === 'missing' && e.why === 'does not exist'
    return { ok: false, why: missing ? 'missing' : 'unreadable', problem: missing ? 'is missing' : e.why, content: null }
  }
  if (sha256Of(bytes) !== doc.sha256) {
    const what = bytes.length === 0 ? 'is empty' : 'is not the text that was imported (it was changed or damaged on disk)'
    // What is there is shown as it is (read-only), unless it is far longer than the text was.
    const content = bytes.length <= Math.max(4 * doc.length + 1024, 1024 * 1024) ? bytes.toString('utf8') : null
    return { ok: false, why: 'differs', problem: what, content }
  }
  const stat = await fs.stat(path).catch(() => null)
  return { ok: true, text: bytes.toString('utf8'), bytes: bytes.length, mtimeMs: stat?.mtimeMs ?? 0 }
}

/** The sentence for a document whose text is not usable: what is wrong, which file, what to do. */
export function textProblemSentence(doc: DocumentEntry, problem: string, backedUp: boolean): string {
  const remedy = backedUp
    ? 'restore it with Restore text… (Backups… in the Project menu; your annotations are kept)'
    : 'put the original text back, by importing the original file again or copying texts/ from your own backup (your annotations are kept)'
  return `The text of “${doc.title}” (${doc.file}) ${problem}, so the document is read-only; ${remedy}.`
}

/**
 * Keep a copy of an intact text among the backups, unless one of the same size is there. Best
 * effort and not fsynced, like the other backups: it never stops an import or an open.
 */
export async function keepTextBackup(projectDir: string, docId: string, text: string, bytes = Buffer.byteLength(text)): Promise<void> {
  const path = textBackupPath(projectDir, docId)
  try {
    const stat = await fs.lstat(path).catch(() => null)
    if (stat?.isFile() && stat.size === bytes) return
    await fs.mkdir(join(path, '..'), { recursive: true })
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`
    await fs.writeFile(tmp, text)
    await fs.rename(tmp, path)
  } catch {
    // No copy this time (a read-only or full disk); the next intact read tries again.
  }
}

/** The kept copy of a document's text, as backups.list shows it. */
export async function listTextBackups(projectDir: string, doc: DocumentEntry): Promise<BackupInfo[]> {
  const path = textBackupPath(projectDir, doc.id)
  if (!(await fileExists(path))) return []
  const stat = await fs.stat(path)
  let summary: string
  let restorable = false
  try {
    const bytes = await readRegularFile(path, { maxBytes: MAX_TEXT_BYTES, within: projectDir })
    restorable = sha256Of(bytes) === doc.sha256
    summary = restorable
      ? `The text as imported, ${doc.length.toLocaleString('en')} characters.`
      : 'This copy is not the text that was imported either, so it cannot be restored.'
  } catch (e) {
    summary = `This copy ${e instanceof SkippedFileError ? e.why : 'cannot be read'}, so it cannot be restored.`
  }
  return [{ id: TEXT_BACKUP_ID, kind: 'imported', saved: stat.mtime.toISOString(), bytes: stat.size, summary, restorable, pinned: null }]
}

/**
 * Put a document's text back from its kept copy (checked against the sha256 first). The file it
 * replaces, if any, is kept beside it as `.unreadable-<time>`.
 */
export async function restoreText(
  projectDir: string,
  doc: DocumentEntry,
  id: string,
): Promise<{ restored: BackupInfo; notice: string | null }> {
  const [backup] = await listTextBackups(projectDir, doc)
  if (!backup || id !== TEXT_BACKUP_ID)
    throw new DomainError(
      'not-found',
      `There is no kept copy "${id}" of this text; put the original text back by importing the original file again.`,
    )
  if (!backup.restorable) throw new DomainError('invalid', `${backup.summary.replace(/^This copy/, 'The kept copy of this text')}`)
  const bytes = await readRegularFile(textBackupPath(projectDir, doc.id), { maxBytes: MAX_TEXT_BYTES, within: projectDir })
  return { restored: backup, notice: await putTextBack(projectDir, doc, bytes) }
}

/**
 * Write `bytes` (already checked to be the imported text) as the document's stored text, keeping
 * whatever is there now aside. Returns a sentence naming the kept file, or null.
 */
export async function putTextBack(projectDir: string, doc: DocumentEntry, bytes: Uint8Array): Promise<string | null> {
  if (sha256Of(bytes) !== doc.sha256) throw new Error(`not the text of ${doc.id}`)
  const path = join(projectDir, doc.file)
  try {
    let aside: string | null = null
    if (
      await fs.lstat(path).then(
        () => true,
        () => false,
      )
    )
      aside = await moveAside(path)
    await writeFileDurable(path, bytes)
    return aside ? `The damaged text was kept as ${aside.slice(join(projectDir, 'texts').length + 1)}.` : null
  } catch (e) {
    throw new DomainError('failed', saveFailedSentence(`The text of “${doc.title}”`, e, join(projectDir, 'texts')))
  }
}
