/**
 * Two windows of one host (two browser tabs on one server): each hears of the other's saves at its
 * next project.changes, as of a change on disk, and not of its own.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../shared/api'
import { FIXTURES } from '../testing'
import { createHandlers } from './handlers'
import { Workbench } from './workbench'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

describe('the changes one window saved, told to the others', () => {
  it('lists a save, a status and a memo for every window but the one that made them', async () => {
    const root = await mkdtemp(join(tmpdir(), 'marginalia-windows-'))
    cleanups.push(() => rm(root, { recursive: true, force: true }))
    await cp(join(FIXTURES, 'sample-project'), join(root, 'p'), { recursive: true })
    const wb = await Workbench.start({ configDir: join(root, 'config'), host: 'browser', version: 'test' })
    cleanups.push(() => wb.close())
    await wb.setAnnotator('tester')
    await wb.open(join(root, 'p'))
    const handlers = createHandlers(wb, {})
    const call = async (method: string, args: unknown) => {
      const result = await dispatch(handlers, method, args)
      if (!result.ok) throw new Error(JSON.stringify(result))
      return result.value
    }
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
})
