import { cp, readFile, readdir, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../shared/api'
import { defaultLabels } from '../../../shared/model/labels'
import { ProjectFile, StoreFile } from '../../../shared/model/project'
import { sliceCodePoints, TextIndex } from '../../../shared/offsets'
import { receivedAnnotations } from '../../../shared/annotations/sent-form'
import { createHandlers } from '../app/handlers'
import { annotationsOf, FIXTURES, tempDir } from '../testing'
import { Workbench } from '../app/workbench'

const DOC = 'putin-s-muted-response'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

/** A temp copy of a fixture project and a workbench (annotator maria) that has not opened it yet. */
async function copyOf(fixture: string) {
  const root = await tempDir()
  cleanups.push(root.cleanup)
  const dir = join(root.dir, 'project')
  await cp(join(FIXTURES, fixture), dir, { recursive: true })
  const wb = await Workbench.start({ configDir: join(root.dir, 'config'), host: 'browser', version: 'test' })
  cleanups.push(() => wb.close())
  await wb.setAnnotator('maria')
  return { dir, wb, handlers: createHandlers(wb) }
}

describe('an older format (version 0, fixtures/formats/v0-project)', () => {
  it('opens migrated, with every annotation, quote and link; the files stay as they were until saved', async () => {
    const { dir, wb } = await copyOf('formats/v0-project')
    const before = {
      project: await readFile(join(dir, 'project.json')),
      store: await readFile(join(dir, 'annotations', 'maria', `${DOC}.json`)),
    }
    const summary = await wb.open(dir)
    expect(summary).toMatchObject({ name: 'Prototype project', documentCount: 1, labels: defaultLabels })
    const opened = await wb.openDocument(DOC)
    expect(opened.notice).toBeNull()
    const text = await readFile(join(dir, 'texts', `${DOC}.txt`), 'utf8')
    expect(opened.document).toMatchObject({ title: "Putin's muted response to Hamas attack", length: Array.from(text).length })
    // Sent without the quotes the text gives; the page puts them back from the text.
    expect(opened.annotations.rows.every((row) => row[7]?.quote === undefined)).toBe(true)
    const annotations = receivedAnnotations(new TextIndex(opened.text), opened.annotator, opened.annotations)
    expect(annotations.map((a) => [a.id, a.label, a.target.quote.exact])).toEqual([
      ['m1', 'claim', 'Russia is aligning with its arch enemy'],
      ['m2', 'source', 'Russian President Vladimir Putin'],
      ['m3', 'stance', 'Putin talked about the what is happening in Israel and Gaza'],
    ])
    for (const a of annotations) expect(sliceCodePoints(text, a.target.position.start, a.target.position.end)).toBe(a.target.quote.exact)
    expect(annotations[1]).toMatchObject({
      author: 'maria',
      attributes: { kind: 'person', name: 'Vladimir Putin' },
      modified: '2025-03-02T09:20:00.000Z',
    })
    expect(opened.links).toMatchObject([{ type: 'attribution', from: 'm3', to: 'm2', author: 'maria' }])
    expect(await readFile(join(dir, 'project.json'))).toEqual(before.project)
    expect(await readFile(join(dir, 'annotations', 'maria', `${DOC}.json`))).toEqual(before.store)
  })

  it('is rewritten in the current format at the next save, the original kept byte for byte as a backup', async () => {
    const { dir, wb, handlers } = await copyOf('formats/v0-project')
    const original = {
      project: await readFile(join(dir, 'project.json')),
      store: await readFile(join(dir, 'annotations', 'maria', `${DOC}.json`)),
    }
    await wb.open(dir)
    await wb.apply(DOC, [{ op: 'put', annotation: { id: 'm4', label: 'claim', start: 0, end: 5, attributes: {}, note: '' } }])
    await wb.rename(DOC, 'Muted response')

    const store = StoreFile.parse(JSON.parse(await readFile(join(dir, 'annotations', 'maria', `${DOC}.json`), 'utf8')))
    expect(store).toMatchObject({ format: 'marginalia-annotations', version: 2, annotator: 'maria' })
    expect(store.annotations.map((a) => a.id)).toEqual(['m1', 'm2', 'm3', 'm4'])
    const project = ProjectFile.parse(JSON.parse(await readFile(join(dir, 'project.json'), 'utf8')))
    expect(project).toMatchObject({ format: 'marginalia-project', version: 3, documents: [{ id: DOC, title: 'Muted response' }] })

    const storeBackups = await dispatch(handlers, 'backups.list', { store: { store: 'annotations', annotator: 'maria', document: DOC } })
    const kept = (storeBackups as { value: { id: string; kind: string; summary: string }[] }).value.find((b) => b.kind === 'original')!
    expect(kept).toMatchObject({ id: expect.stringMatching(/\.v0\.json$/), summary: '3 annotations, 1 link' })
    expect(await readFile(join(dir, '.marginalia', 'backups', 'annotations', 'maria', DOC, kept.id))).toEqual(original.store)
    const projectBackups = await readdir(join(dir, '.marginalia', 'backups', 'project'))
    const keptProject = projectBackups.find((n) => n.endsWith('.v0.json'))!
    expect(await readFile(join(dir, '.marginalia', 'backups', 'project', keptProject))).toEqual(original.project)
  })

  it('that cannot be converted is kept aside with a sentence saying so', async () => {
    const { dir, wb } = await copyOf('formats/v0-project')
    const file = join(dir, 'annotations', 'maria', `${DOC}.json`)
    const v0 = JSON.parse(await readFile(file, 'utf8')) as { annotations: { end: number }[] }
    v0.annotations[0]!.end = 99_999
    await writeFile(file, JSON.stringify(v0))
    await utimes(file, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000))
    await wb.open(dir)
    const opened = await wb.openDocument(DOC)
    expect(opened.notice).toMatch(
      /is in an older format \(version 0\) that could not be converted \(annotation m1 has offsets 203–99999 outside the text\); it was kept as .*\.unreadable-/,
    )
  })
})

describe('project.json of version 1 (documents with metadata, before properties)', () => {
  /** The sample project as version 1 wrote it: a CSV row's other cells as `metadata`. */
  async function v1Copy() {
    const copy = await copyOf('sample-project')
    const file = join(copy.dir, 'project.json')
    const json = JSON.parse(await readFile(file, 'utf8')) as { version: number; documents: Record<string, unknown>[] }
    json.version = 1
    for (const d of json.documents) delete d.properties
    json.documents[0]!.metadata = { speaker: 'Arkady Mil-Man', date: '2023-10-19', ' spaced key ': '=1+1' }
    json.documents[1]!.metadata = {}
    const raw = `${JSON.stringify(json, null, 2)}\n`
    await writeFile(file, raw)
    return { ...copy, file, raw, ids: json.documents.map((d) => d.id as string) }
  }

  it("opens with each document's metadata as its properties, value for value; the file stays as it was until saved", async () => {
    const { dir, wb, file, raw, ids } = await v1Copy()
    await wb.open(dir)
    const docs = await wb.listDocuments()
    expect(docs.map((d) => d.properties)).toEqual([{ speaker: 'Arkady Mil-Man', date: '2023-10-19', ' spaced key ': '=1+1' }, {}, {}])
    expect(await readFile(file, 'utf8')).toBe(raw)
    expect(ids).toHaveLength(3)
  })

  it('is written as the current version at the next change, the version 1 original kept byte for byte among the backups', async () => {
    const { dir, wb, file, raw, ids } = await v1Copy()
    await wb.open(dir)
    await wb.setProperties(ids[0]!, { outlet: 'INSS' })
    const saved = ProjectFile.parse(JSON.parse(await readFile(file, 'utf8')))
    expect(saved.version).toBe(3)
    expect(saved.documents[0]).not.toHaveProperty('metadata')
    expect(saved.documents[0]!.properties).toEqual({
      speaker: 'Arkady Mil-Man',
      date: '2023-10-19',
      ' spaced key ': '=1+1',
      outlet: 'INSS',
    })
    expect(saved.documents[1]).not.toHaveProperty('properties')
    const kept = (await readdir(join(dir, '.marginalia', 'backups', 'project'))).find((n) => n.endsWith('.v1.json'))!
    expect(await readFile(join(dir, '.marginalia', 'backups', 'project', kept), 'utf8')).toBe(raw)
  })
})

describe('project.json of version 2 (choice options as plain strings, no link types)', () => {
  /** The sample project as version 2 wrote it. */
  async function v2Copy() {
    const copy = await copyOf('sample-project')
    const file = join(copy.dir, 'project.json')
    const json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown> & {
      labels: { attributes: { type: string; options?: { value: string; name: string }[] }[] }[]
    }
    json.version = 2
    delete json.linkTypes
    for (const label of json.labels) {
      for (const a of label.attributes) if (a.type === 'choice') (a as Record<string, unknown>).options = a.options!.map((o) => o.value)
    }
    const raw = `${JSON.stringify(json, null, 2)}\n`
    await writeFile(file, raw)
    return { ...copy, file, raw }
  }

  it('opens with each option as a value and a name of the same text, every stored value still valid; the file unchanged until saved', async () => {
    const { dir, wb, file, raw } = await v2Copy()
    const summary = await wb.open(dir)
    const kind = summary.labels.find((l) => l.id === 'source')!.attributes.find((a) => a.id === 'kind')!
    expect(kind).toMatchObject({ type: 'choice', options: expect.arrayContaining([{ value: 'government', name: 'government' }]) })
    expect(summary.linkTypes).toEqual([])
    const docs = await wb.listDocuments()
    const opened = await wb.openDocument(docs[0]!.id)
    expect(opened.notice ?? null).toBeNull()
    expect(await readFile(file, 'utf8')).toBe(raw)
  })

  it('is written as version 3 at the next change, the version 2 original kept byte for byte among the backups', async () => {
    const { dir, wb, file, raw } = await v2Copy()
    await wb.open(dir)
    const docs = await wb.listDocuments()
    await wb.setProperties(docs[0]!.id, { outlet: 'INSS' })
    const saved = ProjectFile.parse(JSON.parse(await readFile(file, 'utf8')))
    expect(saved.version).toBe(3)
    expect(saved.linkTypes).toEqual([])
    const stance = saved.labels.find((l) => l.id === 'stance')!
    expect(stance.attributes[0]).toMatchObject({
      type: 'choice',
      options: [
        { value: 'favor', name: 'favor' },
        { value: 'against', name: 'against' },
        { value: 'neutral', name: 'neutral' },
      ],
    })
    const kept = (await readdir(join(dir, '.marginalia', 'backups', 'project'))).find((n) => n.endsWith('.v2.json'))!
    expect(await readFile(join(dir, '.marginalia', 'backups', 'project', kept), 'utf8')).toBe(raw)
  })
})

describe("a project.json that is not Marginalia's, or of no known version", () => {
  for (const [what, change] of [
    ['another format', (t: string) => t.replace('"marginalia-project"', '"something-else"')],
    ['a version that is not a number', (t: string) => t.replace('"version": 3', '"version": "one"')],
  ] as const) {
    it(`(${what}) is refused in one sentence and left as it is`, async () => {
      const { dir, handlers } = await copyOf('sample-project')
      const file = join(dir, 'project.json')
      const bad = change(await readFile(file, 'utf8'))
      await writeFile(file, bad)
      const result = await dispatch(handlers, 'project.open', { path: dir })
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'invalid',
          message: expect.stringMatching(
            /project\.json does not have the expected structure \((format|version): .*\), so the project cannot be opened; fix or restore it from your own backup \(Marginalia has not changed it\)\.$/,
          ),
        },
      })
      expect(await readFile(file, 'utf8')).toBe(bad)
    })
  }
})

describe('a newer format', () => {
  it('project.json: refused in one sentence, the file left exactly as it is', async () => {
    const { dir, handlers } = await copyOf('sample-project')
    const file = join(dir, 'project.json')
    const newer = (await readFile(file, 'utf8')).replace('"version": 3', '"version": 4')
    await writeFile(file, newer)
    const result = await dispatch(handlers, 'project.open', { path: dir })
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        retry: 'never',
        message: `${file} was written by a newer Marginalia (format version 4); update Marginalia to open it (the file was left as it is).`,
      },
    })
    expect(await readFile(file, 'utf8')).toBe(newer)
    expect(await readdir(dir)).toEqual(['annotations', 'project.json', 'texts'])
  })

  it('an annotation store: that document is refused, saving to it too, the file unchanged; the rest opens', async () => {
    const { dir, wb, handlers } = await copyOf('sample-project')
    const docs = (JSON.parse(await readFile(join(dir, 'project.json'), 'utf8')) as ProjectFile).documents
    const file = join(dir, 'annotations', 'maria', `${docs[0]!.id}.json`)
    const newer = (await readFile(file, 'utf8')).replace('"version": 2', '"version": 3')
    await writeFile(file, newer)
    await wb.open(dir)
    const opened = await dispatch(handlers, 'documents.open', { id: docs[0]!.id })
    expect(opened).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        retry: 'never',
        message: expect.stringMatching(
          /^The file of maria’s annotations on “.*” was written by a newer Marginalia \(format version 3\); update Marginalia to open it \(the file was left as it is\)\.$/,
        ),
      },
    })
    const put = { op: 'put', annotation: { id: 'x1', label: 'claim', start: 0, end: 5, attributes: {}, note: '' } }
    expect(await dispatch(handlers, 'annotations.apply', { document: docs[0]!.id, ops: [put] })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    })
    expect(await readFile(file, 'utf8')).toBe(newer)
    expect(annotationsOf(await wb.openDocument(docs[1]!.id)).length).toBeGreaterThan(5)
  })
})
