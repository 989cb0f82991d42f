import { execFileSync } from 'node:child_process'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SkippedFileError, readRegularFile, readRegularTextOrNull, regularFileHolds, skippedSentence } from './regular-file'
import { tempDir } from '../testing'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

async function folder() {
  const { dir, cleanup } = await tempDir()
  cleanups.push(cleanup)
  const chosen = join(dir, 'chosen')
  await mkdir(chosen)
  await writeFile(join(chosen, 'good.json'), '{"ok":true}')
  await writeFile(join(dir, 'outside.json'), '{"secret":true}')
  return { dir, chosen }
}

const fifoSupported = process.platform !== 'win32'

async function refused(path: string, within: string | null, maxBytes = 1_000_000): Promise<SkippedFileError> {
  const error = await readRegularFile(path, { maxBytes, within }).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error, path).toBeInstanceOf(SkippedFileError)
  return error as SkippedFileError
}

describe('reading a file from a folder the user chose', () => {
  it('reads a regular file, and a link to a regular file inside the folder', async () => {
    const { chosen } = await folder()
    await symlink(join(chosen, 'good.json'), join(chosen, 'alias.json'))
    expect((await readRegularFile(join(chosen, 'good.json'), { maxBytes: 100, within: chosen })).toString()).toBe('{"ok":true}')
    expect((await readRegularFile(join(chosen, 'alias.json'), { maxBytes: 100, within: chosen })).toString()).toBe('{"ok":true}')
    expect(await readRegularTextOrNull(join(chosen, 'none.json'), { maxBytes: 100, within: chosen })).toBeNull()
  })

  it.skipIf(!fifoSupported)('refuses a named pipe at once, and many of them do not use up the file-system threads', async () => {
    const { chosen } = await folder()
    for (let i = 0; i < 8; i++) execFileSync('mkfifo', [join(chosen, `pipe${i}.json`)])
    const started = Date.now()
    const errors = await Promise.all(Array.from({ length: 8 }, (_, i) => refused(join(chosen, `pipe${i}.json`), chosen)))
    for (const e of errors) expect(e).toMatchObject({ reason: 'not-a-file', why: 'is a named pipe (FIFO), not a file' })
    expect(skippedSentence('pipe0.json', errors[0]!)).toBe('pipe0.json was skipped because it is a named pipe (FIFO), not a file.')
    // Node has four threads for files: were any still waiting on a pipe, this read would not finish.
    expect((await readRegularFile(join(chosen, 'good.json'), { maxBytes: 100 })).length).toBe(11)
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it.skipIf(!fifoSupported)('refuses a link to a pipe', async () => {
    const { chosen } = await folder()
    execFileSync('mkfifo', [join(chosen, 'pipe')])
    await symlink(join(chosen, 'pipe'), join(chosen, 'layer.json'))
    expect(await refused(join(chosen, 'layer.json'), chosen)).toMatchObject({
      reason: 'not-a-file',
      why: 'is a link to a named pipe (FIFO), not to a file',
    })
  })

  it.skipIf(process.platform === 'win32')('never reads a device, directly or through a link, at any depth', async () => {
    const { chosen } = await folder()
    await mkdir(join(chosen, 'annotations', 'maria'), { recursive: true })
    await symlink('/dev/zero', join(chosen, 'annotations', 'maria', 'a.json'))
    const before = process.memoryUsage().rss
    const started = Date.now()
    expect(await refused(join(chosen, 'annotations', 'maria', 'a.json'), chosen, 200_000_000)).toMatchObject({ reason: 'outside' })
    // Without a chosen folder the link is followed, and what it leads to is still refused unread.
    expect(await refused(join(chosen, 'annotations', 'maria', 'a.json'), null, 200_000_000)).toMatchObject({
      reason: 'not-a-file',
      why: 'is a link to a device, not to a file',
    })
    expect(await refused('/dev/zero', null, 200_000_000)).toMatchObject({ reason: 'not-a-file', why: 'is a device, not a file' })
    expect(Date.now() - started).toBeLessThan(1000)
    expect(process.memoryUsage().rss - before).toBeLessThan(50_000_000)
  })

  it('refuses a link that leads outside the folder, a folder, and a file over the limit', async () => {
    const { dir, chosen } = await folder()
    await symlink(join(dir, 'outside.json'), join(chosen, 'escape.json'))
    await symlink('../outside.json', join(chosen, 'relative-escape.json'))
    await symlink(join(chosen, 'missing.json'), join(chosen, 'dangling.json'))
    await mkdir(join(chosen, 'folder.json'))
    for (const name of ['escape.json', 'relative-escape.json']) {
      const e = await refused(join(chosen, name), chosen)
      expect(e.reason).toBe('outside')
      expect(skippedSentence(name, e)).toMatch(
        new RegExp(
          `^${name.replace('.', '\\.')} was skipped because it is a link to .*outside\\.json, outside the folder it was found in \\(.*\\)\\.$`,
        ),
      )
    }
    expect(await refused(join(chosen, 'dangling.json'), chosen)).toMatchObject({
      reason: 'missing',
      why: 'is a link to something that does not exist',
    })
    expect(await refused(join(chosen, 'folder.json'), chosen)).toMatchObject({ reason: 'not-a-file', why: 'is a folder, not a file' })
    await writeFile(join(chosen, 'big.json'), Buffer.alloc(2_000_001, 0x20))
    expect(await refused(join(chosen, 'big.json'), chosen, 2_000_000)).toMatchObject({
      reason: 'too-large',
      why: 'is 2.0 MB, more than such a file can be (2.0 MB)',
    })
  })

  it('refuses a folder reached through a link that leads outside, at any depth', async () => {
    const { dir, chosen } = await folder()
    await mkdir(join(dir, 'elsewhere'))
    await writeFile(join(dir, 'elsewhere', 'b.json'), '{}')
    await mkdir(join(chosen, 'annotations'))
    await symlink(join(dir, 'elsewhere'), join(chosen, 'annotations', 'jonas'))
    expect(await refused(join(chosen, 'annotations', 'jonas', 'b.json'), chosen)).toMatchObject({ reason: 'outside' })
  })
})

describe('telling whether a file still holds what we last wrote', () => {
  it('compares in pieces larger files than one piece, and says no at the first difference, a size change or no file', async () => {
    const { chosen } = await folder()
    const path = join(chosen, 'store.json')
    // Three pieces and a bit (pieces are 1 MB), so the comparison runs across piece boundaries.
    const content = Buffer.from('{"a": "ü👩‍👩‍👧"}\n'.repeat(200_000))
    await writeFile(path, content)
    const limits = { maxBytes: 10_000_000, within: chosen }
    expect(await regularFileHolds(path, limits, content)).toBe(true)
    for (const at of [0, 1024 * 1024, 1024 * 1024 + 1, content.length - 1]) {
      const changed = Buffer.from(content)
      changed[at] = changed[at]! ^ 1
      await writeFile(path, changed)
      expect(await regularFileHolds(path, limits, content), `a byte changed at ${at}`).toBe(false)
    }
    await writeFile(path, content.subarray(0, content.length - 1))
    expect(await regularFileHolds(path, limits, content)).toBe(false)
    await writeFile(path, Buffer.concat([content, Buffer.from(' ')]))
    expect(await regularFileHolds(path, limits, content)).toBe(false)
    expect(await regularFileHolds(join(chosen, 'none.json'), limits, content)).toBe(false)
    expect(await regularFileHolds(join(chosen, 'good.json'), limits, Buffer.from('{"ok":true}'))).toBe(true)
    expect(await regularFileHolds(join(chosen, 'good.json'), limits, Buffer.alloc(0))).toBe(false)
  })

  it.skipIf(!fifoSupported)('refuses what is not a regular file, as reading does', async () => {
    const { chosen } = await folder()
    execFileSync('mkfifo', [join(chosen, 'pipe.json')])
    const error = await regularFileHolds(join(chosen, 'pipe.json'), { maxBytes: 100, within: chosen }, Buffer.from('x')).catch(
      (e: unknown) => e,
    )
    expect(error).toMatchObject({ reason: 'not-a-file' })
  })
})
