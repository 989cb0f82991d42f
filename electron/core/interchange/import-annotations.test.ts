import { execFileSync } from 'node:child_process'
import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { sliceCodePoints } from '../../../shared/offsets'
import { exportProject } from './export-formats'
import { importAnnotations, newerHere } from './import-annotations'
import type { StoreFile } from '../../../shared/model/project'
import { projectWith, tagOp } from '../testing'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

const ORIGINAL = 'Officials 😀 said the talks had failed. The ministry denied it.\nA second paragraph quoting Hamas.'
const NOW = '2026-11-01T10:00:00.000Z'

/** My project and a colleague's (jonas), whose copy of the text may differ. */
async function pair(colleagueText: string) {
  const mine = await projectWith({ 'talks.txt': ORIGINAL })
  const theirs = await projectWith({ 'talks.txt': colleagueText })
  cleanups.push(mine.cleanup, theirs.cleanup)
  const doc = theirs.project.documents[0]!.id
  await (
    await theirs.project.layer('jonas', doc)
  ).apply(
    [
      await tagOp(theirs.project, doc, 'the talks had failed', 'claim', 'c1'),
      await tagOp(theirs.project, doc, 'The ministry', 'source', 's1', { kind: 'government' }),
      { op: 'link', link: { id: 'l1', from: 'c1', to: 's1' } },
      await tagOp(theirs.project, doc, 'quoting Hamas', 'claim', 'c2'),
    ],
    await theirs.project.text(doc),
    theirs.project.tagSet,
    NOW,
  )
  return { mine: mine.project, theirs: theirs.project }
}

describe("importing a colleague's annotations", () => {
  it('adds their layer as is when the texts are identical', async () => {
    const { mine, theirs } = await pair(ORIGINAL)
    const report = await importAnnotations(mine, theirs.dir, 'maria')
    expect(report.errors).toEqual([])
    expect(report.layers).toEqual([
      expect.objectContaining({ from: 'jonas', as: 'jonas', imported: 3, reanchored: 0, unplaced: [], skipped: null }),
    ])
    const layer = await mine.layer('jonas', mine.documents[0]!.id)
    expect(layer.links).toHaveLength(1)
    const again = await importAnnotations(mine, theirs.dir, 'maria')
    expect(again.layers[0]).toMatchObject({ skipped: 'already up to date', imported: 0 })
  })

  it('skips a layer whose export comes back unchanged, though the export lists it in another order', async () => {
    const { project, cleanup } = await projectWith({ 'talks.txt': ORIGINAL })
    cleanups.push(cleanup)
    const doc = project.documents[0]!.id
    // Made back to front: the layer holds them in the order they were made, the export in text order.
    await (
      await project.layer('jonas', doc)
    ).apply(
      [
        await tagOp(project, doc, 'quoting Hamas', 'claim', 'c2'),
        await tagOp(project, doc, 'The ministry', 'source', 's1', { kind: 'government' }),
        await tagOp(project, doc, 'the talks had failed', 'claim', 'c1'),
        { op: 'link', link: { id: 'l1', from: 'c1', to: 's1' } },
      ],
      await project.text(doc),
      project.tagSet,
      NOW,
    )
    const out = await exportProject(project, { annotators: 'all', reviewed: false, format: 'jsonl' }, new Date(NOW))
    const file = join(project.dir, 'export.jsonl')
    await writeFile(file, out.entries[0]!.content as string)
    const report = await importAnnotations(project, file, 'maria')
    expect(report.errors).toEqual([])
    expect(report.layers).toEqual([expect.objectContaining({ as: 'jonas', imported: 0, skipped: 'already up to date', keptAside: null })])
    expect((await readdir(join(project.dir, 'annotations', 'jonas'))).filter((f) => f.includes('before-import'))).toEqual([])
  })

  it('re-anchors by quote when their text differs, and lists what cannot be placed', async () => {
    const changed = `Update 👩‍👩‍👧: ${ORIGINAL} Nobody else spoke.`
    const { mine, theirs } = await pair(changed)
    // Their copy has an extra sentence in front and one at the end, which mine lacks.
    const theirDoc = theirs.documents[0]!.id
    await (
      await theirs.layer('jonas', theirDoc)
    ).apply([await tagOp(theirs, theirDoc, 'Nobody else spoke', 'claim', 'c3')], await theirs.text(theirDoc), theirs.tagSet, NOW)
    const report = await importAnnotations(mine, theirs.dir, 'maria')
    const layer = report.layers[0]!
    expect(layer).toMatchObject({
      imported: 3,
      reanchored: 3,
      unplaced: [{ id: 'c3', exact: 'Nobody else spoke', reason: 'the quote is not in this text' }],
    })
    const text = await readFile(join(mine.dir, mine.documents[0]!.file), 'utf8')
    for (const a of (await mine.layer('jonas', mine.documents[0]!.id)).annotations) {
      expect(sliceCodePoints(text, a.target.position.start, a.target.position.end)).toBe(a.target.quote.exact)
    }
  })

  it('says when the name given for the import was not used, because the file names whose annotations they are', async () => {
    const { mine, theirs } = await pair(ORIGINAL)
    const report = await importAnnotations(mine, theirs.dir, 'maria', 'lena')
    expect(report.layers.map((l) => l.as)).toEqual(['jonas'])
    expect(report.notes).toEqual([
      `${basename(theirs.dir)} names whose annotations these are (jonas), so each went into that annotator's layer, not into "lena".`,
    ])
    // Named as the file names it: nothing to say.
    expect((await importAnnotations(mine, theirs.dir, 'maria', 'jonas', undefined, true)).notes).toEqual([])
  })

  it("never writes into the current user's own layer, and keeps a replaced layer aside", async () => {
    const { mine, theirs } = await pair(ORIGINAL)
    const report = await importAnnotations(mine, theirs.dir, 'jonas')
    expect(report.layers[0]!.as).toBe('jonas-imported')

    const doc = theirs.documents[0]!.id
    await importAnnotations(mine, theirs.dir, 'maria')
    await (await theirs.layer('jonas', doc)).apply([{ op: 'delete', id: 'c2' }], await theirs.text(doc), theirs.tagSet, NOW)
    const second = await importAnnotations(mine, theirs.dir, 'maria')
    expect(second.layers[0]!.keptAside).toMatch(/\.json\.before-import-/)
    const files = await readdir(join(mine.dir, 'annotations', 'jonas'))
    expect(files.some((f) => f.includes('.before-import-'))).toBe(true)
    expect((await mine.layer('jonas', mine.documents[0]!.id)).annotations).toHaveLength(2)
  })

  it('never replaces a layer that has newer work than the import with an older copy, unless asked to', async () => {
    const { mine, theirs } = await pair(ORIGINAL)
    await importAnnotations(mine, theirs.dir, 'maria')
    const doc = mine.documents[0]!.id
    // A day later, jonas's layer here gets a new claim (the helper's case: his newer work, then an older copy imported).
    const LATER = '2026-11-02T09:30:00.000Z'
    await (
      await mine.layer('jonas', doc)
    ).apply([await tagOp(mine, doc, 'A second paragraph', 'claim', 'c9')], await mine.text(doc), mine.tagSet, LATER)
    // Their copy meanwhile lost c2 (older than the new claim here).
    const theirDoc = theirs.documents[0]!.id
    await (await theirs.layer('jonas', theirDoc)).apply([{ op: 'delete', id: 'c2' }], await theirs.text(theirDoc), theirs.tagSet, NOW)
    const report = await importAnnotations(mine, theirs.dir, 'maria')
    expect(report.layers[0]).toMatchObject({ as: 'jonas', imported: 0, skippedNewer: true, keptAside: null })
    expect(report.layers[0]!.skipped).toMatch(
      /^this project's layer has changes from 2026-11-02 09:30 UTC, newer than anything in the import/,
    )
    const ids = async () => (await mine.layer('jonas', doc)).annotations.map((a) => a.id).sort()
    expect(await ids()).toEqual(['c1', 'c2', 'c9', 's1'])
    expect((await readdir(join(mine.dir, 'annotations', 'jonas'))).filter((f) => f.includes('before-import'))).toEqual([])
    // Asked to, it replaces the layer, keeping the one here aside.
    const replaced = await importAnnotations(mine, theirs.dir, 'maria', null, undefined, true)
    expect(replaced.layers[0]).toMatchObject({ skipped: null, keptAside: expect.stringMatching(/\.before-import-/) })
    expect(await ids()).toEqual(['c1', 's1'])
    const aside = JSON.parse(await readFile(join(mine.dir, 'annotations', 'jonas', replaced.layers[0]!.keptAside!), 'utf8')) as {
      annotations: { id: string }[]
    }
    expect(aside.annotations.map((a) => a.id).sort()).toEqual(['c1', 'c2', 'c9', 's1'])
  })

  it('skips your own layer come back unchanged, instead of keeping it as a second annotator "<you>-imported"', async () => {
    const { mine, theirs } = await pair(ORIGINAL)
    await importAnnotations(mine, theirs.dir, 'maria')
    // Now jonas imports the same copy of his own layer (an archive he sent, come back).
    const report = await importAnnotations(mine, theirs.dir, 'jonas')
    expect(report.layers[0]).toMatchObject({ as: 'jonas-imported', imported: 0, skipped: 'the same as your own layer' })
    expect(await mine.annotators()).not.toContain('jonas-imported')
    // Changed there, it is kept beside his own, as before.
    const theirDoc = theirs.documents[0]!.id
    await (await theirs.layer('jonas', theirDoc)).apply([{ op: 'delete', id: 'c2' }], await theirs.text(theirDoc), theirs.tagSet, NOW)
    const changed = await importAnnotations(mine, theirs.dir, 'jonas')
    expect(changed.layers[0]).toMatchObject({ as: 'jonas-imported', skipped: null })
  })

  it('says what the import holds that a layer with newer work lacks, when it leaves that layer as it is', async () => {
    const { mine, theirs } = await pair(ORIGINAL)
    await importAnnotations(mine, theirs.dir, 'maria')
    const doc = mine.documents[0]!.id
    // Both sides tag after the first import: theirs earlier, here later.
    const theirDoc = theirs.documents[0]!.id
    await (
      await theirs.layer('jonas', theirDoc)
    ).apply(
      [await tagOp(theirs, theirDoc, 'quoting', 'source', 's5')],
      await theirs.text(theirDoc),
      theirs.tagSet,
      '2026-11-02T08:00:00.000Z',
    )
    await (
      await mine.layer('jonas', doc)
    ).apply([await tagOp(mine, doc, 'A second paragraph', 'claim', 'c9')], await mine.text(doc), mine.tagSet, '2026-11-02T09:30:00.000Z')
    const report = await importAnnotations(mine, theirs.dir, 'maria')
    expect(report.layers[0]).toMatchObject({ imported: 0, skippedNewer: true })
    expect(report.layers[0]!.skipped).toMatch(
      /newer than anything in the import, which would replace them; the import has an annotation this layer lacks or holds otherwise, which only replacing it brings in \(this layer is then kept aside\)$/,
    )
  })

  it('counts an annotation deleted there as a change there: the newest annotation, deleted since, does not stay', async () => {
    const { mine, theirs } = await pair(ORIGINAL)
    const doc = theirs.documents[0]!.id
    // Their newest annotation, imported here, then deleted there: the deletion is their newest change.
    await (
      await theirs.layer('jonas', doc)
    ).apply(
      [await tagOp(theirs, doc, 'A second paragraph', 'claim', 'c3')],
      await theirs.text(doc),
      theirs.tagSet,
      '2026-11-02T09:00:00.000Z',
    )
    await importAnnotations(mine, theirs.dir, 'maria')
    await (
      await theirs.layer('jonas', doc)
    ).apply([{ op: 'delete', id: 'c3' }], await theirs.text(doc), theirs.tagSet, '2026-11-02T10:00:00.000Z')
    const report = await importAnnotations(mine, theirs.dir, 'maria')
    // It was skipped: "this project's layer has changes from 2026-11-02 09:00 UTC, newer than anything in the import".
    expect(report.layers[0]).toMatchObject({ skipped: null, keptAside: expect.stringMatching(/\.before-import-/) })
    const here = await mine.layer('jonas', mine.documents[0]!.id)
    expect(here.annotations.map((a) => a.id).sort()).toEqual(['c1', 'c2', 's1'])
    // The layer keeps the import's last deletion, so the next import still knows when it last changed.
    expect(here.db.data.deleted).toBe('2026-11-02T10:00:00.000Z')
  })

  it('counts an annotation deleted here after the import’s newest change as newer work: it does not come back', async () => {
    const { mine, theirs } = await pair(ORIGINAL)
    await importAnnotations(mine, theirs.dir, 'maria')
    const doc = mine.documents[0]!.id
    await (
      await mine.layer('jonas', doc)
    ).apply([{ op: 'delete', id: 'c2' }], await mine.text(doc), mine.tagSet, '2026-11-02T09:30:00.000Z')
    const report = await importAnnotations(mine, theirs.dir, 'maria')
    expect(report.layers[0]).toMatchObject({ imported: 0, skippedNewer: true })
    expect(report.layers[0]!.skipped).toMatch(/changes from 2026-11-02 09:30 UTC/)
    expect((await mine.layer('jonas', doc)).annotations.map((a) => a.id).sort()).toEqual(['c1', 's1'])
  })

  it('counts a reply, memo or status changed here after the import’s newest change as newer work', () => {
    const store = (over: Partial<StoreFile>): StoreFile => ({
      format: 'marginalia-annotations',
      version: 2,
      document: 'talks-1',
      sha256: 'a'.repeat(64),
      annotator: 'jonas',
      annotations: [],
      links: [],
      ...over,
    })
    const reply = {
      id: 'r1',
      on: { layer: 'maria', annotation: 'm1' },
      text: 'Agreed.',
      author: 'jonas',
      created: '2026-11-03T08:00:00.000Z',
    }
    const old = store({ memo: { text: 'first', modified: NOW } })
    expect(newerHere(store({ memo: { text: 'first', modified: NOW }, replies: [reply] }), old)).toBe('2026-11-03T08:00:00.000Z')
    expect(newerHere(store({ memo: { text: 'second', modified: '2026-11-04T00:00:00.000Z' } }), old)).toBe('2026-11-04T00:00:00.000Z')
    expect(newerHere(store({ status: { state: 'done', changed: '2026-11-05T00:00:00.000Z' } }), old)).toBe('2026-11-05T00:00:00.000Z')
    // Older than the import's newest change: the import may replace it.
    expect(newerHere(store({ memo: { text: 'zero', modified: '2026-10-01T00:00:00.000Z' } }), old)).toBeNull()
  })

  it('refuses a layer whose name differs from an annotator here only in capitals (one folder on macOS and Windows)', async () => {
    const { mine, theirs } = await pair(ORIGINAL)
    await importAnnotations(mine, theirs.dir, 'maria')
    const doc = theirs.documents[0]!.id
    const file = join(theirs.dir, 'annotations', 'jonas', `${doc}.json`)
    const store = JSON.parse(await readFile(file, 'utf8')) as { annotator: string }
    await mkdir(join(theirs.dir, 'annotations', 'Jonas'))
    await writeFile(join(theirs.dir, 'annotations', 'Jonas', `${doc}.json`), JSON.stringify({ ...store, annotator: 'Jonas' }))
    const report = await importAnnotations(mine, join(theirs.dir, 'annotations', 'Jonas', `${doc}.json`), 'maria')
    expect(report.layers).toEqual([])
    expect(report.errors).toEqual([
      expect.stringMatching(
        /^Jonas's layer of ".*" was not imported: this project has an annotator "jonas", a name that differs only in capitals/,
      ),
    ])
    expect(await readdir(join(mine.dir, 'annotations'))).not.toContain('Jonas')
  })

  it('imports one store file, and says clearly what it cannot use', async () => {
    const { mine, theirs } = await pair(ORIGINAL)
    const doc = theirs.documents[0]!.id
    const report = await importAnnotations(mine, join(theirs.dir, 'annotations', 'jonas', `${doc}.json`), 'maria')
    expect(report.layers[0]).toMatchObject({ as: 'jonas', imported: 3 })
    const junk = join(theirs.dir, 'junk.json')
    await writeFile(junk, '{"hello": 1}')
    expect((await importAnnotations(mine, junk, 'maria')).errors).toEqual([
      'junk.json is not a Marginalia annotations file, so it was not imported.',
    ])
    await expect(importAnnotations(mine, join(theirs.dir, 'nope'), 'maria')).rejects.toThrow(/does not exist/)
  })
})

describe.skipIf(process.platform === 'win32')('importing from a folder that holds pipes, devices and links', () => {
  it('skips a layer that is a named pipe or links to /dev/zero, in one sentence each, and answers within a second', async () => {
    const { mine, theirs } = await pair(ORIGINAL)
    const doc = theirs.documents[0]!.id
    await mkdir(join(theirs.dir, 'annotations', 'rita'))
    execFileSync('mkfifo', [join(theirs.dir, 'annotations', 'rita', `${doc}.json`)])
    await mkdir(join(theirs.dir, 'annotations', 'lena'))
    await symlink('/dev/zero', join(theirs.dir, 'annotations', 'lena', `${doc}.json`))
    const before = process.memoryUsage().rss
    const started = Date.now()
    // Five at once: were any read waiting on the pipe, Node's four file-system threads would be taken.
    const reports = await Promise.all(Array.from({ length: 5 }, () => importAnnotations(mine, theirs.dir, 'maria')))
    expect((await mine.text(mine.documents[0]!.id)).length).toBeGreaterThan(0)
    expect(Date.now() - started).toBeLessThan(1000)
    expect(process.memoryUsage().rss - before).toBeLessThan(100_000_000)
    const report = reports[0]!
    expect(report.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^annotations/lena/${doc}\\.json was skipped because it is a link to /dev/zero, outside the folder it was found in \\(.*\\)\\.$`,
        ),
      ),
      `annotations/rita/${doc}.json was skipped because it is a named pipe (FIFO), not a file.`,
    ])
    expect(report.layers.map((l) => l.as)).toEqual(['jonas'])
  })

  it('skips a brat .txt that is a named pipe, and an .ann that is one, importing the rest', async () => {
    const { mine, theirs } = await pair(ORIGINAL)
    const brat = join(theirs.dir, 'brat')
    await mkdir(brat)
    const id = mine.documents[0]!.id
    await writeFile(join(brat, `${id}.ann`), 'T1\tclaim 0 9\tOfficials\n')
    execFileSync('mkfifo', [join(brat, `${id}.txt`)])
    execFileSync('mkfifo', [join(brat, 'other.ann')])
    const started = Date.now()
    const report = await importAnnotations(mine, brat, 'maria', 'rita')
    expect(Date.now() - started).toBeLessThan(1000)
    expect(report.errors).toEqual([
      `${id}.txt was skipped because it is a named pipe (FIFO), not a file.`,
      'other.ann was skipped because it is a named pipe (FIFO), not a file.',
    ])
    expect(report.layers).toEqual([expect.objectContaining({ as: 'rita', imported: 1 })])
  })

  it('refuses a chosen file that is a pipe or a device, without reading it', async () => {
    const { mine, theirs } = await pair(ORIGINAL)
    const pipe = join(theirs.dir, 'export.jsonl')
    execFileSync('mkfifo', [pipe])
    await expect(importAnnotations(mine, pipe, 'maria')).rejects.toThrow(
      'export.jsonl was not read because it is a named pipe (FIFO), not a file; pick',
    )
    await expect(importAnnotations(mine, '/dev/zero', 'maria')).rejects.toThrow(
      'zero was not read because it is a device, not a file; pick',
    )
  })
})
