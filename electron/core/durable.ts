/**
 * Durable file writes. A write goes to a temporary file beside the target, is fsynced, renamed
 * over the target, and the folder is fsynced, so after a crash or power cut the file holds either
 * the old or the new content, never a mix or zeros. A file that cannot be read is moved aside
 * (renamed, never deleted) so nothing a user made is lost.
 */
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** fsync a folder so a rename in it survives a crash (a no-op where the OS does not allow it). */
async function fsyncDir(dir: string): Promise<void> {
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

/** Write `data` to `path` atomically and durably, creating the folder if needed. */
export async function writeFileDurable(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path)
  await fs.mkdir(dir, { recursive: true })
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await fs.open(tmp, 'wx', 0o644)
  try {
    await handle.writeFile(data)
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
export async function moveAside(path: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
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
