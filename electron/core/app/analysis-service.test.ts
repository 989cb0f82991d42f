/**
 * The analysis service through the contract, on a copy of the sample project: the view (matrix,
 * network, counts over time) and its default layer, statements narrowed to a cell, a node or the
 * unlinked stances, the statements kept until a layer changes and rebuilt when one does, and the
 * exports read back by Python's csv module and by zipfile/xml.etree.
 */
import { execFileSync } from 'node:child_process'
import { cp, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch, type AnalysisExport, type ResultOf } from '../../../shared/api'
import { FIXTURES, tagOp, tempDir } from '../testing'
import { createHandlers } from './handlers'
import { Workbench } from './workbench'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

async function sample() {
  const root = await tempDir()
  cleanups.push(root.cleanup)
  const dir = join(root.dir, 'sample')
  await cp(join(FIXTURES, 'sample-project'), dir, { recursive: true })
  const wb = await Workbench.start({ configDir: join(root.dir, 'config'), host: 'browser', version: 'test' })
  cleanups.push(() => wb.close())
  await wb.setAnnotator('rita')
  await wb.open(dir)
  const handlers = createHandlers(wb)
  const call = async <T>(method: Parameters<typeof dispatch>[1], args: unknown): Promise<T> => {
    const r = await dispatch(handlers, method, args)
    if (!r.ok) throw new Error(r.error.message)
    return r.value as T
  }
  return { dir, root: root.dir, wb, handlers, call }
}

type View = ResultOf<'analysis.view'>
type Page = ResultOf<'analysis.statements'>

describe('the analysis view of a project', () => {
  it('counts every annotator by default until a review settles something, then the reviewed layer; again once every decision is taken back', async () => {
    const { wb, call } = await sample()
    const view = await call<View>('analysis.view', {})
    expect(view.used).toEqual(['jonas', 'maria'])
    expect(view.reviewed).toBe(false)
    expect(view.layers.map((l) => l.name)).toEqual(['jonas', 'maria'])
    expect(view.dates).toEqual({ first: '2023-10-12', last: '2023-11-07' })
    expect(view.documents.map((d) => d.date)).toEqual(['2023-10-19', '2023-10-12', '2023-11-07'])
    expect(view.matrix.rows.length).toBeGreaterThan(5)
    expect(view.matrix.unlinked.total).toBe(view.counts.unlinkedStances)
    expect(view.matrix.total.total + view.matrix.unlinked.total + view.matrix.untargeted.total).toBe(view.counts.stances)
    expect(view.network.nodes.length).toBeGreaterThan(5)
    expect(view.overTime.buckets).toEqual(['2023-10', '2023-11'])

    // Accept one agreed unit of the first document: now there is a reviewed layer, and it is the default.
    const doc = view.documents[0]!.id
    await call('review.acceptAgreed', { document: doc, annotators: ['jonas', 'maria'] })
    const reviewed = await call<View>('analysis.view', {})
    expect(reviewed.used).toEqual(['_reviewed'])
    expect(reviewed.layers.map((l) => l.name)).toEqual(['jonas', 'maria', '_reviewed'])
    expect(reviewed.counts.statements).toBeGreaterThan(0)
    expect(reviewed.counts.statements).toBeLessThan(view.counts.statements)
    // The two documents not reviewed yet count nothing there, and the view says so; with a
    // document filter, only the documents it keeps.
    expect(view.counts.unreviewed).toBe(0)
    expect(reviewed.counts.unreviewed).toBe(2)
    const second = view.documents[1]!.id
    expect((await call<View>('analysis.view', { filter: { documents: [doc] } })).counts.unreviewed).toBe(0)
    expect((await call<View>('analysis.view', { filter: { documents: [second] } })).counts.unreviewed).toBe(1)
    const both = await call<View>('analysis.view', { filter: { layers: ['jonas', 'maria'] } })
    expect(both.counts).toEqual(view.counts)
    expect(wb.hasProject).toBe(true)

    // Every decision taken back (Ctrl+Z in review): the reviewed layer holds nothing and is no longer the default.
    const open = await call<ResultOf<'review.open'>>('review.open', { document: doc, annotators: ['jonas', 'maria'] })
    const items = open.reviewed.decisions.map((d) => ({ unit: d.unit, decision: { action: 'reopen' as const } }))
    expect(items.length).toBeGreaterThan(0)
    await call('review.decideMany', { document: doc, annotators: ['jonas', 'maria'], items })
    const undone = await call<View>('analysis.view', {})
    expect(undone.reviewed).toBe(false)
    expect(undone.used).toEqual(['jonas', 'maria'])
    expect(undone.counts).toEqual(view.counts)
    // A review that rejected a unit has settled something, though its layer holds no annotation.
    await call('review.decide', { document: doc, annotators: ['jonas', 'maria'], unit: items[0]!.unit, decision: { action: 'reject' } })
    const rejected = await call<View>('analysis.view', {})
    expect(rejected.reviewed).toBe(true)
    expect(rejected.used).toEqual(['_reviewed'])
    expect(rejected.counts.statements).toBe(0)
  })

  it('narrows the statements to a cell, a node and the unlinked stances, page by page', async () => {
    const { call } = await sample()
    const view = await call<View>('analysis.view', {})
    const cell = [...view.matrix.cells].sort((a, b) => b.counts.total - a.counts.total)[0]!
    const actor = view.matrix.rows[cell.row]!.actor.key
    const target = view.matrix.columns[cell.column]!.target.key
    const inCell = await call<Page>('analysis.statements', { narrow: { actor, target } })
    expect(inCell.total).toBe(cell.counts.total)
    expect(inCell.rows.every((r) => r.actorKey === actor && r.targetKey === target)).toBe(true)
    const unlinked = await call<Page>('analysis.statements', { narrow: { actor: null, stances: true } })
    expect(unlinked.total).toBe(view.counts.unlinkedStances)
    expect(unlinked.rows.every((r) => r.actor === null && r.label === 'stance')).toBe(true)
    const all = await call<Page>('analysis.statements', { limit: 5, offset: 5 })
    expect(all.total).toBe(view.counts.statements)
    expect(all.rows).toHaveLength(5)
    expect(all.offset).toBe(5)
    const putin = await call<Page>('analysis.statements', { narrow: { search: 'PUTIN' } })
    expect(putin.total).toBeGreaterThan(0)
    expect(putin.total).toBeLessThan(view.counts.statements)
    // The layer shown on each row is searched too, and the search folds diacritics as Retrieve's words do.
    const both = await call<View>('analysis.view', { filter: { layers: ['jonas', 'maria'] } })
    const jonas = await call<Page>('analysis.statements', {
      filter: { layers: ['jonas', 'maria'] },
      narrow: { search: 'Jonas' },
      limit: 1000,
    })
    expect(jonas.total).toBe(
      both.counts.statements - (await call<View>('analysis.view', { filter: { layers: ['maria'] } })).counts.statements,
    )
    expect(jonas.rows.every((r) => r.layer === 'jonas')).toBe(true)
    const accented = await call<Page>('analysis.statements', { narrow: { search: 'PÚTÍN' } })
    expect(accented.total).toBe(putin.total)
  })

  it('filters by date range, and refuses a range that is not one in one sentence', async () => {
    const { call, handlers } = await sample()
    const october = await call<View>('analysis.view', { filter: { from: '2023-10-01', to: '2023-10-31' }, overTime: { unit: 'week' } })
    const all = await call<View>('analysis.view', {})
    expect(october.counts.statements).toBeLessThan(all.counts.statements)
    expect(october.overTime.buckets).toEqual(['2023-W41', '2023-W42'])
    const page = await call<Page>('analysis.statements', { filter: { from: '2023-10-01', to: '2023-10-31' }, limit: 1000 })
    expect(page.rows.every((r) => r.date !== null && r.date <= '2023-10-31')).toBe(true)
    const bad = await dispatch(handlers, 'analysis.view', { filter: { from: '2023-11-01', to: '2023-10-01' } })
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: 'The date range ends (2023-10-01) before it starts (2023-11-01); swap the two dates.' },
    })
    const layer = await dispatch(handlers, 'analysis.view', { filter: { layers: ['nobody'] } })
    expect(layer).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'There are no annotations by "nobody" in this project; layers: jonas, maria.' },
    })
  })

  it('keeps the statements until a layer changes, and counts a new stance at once', async () => {
    const { call, wb, dir } = await sample()
    const before = await call<View>('analysis.view', {})
    const doc = before.documents[1]!.id
    await wb.apply(doc, [await tagOp(wb.current, doc, 'Putin', 'stance', 'rita-1', { polarity: 'against', target: 'Sanctions' })])
    const after = await call<View>('analysis.view', { filter: { layers: ['jonas', 'maria', 'rita'] } })
    expect(after.layers.map((l) => l.name)).toEqual(['jonas', 'maria', 'rita'])
    expect(after.counts.stances).toBe(before.counts.stances + 1)
    expect(after.counts.unlinkedStances).toBe(before.counts.unlinkedStances + 1)
    expect(after.matrix.columns.some((c) => c.target.label === 'Sanctions' && c.unlinked.total === 1)).toBe(true)
    // A property set in project.json dates the statements anew.
    await call('documents.setProperties', { id: doc, properties: { date: '2024-01-15' } })
    const redated = await call<View>('analysis.view', { filter: { layers: ['rita'] } })
    expect(redated.overTime.buckets).toEqual(['2024-01'])
    // What no filter changes is made again too: the documents' dates and the last of them.
    expect(redated.documents.find((d) => d.id === doc)!.date).toBe('2024-01-15')
    expect(redated.dates!.last).toBe('2024-01-15')
    expect(dir).toBeTruthy()
  })
})

describe('analysis exports', () => {
  function read(root: string, file: AnalysisExport, ...args: string[]): unknown {
    const path = join(root, file.filename)
    return writeFile(path, file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : file.content).then(() =>
      JSON.parse(
        execFileSync('python3', [join(FIXTURES, 'readers', 'tables.py'), ...args.map((a) => (a === 'FILE' ? path : a))], {
          encoding: 'utf8',
        }),
      ),
    )
  }

  it('writes the statements table as CSV, TSV and a workbook that Python reads back row for row, with property columns', async () => {
    const { call, root } = await sample()
    const view = await call<View>('analysis.view', {})
    const csv = await call<AnalysisExport>('analysis.export', { table: 'statements', format: 'csv' })
    expect(csv.filename).toMatch(/^Sample-project-Russia-Iran-and-Hamas-in-the-news-statements-\d{4}-\d{2}-\d{2}\.csv$/)
    const rows = (await read(root, csv, 'csv', 'FILE')) as string[][]
    expect(rows[0]!.slice(0, 5)).toEqual(['document_id', 'document_title', 'property.date', 'property.outlet', 'layer'])
    expect(rows).toHaveLength(view.counts.statements + 1)
    expect(rows.filter((r) => r[3] === 'CBC News').length).toBeGreaterThan(0)
    const tsv = await call<AnalysisExport>('analysis.export', { table: 'statements', format: 'tsv' })
    expect(await read(root, tsv, 'csv', 'FILE', 'tsv')).toEqual(rows)
    const xlsx = await call<AnalysisExport>('analysis.export', { table: 'statements', format: 'xlsx' })
    expect(xlsx.encoding).toBe('base64')
    const sheets = (await read(root, xlsx, 'xlsx', 'FILE')) as Record<string, unknown[][]>
    expect(Object.keys(sheets)).toEqual(['Statements'])
    // The workbook leaves empty cells out (null, and none at a row's end) and keeps offsets as numbers.
    const width = rows[0]!.length
    const cells = sheets.Statements!.map((r) =>
      Array.from({ length: width }, (_, i) => (r[i] === null || r[i] === undefined ? '' : String(r[i]))),
    )
    expect(cells).toEqual(rows)
    // The table's search narrows its export to the statements it shows, in the same order.
    const putin = await call<Page>('analysis.statements', { narrow: { search: 'putin' }, limit: 1000 })
    const searched = (await read(
      root,
      await call<AnalysisExport>('analysis.export', { table: 'statements', narrow: { search: 'putin' } }),
      'csv',
      'FILE',
    )) as string[][]
    expect(putin.total).toBeLessThan(view.counts.statements)
    expect(searched).toHaveLength(putin.total + 1)
    const id = rows[0]!.indexOf('statement_id')
    expect(searched.slice(1).map((r) => r[id])).toEqual(putin.rows.map((r) => r.id))
  })

  it('writes the matrix, the counts over time and a network’s nodes and edges as CSV, and the network as GraphML and GEXF', async () => {
    const { call, root } = await sample()
    const view = await call<View>('analysis.view', {})
    const matrix = (await read(root, await call<AnalysisExport>('analysis.export', { table: 'matrix' }), 'csv', 'FILE')) as string[][]
    expect(matrix[0]).toEqual([
      'actor_key',
      'actor_label',
      'actor_kind',
      'target_key',
      'target_label',
      'favor',
      'against',
      'neutral',
      'unset',
      'total',
      'statements',
    ])
    // The export holds the whole matrix (the view counts its cells, and here shows every column).
    expect(view.matrix.all.columns).toBe(view.matrix.columns.length)
    expect(matrix.length - 1).toBe(view.matrix.all.cells + view.matrix.columns.filter((c) => c.unlinked.total > 0).length)
    const time = await call<AnalysisExport>('analysis.export', { table: 'over-time', overTime: { by: 'target', unit: 'year' } })
    expect(time.filename).toContain('-over-time-by-target-')
    expect(((await read(root, time, 'csv', 'FILE')) as string[][])[0]).toEqual([
      'bucket',
      'target_key',
      'target_label',
      'favor',
      'against',
      'neutral',
      'unset',
      'total',
    ])
    const edges = await call<AnalysisExport>('analysis.export', {
      table: 'edges',
      network: { mode: 'congruence', normalization: 'jaccard' },
    })
    expect(edges.filename).toContain('-congruence-edges-')
    const graphml = await call<AnalysisExport>('analysis.export', { table: 'graphml' })
    expect(graphml).toMatchObject({ mediaType: 'application/graphml+xml', rows: view.network.all.edges, encoding: 'utf8' })
    expect(graphml.filename).toMatch(/-actor-target-network-.*\.graphml$/)
    const gexf = await call<AnalysisExport>('analysis.export', { table: 'gexf', network: { mode: 'conflict' } })
    expect(gexf.content).toContain('<gexf xmlns="http://gexf.net/1.3"')
  })
})
