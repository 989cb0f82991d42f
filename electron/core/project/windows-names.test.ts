/**
 * Names Windows cannot give a file or folder (CON, PRN, AUX, NUL, COM1–9, LPT1–9, in any case,
 * with or without an extension): a project made on Linux or macOS must open on Windows, so no
 * annotator folder and no text may be named so.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../shared/api'
import { isWindowsReservedName } from '../../../shared/model/annotation'
import { createHandlers } from '../app/handlers'
import { importAnnotations } from '../interchange/import-annotations'
import { projectWith, tagOp, tempDir } from '../testing'
import { validateProject } from './validate-project'
import { Workbench } from '../app/workbench'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

const TEXT = 'Officials said the talks had failed. The ministry denied it.'

describe('names Windows reserves', () => {
  it('are recognised in any case, with an extension, and only as the whole name', () => {
    for (const name of ['CON', 'con', 'Nul', 'aux', 'PRN', 'COM1', 'com9', 'LPT1', 'lpt9', 'COM¹', 'nul.json', 'con .x', 'Com1.tar.gz'])
      expect(isWindowsReservedName(name), name).toBe(true)
    for (const name of ['Connie', 'console', 'com10', 'lpt', 'null', 'auxiliary', 'maria', 'con-5f1c2a9e', 'icon'])
      expect(isWindowsReservedName(name), name).toBe(false)
  })

  it('cannot be an annotator name, on any system, with one sentence; a layer named so is imported under another name', async () => {
    const made = await projectWith({ 'talks.txt': TEXT })
    const config = await tempDir()
    cleanups.push(made.cleanup, config.cleanup)
    const wb = await Workbench.start({ configDir: config.dir, host: 'browser', version: 'test' })
    cleanups.push(() => wb.close())
    await wb.open(made.dir)
    const handlers = createHandlers(wb)
    for (const name of ['CON', 'nul', 'COM1', 'Lpt3']) {
      expect(await dispatch(handlers, 'settings.setAnnotator', { name })).toEqual({
        ok: false,
        error: {
          code: 'invalid',
          retry: 'never',
          message: `"${name}" cannot be an annotator's name: Windows reserves it for a device, so a project with that folder would not open there; choose another name.`,
        },
      })
    }
    expect(await dispatch(handlers, 'settings.setAnnotator', { name: 'Connie' })).toMatchObject({ ok: true })
    expect(await dispatch(handlers, 'annotations.import', { path: made.dir, as: 'aux' })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    })

    // A colleague's project made where CON is a folder name: that layer comes in as CON-imported.
    const theirs = await projectWith({ 'talks.txt': TEXT })
    cleanups.push(theirs.cleanup)
    const doc = theirs.project.documents[0]!.id
    await (
      await theirs.project.layer('CON', doc)
    ).apply(
      [await tagOp(theirs.project, doc, 'the talks', 'claim', 'c1')],
      await theirs.project.text(doc),
      theirs.project.tagSet,
      '2026-11-01T10:00:00.000Z',
    )
    const report = await importAnnotations(wb.current, theirs.dir, 'Connie')
    expect(report.layers).toEqual([expect.objectContaining({ from: 'CON', as: 'CON-imported', imported: 1 })])
    expect((await readdir(join(made.dir, 'annotations'))).filter((f) => isWindowsReservedName(f))).toEqual([])
  })

  it('never becomes a document id, and validate names any that a project already has', async () => {
    const { project, dir, cleanup } = await projectWith({})
    cleanups.push(cleanup)
    const csv = 'id,text\ncon,The first row of text.\nNUL,The second row of text.\nok,The third row.\n'
    const { imported } = await project.importFiles([
      { name: 'rows.csv', bytes: new TextEncoder().encode(csv), csv: { text: 'text', title: null, id: 'id' } },
    ])
    expect(imported.map((d) => d.id)).toEqual(['con-doc', 'nul-doc', 'ok'])
    expect((await readdir(join(dir, 'texts'))).sort()).toEqual(['con-doc.txt', 'nul-doc.txt', 'ok.txt'])
    expect((await validateProject(dir)).problems).toEqual([])

    // A folder made on Linux by hand (or by an older Marginalia): validate says so.
    await mkdir(join(dir, 'annotations', 'COM1'))
    await writeFile(join(dir, 'annotations', 'COM1', 'ok.json'), '{}')
    const problems = (await validateProject(dir)).problems.map((p) => p.message)
    expect(problems).toContainEqual(
      '"COM1" is a folder name Windows cannot hold, so this project will not open on Windows; rename the folder (and the annotator in its files)',
    )
  })
})
