import { readFile, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { StoreFile } from '../../../shared/model/project'
import { projectWith, tagOp, tempDir } from '../testing'
import { Workbench } from '../app/workbench'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

async function poll<T>(fn: () => Promise<T> | T, ok: (v: T) => boolean, ms = 3000): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    const v = await fn()
    if (ok(v) || Date.now() > until) return v
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** A workbench with maria's layer open on a project that jonas also writes to (by hand, on disk). */
async function shared() {
  const made = await projectWith({ 'talks.txt': 'Officials said the talks had failed. The ministry denied it.' })
  const config = await tempDir()
  cleanups.push(made.cleanup, config.cleanup)
  const wb = await Workbench.start({ configDir: config.dir, host: 'browser', version: 'test' })
  cleanups.push(() => wb.close())
  await wb.setAnnotator('maria')
  await wb.open(made.project.dir)
  const doc = made.project.documents[0]!.id
  return { wb, dir: made.project.dir, doc, project: made.project }
}

describe('changes made on disk by others', () => {
  it("picks up a colleague's layer written into the shared folder, and reloads it when it changes", async () => {
    const { wb, dir, doc, project } = await shared()
    await (
      await project.layer('jonas', doc)
    ).apply([await tagOp(project, doc, 'the talks', 'claim', 'j1')], await project.text(doc), project.tagSet, '2026-11-01T10:00:00.000Z')
    const jonasFile = join(dir, 'annotations', 'jonas', `${doc}.json`)
    const before = wb.changes(0).revision

    // A sync tool rewrites jonas's file with one more annotation.
    const store = StoreFile.parse(JSON.parse(await readFile(jonasFile, 'utf8')))
    const copy = {
      ...store.annotations[0]!,
      id: 'j2',
      target: {
        ...store.annotations[0]!.target,
        position: { type: 'TextPositionSelector' as const, start: 0, end: 9 },
        quote: { type: 'TextQuoteSelector' as const, exact: 'Officials', prefix: '', suffix: ' said the talks had failed. The m' },
      },
    }
    await writeFile(jonasFile, JSON.stringify({ ...store, annotations: [...store.annotations, copy] }))
    const changes = await poll(
      () => wb.changes(before),
      (c) => c.changed.length > 0,
    )
    expect(changes.changed).toContainEqual({ layer: 'jonas', document: doc })
    expect((await wb.current.layer('jonas', doc)).annotations.map((a) => a.id)).toEqual(['j1', 'j2'])
  })

  it('notices a new annotator folder appearing, and ignores its own saves', async () => {
    const { wb, dir, doc } = await shared()
    // The save of this window: the folder's watch adds nothing for it, and the window is not told of it.
    await wb.apply(
      doc,
      [{ op: 'put', annotation: { id: 'm1', label: 'claim', start: 0, end: 9, attributes: {}, note: '' } }],
      'window-self0',
    )
    await new Promise((r) => setTimeout(r, 400))
    expect(wb.changes(0, 'window-self0').changed).toEqual([])

    await mkdir(join(dir, 'annotations', 'lea'))
    const lea = {
      format: 'marginalia-annotations',
      version: 1,
      document: doc,
      sha256: wb.current.document(doc).sha256,
      annotator: 'lea',
      annotations: [],
      links: [],
    }
    await writeFile(join(dir, 'annotations', 'lea', `${doc}.json`), JSON.stringify(lea))
    const changes = await poll(
      () => wb.changes(0),
      (c) => c.changed.some((x) => x.layer === 'lea'),
    )
    expect(changes.changed).toContainEqual({ layer: 'lea', document: doc })
  })

  it('does not take in (or move aside) a half-written file from a sync tool', async () => {
    const { wb, dir, doc, project } = await shared()
    await (
      await project.layer('jonas', doc)
    ).apply([await tagOp(project, doc, 'the talks', 'claim', 'j1')], await project.text(doc), project.tagSet, '2026-11-01T10:00:00.000Z')
    await wb.current.layer('jonas', doc)
    const file = join(dir, 'annotations', 'jonas', `${doc}.json`)
    const full = await readFile(file, 'utf8')
    await writeFile(file, full.slice(0, 50))
    await new Promise((r) => setTimeout(r, 400))
    expect((await wb.current.layer('jonas', doc)).annotations).toHaveLength(1)
    expect(await readFile(file, 'utf8')).toBe(full.slice(0, 50))
  })

  it("notices a colleague's project memo and guidelines.md changing on disk, by name", async () => {
    const { wb, dir } = await shared()
    await mkdir(join(dir, 'annotations', 'jonas'), { recursive: true })
    const before = wb.changes(0).revision
    await writeFile(
      join(dir, 'annotations', 'jonas', '_project.json'),
      JSON.stringify({
        format: 'marginalia-memo',
        version: 1,
        annotator: 'jonas',
        memo: { text: 'Hi', modified: '2026-12-01T10:00:00.000Z' },
      }),
    )
    await writeFile(join(dir, 'guidelines.md'), '# Guidelines\n')
    const changes = await poll(
      () => wb.changes(before),
      (c) => c.changed.length >= 2,
    )
    expect(changes.changed).toEqual(
      expect.arrayContaining([
        { layer: 'jonas', document: '_project' },
        { layer: '_guidelines', document: null },
      ]),
    )
  })
})
