import { randomBytes } from 'node:crypto'
import { readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../shared/api'
import { StoreFile } from '../../../shared/model/project'
import { createHandlers } from '../app/handlers'
import { annotationsOf, projectWith, tempDir } from '../testing'
import { Workbench } from '../app/workbench'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

const TEXTS = {
  'talks.txt': 'Officials said the talks had failed. The ministry denied it on Tuesday.',
  'vote.txt': 'The council voted to close the port, a spokeswoman said.',
}

/** A workbench on a project folder, as the app starts one (annotator maria). */
async function launch(dir: string, configDir: string, policy = { snapshotEveryMs: 0, maxSnapshots: 3, maxSnapshotBytes: 1_000_000 }) {
  const wb = await Workbench.start({ configDir, host: 'browser', version: 'test', backupPolicy: policy })
  cleanups.push(() => wb.close())
  await wb.setAnnotator('maria')
  await wb.open(dir)
  return wb
}

const put = (id: string, start: number, end: number) => ({
  op: 'put' as const,
  annotation: { id, label: 'claim', start, end, attributes: {}, note: '' },
})

/** A project where maria has saved three times on each document. */
async function annotated() {
  const made = await projectWith(TEXTS)
  const config = await tempDir()
  cleanups.push(made.cleanup, config.cleanup)
  const wb = await launch(made.dir, config.dir)
  const [a, b] = made.project.documents.map((d) => d.id) as [string, string]
  for (const [i, id] of ['a1', 'a2', 'a3'].entries()) {
    await wb.apply(a, [put(id, i * 5, i * 5 + 4)])
    await wb.apply(b, [put(`b${i + 1}`, i * 5, i * 5 + 4)])
  }
  wb.close()
  const store = (doc: string) => join(made.dir, 'annotations', 'maria', `${doc}.json`)
  return { dir: made.dir, config: config.dir, a, b, store }
}

/** Damage a file the way disks, sync tools and editors do, and date it a minute back (settled). */
async function damage(path: string, how: 'truncated' | 'empty' | 'zeros' | 'garbage' | 'wrong shape') {
  const good = await readFile(path)
  const bad =
    how === 'truncated'
      ? good.subarray(0, Math.floor(good.length / 2))
      : how === 'empty'
        ? Buffer.alloc(0)
        : how === 'zeros'
          ? Buffer.alloc(good.length)
          : how === 'garbage'
            ? randomBytes(good.length)
            : Buffer.from('{"format":"marginalia-annotations","version":1,"annotations":"lost"}')
  await writeFile(path, bad)
  const past = new Date(Date.now() - 60_000)
  await utimes(path, past, past)
  return bad
}

describe('a damaged annotation store', () => {
  for (const how of ['truncated', 'empty', 'zeros', 'garbage', 'wrong shape'] as const) {
    it(`(${how}) is kept aside, said in one sentence, the rest opens, and its last good copy restores`, async () => {
      const { dir, config, a, b, store } = await annotated()
      const bad = await damage(store(a), how)

      const wb = await launch(dir, config)
      const opened = await wb.openDocument(a)
      expect(opened.annotations.rows).toEqual([])
      expect(opened.notice).toMatch(
        /^The file of maria’s annotations on “Officials said the talks had failed\. The ministry denied it on Tuesday\.” (is empty|is not valid JSON|does not have the expected structure \(.*\)); it was kept as [a-z0-9-]+\.json\.unreadable-[0-9TZ-]+ and a new one was started; its last good copy, saved \d{4}-\d\d-\d\d \d\d:\d\d UTC \(3 annotations, 0 links\), is pinned: Marginalia keeps it until you restore it or say it is not needed\.$/,
      )
      const aside = (await readdir(join(dir, 'annotations', 'maria'))).find((f) => f.includes('.unreadable-'))!
      expect(await readFile(join(dir, 'annotations', 'maria', aside))).toEqual(bad)

      // Everything else opens as before.
      expect(annotationsOf(await wb.openDocument(b)).map((x) => x.id)).toEqual(['b1', 'b2', 'b3'])
      expect(
        (
          await wb.exportAnnotations({
            format: 'csv',
            layer: 'all',
            annotator: null,
            bom: false,
            neutralizeFormulas: true,
            documents: null,
            base: null,
            table: 'spans',
          })
        ).annotations,
      ).toBe(3)

      // The last good copy is pinned and offered first, and restoring it brings every saved annotation back.
      const handlers = createHandlers(wb)
      const listed = await dispatch(handlers, 'backups.list', { store: { store: 'annotations', annotator: 'maria', document: a } })
      const pin = (listed as { value: { id: string }[] }).value[0]!
      expect(pin).toMatchObject({
        id: expect.stringMatching(/^pinned-/),
        kind: 'pinned',
        summary: '3 annotations, 0 links',
        restorable: true,
        pinned: { keptAs: aside },
      })
      const restored = await dispatch(handlers, 'backups.restore', {
        store: { store: 'annotations', annotator: 'maria', document: a },
        backup: pin.id,
      })
      expect(restored).toMatchObject({ ok: true, value: { restored: { summary: '3 annotations, 0 links' } } })
      const back = await wb.openDocument(a)
      expect(back.notice).toBeNull()
      expect(annotationsOf(back).map((x) => x.id)).toEqual(['a1', 'a2', 'a3'])
      expect(StoreFile.parse(JSON.parse(await readFile(store(a), 'utf8'))).annotations).toHaveLength(3)
      expect(await readFile(join(dir, 'annotations', 'maria', aside))).toEqual(bad)
    })
  }

  it('keeps earlier versions as snapshots, bounded in number, and a restore can itself be undone', async () => {
    const { dir, config, a, store } = await annotated()
    const wb = await launch(dir, config)
    for (let i = 4; i <= 8; i++) await wb.apply(a, [put(`a${i}`, 0, i)])
    const ref = { store: 'annotations' as const, annotator: 'maria', document: a }
    const list = await wb.listBackups(ref)
    // latest + at most 3 snapshots (the policy), newest first, each a saved version.
    expect(list.map((b) => b.kind)).toEqual(['latest', 'snapshot', 'snapshot', 'snapshot'])
    expect(list.map((b) => b.summary)).toEqual([
      '8 annotations, 0 links',
      '7 annotations, 0 links',
      '6 annotations, 0 links',
      '5 annotations, 0 links',
    ])
    expect(await readFile(join(dir, '.marginalia', 'backups', 'annotations', 'maria', a, 'latest.json'), 'utf8')).toBe(
      await readFile(store(a), 'utf8'),
    )

    const since = wb.changes(0).revision
    await wb.restoreBackup(ref, list[3]!.id, 'window-restorer')
    // The window that restored shows it itself; another window hears of it as of a change on disk
    // (the restorer was told "your annotations were changed elsewhere").
    expect(wb.changes(since, 'window-restorer').changed).toEqual([])
    expect(wb.changes(since, 'window-other').changed).toContainEqual({ layer: 'maria', document: a })
    expect(annotationsOf(await wb.openDocument(a))).toHaveLength(5)
    const after = await wb.listBackups(ref)
    expect(after[0]).toMatchObject({ kind: 'latest', summary: '5 annotations, 0 links' })
    expect(after.some((b) => b.summary === '8 annotations, 0 links')).toBe(true)
    expect(wb.changes(0).changed).toContainEqual({ layer: 'maria', document: a })
  })

  it('refuses backup ids that are not backups of that file (no path traversal)', async () => {
    const { dir, config, a } = await annotated()
    const handlers = createHandlers(await launch(dir, config))
    for (const backup of ['../../project.json', '..\\latest.json', 'latest.json/../../x', '/etc/passwd', 'latest.jsonx']) {
      expect(
        await dispatch(handlers, 'backups.restore', { store: { store: 'annotations', annotator: 'maria', document: a }, backup }),
      ).toMatchObject({ ok: false, error: { code: 'invalid' } })
    }
    expect(
      await dispatch(handlers, 'backups.restore', {
        store: { store: 'annotations', annotator: 'maria', document: a },
        backup: '2020-01-01T00-00-00-000Z.json',
      }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await dispatch(handlers, 'backups.list', { store: { store: 'annotations', annotator: '../maria', document: a } })).toMatchObject(
      { ok: false, error: { code: 'invalid' } },
    )
  })
})

describe('a damaged project.json', () => {
  it('is refused in one sentence naming the last good copy; restoring it opens the project, the bad file kept aside', async () => {
    const { dir, config, a } = await annotated()
    const wb0 = await launch(dir, config)
    await wb0.rename(a, 'Talks (renamed)')
    wb0.close()
    const bad = await damage(join(dir, 'project.json'), 'truncated')

    const wb = await Workbench.start({ configDir: config, host: 'browser', version: 'test' })
    cleanups.push(() => wb.close())
    const handlers = createHandlers(wb)
    const opened = await dispatch(handlers, 'project.open', { path: dir })
    expect(opened).toMatchObject({ ok: false, error: { code: 'invalid' } })
    const message = (opened as { error: { message: string } }).error.message
    expect(message).toMatch(
      /project\.json is not valid JSON, so the project cannot be opened; restore its last good copy \(saved .* UTC\) from the backups Marginalia keeps, or fix it yourself \(Marginalia has not changed it\)\.$/,
    )
    expect(await readFile(join(dir, 'project.json'))).toEqual(bad)

    const list = await dispatch(handlers, 'backups.list', { store: { store: 'project', path: dir } })
    expect((list as { value: unknown[] }).value[0]).toMatchObject({
      id: 'latest.json',
      summary: '2 documents, “Test project”',
      restorable: true,
    })
    const restored = await dispatch(handlers, 'backups.restore', { store: { store: 'project', path: dir }, backup: 'latest.json' })
    expect(restored).toMatchObject({
      ok: true,
      value: {
        project: { path: dir, documentCount: 2 },
        notice: expect.stringMatching(/project\.json is not valid JSON; it was kept as project\.json\.unreadable-/),
      },
    })
    expect((await wb.listDocuments()).map((d) => d.title)).toContain('Talks (renamed)')
    const aside = (await readdir(dir)).find((f) => f.startsWith('project.json.unreadable-'))!
    expect(await readFile(join(dir, aside))).toEqual(bad)
  })
  it('damaged while the project is open: the next change keeps it aside, saves what was open, and the user is told until they dismiss it', async () => {
    const { dir, config, a } = await annotated()
    const wb = await launch(dir, config)
    const handlers = createHandlers(wb)
    const start = (await dispatch(handlers, 'project.changes', { since: 0 })) as { value: { revision: number; notice?: string } }
    expect(start.value.notice).toBeUndefined()
    const bad = await damage(join(dir, 'project.json'), 'garbage')
    expect(await dispatch(handlers, 'documents.rename', { id: a, title: 'Talks (renamed)' })).toMatchObject({ ok: true })
    const changes = (await dispatch(handlers, 'project.changes', { since: start.value.revision })) as { value: { notice?: string } }
    expect(changes.value.notice).toMatch(
      /project\.json is not valid JSON; it was kept as project\.json\.unreadable-[0-9TZ-]+, and what was open here was saved in its place\. Whatever another program wrote in it is not in the project now; Project › Backups… lists the file’s earlier versions\.$/,
    )
    // Nothing of the project was lost: the rename and both documents are in the new file; the bad one is kept as it was.
    expect((await wb.listDocuments()).map((d) => d.title)).toContain('Talks (renamed)')
    expect(JSON.parse(await readFile(join(dir, 'project.json'), 'utf8')).documents).toHaveLength(2)
    const aside = (await readdir(dir)).find((f) => f.startsWith('project.json.unreadable-'))!
    expect(await readFile(join(dir, aside))).toEqual(bad)
    expect(await dispatch(handlers, 'project.dismissNotice', {})).toEqual({ ok: true, value: null })
    expect(((await dispatch(handlers, 'project.changes', { since: 0 })) as { value: { notice?: string } }).value.notice).toBeUndefined()
  })
})

describe('the last good copy of a damaged layer', () => {
  const ref = (document: string) => ({ store: 'annotations' as const, annotator: 'maria', document })
  const DEFAULT = { snapshotEveryMs: 10 * 60_000, maxSnapshots: 10, maxSnapshotBytes: 20_000_000 }

  /** Annotated as the app does by default (a snapshot at most every 10 minutes), then damaged on disk. */
  async function damagedLayer() {
    const made = await annotated()
    await damage(made.store(made.a), 'garbage')
    return made
  }

  it('is pinned: saves, snapshots and restarts after the damage never replace it, and the banner names it until it is restored', async () => {
    const { dir, config, a } = await damagedLayer()
    let wb = await launch(dir, config, DEFAULT)
    const opened = await wb.openDocument(a)
    expect(opened.pinned).toMatchObject({ kind: 'pinned', summary: '3 annotations, 0 links', restorable: true })
    // Work goes on in the new file: many saves, with snapshots due at every one, and restarts.
    for (let i = 0; i < 12; i++) {
      await wb.apply(a, [put(`n${i}`, i, i + 3)])
      if (i % 4 === 3) {
        wb.close()
        wb = await launch(dir, config, { snapshotEveryMs: 0, maxSnapshots: 2, maxSnapshotBytes: 1_000_000 })
      }
    }
    const list = await wb.listBackups(ref(a))
    expect(list.filter((b) => b.kind === 'pinned')).toEqual([
      expect.objectContaining({ id: opened.pinned!.id, summary: '3 annotations, 0 links' }),
    ])
    // After a restart the document still says which copy is pinned and why.
    const again = await wb.openDocument(a)
    expect(again.notice).toMatch(
      /^The file of maria’s annotations on “.*” was found damaged on \d{4}-\d\d-\d\d \d\d:\d\d UTC \(kept as [a-z0-9-]+\.json\.unreadable-[0-9TZ-]+\); its last good copy, saved .* \(3 annotations, 0 links\), is pinned: Marginalia keeps it until you restore it or say it is not needed\.$/,
    )
    expect(again.annotations.rows).toHaveLength(12)

    // Restoring it brings back the work saved before the damage; the work since is kept too.
    await wb.restoreBackup(ref(a), opened.pinned!.id)
    const restored = await wb.openDocument(a)
    expect(restored).toMatchObject({ notice: null, pinned: null })
    expect(annotationsOf(restored).map((x) => x.id)).toEqual(['a1', 'a2', 'a3'])
    const after = await wb.listBackups(ref(a))
    expect(after.some((b) => b.kind === 'pinned')).toBe(false)
    expect(after.some((b) => b.summary === '12 annotations, 0 links')).toBe(true)
  })

  it('stays until the user says it is not needed, then becomes an ordinary earlier version', async () => {
    const { dir, config, a } = await damagedLayer()
    const wb = await launch(dir, config, DEFAULT)
    const { pinned } = await wb.openDocument(a)
    await wb.apply(a, [put('n1', 0, 4)])
    const handlers = createHandlers(wb)
    const unpinned = await dispatch(handlers, 'backups.unpin', { store: ref(a), backup: pinned!.id })
    expect(unpinned).toMatchObject({ ok: true })
    const list = (unpinned as { value: { kind: string; summary: string }[] }).value
    expect(list.some((b) => b.kind === 'pinned')).toBe(false)
    expect(list).toContainEqual(expect.objectContaining({ kind: 'snapshot', summary: '3 annotations, 0 links' }))
    expect(await wb.openDocument(a)).toMatchObject({ notice: null, pinned: null })
    expect(await dispatch(handlers, 'backups.unpin', { store: ref(a), backup: pinned!.id })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
  })

  it('is pinned, and the user told, when the file is damaged while open and the next save sets it aside', async () => {
    const { dir, config, a, store } = await annotated()
    const wb = await launch(dir, config, DEFAULT)
    expect(annotationsOf(await wb.openDocument(a))).toHaveLength(3)
    await damage(store(a), 'truncated')
    const saved = await wb.apply(a, [put('n1', 0, 4)])
    expect(saved.notice).toMatch(
      /^The file of maria’s annotations on “.*” is not valid JSON; it was kept as [a-z0-9-]+\.json\.unreadable-[0-9TZ-]+, and what was open here was saved in its place; its last good copy, saved .* \(3 annotations, 0 links\), is pinned, but the file holds all of it now, with what was saved since: it is likely not needed\.$/,
    )
    expect((await wb.openDocument(a)).pinned).toMatchObject({ summary: '3 annotations, 0 links' })
    // The next save has nothing to say.
    expect((await wb.apply(a, [put('n2', 5, 9)])).notice).toBeNull()
  })

  it('is said to be likely not needed once the layer holds all of it, saved on since', async () => {
    const { dir, config, a, store } = await annotated()
    const wb = await launch(dir, config, DEFAULT)
    expect(annotationsOf(await wb.openDocument(a))).toHaveLength(3)
    await damage(store(a), 'truncated')
    // The save sets the damaged file aside and writes what was open, with the new annotation.
    expect((await wb.apply(a, [put('n1', 0, 4)])).notice).toMatch(/what was open here was saved in its place/)
    const again = await wb.openDocument(a)
    expect(again.pinned).toMatchObject({ summary: '3 annotations, 0 links' })
    expect(again.pinnedHeld).toBe(true)
    expect(again.notice).toMatch(/is pinned, but the file holds all of it now, with what was saved since: it is likely not needed\.$/)
    // Delete one of the three it held: the file no longer holds all of it, and the restore is offered as before.
    await wb.apply(a, [{ op: 'delete', id: 'a1' }])
    const fewer = await wb.openDocument(a)
    expect(fewer.pinnedHeld).toBeUndefined()
    expect(fewer.notice).toMatch(/is pinned: Marginalia keeps it until you restore it or say it is not needed\.$/)
  })

  it('is set aside and said when the document is opened again, the file put back from what was open', async () => {
    const { dir, config, a, b, store } = await annotated()
    const wb = await launch(dir, config, DEFAULT)
    expect(annotationsOf(await wb.openDocument(a))).toHaveLength(3)
    await wb.openDocument(b)
    await damage(store(a), 'zeros')
    const reopened = await wb.openDocument(a)
    expect(annotationsOf(reopened)).toHaveLength(3)
    expect(reopened.notice).toMatch(
      /^The file of maria’s annotations on “.*” is not valid JSON; it was kept as .*\.unreadable-.*, and what was open here was saved in its place/,
    )
    expect(reopened.pinned).toMatchObject({ summary: '3 annotations, 0 links' })
    // On disk: a good file again, with what was open, and the damaged one beside it.
    expect(StoreFile.parse(JSON.parse(await readFile(store(a), 'utf8'))).annotations).toHaveLength(3)
    expect((await readdir(join(dir, 'annotations', 'maria'))).some((n) => n.includes('.unreadable-'))).toBe(true)
  })
})

describe('the last saved copy', () => {
  it('is pinned rather than an earlier snapshot, even when the file system dates it a moment before that snapshot', async () => {
    const { StoreBackups } = await import('./backups')
    const t = await tempDir()
    cleanups.push(t.cleanup)
    const backups = new StoreBackups(join(t.dir, 'b'))
    // The first save since backups began keeps the version on disk as a snapshot stamped now…
    await backups.beforeSave('{"n":1}', false, Date.now() + 60_000)
    await backups.afterSave('{"n":2}')
    // …and latest.json gets the file system's time, which a coarser clock may put before it.
    await utimes(join(t.dir, 'b', 'latest.json'), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000))
    expect((await backups.list())[0]!.kind).toBe('latest')
    const pin = await backups.pinLastGood(new Date(), async () => true)
    expect(await readFile(pin!.path, 'utf8')).toBe('{"n":2}')
  })
})

describe('a layer file deleted outside Marginalia', () => {
  const ref = (document: string) => ({ store: 'annotations' as const, annotator: 'maria', document })
  const DEFAULT = { snapshotEveryMs: 10 * 60_000, maxSnapshots: 10, maxSnapshotBytes: 20_000_000 }

  it('is said when the document opens, its last saved version pinned until it is restored', async () => {
    const { dir, config, a, b, store } = await annotated()
    await rm(store(a))
    let wb = await launch(dir, config, DEFAULT)
    // Marked in the document list before it is opened.
    expect((await wb.listDocuments()).map((d) => [d.id, d.damaged ?? false])).toEqual([
      [a, true],
      [b, false],
    ])
    const opened = await wb.openDocument(a)
    expect(opened.annotations.rows).toHaveLength(0)
    expect(opened.notice).toMatch(
      /^The file of maria’s annotations on “.*” is not there any more \(it was deleted or moved outside Marginalia\), so a new one was started; its last good copy, saved .* \(3 annotations, 0 links\), is pinned: Marginalia keeps it until you restore it or say it is not needed\.$/,
    )
    expect(opened.pinned).toMatchObject({ kind: 'pinned', summary: '3 annotations, 0 links', restorable: true })
    // The other document, whose file is there, says nothing.
    expect(await wb.openDocument(b)).toMatchObject({ notice: null, pinned: null })

    // Work started anew and restarts do not push the pinned copy out, and the banner stays.
    await wb.apply(a, [put('n1', 0, 4)])
    wb.close()
    wb = await launch(dir, config, { snapshotEveryMs: 0, maxSnapshots: 1, maxSnapshotBytes: 1_000_000 })
    await wb.apply(a, [put('n2', 5, 9)])
    const again = await wb.openDocument(a)
    expect(again.notice).toMatch(
      /^The file of maria’s annotations on “.*” was found damaged or missing on \d{4}-\d\d-\d\d \d\d:\d\d UTC; its last good copy, saved .* \(3 annotations, 0 links\), is pinned: Marginalia keeps it until you restore it or say it is not needed\.$/,
    )
    await wb.restoreBackup(ref(a), opened.pinned!.id)
    const restored = await wb.openDocument(a)
    expect(restored).toMatchObject({ notice: null, pinned: null })
    expect(annotationsOf(restored).map((x) => x.id)).toEqual(['a1', 'a2', 'a3'])
  })

  it('is not said again once the user says the copy is not needed, nor for a file that held nothing', async () => {
    const { dir, config, a, b, store } = await annotated()
    let wb = await launch(dir, config, DEFAULT)
    // b's annotations are all deleted: its file holds nothing worth keeping.
    await wb.apply(
      b,
      ['b1', 'b2', 'b3'].map((id) => ({ op: 'delete' as const, id })),
    )
    wb.close()
    await rm(store(a))
    await rm(store(b))
    wb = await launch(dir, config, DEFAULT)
    expect(await wb.openDocument(b)).toMatchObject({ notice: null, pinned: null })
    const { pinned } = await wb.openDocument(a)
    await wb.unpinBackup(ref(a), pinned!.id)
    expect(await wb.openDocument(a)).toMatchObject({ notice: null, pinned: null })
    wb.close()
    wb = await launch(dir, config, DEFAULT)
    expect(await wb.openDocument(a)).toMatchObject({ notice: null, pinned: null })
    // The copy is still among the backups, an ordinary earlier version.
    expect(await wb.listBackups(ref(a))).toContainEqual(expect.objectContaining({ kind: 'snapshot', summary: '3 annotations, 0 links' }))
  })
})
