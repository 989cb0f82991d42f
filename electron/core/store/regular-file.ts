/**
 * Reading files from places a user chose (a project folder, a colleague's folder, a file to
 * import): only regular files are read. Each path is checked with lstat before it is opened, so a
 * named pipe, a socket or a device is never opened (opening a pipe waits for a writer and holds
 * one of Node's few file-system threads for good; reading /dev/zero never ends). A link is
 * followed only when it resolves to a regular file inside the chosen folder. The file is opened
 * without blocking and checked again on the open handle (what is read is what was checked, even
 * if the path was swapped meanwhile), and read in bounded chunks against a size limit and a
 * deadline. What is refused comes back as a SkippedFileError whose `why` completes the sentence
 * "<file> was skipped because it …".
 */
import { constants, promises as fs, type Stats } from 'node:fs'
import { sep } from 'node:path'

/** Why a file was not read. */
export type SkipReason = 'missing' | 'not-a-file' | 'outside' | 'too-large' | 'too-slow' | 'unreadable'

/** A file that was not read, and why ("is a named pipe (FIFO), not a file"). */
export class SkippedFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: SkipReason,
    /** What is wrong with it, as the end of a sentence about it: "is a device, not a file". */
    readonly why: string,
  ) {
    super(`${path} ${why}`)
    this.name = 'SkippedFileError'
  }
}

export interface ReadLimits {
  /** Files larger than this are not read. */
  maxBytes: number
  /** The folder the user chose: the file (after following links) must be inside it. */
  within?: string | null
  /** Give up on a read that takes longer than this (default 20 s). */
  timeoutMs?: number
}

const CHUNK = 1024 * 1024
const DEFAULT_TIMEOUT_MS = 20_000
/** Open without following a last-component link (we open the resolved path) and without waiting on a pipe. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0)

/** What a thing that is not a regular file is, in words. */
function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)'
  if (stat.isSocket()) return 'a socket'
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device'
  if (stat.isDirectory()) return 'a folder'
  if (stat.isSymbolicLink()) return 'a link'
  return 'not an ordinary file'
}

function megabytes(bytes: number): string {
  return bytes >= 10_000_000 ? `${Math.round(bytes / 1e6)} MB` : `${(bytes / 1e6).toFixed(1)} MB`
}

/** The sentence for an error met while reading, as the end of "<file> …". */
function errnoWhy(e: unknown): { reason: SkipReason; why: string } {
  const code = (e as NodeJS.ErrnoException).code
  if (code === 'ENOENT' || code === 'ENOTDIR') return { reason: 'missing', why: 'does not exist' }
  if (code === 'EACCES' || code === 'EPERM') return { reason: 'unreadable', why: 'may not be read by Marginalia (permission denied)' }
  if (code === 'ELOOP') return { reason: 'not-a-file', why: 'is a link that leads round in a circle' }
  if (code === 'EIO') return { reason: 'unreadable', why: 'could not be read because the disk reported an error' }
  return { reason: 'unreadable', why: `could not be read (${code ?? (e as Error).message})` }
}

function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep)
}

/** Reject with 'too-slow' if `promise` has not settled by `deadline`; `onLate` gets what comes after. */
function beforeDeadline<T>(promise: Promise<T>, deadline: number, path: string, seconds: number, onLate?: (value: T) => void): Promise<T> {
  return new Promise((ok, ko) => {
    let late = false
    const timer = setTimeout(
      () => {
        late = true
        ko(new SkippedFileError(path, 'too-slow', `took longer than ${seconds} s to read, so Marginalia gave up on it`))
      },
      Math.max(0, deadline - Date.now()),
    )
    promise.then(
      (v) => {
        clearTimeout(timer)
        if (late) onLate?.(v)
        else ok(v)
      },
      (e: unknown) => {
        clearTimeout(timer)
        if (!late) ko(e)
      },
    )
  })
}

/**
 * Check that `path` is a regular file Marginalia may read (lstat, then the link's target), and
 * return the path to open and its stat. Throws SkippedFileError otherwise.
 */
export async function checkRegularFile(path: string, limits: ReadLimits): Promise<{ real: string; stat: Stats }> {
  let stat: Stats
  try {
    stat = await fs.lstat(path)
  } catch (e) {
    const { reason, why } = errnoWhy(e)
    throw new SkippedFileError(path, reason, why)
  }
  let real = path
  if (stat.isSymbolicLink() || limits.within) {
    try {
      real = await fs.realpath(path)
    } catch (e) {
      const { reason, why } = errnoWhy(e)
      throw new SkippedFileError(path, reason, reason === 'missing' ? 'is a link to something that does not exist' : why)
    }
    if (limits.within) {
      const root = await fs.realpath(limits.within).catch(() => limits.within!)
      if (!isInside(root, real))
        throw new SkippedFileError(path, 'outside', `is a link to ${real}, outside the folder it was found in (${limits.within})`)
    }
    if (stat.isSymbolicLink()) {
      try {
        stat = await fs.stat(real)
      } catch (e) {
        const { reason, why } = errnoWhy(e)
        throw new SkippedFileError(path, reason, why)
      }
      if (!stat.isFile()) throw new SkippedFileError(path, 'not-a-file', `is a link to ${kindOf(stat)}, not to a file`)
    }
  }
  if (!stat.isFile()) throw new SkippedFileError(path, 'not-a-file', `is ${kindOf(stat)}, not a file`)
  if (stat.size > limits.maxBytes) {
    throw new SkippedFileError(
      path,
      'too-large',
      `is ${megabytes(stat.size)}, more than such a file can be (${megabytes(limits.maxBytes)})`,
    )
  }
  return { real, stat }
}

/** A regular file opened and checked for reading: its size when opened, and reads bounded by the deadline. */
interface CheckedFile {
  size: number
  /** Read the next bytes into `buffer` (from its start); how many were read, 0 at the end. */
  read(buffer: Buffer): Promise<number>
}

/**
 * Open the regular file at `path` (checked as the module comment says) and run `use` on it. What
 * goes wrong becomes a SkippedFileError, and the file is closed afterwards; a read still pending
 * after the deadline keeps the handle, which is closed when that read ends.
 */
async function withRegularFile<T>(path: string, limits: ReadLimits, use: (file: CheckedFile) => Promise<T>): Promise<T> {
  const timeoutMs = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const deadline = Date.now() + timeoutMs
  const seconds = Math.max(1, Math.round(timeoutMs / 1000))
  const { handle, size } = await openChecked(path, limits, deadline, seconds)
  let settled = false
  try {
    const result = await use({
      size,
      read: async (buffer) => (await beforeDeadline(handle.read(buffer, 0, buffer.length, null), deadline, path, seconds)).bytesRead,
    })
    settled = true
    return result
  } catch (e) {
    if (e instanceof SkippedFileError) throw e
    const { reason, why } = errnoWhy(e)
    throw new SkippedFileError(path, reason, why)
  } finally {
    if (settled || Date.now() < deadline) await handle.close().catch(() => undefined)
    else void handle.close().catch(() => undefined)
  }
}

/** The bytes of a regular file (see the module comment); SkippedFileError when it is not read. */
export function readRegularFile(path: string, limits: ReadLimits): Promise<Buffer> {
  return withRegularFile(path, limits, async ({ size, read }) => {
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      // The whole file at once when its size is known (one buffer, nothing to join); one byte more
      // shows whether it grew since; what follows, if it did, comes in pieces.
      const want = Math.min(total === 0 ? size + 1 : CHUNK, limits.maxBytes + 1 - total)
      const buffer = Buffer.allocUnsafe(Math.max(1, want))
      const bytesRead = await read(buffer)
      if (bytesRead === 0) break
      total += bytesRead
      if (total > limits.maxBytes) {
        throw new SkippedFileError(path, 'too-large', `is more than such a file can be (${megabytes(limits.maxBytes)})`)
      }
      chunks.push(buffer.subarray(0, bytesRead))
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total)
  })
}

/**
 * Whether the regular file at `path` holds exactly `expected`: checked and read as readRegularFile
 * reads, but compared piece by piece, so nothing the size of the file is made (a store found as we
 * left it costs a comparison, not a copy). False when nothing is there; otherwise SkippedFileError
 * as readRegularFile.
 */
export async function regularFileHolds(path: string, limits: ReadLimits, expected: Buffer): Promise<boolean> {
  try {
    return await withRegularFile(path, limits, async ({ size, read }) => {
      if (size !== expected.length) return false
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK, size + 1))
      let offset = 0
      for (;;) {
        const bytesRead = await read(buffer)
        if (bytesRead === 0) return offset === expected.length
        const end = offset + bytesRead
        if (end > expected.length || !buffer.subarray(0, bytesRead).equals(expected.subarray(offset, end))) return false
        offset = end
      }
    })
  } catch (e) {
    if (e instanceof SkippedFileError && e.reason === 'missing') return false
    throw e
  }
}

/**
 * Check the path, open what it names without blocking, and check the open handle again: it must be
 * the regular file that was checked. A file replaced meanwhile (another program saving it with a
 * rename) is checked again, up to three times.
 */
async function openChecked(
  path: string,
  limits: ReadLimits,
  deadline: number,
  seconds: number,
): Promise<{ handle: fs.FileHandle; size: number }> {
  const closeLate = (h: fs.FileHandle) => void h.close().catch(() => undefined)
  for (let attempt = 0; ; attempt++) {
    const { real, stat } = await checkRegularFile(path, limits)
    let handle: fs.FileHandle
    try {
      handle = await beforeDeadline(fs.open(real, OPEN_FLAGS), deadline, path, seconds, closeLate)
    } catch (e) {
      if (e instanceof SkippedFileError) throw e
      if ((e as NodeJS.ErrnoException).code === 'ELOOP' && attempt < 2) continue
      const { reason, why } = errnoWhy(e)
      throw new SkippedFileError(path, reason, why)
    }
    let now: Stats
    try {
      now = await beforeDeadline(handle.stat(), deadline, path, seconds)
    } catch (e) {
      closeLate(handle)
      if (e instanceof SkippedFileError) throw e
      const { reason, why } = errnoWhy(e)
      throw new SkippedFileError(path, reason, why)
    }
    const same = stat.ino === 0 || now.ino === 0 || (now.ino === stat.ino && now.dev === stat.dev)
    if (now.isFile() && same && now.size <= limits.maxBytes) return { handle, size: now.size }
    await handle.close().catch(() => undefined)
    if (!now.isFile()) throw new SkippedFileError(path, 'not-a-file', `is ${kindOf(now)}, not a file`)
    if (now.size > limits.maxBytes) {
      throw new SkippedFileError(
        path,
        'too-large',
        `is ${megabytes(now.size)}, more than such a file can be (${megabytes(limits.maxBytes)})`,
      )
    }
    if (attempt >= 2) throw new SkippedFileError(path, 'unreadable', 'kept being replaced while Marginalia read it; try again in a moment')
  }
}

/** A regular file's text, decoded as UTF-8. */
export async function readRegularText(path: string, limits: ReadLimits): Promise<string> {
  return (await readRegularFile(path, limits)).toString('utf8')
}

/** Like readRegularFile, but null when nothing is at `path`. */
export async function readRegularFileOrNull(path: string, limits: ReadLimits): Promise<Buffer | null> {
  try {
    return await readRegularFile(path, limits)
  } catch (e) {
    if (e instanceof SkippedFileError && e.reason === 'missing' && e.why === 'does not exist') return null
    throw e
  }
}

/** Like readRegularText, but null when nothing is at `path`. */
export async function readRegularTextOrNull(path: string, limits: ReadLimits): Promise<string | null> {
  return (await readRegularFileOrNull(path, limits))?.toString('utf8') ?? null
}

/** "<name> was skipped because it is a named pipe (FIFO), not a file." */
export function skippedSentence(name: string, error: SkippedFileError): string {
  return `${name} was skipped because it ${error.why}.`
}
