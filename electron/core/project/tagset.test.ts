import { execFileSync } from 'node:child_process'
import { cp, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../shared/api'
import type { LabelDef, TagSet } from '../../../shared/model/labels'
import { ProjectFile, StoreFile } from '../../../shared/model/project'
import { ReviewStoreFile } from '../../../shared/model/review'
import { mergeLabelInto } from '../../../shared/tagset/tagset'
import { createHandlers } from '../app/handlers'
import { Workbench } from '../app/workbench'
import { exportTable } from '../interchange/export-tables'
import { annotationsOf, FIXTURES, tempDir } from '../testing'
import { Project } from './project'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

/** A temp copy of the sample project (maria and jonas, 3 documents), opened by the core. */
async function sample() {
  const root = await tempDir()
  cleanups.push(root.cleanup)
  const dir = join(root.dir, 'project')
  await cp(join(FIXTURES, 'sample-project'), dir, { recursive: true })
  return { dir, root: root.dir }
}

/** Every annotation and link on disk, read straight from the files, keyed "<layer>/<doc>/<id>". */
async function onDisk(
  dir: string,
): Promise<{ annotations: Map<string, { label: string; attributes: Record<string, string> }>; links: Map<string, string> }> {
  const project = ProjectFile.parse(JSON.parse(await readFile(join(dir, 'project.json'), 'utf8')))
  const annotations = new Map<string, { label: string; attributes: Record<string, string> }>()
  const links = new Map<string, string>()
  for (const annotator of ['maria', 'jonas', '_reviewed']) {
    for (const doc of project.documents) {
      let raw: string
      try {
        raw = await readFile(join(dir, 'annotations', annotator, `${doc.id}.json`), 'utf8')
      } catch {
        continue
      }
      const data = annotator === '_reviewed' ? ReviewStoreFile.parse(JSON.parse(raw)) : StoreFile.parse(JSON.parse(raw))
      for (const a of data.annotations) annotations.set(`${annotator}/${doc.id}/${a.id}`, { label: a.label, attributes: a.attributes })
      for (const l of data.links) links.set(`${annotator}/${doc.id}/${l.id}`, `${l.type}:${l.from}>${l.to}`)
    }
  }
  return { annotations, links }
}

const evidence: LabelDef = { id: 'evidence', name: 'Evidence', color: '#2e8b57', key: '4', attributes: [], attributedTo: 'source' }

describe('the tag set of a project in use', () => {
  it('counts exactly what every layer uses: labels, values and links', async () => {
    const { dir } = await sample()
    const project = await Project.open(dir)
    const { usage, unreadable } = await project.tagUsage()
    const { annotations, links } = await onDisk(dir)
    expect(unreadable).toBe(0)
    const byLabel: Record<string, number> = {}
    for (const a of annotations.values()) byLabel[a.label] = (byLabel[a.label] ?? 0) + 1
    expect(usage.labels).toEqual(byLabel)
    expect(Object.values(usage.linkTypes).reduce((a, b) => a + b, 0)).toBe(links.size)
    const favor = [...annotations.values()].filter((a) => a.label === 'stance' && a.attributes.polarity === 'favor').length
    expect(favor).toBeGreaterThan(0)
    expect(usage.values['stance/polarity']!.favor).toBe(favor)
  })

  it('refuses to remove a label in use, saying how many annotations use it, and changes nothing', async () => {
    const { dir } = await sample()
    const before = await readFile(join(dir, 'project.json'), 'utf8')
    const project = await Project.open(dir)
    const claims = (await project.tagUsage()).usage.labels.claim!
    const next: TagSet = { labels: project.labels.filter((l) => l.id !== 'claim'), linkTypes: [] }
    await expect(project.saveTagSet(next)).rejects.toMatchObject({
      code: 'invalid',
      message: `Claim is used by ${claims} annotations; merge them into another label or retire it (kept and shown, no longer offered).`,
    })
    expect(await readFile(join(dir, 'project.json'), 'utf8')).toBe(before)
  })

  it('refuses a save made from a tag set another window (or another app on the folder) has changed since, and changes nothing', async () => {
    const { dir } = await sample()
    const mine = await Project.open(dir)
    const theirs = await Project.open(dir)
    const base: TagSet = structuredClone(mine.tagSet)
    const rename = (t: TagSet, id: string, name: string): TagSet => ({
      ...t,
      labels: t.labels.map((l) => (l.id === id ? { ...l, name } : l)),
    })
    // Another app on the same folder renames Source; this one still holds the tag set as it was.
    await theirs.saveTagSet(rename(theirs.tagSet, 'source', 'Speaker'), [], structuredClone(theirs.tagSet))
    const afterTheirs = await readFile(join(dir, 'project.json'), 'utf8')
    await expect(mine.saveTagSet(rename(base, 'claim', 'Assertion'), [], base)).rejects.toMatchObject({
      code: 'conflict',
      message:
        'The labels were changed in another window since you opened Labels…, and saving would undo that change; open Labels… again and make yours there.',
    })
    expect(await readFile(join(dir, 'project.json'), 'utf8')).toBe(afterTheirs)
    // Made from the tag set as it is now, the change is saved, and theirs stays.
    const reopened = await Project.open(dir)
    await reopened.saveTagSet(rename(reopened.tagSet, 'claim', 'Assertion'), [], structuredClone(reopened.tagSet))
    const saved = ProjectFile.parse(JSON.parse(await readFile(join(dir, 'project.json'), 'utf8')))
    expect(saved.labels.map((l) => l.name)).toEqual(['Assertion', 'Speaker', 'Stance'])
  })

  it('retires a label in use: kept in project.json and on every annotation, no longer offered', async () => {
    const { dir } = await sample()
    const project = await Project.open(dir)
    const before = await onDisk(dir)
    await project.saveTagSet({ labels: project.labels.map((l) => (l.id === 'claim' ? { ...l, retired: true } : l)), linkTypes: [] })
    const saved = ProjectFile.parse(JSON.parse(await readFile(join(dir, 'project.json'), 'utf8')))
    expect(saved.labels.find((l) => l.id === 'claim')).toMatchObject({ retired: true })
    expect(await onDisk(dir)).toEqual(before)
  })

  it('merges a label in use into another: every annotation kept with the new label, links kept, counts exact', async () => {
    const { dir } = await sample()
    const project = await Project.open(dir)
    // Add Evidence, tag some spans with it, then fold it back into Claim.
    await project.saveTagSet({ labels: [...project.labels, evidence], linkTypes: [] })
    const doc = project.documents[0]!.id
    const text = await project.text(doc)
    const layer = await project.layer('maria', doc)
    const source = layer.annotations.find((a) => a.label === 'source')!
    await layer.apply(
      [
        { op: 'put', annotation: { id: 'ev1', label: 'evidence', start: 0, end: 5, attributes: {}, note: 'first' } },
        { op: 'put', annotation: { id: 'ev2', label: 'evidence', start: 10, end: 20, attributes: {}, note: '' } },
        { op: 'link', link: { id: 'ev-l1', from: 'ev1', to: source.id } },
      ],
      text,
      project.tagSet,
      '2026-12-02T10:00:00.000Z',
    )
    const before = await onDisk(dir)
    const usage = (await project.tagUsage()).usage
    expect(usage.labels.evidence).toBe(2)
    // jonas's layers do not use Evidence: the merge leaves his files as they are, not even rewritten.
    const jonasFiles = (await readdir(join(dir, 'annotations', 'jonas'))).filter((f) => f.endsWith('.json'))
    const stamps = async () => Promise.all(jonasFiles.map(async (f) => (await stat(join(dir, 'annotations', 'jonas', f))).ino))
    const jonasBefore = await stamps()
    expect(jonasBefore.length).toBeGreaterThan(0)

    const result = await project.saveTagSet(mergeLabelInto(project.tagSet, 'evidence', 'claim'), [
      { kind: 'label', from: 'evidence', into: 'claim' },
    ])
    expect(result.layersChanged).toBe(1)
    expect(await stamps()).toEqual(jonasBefore)
    const after = await onDisk(dir)
    expect([...after.annotations.keys()]).toEqual([...before.annotations.keys()])
    for (const [key, a] of before.annotations) {
      expect(after.annotations.get(key)).toEqual(a.label === 'evidence' ? { ...a, label: 'claim' } : a)
    }
    expect(after.links).toEqual(before.links)
    const saved = ProjectFile.parse(JSON.parse(await readFile(join(dir, 'project.json'), 'utf8')))
    expect(saved.labels.map((l) => l.id)).toEqual(['claim', 'source', 'stance'])
    expect(saved.pendingMerges).toBeUndefined()
    expect((await project.tagUsage()).usage.labels.claim).toBe(usage.labels.claim! + 2)
  })

  it('refuses a merge that would leave links that no longer fit, in one sentence with the count', async () => {
    const { dir } = await sample()
    const project = await Project.open(dir)
    const usage = (await project.tagUsage()).usage
    const fromSource = Object.entries(usage.linkPairs)
      .filter(([k]) => k.endsWith('/source'))
      .reduce((n, [, c]) => n + c, 0)
    expect(fromSource).toBeGreaterThan(0)
    // Sources into Claim: every attribution would then point at a claim, which nothing may be attributed to.
    const next = mergeLabelInto(project.tagSet, 'source', 'claim')
    await expect(project.saveTagSet(next, [{ kind: 'label', from: 'source', into: 'claim' }])).rejects.toMatchObject({ code: 'invalid' })
    await expect(project.saveTagSet(next, [{ kind: 'label', from: 'source', into: 'claim' }])).rejects.toThrow(
      /Attribution links? go from Claim to Source, which the changed tag set would no longer allow/,
    )
  })

  it('renames an option without touching an annotation; the CSV, read by Python, shows the new name', async () => {
    const { dir, root } = await sample()
    const project = await Project.open(dir)
    const before = await onDisk(dir)
    const labels = project.labels.map((l) =>
      l.id !== 'stance'
        ? l
        : {
            ...l,
            attributes: l.attributes.map((a) =>
              a.type === 'choice' ? { ...a, options: a.options.map((o) => (o.value === 'favor' ? { ...o, name: 'in favour' } : o)) } : a,
            ),
          },
    )
    await project.saveTagSet({ labels, linkTypes: [] })
    expect(await onDisk(dir)).toEqual(before)
    const { content } = await exportTable(project, {
      format: 'csv',
      annotators: 'all',
      reviewed: false,
      bom: true,
      neutralizeFormulas: true,
    })
    const file = join(root, 'out.csv')
    await writeFile(file, content)
    const rows = JSON.parse(
      execFileSync('python3', [join(FIXTURES, 'readers', 'tables.py'), 'csv', file], { encoding: 'utf8' }),
    ) as string[][]
    const col = rows[0]!.indexOf('stance_polarity')
    const values = new Set(rows.slice(1).map((r) => r[col]))
    expect(values.has('in favour')).toBe(true)
    expect(values.has('favor')).toBe(false)
    const favors = [...before.annotations.values()].filter((a) => a.attributes.polarity === 'favor').length
    expect(rows.filter((r) => r[col] === 'in favour')).toHaveLength(favors)
  })

  it('merges an option into another: the values move, nothing else changes', async () => {
    const { dir } = await sample()
    const project = await Project.open(dir)
    const before = await onDisk(dir)
    const labels = project.labels.map((l) =>
      l.id !== 'stance'
        ? l
        : {
            ...l,
            attributes: l.attributes.map((a) =>
              a.type === 'choice' ? { ...a, options: a.options.filter((o) => o.value !== 'neutral') } : a,
            ),
          },
    )
    await expect(project.saveTagSet({ labels, linkTypes: [] })).rejects.toThrow(
      /no longer an option; merge it into another option or retire it/,
    )
    await project.saveTagSet({ labels, linkTypes: [] }, [
      { kind: 'option', label: 'stance', attribute: 'polarity', from: 'neutral', into: 'against' },
    ])
    const after = await onDisk(dir)
    for (const [key, a] of before.annotations) {
      const moved = a.attributes.polarity === 'neutral' ? { ...a, attributes: { ...a.attributes, polarity: 'against' } } : a
      expect(after.annotations.get(key)).toEqual(moved)
    }
  })

  it('a merge cut short by a crash is finished when the project next opens', async () => {
    const { dir } = await sample()
    const file = join(dir, 'project.json')
    const json = JSON.parse(await readFile(file, 'utf8')) as ProjectFile
    const before = await onDisk(dir)
    // As if the app died after writing project.json and before rewriting the layers.
    json.labels = json.labels.map((l) =>
      l.id !== 'stance'
        ? l
        : {
            ...l,
            attributes: l.attributes.map((a) =>
              a.type === 'choice' ? { ...a, options: a.options.filter((o) => o.value !== 'neutral') } : a,
            ),
          },
    )
    json.pendingMerges = [{ kind: 'option', label: 'stance', attribute: 'polarity', from: 'neutral', into: 'favor' }]
    await writeFile(file, JSON.stringify(json, null, 2))
    await Project.open(dir)
    const after = await onDisk(dir)
    const neutral = [...before.annotations.values()].filter((a) => a.attributes.polarity === 'neutral').length
    expect(neutral).toBeGreaterThan(0)
    expect([...after.annotations.values()].filter((a) => a.attributes.polarity === 'neutral')).toHaveLength(0)
    expect(ProjectFile.parse(JSON.parse(await readFile(file, 'utf8'))).pendingMerges).toBeUndefined()
  })

  it('a new link type carries typed links; the contract refuses a tag set that is not well formed', async () => {
    const { dir, root } = await sample()
    const wb = await Workbench.start({ configDir: join(root, 'config'), host: 'browser', version: 'test' })
    cleanups.push(() => wb.close())
    await wb.setAnnotator('maria')
    const handlers = createHandlers(wb)
    const opened = (await dispatch(handlers, 'project.open', { path: dir })) as { ok: true; value: { labels: LabelDef[] } }
    const labels = opened.value.labels
    const supports = { id: 'supports', name: 'Supports', from: ['claim'], to: ['claim', 'stance'], multiple: true }
    const saved = await dispatch(handlers, 'tagset.save', { labels, linkTypes: [supports], merges: [] })
    expect(saved).toMatchObject({ ok: true, value: { linkTypes: [supports] } })
    const dupKey = await dispatch(handlers, 'tagset.save', { labels: labels.map((l) => ({ ...l, key: '1' })), linkTypes: [], merges: [] })
    expect(dupKey).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: 'Claim and Source both have the key "1"; give each its own.' },
    })
    const bad = await dispatch(handlers, 'tagset.save', { labels: [], linkTypes: [], merges: [] })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid' } })

    const doc = (await wb.listDocuments())[0]!.id
    const claims = annotationsOf(await wb.openDocument(doc)).filter((a) => a.label === 'claim')
    const applied = await dispatch(handlers, 'annotations.apply', {
      document: doc,
      ops: [{ op: 'link', link: { id: 'sup1', type: 'supports', from: claims[0]!.id, to: claims[1]!.id } }],
    })
    expect(applied).toMatchObject({ ok: true })
    expect((await onDisk(dir)).links.get(`maria/${doc}/sup1`)).toBe(`supports:${claims[0]!.id}>${claims[1]!.id}`)
    // In use now: removing the type is refused; the links would be lost.
    const removed = await dispatch(handlers, 'tagset.save', { labels, linkTypes: [], merges: [] })
    expect(removed).toMatchObject({
      ok: false,
      error: { message: 'Supports is used by 1 link; merge them into another link type or retire it.' },
    })
  })
})
