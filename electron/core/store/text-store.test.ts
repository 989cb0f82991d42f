import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../testing'
import { StoreBackups } from './backups'
import { DurableTextFile, sha256Of } from './text-store'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

async function guidelines() {
  const { dir, cleanup } = await tempDir()
  cleanups.push(cleanup)
  const file = new DurableTextFile(join(dir, 'guidelines.md'), {
    describe: 'guidelines.md',
    within: dir,
    maxBytes: 1024 * 1024,
    backups: StoreBackups.of(dir, 'guidelines'),
  })
  return { dir, file }
}

describe('a text file saved by compare-and-swap (guidelines.md)', () => {
  it('is created over "no file", and saved over the version read', async () => {
    const { dir, file } = await guidelines()
    expect(await file.read()).toEqual({ text: null, sha256: null, modified: null })
    const first = await file.save('# Guidelines\n\n## Claim\nA checkable statement.\n', null)
    expect(first.sha256).toBe(sha256Of('# Guidelines\n\n## Claim\nA checkable statement.\n'))
    const second = await file.save('# Guidelines\n\n## Claim\nA checkable statement of fact.\n', first.sha256)
    expect(await readFile(join(dir, 'guidelines.md'), 'utf8')).toBe(second.text)
    const kept = await readdir(join(dir, '.marginalia', 'backups', 'guidelines'))
    expect(kept).toContain('latest.json')
    expect(await readFile(join(dir, '.marginalia', 'backups', 'guidelines', 'latest.json'), 'utf8')).toBe(second.text)
  })

  it('refuses a save over a version someone else changed meanwhile, leaving their file as it is', async () => {
    const { dir, file } = await guidelines()
    const read = await file.save('ours\n', null)
    await writeFile(join(dir, 'guidelines.md'), 'a colleague’s edit\n')
    await expect(file.save('ours, edited\n', read.sha256)).rejects.toMatchObject({
      code: 'conflict',
      message:
        'guidelines.md was changed by someone else since you opened it, so your text was not saved; copy it, reload, and add your changes again.',
    })
    expect(await readFile(join(dir, 'guidelines.md'), 'utf8')).toBe('a colleague’s edit\n')
    await expect(file.save('new\n', null)).rejects.toMatchObject({ code: 'conflict' })
  })

  it('reads only a regular file inside the project', async () => {
    const { dir, file } = await guidelines()
    await mkdir(join(dir, 'elsewhere'))
    const { dir: outside, cleanup } = await tempDir()
    cleanups.push(cleanup)
    await writeFile(join(outside, 'secret.md'), 'secret')
    await symlink(join(outside, 'secret.md'), join(dir, 'guidelines.md'))
    await expect(file.read()).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/^guidelines\.md .*, so Marginalia does not read it\.$/),
    })
  })
})
