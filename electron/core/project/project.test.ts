import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DomainError } from '../../../shared/errors'
import { sliceCodePoints } from '../../../shared/offsets'
import { Project } from './project'
import { projectWith, tagOp, trickyTexts } from '../testing'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

async function sample(texts: Record<string, string | Uint8Array> = { 'emoji.txt': trickyTexts.emoji }) {
  const made = await projectWith(texts)
  cleanups.push(made.cleanup)
  return made
}

describe('importing', () => {
  it('stores each text normalised once, with its sha256 and length in code points', async () => {
    const { project, result } = await sample({ 'crlf.txt': trickyTexts.crlf, 'emoji.txt': trickyTexts.emoji })
    expect(result.errors).toEqual([])
    const crlf = project.documents.find((d) => d.importedFrom === 'crlf.txt')!
    const stored = await readFile(join(project.dir, crlf.file), 'utf8')
    expect(stored).toBe(trickyTexts.crlf.replace(/\r\n/g, '\n'))
    const emoji = project.documents.find((d) => d.importedFrom === 'emoji.txt')!
    expect(emoji.length).toBe(Array.from(trickyTexts.emoji).length)
    expect(emoji.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('refuses a binary file and invalid UTF-8 without writing anything', async () => {
    const { project } = await sample()
    const before = await readdir(join(project.dir, 'texts'))
    const projectJson = await readFile(join(project.dir, 'project.json'), 'utf8')
    const { imported, errors } = await project.importFiles([
      { name: 'photo.txt', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]) },
      { name: 'latin1.txt', bytes: new Uint8Array([0x63, 0x61, 0x66, 0xe9]) },
    ])
    expect(imported).toEqual([])
    expect(errors.map((e) => e.name)).toEqual(['latin1.txt', 'photo.txt'])
    expect(await readdir(join(project.dir, 'texts'))).toEqual(before)
    expect(await readFile(join(project.dir, 'project.json'), 'utf8')).toBe(projectJson)
  })

  it('notices the same text imported twice', async () => {
    const { project } = await sample()
    const { errors } = await project.importFiles([{ name: 'again.txt', bytes: new TextEncoder().encode(trickyTexts.emoji) }])
    expect(errors[0]!.message).toMatch(/same text as/)
  })
})

describe('annotation stores', () => {
  it('saves annotations durably and reopens them from disk, with quote and context from the text', async () => {
    const { project } = await sample({ 'rtl.txt': trickyTexts.rtl })
    const doc = project.documents[0]!
    const layer = await project.layer('maria', doc.id)
    const ops = [
      await tagOp(project, doc.id, 'ישראל במלחמה', 'claim', 'a1'),
      await tagOp(project, doc.id, 'The IDF', 'source', 'a2', { kind: 'organization', name: 'Israel Defense Forces' }),
      { op: 'link' as const, link: { id: 'l1', from: 'a1', to: 'a2' } },
    ]
    await layer.apply(ops, await project.text(doc.id), project.tagSet, '2026-11-01T10:00:00.000Z')

    const reopened = await Project.open(project.dir)
    const stored = (await reopened.layer('maria', doc.id)).annotations
    expect(stored).toHaveLength(2)
    const claim = stored.find((a) => a.id === 'a1')!
    const text = await readFile(join(project.dir, doc.file), 'utf8')
    expect(sliceCodePoints(text, claim.target.position.start, claim.target.position.end)).toBe('ישראל במלחמה')
    expect(claim.target.quote.exact).toBe('ישראל במלחמה')
    expect(claim.target.quote.prefix.endsWith('The IDF said: "')).toBe(true)
    expect(claim.author).toBe('maria')
    expect((await reopened.layer('maria', doc.id)).links).toMatchObject([{ from: 'a1', to: 'a2', type: 'attribution' }])
    const onDisk = JSON.parse(await readFile(join(project.dir, 'annotations', 'maria', `${doc.id}.json`), 'utf8'))
    expect(onDisk).toMatchObject({ format: 'marginalia-annotations', version: 2, document: doc.id, sha256: doc.sha256, annotator: 'maria' })
  })

  it('keeps a corrupt store aside, never overwriting it, and says so', async () => {
    const { project } = await sample()
    const doc = project.documents[0]!
    const file = join(project.dir, 'annotations', 'jonas', `${doc.id}.json`)
    await (
      await project.layer('jonas', doc.id)
    ).apply(
      [await tagOp(project, doc.id, 'Officials', 'source', 'x')],
      await project.text(doc.id),
      project.tagSet,
      '2026-11-01T10:00:00.000Z',
    )
    await writeFile(file, '{"format": "marginalia-annotations", "annotations": [ {"id": "trunc')

    const reopened = await Project.open(project.dir)
    expect(await reopened.layerFoundDamaged('jonas', doc.id)).toBe(false)
    const layer = await reopened.layer('jonas', doc.id)
    expect(layer.annotations).toEqual([])
    expect(await reopened.layerFoundDamaged('jonas', doc.id)).toBe(true)
    expect(await reopened.layerFoundDamaged('maria', doc.id)).toBe(false)
    expect([...(await reopened.damagedLayers('jonas'))]).toEqual([doc.id])
    expect([...(await reopened.damagedLayers('maria'))]).toEqual([])
    expect((await reopened.layerNotice({ store: 'annotations', annotator: 'jonas', document: doc.id })).notice).toMatch(
      /is not valid JSON; it was kept as .*\.unreadable-.*; its last good copy, saved .*, is pinned: /,
    )
    const files = await readdir(join(project.dir, 'annotations', 'jonas'))
    const aside = files.find((f) => f.includes('.unreadable-'))!
    expect(await readFile(join(project.dir, 'annotations', 'jonas', aside), 'utf8')).toContain('"trunc')
    await layer.apply(
      [await tagOp(reopened, doc.id, 'ministry', 'source', 'y')],
      await reopened.text(doc.id),
      reopened.tagSet,
      '2026-11-01T10:00:00.000Z',
    )
    expect(await readFile(join(project.dir, 'annotations', 'jonas', aside), 'utf8')).toContain('"trunc')
    // After a restart, the pin still says so, until the user says the copy is not needed.
    const again = await Project.open(project.dir)
    expect(await again.layerFoundDamaged('jonas', doc.id)).toBe(true)
    expect([...(await again.damagedLayers('jonas'))]).toEqual([doc.id])
    const ref = { store: 'annotations' as const, annotator: 'jonas', document: doc.id }
    const pin = (await again.listBackups(ref)).find((b) => b.kind === 'pinned')!
    await again.unpinBackup(ref, pin.id)
    expect(await again.layerFoundDamaged('jonas', doc.id)).toBe(false)
    expect([...(await again.damagedLayers('jonas'))]).toEqual([])
  })

  it('applies a batch all or nothing: one bad op leaves the store as it was', async () => {
    const { project } = await sample()
    const doc = project.documents[0]!
    const layer = await project.layer('maria', doc.id)
    const good = await tagOp(project, doc.id, 'Officials', 'source', 'ok')
    const bad = {
      op: 'put' as const,
      annotation: { id: 'bad', label: 'stance', start: 0, end: 3, attributes: { polarity: 'furious' }, note: '' },
    }
    await expect(layer.apply([good, bad], await project.text(doc.id), project.tagSet, '2026-11-01T10:00:00.000Z')).rejects.toThrow(
      DomainError,
    )
    expect(layer.annotations).toEqual([])
  })

  it('refuses spans past the end, unknown labels, and links the schema does not allow', async () => {
    const { project } = await sample()
    const doc = project.documents[0]!
    const layer = await project.layer('maria', doc.id)
    const text = await project.text(doc.id)
    const now = '2026-11-01T10:00:00.000Z'
    await expect(
      layer.apply(
        [{ op: 'put', annotation: { id: 'p', label: 'claim', start: 0, end: text.length + 1, attributes: {}, note: '' } }],
        text,
        project.tagSet,
        now,
      ),
    ).rejects.toThrow(/past the end/)
    await expect(
      layer.apply(
        [{ op: 'put', annotation: { id: 'p', label: 'topic', start: 0, end: 2, attributes: {}, note: '' } }],
        text,
        project.tagSet,
        now,
      ),
    ).rejects.toThrow(/no label "topic"/)
    await layer.apply(
      [await tagOp(project, doc.id, 'Officials', 'source', 's1'), await tagOp(project, doc.id, 'ministry', 'source', 's2')],
      text,
      project.tagSet,
      now,
    )
    await expect(layer.apply([{ op: 'link', link: { id: 'l', from: 's1', to: 's2' } }], text, project.tagSet, now)).rejects.toThrow(
      /cannot be attributed/,
    )
  })

  it('deleting a source removes the links to it; relinking a claim replaces its attribution', async () => {
    const { project } = await sample()
    const doc = project.documents[0]!
    const layer = await project.layer('maria', doc.id)
    const text = await project.text(doc.id)
    const now = '2026-11-01T10:00:00.000Z'
    await layer.apply(
      [
        await tagOp(project, doc.id, 'the talks', 'claim', 'c'),
        await tagOp(project, doc.id, 'Officials', 'source', 's1'),
        await tagOp(project, doc.id, 'The ministry', 'source', 's2'),
        { op: 'link', link: { id: 'l1', from: 'c', to: 's1' } },
        { op: 'link', link: { id: 'l2', from: 'c', to: 's2' } },
      ],
      text,
      project.tagSet,
      now,
    )
    expect(layer.links.map((l) => l.to)).toEqual(['s2'])
    await layer.apply([{ op: 'delete', id: 's2' }], text, project.tagSet, now)
    expect(layer.links).toEqual([])
  })

  it('keeps created and updates modified when an annotation is edited', async () => {
    const { project } = await sample()
    const doc = project.documents[0]!
    const layer = await project.layer('maria', doc.id)
    const text = await project.text(doc.id)
    const put = await tagOp(project, doc.id, 'the talks', 'stance', 's', { polarity: 'against' })
    await layer.apply([put], text, project.tagSet, '2026-11-01T10:00:00.000Z')
    if (put.op !== 'put') throw new Error('expected a put')
    await layer.apply(
      [{ op: 'put', annotation: { ...put.annotation, attributes: { polarity: 'favor', target: 'Iran' } } }],
      text,
      project.tagSet,
      '2026-11-02T10:00:00.000Z',
    )
    expect(layer.annotations[0]).toMatchObject({
      created: '2026-11-01T10:00:00.000Z',
      modified: '2026-11-02T10:00:00.000Z',
      attributes: { polarity: 'favor', target: 'Iran' },
    })
  })
})

describe('opening projects', () => {
  it('says clearly when a folder is not a project, or project.json is broken or newer', async () => {
    const { project } = await sample()
    await expect(Project.open(join(project.dir, 'texts'))).rejects.toThrow(/is not a Marginalia project/)
    const file = join(project.dir, 'project.json')
    const good = await readFile(file, 'utf8')
    await writeFile(file, good.replace('"version": 3', '"version": 99'))
    await expect(Project.open(project.dir)).rejects.toThrow(/newer Marginalia/)
    await writeFile(file, good.slice(0, 40))
    await expect(Project.open(project.dir)).rejects.toThrow(/not valid JSON.*has not changed it/)
    expect(await readFile(file, 'utf8')).toBe(good.slice(0, 40))
  })

  it('will not create a project over an existing one', async () => {
    const { project } = await sample()
    await expect(Project.create(project.dir, 'again')).rejects.toThrow(/already holds a Marginalia project/)
  })
})
