/**
 * An exclusive lock on one file, held while it is read-checked and rewritten, so two Marginalia
 * processes (two windows, browser mode next to the desktop app) never interleave their writes to
 * the same store. The lock is a file `.<name>.lock` beside the target, created with O_EXCL (which
 * local file systems and SMB/NFS shares honour), naming the process that holds it. A lock left by
 * a process that died (a crash, a SIGKILL) is taken over: its process is gone (same machine), or
 * it is older than any write could take.
 *
 * Locks coordinate processes that see the same folder on one machine or share. They cannot
 * coordinate colleagues whose copies are kept in step by a sync tool: there each writes only their
 * own layer, and compare-and-swap (json-store.ts) takes in whatever the sync tool brings.
 */
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { hostname } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { DomainError } from '../../../shared/errors'
import { makeFolderDurable } from './durable'
import { readRegularText } from './regular-file'

export interface LockOptions {
  /** How long to wait for another holder before giving up (ms). */
  waitMs?: number
  /** A lock older than this is stale whoever holds it (ms). */
  staleMs?: number
  /** What the file is, for the message when the lock cannot be had. */
  describe?: string
}

interface Holder {
  pid: number
  host: string
  since: string
}

/** The lock file's path for `path`. */
export function lockPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.lock`)
}

/** Run `fn` while holding the lock on `path`; a 'conflict' DomainError if it cannot be had in time. */
export async function withFileLock<T>(path: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const lock = lockPathFor(path)
  const release = await acquire(lock, options)
  try {
    return await fn()
  } finally {
    await release()
  }
}

async function acquire(lock: string, options: LockOptions): Promise<() => Promise<void>> {
  const waitMs = options.waitMs ?? 3000
  const staleMs = options.staleMs ?? 30_000
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() }
  const token = `${JSON.stringify(me)}\n${randomBytes(8).toString('hex')}\n`
  const until = Date.now() + waitMs
  for (let attempt = 0; ; attempt++) {
    try {
      await createLock(lock, token)
      return async () => {
        // Remove the lock only if it is still ours (a stale-lock takeover may have replaced it).
        const now = await readLock(lock)
        if (now === token) await fs.rm(lock, { force: true })
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (code === 'ENOENT') {
        // The file's folder is new (a new annotator's): made durably, so it outlives a power cut.
        await makeFolderDurable(dirname(lock))
        continue
      }
      if (code !== 'EEXIST') throw e
    }
    const holder = await readHolder(lock)
    if (holder && (await isStale(lock, holder, staleMs))) {
      await breakLock(lock, holder.raw)
      continue
    }
    if (Date.now() >= until) {
      const who = holder?.info ? `process ${holder.info.pid} on ${holder.info.host}` : 'another program'
      throw new DomainError(
        'conflict',
        `${options.describe ?? 'This file'} is being saved by ${who}; your change was not saved, so try again in a moment.`,
        'soon',
      )
    }
    await new Promise((r) => setTimeout(r, Math.min(5 + attempt * 5, 50)))
  }
}

/**
 * Create the lock file exclusively and write our token in it. If the token cannot be written (a
 * full disk), the empty file we created is removed again: left behind, it would hold up every
 * save for seconds until judged stale.
 */
async function createLock(lock: string, token: string): Promise<void> {
  const handle = await fs.open(lock, 'wx')
  try {
    await handle.writeFile(token)
  } catch (e) {
    await handle.close().catch(() => undefined)
    await fs.rm(lock, { force: true }).catch(() => undefined)
    throw e
  }
  await handle.close()
}

async function readHolder(lock: string): Promise<{ raw: string; info: Holder | null } | null> {
  const raw = await readLock(lock)
  if (raw === null) return null
  try {
    const info = JSON.parse(raw.split('\n')[0] ?? '') as Holder
    if (typeof info.pid === 'number' && typeof info.host === 'string') return { raw, info }
  } catch {
    // A lock being written right now, or not ours: judged by its age alone.
  }
  return { raw, info: null }
}

/** A lock whose holder has died, or older than any write takes; one left empty (its holder died while writing it) after 2 s. */
async function isStale(lock: string, holder: { info: Holder | null }, staleMs: number): Promise<boolean> {
  const info = holder.info
  if (info && info.host === hostname() && info.pid !== process.pid && !processAlive(info.pid)) return true
  try {
    const age = Date.now() - (await fs.stat(lock)).mtimeMs
    return age > (info ? staleMs : Math.min(staleMs, 2000))
  } catch {
    return false
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Remove a stale lock, unless someone replaced it meanwhile (then it is theirs and stays). */
async function breakLock(lock: string, staleContent: string): Promise<void> {
  const aside = `${lock}.stale-${randomBytes(6).toString('hex')}`
  try {
    await fs.rename(lock, aside)
  } catch {
    return
  }
  const content = await readLock(aside)
  if (content === staleContent) {
    await fs.rm(aside, { force: true })
    return
  }
  // We moved a fresh lock: put it back if its place is still free, else drop it (its holder
  // will find its lock gone at release and leave the new one alone).
  await fs.link(aside, lock).catch(() => undefined)
  await fs.rm(aside, { force: true })
}

/** A lock file's content, or null when it is gone or is not a small regular file (never a pipe or device). */
function readLock(path: string): Promise<string | null> {
  return readRegularText(path, { maxBytes: 64 * 1024, timeoutMs: 2000 }).catch(() => null)
}
