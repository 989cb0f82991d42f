/**
 * lowdb stores on durable files, safe with other writers. The adapter reads and validates a JSON
 * file against a zod schema (migrating older format versions), and changes it only through
 * `update`: under an exclusive lock (file-lock.ts) it re-reads the file, takes in what someone else
 * wrote since we last read or wrote it (another window, a sync tool), applies the change on top,
 * keeps the replaced version as a backup (backups.ts) and writes durably (durable.ts). So no
 * writer's change is lost, and a half-written file from another program is never taken in.
 *
 * A file that does not parse or validate is moved aside, never overwritten, and the caller gets
 * one sentence to show the user — unless it changed in the last seconds, when another program is
 * probably still writing it: then reading waits a little, and a save is refused ('conflict').
 *
 * What lowdb does here: a store is a `Low` (its `data`, read with `db.read()` through this adapter,
 * which lowdb's Adapter interface lets us write); lowdb's own `write`/`update` would write what is in
 * memory, so changes go through the adapter's `update`, which builds on what is on disk instead.
 */
import { promises as fs } from 'node:fs'
import { basename } from 'node:path'
import { Low, type Adapter } from 'lowdb'
import type { z } from 'zod'
import { DomainError } from '../../../shared/errors'
import type { StoreBackups } from './backups'
import { moveAside, writeFileDurable } from './durable'
import { withFileLock } from './file-lock'
import { SkippedFileError, readRegularFileOrNull, readRegularText, regularFileHolds } from './regular-file'
import { storeBytes, type ListLayout } from './store-bytes'

/** A file changed less than this long ago may still be being written by another program. */
const SETTLE_MS = 1000
/** How long opening waits for such a file to become readable. */
const SETTLE_WAIT_MS = 1500

export interface StoreOptions {
  /** What the file is, as the start of a sentence ("The file of maria’s annotations on “Talks”"). */
  describe: string
  /** The format version this Marginalia writes; newer files are refused, never changed. */
  version: number
  /** Turn an older format's JSON into the current one; without it, older files are invalid. */
  migrate?: (json: unknown, version: number) => Promise<unknown>
  /** Where replaced versions are kept; none for files outside a project (settings). */
  backups?: StoreBackups | null
  /** An unreadable file found when opening: set aside and start anew (stores), or refuse (project.json). */
  onUnreadable?: 'set-aside' | 'refuse'
  /** The folder the user chose (the project): the file is read only if it is a regular file inside it. */
  within?: string | null
  /**
   * Whether a version of the file holds work (annotations, a memo): a file found gone whose last
   * saved version holds none is started anew unsaid. Without it, any saved version counts.
   */
  holdsWork?: (data: unknown) => boolean
  /** How the top-level lists are written: indented (default), or each element on one line (a layer's annotations). */
  lists?: ListLayout
}

/** The largest JSON file Marginalia reads (a 10,000-annotation store is about 5 MB). */
export const MAX_JSON_BYTES = 256 * 1024 * 1024

/** Thrown by `read` in 'refuse' mode: the file is there but cannot be used. */
export class UnreadableFileError extends Error {
  constructor(
    readonly path: string,
    /** "is not valid JSON", "does not have the expected structure (…)" */
    readonly problem: string,
  ) {
    super(`${path} ${problem}`)
    this.name = 'UnreadableFileError'
  }
}

type Parsed<T> = { data: T; migratedFrom: number | null } | { problem: string }

/** What `update` did. */
export interface UpdateResult<T> {
  data: T
  /** Someone else had changed the file since we last read or wrote it; their version was the base. */
  changedOnDisk: boolean
  /** The file on disk was damaged: it was set aside (this sentence says where) and the change saved in a new one. */
  setAside: string | null
}

/** What a store's file is checked against: a zod schema, or anything with its safeParse (StoreFileReader). */
export interface StoreSchema<T> {
  safeParse(json: unknown): z.ZodSafeParseResult<T>
}

/** Adapter for lowdb: validated reads, locked compare-and-swap updates, backups, durable writes. */
export class DurableJsonFile<T> implements Adapter<T> {
  /** Set after a read that found an unreadable file: what happened, for the user. */
  notice: string | null = null
  /** The data as last read or written by us (what `update` builds on). */
  current: T | null = null
  /** Called with the data whenever it changes (the Low store mirrors it). */
  mirror: (data: T) => void = () => undefined
  private queue: Promise<unknown> = Promise.resolve()
  private pending = 0
  /** Counts our saves, so a read that overlapped one can tell. */
  private generation = 0
  /**
   * The file's bytes as last read or written by us, to tell others' changes from our own. Bytes,
   * not text: a file found unchanged is compared without decoding it (for a store of 50,000
   * annotations, 32 MB, the comparison takes milliseconds and the decoding ~100 ms).
   */
  private last: Buffer | null = null
  /**
   * The file's identity, size and times, taken just before a read that found `last` in it; null
   * after our own writes and before the first such read. While they stay the same, and the file
   * was last changed well before they were taken, the file still holds `last` (see unchangedSince).
   */
  private seen: FileStamp | null = null
  /** How many times the whole file was read to see whether someone else changed it. */
  checkedReads = 0
  /**
   * Someone else's version was taken in by a read (a review, a decision) since the watch on the
   * folder last asked (`takeUnannounced`): the change still has to be announced to the windows.
   */
  private unannounced = false
  /** An older-format original read from disk, kept as a backup before its first rewrite. */
  private original: { bytes: Buffer; version: number } | null = null

  constructor(
    readonly path: string,
    private readonly schema: StoreSchema<T>,
    private readonly options: StoreOptions,
  ) {}

  get describe(): string {
    return this.options.describe
  }

  /** Read the file when opening it: null if there is none (or it was set aside). */
  async read(): Promise<T | null> {
    const started = Date.now()
    for (;;) {
      const stat = await statOf(this.path)
      const disk = await this.readDisk()
      if (disk === null) {
        await this.noteIfGone()
        return null
      }
      const bytes = 'bytes' in disk ? disk.bytes : null
      const parsed = bytes === null ? { problem: (disk as { problem: string }).problem } : await this.parse(bytes)
      if ('data' in parsed && bytes !== null) {
        this.accept(bytes, parsed)
        this.seen = stat
        return parsed.data
      }
      if (bytes !== null && (await changedRecently(this.path))) {
        if (Date.now() - started < SETTLE_WAIT_MS) {
          await new Promise((r) => setTimeout(r, 100))
          continue
        }
        throw new DomainError(
          'conflict',
          `${this.options.describe} is being changed by another program right now; try again in a moment.`,
          'soon',
        )
      }
      const problem = (parsed as { problem: string }).problem
      if (this.options.onUnreadable === 'refuse') throw new UnreadableFileError(this.path, problem)
      const aside = await this.setAside()
      this.notice = `${this.options.describe} ${problem}; it was kept as ${basename(aside)} and a new one was started.`
      return null
    }
  }

  /**
   * No file where Marginalia saved one (its latest.json backup says it did): deleted or moved
   * outside Marginalia, by a sync tool, a file manager or a checkout. The version saved last is
   * pinned, as a damaged file's last good copy is, so the saves that start the file anew cannot
   * push it out, and `notice` says so. Nothing is said for a file whose last version held no work,
   * nor once the user has said the pinned copy is not needed (there is no latest.json then).
   */
  private async noteIfGone(): Promise<void> {
    const { backups, holdsWork } = this.options
    if (!backups || this.options.onUnreadable === 'refuse') return
    const latest = (await backups.list().catch(() => [])).find((b) => b.kind === 'latest')
    const raw = latest
      ? await readRegularText(latest.path, { maxBytes: MAX_JSON_BYTES, within: this.options.within ?? null }).catch(() => null)
      : null
    if (raw === null) return
    const parsed = await this.parseContent(raw)
    if (!('data' in parsed) || (holdsWork && !holdsWork(parsed.data))) return
    const pin = await backups.pinLastGood(new Date(), async (r) => r === raw || 'data' in (await this.parseContent(r)))
    if (pin)
      this.notice = `${this.options.describe} is not there any more (it was deleted or moved outside Marginalia), so a new one was started.`
  }

  /**
   * After a change on disk: the new content if someone else changed the file, or null when it is
   * ours, unchanged, being written by us, or not (yet) readable — a sync tool may still be writing
   * it; its next change brings the complete file. Never moves anything aside.
   */
  async readIfChangedByOthers(): Promise<T | null> {
    if (this.pending > 0) return null
    // A save that finished while we read may have made what we read old: then it is not taken.
    const generation = this.generation
    const stat = await statOf(this.path)
    if (stat !== null && this.seen !== null && unchangedSince(this.seen, stat)) return null
    this.checkedReads++
    const disk = await this.readDisk(this.last).catch(() => null)
    const ours = disk !== null && 'unchanged' in disk
    const bytes = disk && 'bytes' in disk ? disk.bytes : null
    if (ours && generation === this.generation) this.seen = stat
    if (bytes === null || this.pending > 0 || generation !== this.generation) return null
    let parsed: Parsed<T>
    try {
      parsed = await this.parse(bytes)
    } catch {
      return null
    }
    // Damaged on disk while a good version is open here: noted, for repairIfDamaged (never a newer format's file).
    if (!('data' in parsed) && this.pending === 0 && generation === this.generation) this.damagedOnDisk = true
    if (!('data' in parsed) || this.pending > 0 || generation !== this.generation) return null
    this.accept(bytes, parsed)
    this.seen = stat
    this.mirror(parsed.data)
    this.unannounced = true
    return parsed.data
  }

  /** The file was found damaged on disk by readIfChangedByOthers while a good version is open here. */
  private damagedOnDisk = false

  /**
   * When the file was found damaged on disk since it was read (a sync tool, an editor, a disk
   * fault), do what a save does then, now: keep the damaged file aside, pin its last good copy,
   * write what is open here in its place, and set `notice` to say so. True when it did. A file
   * changed within the last second is left for the next look (it may still be being written).
   */
  async repairIfDamaged(): Promise<boolean> {
    if (!this.damagedOnDisk) return false
    this.damagedOnDisk = false
    if (await changedRecently(this.path)) {
      this.damagedOnDisk = true
      return false
    }
    const result = await this.update((current) => current).catch(() => null)
    return result?.setAside != null
  }

  /**
   * Whether someone else's version was taken in since the last call: whichever read took it in
   * first (the watch's own, or a review's), the watch still announces it once.
   */
  takeUnannounced(): boolean {
    const taken = this.unannounced
    this.unannounced = false
    return taken
  }

  /**
   * Change the file: under the lock, build on what is on disk now (someone else's newer version,
   * or ours), apply `change` (which may throw to refuse; nothing is written then), keep the replaced
   * version as a backup, write durably. Calls are queued, so they apply in order.
   */
  update(change: (current: T) => T, fallback?: T, options: { snapshot?: boolean; always?: boolean } = {}): Promise<UpdateResult<T>> {
    this.pending++
    const run = this.queue.then(() =>
      withFileLock(this.path, () => this.updateLocked(change, fallback, options.snapshot ?? false, options.always ?? false), {
        describe: this.options.describe,
      }),
    )
    this.queue = run.catch(() => undefined).finally(() => this.pending--)
    return run
  }

  /** Replace the whole content (lowdb's write); what someone else wrote meanwhile is kept as a backup. */
  async write(data: T): Promise<void> {
    await this.update(() => data, data, { always: true })
  }

  /** Parse a file's content as this store would (migrating an older format); for listing backups. */
  async parseContent(raw: string): Promise<Parsed<T>> {
    try {
      return await this.parse(raw)
    } catch (e) {
      return { problem: (e as Error).message }
    }
  }

  private async updateLocked(
    change: (current: T) => T,
    fallback: T | undefined,
    snapshot: boolean,
    always: boolean,
  ): Promise<UpdateResult<T>> {
    let base = this.current ?? fallback
    let changedOnDisk = false
    let setAside: string | null = null
    const disk = await this.readDisk(this.last)
    let onDisk = disk === null ? null : 'unchanged' in disk ? this.last : 'bytes' in disk ? disk.bytes : null
    if (disk !== null && !('unchanged' in disk)) {
      const parsed = onDisk === null ? { problem: (disk as { problem: string }).problem } : await this.parse(onDisk)
      if ('data' in parsed && onDisk !== null) {
        this.accept(onDisk, parsed)
        base = parsed.data
        changedOnDisk = true
      } else if (onDisk !== null && (await changedRecently(this.path))) {
        throw new DomainError(
          'conflict',
          `${this.options.describe} is being changed by another program right now; your change was not saved, so try again in a moment.`,
          'soon',
        )
      } else {
        const aside = await this.setAside()
        // What was open here is what this save writes: say so, or "damaged" reads as work lost.
        this.notice = `${this.options.describe} ${(parsed as { problem: string }).problem}; it was kept as ${basename(aside)}, and what was open here was saved in its place.`
        setAside = this.notice
        onDisk = null
      }
    }
    if (base === undefined || base === null) throw new Error(`${this.path} has no data to update`)
    const next = change(base)
    const backups = this.options.backups
    const migrating = this.original !== null && onDisk !== null && onDisk.equals(this.original.bytes)
    // The change gave back what it was given: nothing to save, and the file is left untouched (a
    // colleague's layer that a merge of labels does not concern is not rewritten by it).
    if (next === base && !always && onDisk !== null && setAside === null && !migrating) {
      if (changedOnDisk) this.mirror(next)
      return { data: next, changedOnDisk, setAside }
    }
    // The same bytes go to the file, to the backup and into `last`.
    const json = storeBytes(next, this.options.lists)
    if (migrating && backups) {
      const saved = (await fs.stat(this.path).catch(() => null))?.mtime ?? new Date()
      await backups.keepOriginal(this.original!.bytes, this.original!.version, saved)
    }
    await backups?.beforeSave(migrating ? null : onDisk, snapshot)
    await writeFileDurable(this.path, json)
    this.generation++
    // Our own file's stamp is taken at the next read that finds it, never here: another program
    // could have replaced it between the rename and a look now.
    this.seen = null
    await backups?.afterSave(json)
    this.last = json
    this.original = null
    this.current = next
    this.mirror(next)
    return { data: next, changedOnDisk, setAside }
  }

  /**
   * Move the damaged file aside and pin its last good version among the backups, so the saves
   * that follow (which start a new file) cannot push it out. Returns where the file was kept.
   */
  private async setAside(): Promise<string> {
    const found = new Date()
    const aside = await moveAside(this.path, found)
    await this.options.backups?.pinLastGood(found, async (raw) => 'data' in (await this.parseContent(raw)))
    return aside
  }

  /**
   * The file's content; { problem } when what is there cannot be a store (a pipe, a device, a link
   * leading out of the project, a file far too large: set aside like a damaged file); null when
   * there is none. A file that cannot be read now (permission denied, too slow) is a DomainError.
   */
  private async readDisk(
    unlessHolding: Buffer | null = null,
  ): Promise<{ bytes: Buffer } | { unchanged: true } | { problem: string } | null> {
    const limits = { maxBytes: MAX_JSON_BYTES, within: this.options.within ?? null }
    try {
      // The file as we last read or wrote it is told by comparing it in pieces (nothing the size of
      // the file is made): after every save of ours, and for every look of the folder's watch.
      if (unlessHolding !== null && (await regularFileHolds(this.path, limits, unlessHolding))) return { unchanged: true }
      const bytes = await readRegularFileOrNull(this.path, limits)
      if (bytes === null) return null
      // Read again, the file may have come back to what we wrote (a program rewriting it in place).
      return unlessHolding !== null && bytes.equals(unlessHolding) ? { unchanged: true } : { bytes }
    } catch (e) {
      if (!(e instanceof SkippedFileError)) throw e
      if (e.reason === 'unreadable' || e.reason === 'too-slow') {
        throw new DomainError('failed', `${this.options.describe} ${e.why}; check the file and try again.`)
      }
      return { problem: e.why }
    }
  }

  private accept(bytes: Buffer, parsed: { data: T; migratedFrom: number | null }) {
    this.last = bytes
    this.current = parsed.data
    if (parsed.migratedFrom !== null) this.original = { bytes, version: parsed.migratedFrom }
  }

  private async parse(content: string | Buffer): Promise<Parsed<T>> {
    const raw = typeof content === 'string' ? content : content.toString('utf8')
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch {
      return { problem: raw.length === 0 ? 'is empty' : 'is not valid JSON' }
    }
    const version = (json as { version?: unknown } | null)?.version
    if (typeof version === 'number' && version > this.options.version) {
      throw new DomainError(
        'conflict',
        `${this.options.describe} was written by a newer Marginalia (format version ${version}); update Marginalia to open it (the file was left as it is).`,
      )
    }
    let migratedFrom: number | null = null
    if (typeof version === 'number' && version < this.options.version && this.options.migrate) {
      try {
        json = await this.options.migrate(json, version)
        migratedFrom = version
      } catch (e) {
        // The conversion needs something that is not there now (a damaged text): say that, move nothing.
        if (e instanceof DomainError) throw e
        return { problem: `is in an older format (version ${version}) that could not be converted (${(e as Error).message})` }
      }
    }
    const result = this.schema.safeParse(json)
    if (!result.success) {
      const issue = result.error.issues[0]
      const where = issue ? ` (${issue.path.join('.') || 'top level'}: ${issue.message})` : ''
      return { problem: `does not have the expected structure${where}` }
    }
    return { data: result.data, migratedFrom }
  }
}

/** What a look at a file (stat) says of it: which file it is, its size and times (ns), and when we looked. */
interface FileStamp {
  dev: bigint
  ino: bigint
  size: bigint
  mtimeNs: bigint
  ctimeNs: bigint
  lookedNs: bigint
}

/**
 * A file changed within this long before we looked may change again without its times moving
 * (file systems keep times in ticks of milliseconds to two seconds): its content must be read.
 */
const RACY_NS = 2_000_000_000n

async function statOf(path: string): Promise<FileStamp | null> {
  const lookedNs = BigInt(Date.now()) * 1_000_000n
  try {
    const s = await fs.stat(path, { bigint: true })
    return s.isFile() ? { dev: s.dev, ino: s.ino, size: s.size, mtimeNs: s.mtimeNs, ctimeNs: s.ctimeNs, lookedNs } : null
  } catch {
    return null
  }
}

/**
 * Whether a file is surely as it was at an earlier look: the same file (device and inode: every
 * durable write renames a new file into place), size and modification and change times, and
 * its last change at least RACY_NS before that look, so a change after it would have moved its
 * times (the rule git uses for its index: a file changed in the same tick as the look is "racy"
 * and read again).
 */
function unchangedSince(earlier: FileStamp, now: FileStamp): boolean {
  return (
    earlier.dev === now.dev &&
    earlier.ino === now.ino &&
    earlier.size === now.size &&
    earlier.mtimeNs === now.mtimeNs &&
    earlier.ctimeNs === now.ctimeNs &&
    earlier.lookedNs - earlier.ctimeNs >= RACY_NS &&
    earlier.lookedNs - earlier.mtimeNs >= RACY_NS
  )
}

async function changedRecently(path: string): Promise<boolean> {
  try {
    return Date.now() - (await fs.stat(path)).mtimeMs < SETTLE_MS
  } catch {
    return false
  }
}

/** Open a lowdb store on a durable JSON file; `notice` is set if an unreadable file was set aside. */
export async function openJsonStore<T>(
  path: string,
  schema: StoreSchema<T>,
  defaultData: T,
  options: StoreOptions,
): Promise<{ db: Low<T>; adapter: DurableJsonFile<T>; notice: string | null; existed: boolean }> {
  const adapter = new DurableJsonFile(path, schema, options)
  const db = new Low<T>(adapter, defaultData)
  await db.read()
  adapter.current = db.data
  adapter.mirror = (d) => (db.data = d)
  return { db, adapter, notice: adapter.notice, existed: db.data !== defaultData }
}
