/**
 * Document status, memos and replies on real project folders: each in its writer's own file, with
 * what counts as a layer following from the status (a document marked done with nothing to tag is
 * an empty layer; a store holding only a memo or replies is none).
 */
import { cp, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DomainError } from '../../../shared/errors'
import { ProjectMemoFile } from '../../../shared/model/memos'
import { StoreFile } from '../../../shared/model/project'
import { addReply, documentNotes, projectMemos, removeReply, setProjectMemo } from '../app/notes-service'
import { openReview, reviewProgress } from '../app/review-service'
import { importAnnotations } from '../interchange/import-annotations'
import { FIXTURES, projectWith, tagOp, tempDir, trickyTexts } from '../testing'
import { Project } from './project'
import { validateProject } from './validate-project'

const NOW = '2026-12-01T10:00:00.000Z'
const LATER = '2026-12-01T11:00:00.000Z'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

async function twoTexts() {
  const made = await projectWith({ 'emoji.txt': trickyTexts.emoji, 'rtl.txt': trickyTexts.rtl })
  cleanups.push(made.cleanup)
  const [first, second] = made.project.documents
  return { project: made.project, first: first!.id, second: second!.id }
}

async function onDisk(project: Project, annotator: string, doc: string): Promise<StoreFile> {
  return StoreFile.parse(JSON.parse(await readFile(join(project.dir, 'annotations', annotator, `${doc}.json`), 'utf8')))
}

describe('document status', () => {
  it('is not started without a store, and "done, nothing to tag" makes an empty layer that counts', async () => {
    const { project, first, second } = await twoTexts()
    expect(await project.hasLayer('maria', first)).toBe(false)
    const layer = await project.layer('maria', first)
    expect(layer.state).toBe('not-started')
    expect(await layer.setState('nothing-to-tag', NOW)).toBe('nothing-to-tag')
    expect(await onDisk(project, 'maria', first)).toMatchObject({
      version: 2,
      annotations: [],
      status: { state: 'nothing-to-tag', changed: NOW },
    })
    expect(await project.hasLayer('maria', first)).toBe(true)
    expect(await project.hasLayer('maria', second)).toBe(false)
    expect(await project.annotators()).toEqual(['maria'])
  })

  it('refuses "nothing to tag" while the layer has annotations, and tagging ends "nothing to tag"', async () => {
    const { project, first } = await twoTexts()
    const layer = await project.layer('maria', first)
    await layer.setState('nothing-to-tag', NOW)
    const text = await project.text(first)
    await layer.apply([await tagOp(project, first, 'Officials', 'source', 'a1')], text, project.tagSet, LATER)
    expect(layer.state).toBe('in-progress')
    expect((await onDisk(project, 'maria', first)).status).toEqual({ state: 'in-progress', changed: LATER })
    const refused = await layer.setState('nothing-to-tag', NOW).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(DomainError)
    expect((refused as DomainError).code).toBe('invalid')
    expect((refused as DomainError).message).toBe(
      'This document has 1 annotation of yours, so it cannot be marked “Done, nothing to tag”; mark it done, or delete them first.',
    )
    expect((await onDisk(project, 'maria', first)).status?.state).toBe('in-progress')
    await layer.setState('done', NOW)
    expect(layer.state).toBe('done')
  })

  it('follows the annotations when none was set: an emptied layer not marked done is missing data, not an empty layer', async () => {
    const { project, first } = await twoTexts()
    const layer = await project.layer('jonas', first)
    const text = await project.text(first)
    await layer.apply([await tagOp(project, first, 'Officials', 'source', 'j1')], text, project.tagSet, NOW)
    expect(layer.state).toBe('in-progress')
    expect(await project.hasLayer('jonas', first)).toBe(true)
    await layer.apply([{ op: 'delete', id: 'j1' }], text, project.tagSet, NOW)
    expect(layer.state).toBe('not-started')
    expect(await project.hasLayer('jonas', first)).toBe(false)
    await layer.setState('done', NOW)
    expect(await project.hasLayer('jonas', first)).toBe(true)
  })
})

describe('memos and replies', () => {
  it("keep every writer to their own file; a store with only a memo or replies is no layer, and nobody else's file changes", async () => {
    const { project, first } = await twoTexts()
    const text = await project.text(first)
    await (await project.layer('maria', first)).apply([await tagOp(project, first, 'Officials', 'source', 'm1')], text, project.tagSet, NOW)
    const mariaBefore = await readFile(join(project.dir, 'annotations', 'maria', `${first}.json`), 'utf8')

    await (await project.layer('rita', first)).setMemo('Check the *second* paragraph.\nAsk maria.', NOW)
    await addReply(project, 'rita', first, { layer: 'maria', annotation: 'm1' }, 'Why “Officials” and not the ministry?', NOW)
    await addReply(project, 'maria', first, { layer: 'maria', annotation: 'm1' }, 'The ministry comes later.', LATER)
    await setProjectMemo(project, 'rita', 'Reviewing week 49.', NOW)

    const rita = await onDisk(project, 'rita', first)
    expect(rita).toMatchObject({ annotations: [], links: [], memo: { text: 'Check the *second* paragraph.\nAsk maria.', modified: NOW } })
    expect(rita.replies).toEqual([
      {
        id: expect.stringMatching(/^r-/),
        on: { layer: 'maria', annotation: 'm1' },
        text: 'Why “Officials” and not the ministry?',
        author: 'rita',
        created: NOW,
      },
    ])
    const maria = await onDisk(project, 'maria', first)
    expect(maria.annotations.map((a) => a.id)).toEqual(['m1'])
    expect(maria.replies?.map((r) => r.author)).toEqual(['maria'])
    expect(JSON.parse(mariaBefore).replies).toBeUndefined()

    const memoFile = ProjectMemoFile.parse(JSON.parse(await readFile(join(project.dir, 'annotations', 'rita', '_project.json'), 'utf8')))
    expect(memoFile).toEqual({
      format: 'marginalia-memo',
      version: 1,
      annotator: 'rita',
      memo: { text: 'Reviewing week 49.', modified: NOW },
    })

    // rita wrote only memos and replies: no layer, not an annotator; maria is.
    expect(await project.hasLayer('rita', first)).toBe(false)
    expect(await project.annotators()).toEqual(['maria'])

    const notes = await documentNotes(project, first)
    expect(notes.memos).toEqual([{ annotator: 'rita', text: 'Check the *second* paragraph.\nAsk maria.', modified: NOW }])
    expect(notes.replies.map((r) => [r.author, r.text])).toEqual([
      ['rita', 'Why “Officials” and not the ministry?'],
      ['maria', 'The ministry comes later.'],
    ])
    expect(notes.states).toEqual([
      { annotator: 'maria', state: 'in-progress', changed: null },
      { annotator: 'rita', state: 'not-started', changed: null },
    ])
    expect(await projectMemos(project)).toEqual([{ annotator: 'rita', text: 'Reviewing week 49.', modified: NOW }])

    const mine = notes.replies.find((r) => r.author === 'maria')!
    expect((await removeReply(project, 'maria', first, mine.id)).replies.map((r) => r.author)).toEqual(['rita'])
    expect((await onDisk(project, 'maria', first)).replies).toBeUndefined()
    await expect(removeReply(project, 'maria', first, mine.id)).rejects.toMatchObject({ code: 'not-found' })

    expect(await validateProject(project.dir)).toMatchObject({ problems: [], checked: { stores: 2, annotations: 1 } })
    expect(await readdir(join(project.dir, 'annotations', 'rita'))).toEqual(expect.arrayContaining(['_project.json', `${first}.json`]))
  })

  it('refuses a reply to an annotation that is not there, writing nothing', async () => {
    const { project, first } = await twoTexts()
    await expect(addReply(project, 'rita', first, { layer: 'maria', annotation: 'm9' }, 'Hello?', NOW)).rejects.toMatchObject({
      code: 'not-found',
      message: "That annotation is no longer in maria's layer (it was changed or deleted); reload and reply to it as it is now.",
    })
    expect(await project.hasStoreFile('rita', first)).toBe(false)
  })

  it('an empty memo removes it', async () => {
    const { project, first } = await twoTexts()
    const layer = await project.layer('maria', first)
    await layer.setMemo('draft', NOW)
    await layer.setMemo('  ', LATER)
    expect((await onDisk(project, 'maria', first)).memo).toBeUndefined()
    expect(await setProjectMemo(project, 'maria', 'x', NOW)).toHaveLength(1)
    expect(await setProjectMemo(project, 'maria', '', NOW)).toEqual([])
  })

  it("come with a colleague's project folder on import, and its _project.json is not taken for a layer", async () => {
    const { project, first } = await twoTexts()
    const { dir: root, cleanup } = await tempDir()
    cleanups.push(cleanup)
    const theirs = join(root, 'theirs')
    await cp(project.dir, theirs, { recursive: true })
    const colleague = await Project.open(theirs)
    const layer = await colleague.layer('jonas', first)
    await layer.apply([await tagOp(colleague, first, 'Officials', 'source', 'j1')], await colleague.text(first), colleague.tagSet, NOW)
    await layer.setState('done', NOW)
    await layer.setMemo('Finished; one doubt.', NOW)
    await addReply(colleague, 'jonas', first, { layer: 'jonas', annotation: 'j1' }, 'Doubt: is this a person?', NOW)
    await setProjectMemo(colleague, 'jonas', 'Project notes', NOW)

    const report = await importAnnotations(project, theirs, 'maria')
    expect(report.errors).toEqual([])
    const imported = await onDisk(project, 'jonas', first)
    expect(imported).toMatchObject({
      status: { state: 'done' },
      memo: { text: 'Finished; one doubt.' },
      replies: [{ text: 'Doubt: is this a person?' }],
    })
  })
})

describe('format version 1 of an annotation store (before status, memos and replies)', () => {
  it('is read as it is, and rewritten as version 2 at the next save with the original kept byte for byte', async () => {
    const { dir, cleanup } = await tempDir()
    cleanups.push(cleanup)
    await cp(join(FIXTURES, 'sample-project'), dir, { recursive: true })
    const maria = join(dir, 'annotations', 'maria')
    const [file] = (await readdir(maria)).sort()
    const v1 = (await readFile(join(maria, file!), 'utf8')).replace('"version": 2', '"version": 1')
    await writeFile(join(maria, file!), v1)
    const project = await Project.open(dir)
    const docId = file!.replace(/\.json$/, '')
    const layer = await project.layer('maria', docId)
    expect(layer.annotations.length).toBeGreaterThan(10)
    expect(layer.state).toBe('in-progress')
    expect(await readFile(join(maria, file!), 'utf8')).toBe(v1)
    await layer.setState('done', NOW)
    expect(await onDisk(project, 'maria', docId)).toMatchObject({ version: 2, status: { state: 'done' } })
    const backups = await readdir(join(dir, '.marginalia', 'backups', 'annotations', 'maria', docId))
    const original = backups.find((n) => n.endsWith('.v1.json'))!
    expect(await readFile(join(dir, '.marginalia', 'backups', 'annotations', 'maria', docId, original), 'utf8')).toBe(v1)
  })
})

describe('review with statuses', () => {
  it('counts "nothing to tag" as a layer that marked nothing, and leaves an annotator who has not annotated out of the units', async () => {
    const { dir, cleanup } = await tempDir()
    cleanups.push(cleanup)
    await cp(join(FIXTURES, 'sample-project'), dir, { recursive: true })
    const project = await Project.open(dir)
    const [first, second] = project.documents.map((d) => d.id)
    await (await project.layer('rita', first!)).setState('nothing-to-tag', NOW)
    const pair = await openReview(project, second!, ['maria', 'jonas'], 'lena')
    const three = await openReview(project, second!, ['maria', 'jonas', 'rita'], 'lena')
    expect(three.missing).toEqual(['rita'])
    expect(three.units.map((u) => [u.key, u.kind])).toEqual(pair.units.map((u) => [u.key, u.kind]))
    const empty = await openReview(project, first!, ['maria', 'jonas', 'rita'], 'lena')
    expect(empty.missing).toEqual([])
    expect(empty.units.every((u) => u.kind !== 'agreed' && u.missing.includes('rita'))).toBe(true)
    const progress = await reviewProgress(project, ['maria', 'jonas', 'rita'])
    expect(progress[second!]!.total).toBe(pair.units.length)
  })
})
