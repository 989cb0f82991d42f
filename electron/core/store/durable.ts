/**
 * Durable file writes. A write goes to a temporary file beside the target, is fsynced, renamed
 * over the target, and the folder is fsynced, so after a crash or power cut the file holds either
 * the old or the new content, never a mix or zeros. A file that cannot be read is moved aside
 * (renamed, never deleted) so nothing a user made is lost.
 */
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/**
 * Faults to inject at the disk's edge, for tests that prove a failing disk loses nothing: when
 * `write` returns an error for a path, the durable write of that path writes part of its data
 * and fails with it (as ENOSPC does when a disk fills up midway). Null in normal use.
 */
export const diskFaults: { write: ((path: string) => NodeJS.ErrnoException | null) | null } = { write: null }

/** What a durable write writes: all at once, or in pieces as they are made. */
export type FileData = string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>

/** fsync a folder so a rename in it survives a crash (a no-op where the OS does not allow it). */
export async function fsyncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined
  try {
    handle = await fs.open(dir, 'r')
    await handle.sync()
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw e
  } finally {
    await handle?.close()
  }
}

/**
 * Create `dir` and any missing folders above it, flushing each new folder's entry in its parent:
 * a folder made for a file (a new annotator's) must survive a power cut as the file does.
 */
export async function makeFolderDurable(dir: string): Promise<void> {
  const first = await fs.mkdir(dir, { recursive: true })
  if (first === undefined) return
  for (let d = dir; ; d = dirname(d)) {
    await fsyncDir(dirname(d))
    if (d === first || dirname(d) === d) break
  }
}

/** Write `data` to `path` atomically and durably, creating the folder (durably) if needed. */
export async function writeFileDurable(path: string, data: FileData): Promise<void> {
  const dir = dirname(path)
  await makeFolderDurable(dir)
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await fs.open(tmp, 'wx', 0o644)
  try {
    const fault = diskFaults.write?.(path)
    if (typeof data === 'string' || data instanceof Uint8Array) {
      if (fault) {
        // As a disk that fills up midway: part of the data is written, then the write fails.
        await handle.writeFile(typeof data === 'string' ? data.slice(0, data.length >> 1) : data.subarray(0, data.length >> 1))
        throw fault
      }
      await handle.writeFile(data)
    } else {
      // Each piece is written while the next one is made, so the disk and the processor work at
      // once; one write is in flight at a time, and it is always finished before the file is closed.
      // A piece of text is encoded into one buffer, used again for every piece (it is free again
      // once the write before has finished), not into a new one each time: a sixth less for a
      // large export.
      let writing: Promise<void> = Promise.resolve()
      let buffer: Buffer | null = null
      try {
        for await (const piece of data) {
          await writing
          let bytes: Uint8Array
          if (typeof piece === 'string') {
            // At most 3 bytes of UTF-8 for each UTF-16 unit.
            const most = piece.length * 3
            if (!buffer || buffer.length < most) buffer = Buffer.allocUnsafe(Math.max(most, 1 << 20))
            bytes = buffer.subarray(0, buffer.write(piece))
          } else bytes = piece
          // writeFile on an open handle writes the whole piece at the current position.
          writing = handle.writeFile(bytes)
          // Seen when awaited (before the next piece, or below); not an unhandled rejection meanwhile.
          writing.catch(() => undefined)
          if (fault) {
            await writing
            throw fault
          }
        }
        await writing
      } finally {
        await writing.catch(() => undefined)
      }
    }
    await handle.sync()
  } catch (e) {
    await handle.close()
    await fs.rm(tmp, { force: true })
    throw e
  }
  await handle.close()
  try {
    await fs.rename(tmp, path)
  } catch (e) {
    await fs.rm(tmp, { force: true })
    throw e
  }
  await fsyncDir(dir)
}

/**
 * Rename an unreadable file to `<name>.unreadable-<time>` beside it and return the new path.
 * The content is kept byte for byte for the user (or a later restore) to look at.
 */
export async function moveAside(path: string, when = new Date()): Promise<string> {
  const stamp = when.toISOString().replace(/[:.]/g, '-')
  const aside = `${path}.unreadable-${stamp}`
  await fs.rename(path, aside)
  await fsyncDir(dirname(path))
  return aside
}

/** Names of temporary files Marginalia writes (and removes, unless it is killed in between). */
const LEFTOVER = /^\..+\.[0-9a-f]{12}\.tmp$|^.+\.json\.[0-9a-f]{12}\.tmp$|^\..+\.lock\.stale-[0-9a-f]{12}$/

/**
 * Remove temporary files a killed Marginalia left in `dir` (not in its subfolders), once they are
 * older than `olderThanMs` — younger ones may belong to another process writing right now. They
 * never hold anything that is not also in the file they were for. Best effort.
 */
export async function sweepLeftovers(dir: string, olderThanMs = 10 * 60_000): Promise<void> {
  let names: string[]
  try {
    names = await fs.readdir(dir)
  } catch {
    return
  }
  for (const name of names) {
    if (!LEFTOVER.test(name)) continue
    const path = join(dir, name)
    try {
      if (Date.now() - (await fs.stat(path)).mtimeMs > olderThanMs) await fs.rm(path, { force: true })
    } catch {
      // gone already, or not ours to remove
    }
  }
}

/** Whether something exists at `path`. */
export async function fileExists(path: string): Promise<boolean> {
  try {
    await fs.access(path)
    return true
  } catch {
    return false
  }
}

/**
 * One sentence for a save that failed: `what` ("Your change") was not saved, why in the user's
 * words (a full disk, a read-only folder), and what to do. What was saved before is unchanged,
 * because every write goes to a temporary file first.
 */
export function saveFailedSentence(what: string, e: unknown, folder: string): string {
  const code = (e as NodeJS.ErrnoException).code
  const kept = 'what was saved before is unchanged'
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return `${what} was not saved because the disk holding ${folder} is full; free some space and try again (${kept}).`
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    const why = code === 'EROFS' ? 'is on a read-only disk' : 'is read-only for Marginalia (permission denied)'
    return `${what} was not saved because ${folder} ${why}; make it writable or copy the project to a folder you can write to, and try again (${kept}).`
  }
  if (code === 'EIO')
    return `${what} was not saved because the disk holding ${folder} reported an error; check the disk and try again (${kept}).`
  if (code === 'ENOTDIR' || code === 'EEXIST' || code === 'EISDIR')
    return `${what} was not saved because something on that path is a file where a folder is needed, or a folder where a file is needed; pick another place (${kept}).`
  if (code === 'ENOENT')
    return `${what} was not saved because ${folder} does not exist or cannot hold new files; pick another place (${kept}).`
  return `${what} was not saved (${(e as Error).message.slice(0, 300)}); check the disk and try again (${kept}).`
}
