import { spawn } from 'node:child_process'
import { readdir, utimes, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DomainError } from '../../../shared/errors'
import { lockPathFor, withFileLock } from './file-lock'
import { tempDir } from '../testing'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

async function folder() {
  const t = await tempDir()
  cleanups.push(t.cleanup)
  return t.dir
}

const holder = (pid: number) => `${JSON.stringify({ pid, host: hostname(), since: new Date().toISOString() })}\nabc\n`

describe('file locks', () => {
  it('lets one holder in at a time, and leaves no lock file behind', async () => {
    const dir = await folder()
    const file = join(dir, 'store.json')
    let inside = 0
    let most = 0
    await Promise.all(
      Array.from({ length: 8 }, () =>
        withFileLock(file, async () => {
          inside++
          most = Math.max(most, inside)
          await new Promise((r) => setTimeout(r, 5))
          inside--
        }),
      ),
    )
    expect(most).toBe(1)
    expect(await readdir(dir)).toEqual([])
  })

  it('takes over a lock left by a process that died (a crash)', async () => {
    const dir = await folder()
    const file = join(dir, 'store.json')
    const child = spawn(process.execPath, ['-e', ''])
    const pid = child.pid!
    await new Promise((r) => child.once('exit', r))
    await writeFile(lockPathFor(file), holder(pid))
    const started = Date.now()
    expect(await withFileLock(file, async () => 'done')).toBe('done')
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('waits for a live holder, then says in one sentence who holds it', async () => {
    const dir = await folder()
    const file = join(dir, 'store.json')
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'])
    cleanups.push(() => void child.kill('SIGKILL'))
    await writeFile(lockPathFor(file), holder(child.pid!))
    const error = await withFileLock(file, async () => 'never', {
      waitMs: 300,
      describe: 'The file of maria’s annotations on “Talks”',
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DomainError)
    expect((error as DomainError).code).toBe('conflict')
    expect((error as DomainError).message).toBe(
      `The file of maria’s annotations on “Talks” is being saved by process ${child.pid} on ${hostname()}; your change was not saved, so try again in a moment.`,
    )
  })

  it('takes over an empty lock (its holder died while writing it) once it is 2 s old', async () => {
    const dir = await folder()
    const file = join(dir, 'store.json')
    await writeFile(lockPathFor(file), '')
    await expect(withFileLock(file, async () => 'early', { waitMs: 100 })).rejects.toThrow(/another program/)
    const past = new Date(Date.now() - 3000)
    await utimes(lockPathFor(file), past, past)
    expect(await withFileLock(file, async () => 'ok', { waitMs: 100 })).toBe('ok')
  })

  it('treats a lock older than any write as stale, whoever holds it', async () => {
    const dir = await folder()
    const file = join(dir, 'store.json')
    await writeFile(lockPathFor(file), holder(process.pid))
    expect(await withFileLock(file, async () => 'ok', { staleMs: 0 })).toBe('ok')
  })
})
