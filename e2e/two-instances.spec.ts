/**
 * Two Marginalia processes on one project folder (browser mode twice, or browser mode next to the
 * desktop app), the same annotator saving through both at once: no save is lost, neither process
 * shows a stale layer, and both see the other's changes to project.json.
 */
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { StoreFile, type ProjectFile } from '../shared/model/project'
import { sampleCopy, serve, type Served } from './browser-api'
import type { OpenedDocument } from '../shared/api'

const live: Served[] = []
test.afterEach(async () => {
  for (const s of live.splice(0)) await s.stop()
})

test('two processes saving the same layer at once lose nothing', async () => {
  const { root, projectDir, configDir } = await sampleCopy('pair')
  try {
    const [one, two] = await Promise.all([serve(projectDir, configDir), serve(projectDir, configDir)])
    live.push(one, two)
    const doc = (JSON.parse(await readFile(join(projectDir, 'project.json'), 'utf8')) as ProjectFile).documents[0]!.id
    const put = (id: string, start: number) => ({
      document: doc,
      ops: [{ op: 'put', annotation: { id, label: 'claim', start, end: start + 7, attributes: {}, note: '' } }],
    })

    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => (i % 2 ? one : two).call('annotations.apply', put(`pair-${i}`, i * 3))),
    )
    expect(results.filter((r) => r === 'lost' || !r.ok)).toEqual([])
    const store = StoreFile.parse(JSON.parse(await readFile(join(projectDir, 'annotations', 'pair', `${doc}.json`), 'utf8')))
    expect(store.annotations.map((a) => a.id).sort()).toEqual(Array.from({ length: 60 }, (_, i) => `pair-${i}`).sort())
    for (const s of [one, two]) {
      const opened = await s.call('documents.open', { id: doc })
      expect(opened !== 'lost' && opened.ok && (opened.value as OpenedDocument).annotations.rows).toHaveLength(60)
    }

    const [renamed, imported] = await Promise.all([
      one.call('documents.rename', { id: doc, title: 'Renamed in one' }),
      two.call('documents.import', {
        files: [{ name: 'new.txt', data: Buffer.from('A text imported in the other process.').toString('base64') }],
      }),
    ])
    expect([renamed, imported].every((r) => r !== 'lost' && r.ok)).toBe(true)
    const project = JSON.parse(await readFile(join(projectDir, 'project.json'), 'utf8')) as ProjectFile
    expect(project.documents.map((d) => d.title)).toEqual(
      expect.arrayContaining(['Renamed in one', 'A text imported in the other process.']),
    )
    // Each process picks up the other's change to project.json (the watcher, within a moment).
    await expect
      .poll(async () => {
        const list = await one.call('documents.list', {})
        return list !== 'lost' && list.ok ? (list.value as { title: string }[]).map((d) => d.title) : []
      })
      .toContain('A text imported in the other process.')
  } finally {
    await rm(root, { recursive: true, force: true })
  }
})
