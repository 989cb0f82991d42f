/**
 * Two windows of one host (two browser tabs on one server): each hears of the other's saves at its
 * next project.changes, as of a change on disk, and not of its own.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../shared/api'
import { sampleWorkbench } from '../testing'
import { createHandlers } from './handlers'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

/** A browser-mode host on a copy of the sample project, annotator "tester", and a way to call it as a window does. */
async function sampleHost() {
  const { wb, root, cleanup } = await sampleWorkbench()
  cleanups.push(cleanup)
  const handlers = createHandlers(wb, {})
  const call = async (method: string, args: unknown) => {
    const result = await dispatch(handlers, method, args)
    if (!result.ok) throw new Error(JSON.stringify(result))
    return result.value
  }
  return { root, wb, call }
}

describe('the changes one window saved, told to the others', () => {
  it('lists a save, a status and a memo for every window but the one that made them', async () => {
    const { wb, call } = await sampleHost()
    const [a, b] = ['window-aaaaaaaa', 'window-bbbbbbbb']
    const doc = wb.current.documents[0]!.id
    const start = ((await call('project.changes', { since: 0, window: b })) as { revision: number }).revision

    await call('annotations.apply', {
      document: doc,
      ops: [{ op: 'put', annotation: { id: 'w-1', label: 'claim', start: 0, end: 6, attributes: {}, note: '' } }],
      window: a,
    })
    await call('status.set', { document: doc, state: 'done', window: a })
    await call('notes.setMemo', { document: doc, text: 'read twice', window: a })

    const forB = (await call('project.changes', { since: start, window: b })) as { changed: unknown[]; revision: number }
    expect(forB.changed).toEqual([
      { layer: 'tester', document: doc },
      { layer: 'tester', document: doc },
      { layer: 'tester', document: doc },
    ])
    const forA = (await call('project.changes', { since: start, window: a })) as { changed: unknown[]; revision: number }
    expect(forA.changed).toEqual([])
    // Both move on to the same revision, so neither hears of these again.
    expect(forA.revision).toBe(forB.revision)
    expect(((await call('project.changes', { since: forB.revision, window: b })) as { changed: unknown[] }).changed).toEqual([])
  })
  it('keeps both windows’ changes to one annotation made within the same seconds, field by field', async () => {
    const { root, wb, call } = await sampleHost()
    const doc = wb.current.documents[0]!.id
    const first = { id: 'w-2', label: 'stance', start: 0, end: 6, attributes: { polarity: 'favor', target: 'Israel' }, note: '' }
    await call('annotations.apply', { document: doc, ops: [{ op: 'put', annotation: first }], window: 'window-aaaaaaaa' })
    // Both windows have `first`. One sets the polarity, the other (not told yet) writes a note.
    const polarity = { ...first, attributes: { ...first.attributes, polarity: 'against' } }
    await call('annotations.apply', { document: doc, ops: [{ op: 'put', annotation: polarity, base: first }], window: 'window-aaaaaaaa' })
    const noted = { ...first, note: 'hedged in the interview' }
    const saved = (await call('annotations.apply', {
      document: doc,
      ops: [{ op: 'put', annotation: noted, base: first }],
      window: 'window-bbbbbbbb',
    })) as { annotations: { id: string; note: string; attributes: Record<string, string> }[] }
    // The second window is sent back the merged annotation, and the file holds both changes.
    expect(saved.annotations).toMatchObject([
      { id: 'w-2', note: 'hedged in the interview', attributes: { polarity: 'against', target: 'Israel' } },
    ])
    const file = JSON.parse(await readFile(join(root, 'p', 'annotations', 'tester', `${doc}.json`), 'utf8')) as {
      annotations: { id: string; note: string; attributes: Record<string, string> }[]
    }
    expect(file.annotations.find((a) => a.id === 'w-2')).toMatchObject({
      note: 'hedged in the interview',
      attributes: { polarity: 'against' },
    })
    // Without a base (an older sender), a put replaces the whole annotation, as before.
    await call('annotations.apply', { document: doc, ops: [{ op: 'put', annotation: first }], window: 'window-bbbbbbbb' })
    const after = JSON.parse(await readFile(join(root, 'p', 'annotations', 'tester', `${doc}.json`), 'utf8')) as typeof file
    expect(after.annotations.find((a) => a.id === 'w-2')).toMatchObject({ note: '', attributes: { polarity: 'favor' } })
  })
})

describe('the links a save sends back', () => {
  it('are left out when the request names the host’s copy its ops went onto, and sent whole otherwise', async () => {
    const { root, wb, call } = await sampleHost()
    const doc = wb.current.documents[0]!.id
    const path = join(root, 'p', 'annotations', 'tester', `${doc}.json`)
    const [a, b] = ['window-aaaaaaaa', 'window-bbbbbbbb']
    const put = (id: string, label: string, start: number) => ({
      op: 'put',
      annotation: { id, label, start, end: start + 6, attributes: {}, note: '' },
    })
    type Reply = { links?: { id: string }[]; layerToken: string }
    const apply = async (ops: unknown[], window: string, inStep?: string) =>
      (await call('annotations.apply', { document: doc, ops, window, ...(inStep ? { inStep } : {}) })) as Reply
    const stored = async () => JSON.parse(await readFile(path, 'utf8')) as { links: { id: string; created: string }[] }

    // No copy named: the links go back, with the name of the copy this save made.
    const first = await apply([put('c-1', 'claim', 0), put('s-1', 'source', 10)], a)
    expect(first.links).toEqual([])
    // That copy named, nothing else in between: none, and the link is stored with the window's time of making it.
    const made = '2026-12-05T01:02:03.456Z'
    const second = await apply([{ op: 'link', link: { id: 'l-1', from: 'c-1', to: 's-1', created: made } }], a, first.layerToken)
    expect(second).not.toHaveProperty('links')
    expect(second.layerToken).not.toBe(first.layerToken)
    expect((await stored()).links).toMatchObject([{ id: 'l-1', created: made }])
    // Another window saved meanwhile: the copy named is not the one the ops went onto, so all of them.
    const other = await apply([put('c-2', 'claim', 20)], b, second.layerToken)
    expect(other).not.toHaveProperty('links')
    const third = await apply([put('c-3', 'claim', 30)], a, second.layerToken)
    expect(third.links?.map((l) => l.id)).toEqual(['l-1'])
    // A window that did not take a reply's links in (its queue was busy) names an older copy: all of them.
    expect((await apply([put('c-4', 'claim', 40)], a, first.layerToken)).links?.map((l) => l.id)).toEqual(['l-1'])
    // Another kind of change to the layer (a memo) in between: all of them.
    const fourth = await apply([put('c-5', 'claim', 50)], a)
    await call('notes.setMemo', { document: doc, text: 'read twice', window: a })
    expect((await apply([put('c-6', 'claim', 60)], a, fourth.layerToken)).links?.map((l) => l.id)).toEqual(['l-1'])
    // Another program changed the file: all of them, as it left them.
    const fifth = await apply([put('c-7', 'claim', 70)], a)
    const file = await stored()
    await writeFile(path, JSON.stringify({ ...file, links: [] }))
    expect((await apply([put('c-8', 'claim', 80)], a, fifth.layerToken)).links).toEqual([])
    // A name this host never gave (an earlier run's): all of them.
    expect((await apply([put('c-9', 'claim', 90)], a, `x${fifth.layerToken}`)).links).toEqual([])
  })
})
