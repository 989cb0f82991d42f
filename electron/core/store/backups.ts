/**
 * Rolling backups of a project's JSON files, so a file that is found damaged (a disk error, a
 * sync tool's or an editor's partial write) can be restored to its last good version. They live
 * inside the project, under `.marginalia/backups/<the file's path without .json>/`:
 *
 *   latest.json                 a copy of what Marginalia last saved to the file
 *   <time>.json                 a snapshot: an earlier latest.json, at most one every
 *                               `snapshotEveryMs` of saving; the newest `maxSnapshots` within
 *                               `maxSnapshotBytes` are kept, older ones deleted
 *   <time>.v<N>.json            the original of a file Marginalia migrated from format version N
 *   pinned-<time>.json          the last good version of a file that was found damaged at <time>:
 *                               kept (never pruned, never replaced) until the user restores it or
 *                               says it is not needed; then it becomes a snapshot like the others
 *
 * <time> is when that version was saved (2026-11-21T10-00-00-000Z). latest.json is a separate file
 * (not a link), so damage done to the file in place does not reach it. It is written after each
 * save without fsync: one more small write, whatever the size of the project. After a power cut
 * the file itself is intact (durable.ts); a backup may be a version behind or unreadable, which
 * listing says.
 */
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import { DomainError } from '../../../shared/errors'
import { fsyncDir, sweepLeftovers, writeFileDurable } from './durable'
import { readRegularText } from './regular-file'

/** How many backups are kept. */
export interface BackupPolicy {
  snapshotEveryMs: number
  maxSnapshots: number
  maxSnapshotBytes: number
}

export const DEFAULT_BACKUP_POLICY: BackupPolicy = {
  snapshotEveryMs: 10 * 60_000,
  maxSnapshots: 10,
  maxSnapshotBytes: 20 * 1024 * 1024,
}

/** The largest backup Marginalia reads back. */
export const MAX_BACKUP_BYTES = 256 * 1024 * 1024

/** The folder inside a project that holds Marginalia's own working files. */
export const WORK_FOLDER = '.marginalia'

export type BackupKind = 'latest' | 'snapshot' | 'original' | 'pinned'

export interface BackupFile {
  /** The file's name in the store's backup folder; what restore is given. */
  id: string
  kind: BackupKind
  /** When this version was saved. */
  saved: Date
  bytes: number
  path: string
  /** For an original: the format version it was written in. */
  version: number | null
  /** For a pinned copy: when the file was found damaged. */
  found: Date | null
}

const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/
/** The names a backup can have; anything else in the folder is not a backup. */
export const BACKUP_NAME =
  /^(?:latest|(?:pinned-)?\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z|\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.v\d{1,3})\.json$/

/** A time as it appears in backup names. */
export function stampOf(time: Date): string {
  return time.toISOString().replace(/[:.]/g, '-')
}

function timeOf(stamp: string): Date | null {
  const m = STAMP.exec(stamp)
  return m ? new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`) : null
}

/** The backups of one file of a project. */
export class StoreBackups {
  private newestSnapshot: number | null = null
  private folderMade = false

  constructor(
    /** The file's backup folder. */
    readonly dir: string,
    private readonly policy: BackupPolicy = DEFAULT_BACKUP_POLICY,
  ) {}

  /** The backups of the file at `relPath` (relative to the project folder, ending in .json). */
  static of(projectDir: string, relPath: string, policy?: BackupPolicy): StoreBackups {
    return new StoreBackups(join(projectDir, WORK_FOLDER, 'backups', relPath.replace(/\.json$/, '')), policy)
  }

  /**
   * The file is about to be saved over `onDisk` (its current, readable content, or null): when a
   * snapshot is due (or `force`d, before a restore), the latest copy becomes one; a file saved for
   * the first time since backups began is kept as a snapshot first. Best effort: a backup that
   * cannot be made never stops the save.
   */
  async beforeSave(onDisk: string | Uint8Array | null, force = false, now = Date.now()): Promise<void> {
    try {
      if (!this.folderMade) {
        await fs.mkdir(this.dir, { recursive: true })
        await sweepLeftovers(this.dir)
      }
      this.folderMade = true
      const latest = join(this.dir, 'latest.json')
      const stat = await fs.stat(latest).catch(() => null)
      if (!stat) {
        if (onDisk !== null) await writeQuietly(join(this.dir, `${stampOf(new Date(now))}.json`), onDisk)
        this.newestSnapshot = now
        return
      }
      this.newestSnapshot ??= (await this.snapshots())[0]?.saved.getTime() ?? 0
      if (force || now - this.newestSnapshot >= this.policy.snapshotEveryMs) {
        await fs.rename(latest, join(this.dir, `${stampOf(stat.mtime)}.json`))
        this.newestSnapshot = now
        await this.prune()
      }
    } catch {
      // No backup this time (a read-only or full disk); the save goes ahead.
    }
  }

  /** The file was saved with `content`: keep a copy as latest.json. Best effort, like beforeSave. */
  async afterSave(content: string | Uint8Array): Promise<void> {
    await writeQuietly(join(this.dir, 'latest.json'), content).catch(() => {
      this.folderMade = false
    })
  }

  /** Keep the original of a file that is about to be rewritten in a newer format (never pruned). */
  async keepOriginal(raw: string | Uint8Array, version: number, saved: Date): Promise<void> {
    const path = join(this.dir, `${stampOf(saved)}.v${version}.json`)
    try {
      await fs.access(path)
      return
    } catch {
      // not kept yet
    }
    await writeFileDurable(path, raw)
    await fs.utimes(path, saved, saved).catch(() => undefined)
  }

  /** Every backup of the file, newest first (latest.json first of all). */
  async list(): Promise<BackupFile[]> {
    let names: string[]
    try {
      names = await fs.readdir(this.dir)
    } catch {
      return []
    }
    const out: BackupFile[] = []
    for (const id of names) {
      if (!BACKUP_NAME.test(id)) continue
      const path = join(this.dir, id)
      let stat
      try {
        stat = await fs.stat(path)
      } catch {
        continue
      }
      if (!stat.isFile()) continue
      const original = /\.v(\d+)\.json$/.exec(id)
      const pinned = id.startsWith('pinned-')
      const kind: BackupKind = id === 'latest.json' ? 'latest' : pinned ? 'pinned' : original ? 'original' : 'snapshot'
      const saved = kind === 'latest' || kind === 'pinned' ? stat.mtime : (timeOf(id.slice(0, 24)) ?? stat.mtime)
      const found = pinned ? timeOf(id.slice('pinned-'.length, 'pinned-'.length + 24)) : null
      out.push({ id, kind, saved, bytes: stat.size, path, version: original ? Number(original[1]) : null, found })
    }
    // latest.json is what was saved last, whatever the clocks say: a file's time comes from the
    // file system's coarser clock, so a snapshot stamped a moment before may look newer than it.
    return out.sort((a, b) => (a.kind === 'latest' ? -1 : b.kind === 'latest' ? 1 : b.saved.getTime() - a.saved.getTime()))
  }

  /** Whether a last good copy of the file is pinned (it was found damaged, and that is not settled yet). */
  async hasPinned(): Promise<boolean> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[])
    return names.some((id) => id.startsWith('pinned-') && BACKUP_NAME.test(id))
  }

  /** A backup by its id, or null when there is no such backup. */
  async find(id: string): Promise<BackupFile | null> {
    if (!BACKUP_NAME.test(id)) return null
    return (await this.list()).find((b) => b.id === id) ?? null
  }

  /**
   * The file was found damaged at `found` (and set aside): pin its last good version, the newest
   * backup `restorable` accepts, so no later save, rotation or restart replaces it. Nothing new is
   * pinned when the newest good version is pinned already. The pin is made durable (fsynced): it
   * may be the only copy of work saved before the damage. Returns the pin, or null when there is
   * no good version to pin. Never throws: pinning must not stop a save.
   */
  async pinLastGood(found: Date, restorable: (raw: string) => Promise<boolean>): Promise<BackupFile | null> {
    try {
      for (const b of await this.list()) {
        if (b.kind === 'original') continue
        const raw = await readRegularText(b.path, { maxBytes: MAX_BACKUP_BYTES, within: this.dir }).catch(() => null)
        if (raw === null || !(await restorable(raw))) continue
        if (b.kind === 'pinned') return b
        const id = `pinned-${stampOf(found)}.json`
        const path = join(this.dir, id)
        await fs.rename(b.path, path)
        const handle = await fs.open(path, 'r')
        try {
          await handle.sync()
        } finally {
          await handle.close()
        }
        await fsyncDir(this.dir)
        if (b.kind === 'snapshot') this.newestSnapshot = null
        return { ...b, id, kind: 'pinned', path, found }
      }
    } catch {
      // No pin this time (a read-only or full disk): the damaged file is set aside all the same.
    }
    return null
  }

  /** The user says a pinned copy is not needed: it becomes an ordinary snapshot (pruned in time). */
  async unpin(id: string): Promise<void> {
    const pin = await this.find(id)
    if (!pin || pin.kind !== 'pinned')
      throw new DomainError('not-found', `There is no pinned copy "${id}" of this file (any more); list the backups again.`)
    let saved = pin.saved.getTime()
    const names = new Set(await fs.readdir(this.dir))
    while (names.has(`${stampOf(new Date(saved))}.json`)) saved++
    await fs.rename(pin.path, join(this.dir, `${stampOf(new Date(saved))}.json`))
    this.newestSnapshot = null
    await this.prune()
  }

  private async snapshots(): Promise<BackupFile[]> {
    return (await this.list()).filter((b) => b.kind === 'snapshot')
  }

  /** Drop the oldest snapshots beyond the count and size bounds (the newest always stays). */
  private async prune(): Promise<void> {
    const snapshots = await this.snapshots()
    let bytes = 0
    for (const [i, s] of snapshots.entries()) {
      bytes += s.bytes
      if (i > 0 && (i >= this.policy.maxSnapshots || bytes > this.policy.maxSnapshotBytes)) await fs.rm(s.path, { force: true })
    }
  }
}

/** Write a backup atomically (temp file and rename) but without fsync: it must not slow saving. */
async function writeQuietly(path: string, content: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`
  try {
    await fs.writeFile(tmp, content, { flag: 'wx' })
    await fs.rename(tmp, path)
  } catch (e) {
    await fs.rm(tmp, { force: true })
    throw e
  }
}
