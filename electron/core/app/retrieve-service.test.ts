import { execFileSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { EVERY_ROW } from '../../../shared/retrieve/rows'
import { FIXTURES, sampleWorkbench } from '../testing'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

async function sample() {
  const { wb, root, cleanup } = await sampleWorkbench()
  cleanups.push(cleanup)
  return { wb, root }
}

describe('retrieving across the project', () => {
  it('lists every annotation of every layer, and one source’s stances across documents', async () => {
    const { wb } = await sample()
    const all = await wb.retrieve(EVERY_ROW, 'none', 0, 2000, true)
    expect(all.total).toBe(89)
    expect(all.facets!.layers.map((l) => l.name)).toEqual(['jonas', 'maria'])
    expect(all.facets!.sources[0]).toMatchObject({ name: expect.any(String), count: expect.any(Number) })
    const putin = await wb.retrieve({ ...EVERY_ROW, labels: ['stance'], source: 'Vladimir Putin' }, 'document', 0, 200, false)
    expect(putin.total).toBeGreaterThan(0)
    for (const r of putin.rows) {
      expect(r.label).toBe('stance')
      expect(r.source?.name).toBe('Vladimir Putin')
    }
    const bySource = await wb.retrieve({ ...EVERY_ROW, labels: ['claim', 'stance'] }, 'source', 0, 2000, false)
    expect(bySource.groups.reduce((n, g) => n + g.count, 0)).toBe(bySource.total)
    expect(bySource.groups.at(-1)!.name).toBe('No source')
  })

  it('pages through the rows, and sees a new annotation at once', async () => {
    const { wb } = await sample()
    const first = await wb.retrieve(EVERY_ROW, 'label', 0, 10, false)
    const second = await wb.retrieve(EVERY_ROW, 'label', 10, 10, false)
    expect(first.rows).toHaveLength(10)
    expect(second.offset).toBe(10)
    expect(second.rows[0]!.id).not.toBe(first.rows[0]!.id)
    const doc = (await wb.listDocuments())[0]!.id
    await wb.apply(doc, [{ op: 'put', annotation: { id: 'new-1', label: 'claim', start: 0, end: 6, attributes: {}, note: 'found again' } }])
    const found = await wb.retrieve({ ...EVERY_ROW, text: 'FOUND AGAIN' }, 'none', 0, 10, false)
    expect(found.rows.map((r) => [r.layer, r.id])).toEqual([['tester', 'new-1']])
  })

  it('counts a written value once whatever its case or spacing, by its most used spelling, and filters by it so', async () => {
    const { wb } = await sample()
    const doc = (await wb.listDocuments())[0]!.id
    const stance = (id: string, start: number, target: string) =>
      ({
        op: 'put',
        annotation: { id, label: 'stance', start, end: start + 4, attributes: { target, polarity: 'against' }, note: '' },
      }) as const
    await wb.apply(doc, [stance('t-1', 0, 'Café Zürich'), stance('t-2', 10, 'Café Zürich'), stance('t-3', 20, ' CAFÉ  ZÜRICH')])
    const all = await wb.retrieve(EVERY_ROW, 'none', 0, 10, true)
    expect(all.facets!.attributes['stance.target']!.filter((v) => v.value.toLowerCase().includes('zürich'))).toEqual([
      { value: 'Café Zürich', count: 3 },
    ])
    const cafe = await wb.retrieve(
      { ...EVERY_ROW, attributes: [{ label: 'stance', attribute: 'target', value: 'café zürich' }] },
      'none',
      0,
      10,
      false,
    )
    expect(cafe.rows.map((r) => r.id).sort()).toEqual(['t-1', 't-2', 't-3'])
  })

  it('exports exactly the filtered rows, which Python’s csv module reads back', async () => {
    const { wb, root } = await sample()
    const filter = { ...EVERY_ROW, labels: ['stance'], source: 'Vladimir Putin' }
    const shown = await wb.retrieve(filter, 'none', 0, 2000, false)
    const file = await wb.exportRetrieved(filter, 'csv', false, false)
    expect(file.filename).toMatch(/-retrieved-\d{4}-\d{2}-\d{2}\.csv$/)
    const path = join(root, 'putin.csv')
    await writeFile(path, file.content)
    const rows = JSON.parse(
      execFileSync('python3', [join(FIXTURES, 'readers', 'tables.py'), 'csv', path], { encoding: 'utf8' }),
    ) as string[][]
    const [header, ...body] = rows
    expect(body).toHaveLength(shown.total)
    expect(file.annotations).toBe(shown.total)
    const col = (name: string) => header!.indexOf(name)
    for (const r of body) {
      expect(r[col('label')]).toBe('stance')
      expect(r[col('linked_source_name')]).toBe('Vladimir Putin')
    }
    expect(new Set(body.map((r) => r[col('annotation_id')]))).toEqual(new Set(shown.rows.map((r) => r.id)))
    const xlsx = await wb.exportRetrieved(filter, 'xlsx', false, true)
    expect(xlsx.encoding).toBe('base64')
    expect(xlsx.filename).toMatch(/-retrieved-\d{4}-\d{2}-\d{2}\.xlsx$/)
    expect(xlsx.annotations).toBe(shown.total)
  })

  it('finds annotations by the words of their replies, and shows each row its thread', async () => {
    const { wb } = await sample()
    const doc = wb.current.documents[0]!.id
    const maria = await wb.current.layer('maria', doc)
    const target = maria.annotations[0]!
    const { addReply } = await import('./notes-service')
    await addReply(
      wb.current,
      'tester',
      doc,
      { layer: 'maria', annotation: target.id },
      'Überprüfen: is this hedged?',
      '2026-12-01T10:00:00.000Z',
    )
    wb.notesChanged(doc)
    const found = await wb.retrieve({ ...EVERY_ROW, text: 'uberprufen' }, 'none', 0, 10, false)
    expect(found.rows.map((r) => [r.layer, r.id])).toEqual([['maria', target.id]])
    expect(found.rows[0]!.replies).toEqual([{ author: 'tester', created: '2026-12-01T10:00:00.000Z', text: 'Überprüfen: is this hedged?' }])
  })
})
