/**
 * A disk that fills up, or a project folder that cannot be written: each save says so in one
 * sentence, and nothing already saved changes. Proven with a fault injected at the durable
 * writer's edge (ENOSPC after part of the data is written, as a filling disk does), and, where
 * this machine lets the test mount one (root on Linux), on a real 512 KB tmpfs filled to the
 * brim and then remounted read-only; with a folder made read-only by its permissions elsewhere.
 */
import { execFileSync } from 'node:child_process'
import { chmod, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { diskFaults } from './durable'
import { Project } from '../project/project'
import { annotationsOf, tempDir } from '../testing'
import { Workbench } from '../app/workbench'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  diskFaults.write = null
  for (const c of cleanups.splice(0).toReversed()) await c()
})

const put = (id: string, start = 0, end = 8) => ({
  op: 'put' as const,
  annotation: { id, label: 'claim', start, end, attributes: {}, note: '' },
})

/** A project in `dir` with maria's layer saved once, opened in a workbench. */
async function annotatedIn(dir: string) {
  const project = await Project.create(join(dir, 'project'), 'Disk test')
  await project.importFiles([
    { name: 'talks.txt', bytes: new TextEncoder().encode('Officials said the talks had failed. The ministry denied it.') },
  ])
  const config = await tempDir()
  cleanups.push(config.cleanup)
  const wb = await Workbench.start({ configDir: config.dir, host: 'browser', version: 'test' })
  cleanups.push(() => wb.close())
  await wb.setAnnotator('maria')
  await wb.open(project.dir)
  const doc = project.documents[0]!.id
  await wb.apply(doc, [put('a1')])
  return { wb, dir: project.dir, doc }
}

/** Every file of a project (without Marginalia's backups), by path, with its bytes. */
async function files(dir: string, rel = ''): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const e of await readdir(join(dir, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${e.name}` : e.name
    if (path === '.marginalia') continue
    if (e.isDirectory()) for (const [k, v] of await files(dir, path)) out.set(k, v)
    else out.set(path, (await readFile(join(dir, path))).toString('base64'))
  }
  return out
}

const FULL =
  /^Your change was not saved because the disk holding .* is full; free some space and try again \(what was saved before is unchanged\)\.$/

describe('a disk that fills up while saving (injected ENOSPC)', () => {
  it('refuses the save in one sentence, leaves every file as it was, and saves once there is room', async () => {
    const { dir: root, cleanup } = await tempDir()
    cleanups.push(cleanup)
    const { wb, dir, doc } = await annotatedIn(root)
    const before = await files(dir)
    const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    diskFaults.write = enospc

    await expect(wb.apply(doc, [put('a2', 9, 13)])).rejects.toMatchObject({ code: 'failed', message: expect.stringMatching(FULL) })
    await expect(wb.rename(doc, 'Renamed')).rejects.toMatchObject({
      code: 'failed',
      message: expect.stringMatching(
        /^The change to project\.json was not saved because the disk holding .* is full; free some space and try again \(what was saved before is unchanged\)\.$/,
      ),
    })
    const imported = wb.importFiles([{ name: 'vote.txt', bytes: new TextEncoder().encode('The council voted to close the port.') }])
    await expect(imported).rejects.toMatchObject({
      code: 'failed',
      message: expect.stringMatching(/^The text of vote\.txt was not saved because the disk holding .* is full;/),
    })
    expect(await files(dir)).toEqual(before)
    expect(annotationsOf(await wb.openDocument(doc)).map((a) => a.id)).toEqual(['a1'])

    diskFaults.write = null
    await wb.apply(doc, [put('a2', 9, 13)])
    expect(annotationsOf(await wb.openDocument(doc)).map((a) => a.id)).toEqual(['a1', 'a2'])
  })
})

/** A fresh tmpfs of `kb` KB, where the machine allows mounting one (root on Linux); null elsewhere. */
function smallDisk(path: string, kb: number): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', path], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

describe('a real small disk (tmpfs; needs root on Linux, skipped elsewhere)', () => {
  it('full: the save is refused in one sentence and nothing saved changes; read-only: the same', async (context) => {
    const { dir: root, cleanup } = await tempDir()
    cleanups.push(cleanup)
    const mountPoint = join(root, 'disk')
    await mkdir(mountPoint)
    if (!smallDisk(mountPoint, 512)) return context.skip('mounting a tmpfs needs root on Linux')
    cleanups.push(() => void execFileSync('umount', ['-l', mountPoint]))
    const { wb, dir, doc } = await annotatedIn(mountPoint)
    const before = await files(dir)
    // Fill the disk to the last byte.
    const filler = join(mountPoint, 'filler')
    await writeFile(filler, Buffer.alloc(0))
    for (let size = 64 * 1024; size >= 1; size = Math.floor(size / 2)) {
      for (;;) {
        try {
          await writeFile(filler, Buffer.alloc(size), { flag: 'a' })
        } catch {
          break
        }
      }
    }
    await expect(wb.apply(doc, [put('a2', 9, 13)])).rejects.toMatchObject({ code: 'failed', message: expect.stringMatching(FULL) })
    expect(await files(dir)).toEqual(before)
    await rm(filler)
    await wb.apply(doc, [put('a2', 9, 13)])
    const saved = await files(dir)

    execFileSync('mount', ['-o', 'remount,ro', mountPoint])
    await expect(wb.apply(doc, [put('a3', 14, 18)])).rejects.toMatchObject({
      code: 'failed',
      message: expect.stringMatching(
        /^Your change was not saved because .* is on a read-only disk; make it writable or copy the project to a folder you can write to, and try again \(what was saved before is unchanged\)\.$/,
      ),
    })
    expect(await files(dir)).toEqual(saved)
    expect(annotationsOf(await wb.openDocument(doc)).map((a) => a.id)).toEqual(['a1', 'a2'])
  })
})

describe('a project folder without write permission (not as root, which may write anywhere)', () => {
  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('refuses the save in one sentence and changes nothing', async () => {
    const { dir: root, cleanup } = await tempDir()
    cleanups.push(cleanup)
    const { wb, dir, doc } = await annotatedIn(root)
    const before = await files(dir)
    const layerFolder = join(dir, 'annotations', 'maria')
    await chmod(layerFolder, 0o555)
    cleanups.push(() => chmod(layerFolder, 0o755))
    await expect(wb.apply(doc, [put('a2', 9, 13)])).rejects.toMatchObject({
      code: 'failed',
      message: expect.stringMatching(/^Your change was not saved because .*maria is read-only for Marginalia \(permission denied\);/),
    })
    expect(await files(dir)).toEqual(before)
  })
})
