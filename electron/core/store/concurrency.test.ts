import { spawn } from 'node:child_process'
import { open, readFile, readdir, rename, stat, utimes, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch, type ReviewView } from '../../../shared/api'
import { StoreFile } from '../../../shared/model/project'
import { lockPathFor } from './file-lock'
import { createHandlers } from '../app/handlers'
import { Project } from '../project/project'
import { annotationsOf, projectWith, tagOp, tempDir } from '../testing'
import { Workbench } from '../app/workbench'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

const TEXT = 'Officials said the talks had failed. The ministry denied it on Tuesday, and the envoy left for Geneva.'

/** One project folder and `n` workbenches on it (two windows or app instances), all annotator maria. */
async function windows(n: number) {
  const made = await projectWith({ 'talks.txt': TEXT })
  cleanups.push(made.cleanup)
  const doc = made.project.documents[0]!.id
  const wbs: Workbench[] = []
  for (let i = 0; i < n; i++) {
    const config = await tempDir()
    cleanups.push(config.cleanup)
    const wb = await Workbench.start({ configDir: config.dir, host: 'browser', version: 'test' })
    cleanups.push(() => wb.close())
    await wb.setAnnotator('maria')
    await wb.open(made.dir)
    await wb.openDocument(doc)
    wbs.push(wb)
  }
  const file = join(made.dir, 'annotations', 'maria', `${doc}.json`)
  const onDisk = async () => StoreFile.parse(JSON.parse(await readFile(file, 'utf8')))
  return { dir: made.dir, doc, wbs, file, onDisk, project: made.project }
}

const put = (id: string, start: number) => ({
  op: 'put' as const,
  annotation: { id, label: 'claim', start, end: start + 4, attributes: {}, note: '' },
})

describe('two windows on one project', () => {
  it("keep each other's annotations: a save builds on what the other window saved (no lost update)", async () => {
    const { doc, wbs, onDisk } = await windows(2)
    const [one, two] = wbs as [Workbench, Workbench]
    expect((await one.apply(doc, [put('one-1', 0)])).changedOnDisk).toBe(false)
    const second = await two.apply(doc, [put('two-1', 10)])
    expect(second.changedOnDisk).toBe(true)
    expect(second.annotationCount).toBe(2)
    await one.apply(doc, [{ op: 'delete', id: 'two-1' }, put('one-2', 20)])
    expect((await onDisk()).annotations.map((a) => a.id).sort()).toEqual(['one-1', 'one-2'])
    expect(
      annotationsOf(await two.openDocument(doc))
        .map((a) => a.id)
        .sort(),
    ).toEqual(['one-1', 'one-2'])
  })

  it('lose nothing when both save at the same moment, again and again', async () => {
    const { doc, wbs, onDisk } = await windows(3)
    await Promise.all(wbs.flatMap((wb, w) => Array.from({ length: 15 }, (_, i) => wb.apply(doc, [put(`w${w}-${i}`, i)]))))
    const ids = (await onDisk()).annotations.map((a) => a.id)
    expect(ids).toHaveLength(45)
    expect(new Set(ids).size).toBe(45)
  })

  it('keep both changes to project.json: a rename in one and an import in the other', async () => {
    const { doc, wbs, dir } = await windows(2)
    const [one, two] = wbs as [Workbench, Workbench]
    await Promise.all([
      one.rename(doc, 'Talks'),
      two.importFiles([{ name: 'vote.txt', bytes: new TextEncoder().encode('The council voted to close the port.') }]),
    ])
    const reopened = await Project.open(dir)
    expect(reopened.documents.map((d) => d.title).sort()).toEqual(['Talks', 'The council voted to close the port.'])
  })

  it("say so in one sentence when another process holds the store's lock, and change nothing", async () => {
    const { doc, wbs, file, onDisk } = await windows(1)
    await wbs[0]!.apply(doc, [put('m1', 0)])
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'])
    cleanups.push(() => void holder.kill('SIGKILL'))
    await writeFile(lockPathFor(file), `${JSON.stringify({ pid: holder.pid, host: hostname(), since: new Date().toISOString() })}\n`)
    const result = await dispatch(createHandlers(wbs[0]!), 'annotations.apply', { document: doc, ops: [put('m2', 10)] })
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        retry: 'soon',
        message: `The file of maria’s annotations on “${TEXT}” is being saved by process ${holder.pid} on ${hostname()}; your change was not saved, so try again in a moment.`,
      },
    })
    expect((await onDisk()).annotations.map((a) => a.id)).toEqual(['m1'])
  }, 10_000)
})

describe('a layer last changed long ago', () => {
  it('is taken as unchanged without reading it while its stamp holds, and read again when the file changes', async () => {
    const made = await projectWith({ 'talks.txt': TEXT })
    cleanups.push(made.cleanup)
    const { project } = made
    const doc = project.documents[0]!.id
    const text = await project.text(doc)
    await (await project.layer('maria', doc)).apply([put('m1', 0)], text, project.tagSet, new Date().toISOString())
    const file = join(made.dir, 'annotations', 'maria', `${doc}.json`)
    const ids = async () => (await project.freshLayer('maria', doc)).annotations.map((a) => a.id)
    const reads = async () => (await project.layer('maria', doc)).adapter.checkedReads
    /** Past the two seconds in which a file's times may not move on a change. */
    const settle = () => new Promise((ok) => setTimeout(ok, 2_100))
    /** m1 renamed to a same-length id: the same size, so only the inode or a time can tell. */
    const changed = async () => (await readFile(file, 'utf8')).replace('"m1"', '"x1"')

    // Dated a minute back to a whole second, so putting that time back restores it exactly.
    const past = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000)
    await utimes(file, past, past)
    await settle()
    expect(await ids()).toEqual(['m1'])
    const before = await reads()
    expect(await ids()).toEqual(['m1'])
    expect(await ids()).toEqual(['m1'])
    expect(await reads()).toBe(before)

    // Written in place at the same size, its modification time put back: the change time tells.
    const content = await changed()
    const handle = await open(file, 'r+')
    await handle.write(content, 0)
    await handle.close()
    await utimes(file, past, past)
    expect((await stat(file, { bigint: true })).mtimeNs).toBe(BigInt(past.getTime()) * 1_000_000n)
    expect(await ids()).toEqual(['x1'])
    expect(await reads()).toBe(before + 1)

    // Another file of the same size renamed over it, dated as the old one: the inode tells.
    await settle()
    expect(await ids()).toEqual(['x1'])
    const other = join(made.dir, 'replacement.json')
    await writeFile(other, (await readFile(file, 'utf8')).replace('"x1"', '"y1"'))
    await utimes(other, past, past)
    await rename(other, file)
    expect(await ids()).toEqual(['y1'])
  }, 15_000)
})

/**
 * A naive sync tool in another process: rewrites jonas's file in place, in three chunks with
 * pauses between them, alternating between two complete versions, `rounds` times.
 */
function syncTool(file: string, versions: [string, string], rounds: number) {
  const script = `
    const fs = require('node:fs')
    const [file, a, b, rounds] = process.argv.slice(1)
    const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
    for (let i = 0; i < Number(rounds); i++) {
      const text = i % 2 ? a : b
      const fd = fs.openSync(file, 'r+')
      fs.ftruncateSync(fd, 0)
      const third = Math.ceil(text.length / 3)
      for (let k = 0; k < 3; k++) { fs.writeSync(fd, text.slice(k * third, (k + 1) * third), k * third); sleep(7) }
      fs.closeSync(fd)
      sleep(20)
    }`
  const child = spawn(process.execPath, ['-e', script, file, versions[0], versions[1], String(rounds)])
  cleanups.push(() => void child.kill('SIGKILL'))
  return new Promise<void>((ok) => child.once('exit', () => ok()))
}

describe("a sync tool rewriting a colleague's file while it is open", () => {
  it('is never read half-written, never set aside, and its last version is picked up', async () => {
    const { dir, doc, wbs, project } = await windows(1)
    const wb = wbs[0]!
    const jonas = await project.layer('jonas', doc)
    const text = await project.text(doc)
    await jonas.apply([await tagOp(project, doc, 'the talks', 'claim', 'j1')], text, project.tagSet, '2026-11-01T10:00:00.000Z')
    const file = join(dir, 'annotations', 'jonas', `${doc}.json`)
    const short = await readFile(file, 'utf8')
    await jonas.apply(
      [await tagOp(project, doc, 'The ministry', 'source', 'j2'), await tagOp(project, doc, 'the envoy', 'source', 'j3')],
      text,
      project.tagSet,
      '2026-11-01T10:01:00.000Z',
    )
    const long = await readFile(file, 'utf8')
    const seen = new Set<string>()
    const handlers = createHandlers(wb)

    const writing = syncTool(file, [short, long], 40)
    const tool = { done: false }
    void writing.then(() => (tool.done = true))
    while (!tool.done) {
      // What the app shows of jonas's layer, by every path that reads it.
      const review = await dispatch(handlers, 'review.open', { document: doc, annotators: ['maria', 'jonas'] })
      if (review.ok) seen.add((review.value as ReviewView).layers[1]!.annotations.rows.map((row) => row[0]).join(','))
      else expect((review as { error: { code: string } }).error.code).toBe('conflict')
      const fresh = await Project.open(dir)
        .then((p) => p.layer('jonas', doc))
        .catch((e: Error) => e)
      if (fresh instanceof Error) expect(fresh.message).toMatch(/is being changed by another program right now; try again in a moment\.$/)
      else seen.add(fresh.annotations.map((a) => a.id).join(','))
      await new Promise((r) => setTimeout(r, 3))
    }
    for (const ids of seen) expect(['j1', 'j1,j2,j3']).toContain(ids)
    expect(seen.size).toBeGreaterThan(0)
    expect((await readdir(join(dir, 'annotations', 'jonas'))).filter((f) => !f.startsWith('.'))).toEqual([`${doc}.json`])
    // The last version written (round 39: `short`) is what the app shows once the tool is done.
    await expect
      .poll(async () => (await wb.current.layer('jonas', doc)).annotations.map((a) => a.id).join(','), { timeout: 3000 })
      .toBe('j1')
  }, 30_000)
})
