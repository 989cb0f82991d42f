/**
 * The Analysis view's controller and the properties editor's session call, driven as the app
 * drives them, against the real core on a copy of the sample project (every call through JSON,
 * as on the wire): the view follows the filter, an answer overtaken by a newer request is
 * dropped, a cell's statements load, a document's date set in the list dates its statements anew,
 * and an export is handed to the host to save.
 */
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { sessionOnCore, type Cleanups } from './on-core'

const cleanups: Cleanups = []
afterEach(async () => {
  for (const c of cleanups.splice(0).toReversed()) await c()
})

async function analysisSession() {
  const saved: { name: string; bytes: number }[] = []
  const made = await sessionOnCore(cleanups, {
    host: 'desktop',
    abilities: (root) => ({
      saveFile: async (name, content) => {
        saved.push({ name, bytes: typeof content === 'string' ? Buffer.byteLength(content) : content.length })
        return { path: join(root, name) }
      },
    }),
  })
  return { ...made, saved }
}

describe('the Analysis view’s controller against the core', () => {
  it('follows the filter, keeps only the newest answer, and loads the statements behind a cell', async () => {
    const { session } = await analysisSession()
    const analysis = session.analysis
    await analysis.load()
    const all = analysis.store.get().view!
    expect(all.counts.statements).toBe(55)
    // Two choices in a row: the view that stays is the second one's, whichever answer came first.
    analysis.choose({ from: '2023-11-01' })
    analysis.choose({ from: '2023-10-01', to: '2023-10-31' })
    await expect.poll(() => analysis.store.get().loading).toBe(false)
    const october = analysis.store.get().view!
    expect(october.overTime.buckets).toEqual(['2023-10'])
    expect(october.counts.statements).toBeLessThan(all.counts.statements)

    const cell = october.matrix.cells.find((c) => c.counts.total === 2)!
    const row = october.matrix.rows[cell.row]!.actor
    const column = october.matrix.columns[cell.column]!.target
    analysis.select({ kind: 'cell', actor: row.key, target: column.key, actorLabel: row.label, targetLabel: column.label })
    await expect.poll(() => analysis.store.get().selected?.total).toBe(2)
    expect(analysis.store.get().selected!.rows.every((r) => r.date !== null && r.date <= '2023-10-31')).toBe(true)

    analysis.choose({ from: '2023-12-01', to: '2023-10-01' })
    await expect
      .poll(() => analysis.store.get().error)
      .toBe('The date range ends (2023-10-01) before it starts (2023-12-01); swap the two dates.')
    expect(analysis.store.get().view).toBe(october)
  })

  it('counts a document anew once its date is set from the list, and saves an export through the host', async () => {
    const { session, saved } = await analysisSession()
    const stop = session.analysis.watch(session.store)
    cleanups.push(stop)
    await expect.poll(() => session.analysis.store.get().view?.overTime.buckets).toEqual(['2023-10', '2023-11'])
    const hamas = session.store.get().documents.find((d) => d.title.startsWith('Russia and Hamas'))!
    expect(await session.setDocumentProperties(hamas.id, { date: '2024-01-15', outlet: 'The Cradle' })).toBeNull()
    expect(session.store.get().documents.find((d) => d.id === hamas.id)!.properties).toEqual({ date: '2024-01-15', outlet: 'The Cradle' })
    await expect.poll(() => session.analysis.store.get().view?.overTime.buckets.at(-1)).toBe('2024-01')
    expect(await session.setDocumentProperties(hamas.id, { 'bad\nname': 'x' })).toMatch(/holds a control character/)

    await session.analysis.export({ table: 'gexf', format: 'csv' })
    expect(session.analysis.store.get().exported).toMatchObject({
      tone: 'info',
      text: expect.stringMatching(/^Saved \d+ edges to .*\.gexf\.$/),
    })
    expect(saved[0]!.name).toMatch(/-actor-target-network-.*\.gexf$/)
  })
})
