import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../shared/api'
import { createHandlers } from '../app/handlers'
import { textBackupPath } from './stored-text'
import { annotationsOf, projectWith, tempDir } from '../testing'
import { validateProject } from '../project/validate-project'
import { Workbench } from '../app/workbench'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

const TALKS = 'Officials said the talks had failed. The ministry denied it on Tuesday.'

async function annotated() {
  const made = await projectWith({ 'talks.txt': TALKS, 'vote.txt': 'The council voted to close the port.' })
  const config = await tempDir()
  cleanups.push(made.cleanup, config.cleanup)
  const wb = await Workbench.start({ configDir: config.dir, host: 'browser', version: 'test' })
  cleanups.push(() => wb.close())
  await wb.setAnnotator('maria')
  await wb.open(made.dir)
  const doc = made.project.documents.find((d) => d.importedFrom === 'talks.txt')!
  await wb.apply(doc.id, [{ op: 'put', annotation: { id: 'a1', label: 'claim', start: 0, end: 9, attributes: {}, note: '' } }])
  const file = join(made.dir, doc.file)
  const store = join(made.dir, 'annotations', 'maria', `${doc.id}.json`)
  return { dir: made.dir, config: config.dir, doc, file, store }
}

/** A new workbench on the folder, as after a restart (texts are read afresh). */
async function restart(dir: string, config: string) {
  const wb = await Workbench.start({ configDir: config, host: 'browser', version: 'test' })
  cleanups.push(() => wb.close())
  await wb.open(dir)
  return wb
}

const damages: Record<string, (file: string) => Promise<void>> = {
  truncated: async (f) => writeFile(f, (await readFile(f)).subarray(0, 20)),
  'zero-filled': async (f) => writeFile(f, Buffer.alloc((await readFile(f)).length)),
  garbled: async (f) => writeFile(f, randomBytes((await readFile(f)).length)),
  emptied: (f) => writeFile(f, ''),
  'one letter changed': async (f) => writeFile(f, (await readFile(f, 'utf8')).replace('talks', 'tasks')),
  deleted: (f) => rm(f),
  ...(process.platform === 'win32'
    ? {}
    : {
        'a named pipe': async (f: string) => {
          await rm(f)
          execFileSync('mkfifo', [f])
        },
        'a link to /dev/zero': async (f: string) => {
          await rm(f)
          await symlink('/dev/zero', f)
        },
      }),
}

describe('a damaged text', () => {
  for (const [how, damage] of Object.entries(damages)) {
    it(`(${how}) opens read-only with one sentence, refuses every save against it, and is restored from Backups`, async () => {
      const { dir, config, doc, file, store } = await annotated()
      const storeBefore = await readFile(store, 'utf8')
      await damage(file)

      const wb = await restart(dir, config)
      const handlers = createHandlers(wb)
      const started = Date.now()
      const opened = await wb.openDocument(doc.id)
      expect(Date.now() - started).toBeLessThan(1000)
      expect(opened.readOnly).toMatch(
        new RegExp(
          `^The text of “${doc.title.replace(/[.]/g, '\\.')}” \\(texts/${doc.id}\\.txt\\) (is not the text that was imported \\(it was changed or damaged on disk\\)|is empty|is missing|is a named pipe \\(FIFO\\), not a file|is a link to /dev/zero, outside the folder it was found in \\(.*\\)), so the document is read-only; restore it with Restore text… \\(Backups… in the Project menu; your annotations are kept\\)\\.$`,
        ),
      )
      // The layer itself is intact and shown.
      expect(annotationsOf(opened).map((a) => a.id)).toEqual(['a1'])

      // No annotation can be saved against it: the core refuses, by code.
      const put = { op: 'put', annotation: { id: 'a2', label: 'claim', start: 10, end: 14, attributes: {}, note: '' } }
      expect(await dispatch(handlers, 'annotations.apply', { document: doc.id, ops: [put] })).toMatchObject({
        ok: false,
        error: { code: 'read-only', message: opened.readOnly },
      })
      expect(await dispatch(handlers, 'review.acceptAgreed', { document: doc.id, annotators: ['maria', 'jonas'] })).toMatchObject({
        ok: false,
        error: { code: 'read-only' },
      })
      expect(await readFile(store, 'utf8')).toBe(storeBefore)

      // marginalia validate says the same.
      const report = await validateProject(dir)
      expect(report.problems.map((p) => p.message)).toContainEqual(expect.stringContaining(`texts/${doc.id}.txt`))

      // Backups… offers the text as imported, and restoring it makes the document editable again.
      const listed = await dispatch(handlers, 'backups.list', { store: { store: 'text', document: doc.id } })
      expect(listed).toMatchObject({ ok: true, value: [{ id: 'imported.txt', kind: 'imported', restorable: true }] })
      const restored = await dispatch(handlers, 'backups.restore', { store: { store: 'text', document: doc.id }, backup: 'imported.txt' })
      expect(restored).toMatchObject({ ok: true })
      expect(await readFile(file, 'utf8')).toBe(TALKS)
      expect((await wb.openDocument(doc.id)).readOnly).toBeNull()
      expect(await dispatch(handlers, 'annotations.apply', { document: doc.id, ops: [put] })).toMatchObject({ ok: true })
      expect((await validateProject(dir)).problems).toEqual([])
      if (how !== 'deleted') expect((await readdir(join(dir, 'texts'))).some((f) => f.startsWith(`${doc.id}.txt.unreadable-`))).toBe(true)
    })
  }

  it('is noticed when it is damaged while the project is open', async () => {
    const { dir, config, doc, file } = await annotated()
    const wb = await restart(dir, config)
    expect((await wb.openDocument(doc.id)).readOnly).toBeNull()
    await writeFile(file, Buffer.alloc(TALKS.length))
    expect((await wb.openDocument(doc.id)).readOnly).toMatch(/is not the text that was imported/)
    await expect(wb.apply(doc.id, [{ op: 'delete', id: 'a1' }])).rejects.toMatchObject({ code: 'read-only' })
  })

  it('of a project made before texts were kept: the copy is made at the first intact read, and importing the original file again puts it back', async () => {
    const { dir, config, doc, file } = await annotated()
    const copy = textBackupPath(dir, doc.id)
    await rm(copy)
    // Read intact once (as opening it in this version does): the copy is kept.
    await (await restart(dir, config)).openDocument(doc.id)
    expect(await readFile(copy, 'utf8')).toBe(TALKS)
    await rm(copy)
    await writeFile(file, 'garbage')

    const wb = await restart(dir, config)
    const opened = await wb.openDocument(doc.id)
    expect(opened.readOnly).toMatch(
      /put the original text back, by importing the original file again or copying texts\/ from your own backup \(your annotations are kept\)\.$/,
    )
    const result = await wb.importFiles([{ name: 'talks.txt', bytes: new TextEncoder().encode(TALKS) }])
    expect(result.imported).toEqual([])
    expect(result.errors).toEqual([
      {
        name: 'talks.txt',
        kind: 'duplicate',
        message: `talks.txt has the same text as "${doc.title}", whose damaged text file it has put back; that document can be annotated again.`,
      },
    ])
    expect(await readFile(file, 'utf8')).toBe(TALKS)
    expect((await wb.openDocument(doc.id)).readOnly).toBeNull()
  })
})
