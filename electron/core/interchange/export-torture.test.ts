/**
 * Every tabular export read back by readers we did not write: the CSV and TSV by Python's csv
 * module and by csv-parse in strict mode, the workbook by read-excel-file and by Python's zipfile
 * and xml.etree (fixtures/readers/tables.py). The project holds a corpus of hostile cells (line
 * feeds, carriage returns, quotes, delimiters, tabs, edge spaces, formula characters, emoji,
 * right-to-left text, control characters, spreadsheet escapes, a cell longer than Excel keeps) in
 * every column that can hold them.
 */
import { execFileSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import readXlsxFile from 'read-excel-file/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  LINK_HEADER,
  MEMO_HEADER,
  csvHeader,
  csvRows,
  propertyKeys,
  documentHeader,
  documentRows,
  linkRows,
  restoreFormulaCell,
  type Cell,
} from '../../../shared/csv'
import type { Reply } from '../../../shared/model/memos'
import { sliceCodePoints } from '../../../shared/offsets'
import { EXCEL_CELL_LIMIT, exportTable, exportWorkbook } from './export-tables'
import type { Project } from '../project/project'
import { FIXTURES, projectWith, tagOp } from '../testing'

const READER = join(FIXTURES, 'readers', 'tables.py')
const NOW = '2026-11-01T10:00:00.000Z'

/** The hostile cells: each goes into notes, text attributes and (where a text can hold it) spans. */
const HOSTILE = [
  'line\nfeed',
  'carriage\rreturn',
  'windows\r\nline',
  'a "quoted" word',
  'comma, inside',
  'semi;colon',
  'tab\tinside',
  '  leading spaces',
  'trailing spaces  ',
  '=HYPERLINK("http://evil.example","x")',
  '+33 6 12',
  '-2 minus',
  '@SUM(A1)',
  '\ttab first',
  '\rcr first',
  "'=already quoted",
  'emoji 😀 👩‍👩‍👧 🇺🇦',
  'עברית ועוד',
  'حماس لن تستسلم',
  'bell\u0007 vt\u000b us\u001f',
  'escape _x0041_ and _x005F_',
  '\n',
  ' ',
]

/** A text whose paragraphs are the hostile cells a stored text can hold (no CR: texts are stored with LF). */
const LONG = 'Long paragraph. '.repeat(2600)
const TEXT = `${HOSTILE.filter((h) => !h.includes('\r')).join('\n')}\n${LONG}\nThe end.`

let made: Awaited<ReturnType<typeof projectWith>>
let project: Project
let docId: string

beforeAll(async () => {
  made = await projectWith({ 'hostile.txt': TEXT })
  project = made.project
  docId = project.documents[0]!.id
  await project.rename(docId, 'Title with "quotes", commas;\nand a line\r\nbreak 😀 =1+1')
  // Its properties are cells of the Documents sheet, before each annotator's status.
  await project.setProperties(docId, { date: '2023-10-19', outlet: HOSTILE.join(' | '), '=formula name': '-1' })
  const text = await project.text(docId)
  const ops: Awaited<ReturnType<typeof tagOp>>[] = []
  HOSTILE.forEach((h, i) => {
    const n = String(i).padStart(2, '0')
    ops.push({
      op: 'put',
      annotation: { id: `s${n}`, label: 'source', start: i, end: i + 1, attributes: { kind: 'person', name: h }, note: h },
    })
    ops.push({
      op: 'put',
      annotation: {
        id: `t${n}`,
        label: 'stance',
        start: i + 1,
        end: i + 3,
        attributes: { polarity: 'favor', target: h },
        note: `${h}|${h}`,
      },
    })
    ops.push({ op: 'link', link: { id: `l${n}`, from: `t${n}`, to: `s${n}` } })
  })
  let at = 0
  for (const [i, h] of HOSTILE.entries()) {
    if (h.includes('\r')) continue
    const u16 = text.text.indexOf(h, at)
    at = u16 + h.length
    const start = text.u16ToCp(u16)
    ops.push({
      op: 'put',
      annotation: { id: `c${String(i).padStart(2, '0')}`, label: 'claim', start, end: start + [...h].length, attributes: {}, note: h },
    })
  }
  ops.push(await tagOp(project, docId, LONG.trim(), 'claim', 'long', {}, 'a span longer than an Excel cell'))
  ops.push(await tagOp(project, docId, 'The end.', 'claim', 'end'))
  const maria = await project.layer('maria', docId)
  await maria.apply(ops, text, project.tagSet, NOW)
  // The status, the memo and the replies (from a colleague's file) are cells too.
  await maria.setState('done', NOW)
  await maria.setMemo(HOSTILE.join(' | '), NOW)
  const rita = await project.layer('rita', docId)
  for (const [i, h] of HOSTILE.entries())
    await rita.addReply({
      id: `r${i}`,
      on: { layer: 'maria', annotation: `c${String(i).padStart(2, '0')}` },
      text: h,
      author: 'rita',
      created: NOW,
    })
  await rita.addReply({ id: 'r-s00', on: { layer: 'maria', annotation: 's00' }, text: HOSTILE.join('\n'), author: 'rita', created: NOW })
})

/** What the tables are made from: maria's layer, with her status and memo and rita's replies to it. */
async function layerInput() {
  const layer = await project.layer('maria', docId)
  const rita = await project.layer('rita', docId)
  const threads = new Map<string, Reply[]>()
  for (const r of rita.replies) threads.set(r.on.annotation, [...(threads.get(r.on.annotation) ?? []), r])
  return {
    documentId: docId,
    documentTitle: project.documents[0]!.title,
    annotator: 'maria',
    annotations: layer.annotations,
    links: layer.links,
    state: layer.state,
    memo: layer.memo?.text ?? '',
    threads,
    properties: project.documents[0]!.properties,
  }
}

/** The property columns: every key of the exported document (a hostile one among them). */
const keys = () => propertyKeys(project.documents)

afterAll(() => made.cleanup())

/** What the spans table must hold: the pure rows, every number as the text a CSV reader gives. */
async function expectedSpans(): Promise<string[][]> {
  const rows = csvRows(project.labels, await layerInput(), keys())
  expect(keys()).toContain('=formula name')
  return [csvHeader(project.labels, keys()), ...rows.map((r) => r.map(String))]
}

async function python(...args: string[]): Promise<unknown> {
  return JSON.parse(execFileSync('python3', [READER, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }))
}

async function written(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(made.dir, name)
  await writeFile(path, content)
  return path
}

describe.each(['csv', 'tsv'] as const)('the %s export of hostile cells', (format) => {
  const delimiter = format === 'tsv' ? '\t' : ','

  it("is read by Python's csv module as one row per annotation, every cell as it was", async () => {
    const { content, rows } = await exportTable(project, {
      format,
      annotators: 'all',
      reviewed: true,
      bom: true,
      neutralizeFormulas: false,
    })
    const path = await written(`raw.${format}`, content)
    const read = (await python('csv', path, format)) as string[][]
    const expected = await expectedSpans()
    expect(rows).toBe(expected.length - 1)
    expect(read).toHaveLength(expected.length)
    expect(read).toEqual(expected)
    expect(await python('spans', path, project.dir, format)).toEqual({ rows, problems: [] })
  })

  it('is read the same by csv-parse in strict mode', async () => {
    const { content } = await exportTable(project, { format, annotators: 'all', reviewed: true, bom: false, neutralizeFormulas: false })
    const read = parse(content, {
      delimiter,
      record_delimiter: '\r\n',
      relax_quotes: false,
      relax_column_count: false,
      skip_empty_lines: false,
    }) as string[][]
    expect(read).toEqual(await expectedSpans())
  })

  it('protects formula cells so that the documented inverse gives every cell back, in Python too', async () => {
    const { content } = await exportTable(project, { format, annotators: 'all', reviewed: true, bom: false, neutralizeFormulas: true })
    const path = await written(`protected.${format}`, content)
    const read = (await python('csv', path, format)) as string[][]
    // Every cell a spreadsheet could run starts with the apostrophe (a plain number such as -1 runs nothing).
    for (const row of read) for (const cell of row) if (!/^[+-]?\d+(\.\d+)?$/.test(cell)) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
    expect(read.map((r) => r.map(restoreFormulaCell))).toEqual(await expectedSpans())
    expect(await python('spans', path, project.dir, format, 'protected')).toMatchObject({ problems: [] })
  })
})

describe('the Excel workbook of hostile cells', () => {
  /** Long cells put back: a cell that was cut holds its first part, the Long cells sheet the rest. */
  function joinLongCells(sheets: Record<string, (Cell | null)[][]>): Record<string, (Cell | null)[][]> {
    const long = sheets['Long cells'] ?? []
    for (const [sheet, ref, , part] of long.slice(1) as [string, string, number, string][]) {
      const m = /^([A-Z]+)(\d+)$/.exec(ref)!
      const column = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1
      const row = sheets[sheet]![Number(m[2]) - 1]!
      row[column] = `${row[column] as string}${part}`
    }
    return sheets
  }

  async function expectedSheets() {
    const input = await layerInput()
    const maria = await project.layer('maria', docId)
    const cells = (rows: Cell[][]) => rows.map((r) => r.map((c) => (c === '' ? null : c)))
    return {
      Spans: cells([csvHeader(project.labels, keys()), ...csvRows(project.labels, input, keys())]),
      Links: cells([[...LINK_HEADER], ...linkRows(project.tagSet, input)]),
      Documents: cells([documentHeader(project.documents, ['maria']), ...documentRows(project.documents, ['maria'], () => 'done')]),
      Memos: cells([[...MEMO_HEADER], [docId, 'maria', maria.memo!.text, maria.memo!.modified]]),
    }
  }

  /** Trailing empty cells are not written, so rows read back shorter: pad them to the header's width. */
  function padded(rows: (Cell | null)[][]): (Cell | null)[][] {
    const width = rows[0]!.length
    return rows.map((r) => [...r, ...Array<null>(Math.max(0, width - r.length)).fill(null)])
  }

  it("is read by Python's zipfile and xml.etree with every cell equal to the CSV's, offsets as numbers", async () => {
    const { bytes, rows } = await exportWorkbook(project, { annotators: 'all', reviewed: true })
    const path = await written('spans.xlsx', bytes)
    const sheets = joinLongCells((await python('xlsx', path)) as Record<string, (Cell | null)[][]>)
    const expected = await expectedSheets()
    expect(Object.keys(sheets)).toEqual(['Spans', 'Links', 'Documents', 'Memos', 'Long cells'])
    expect(expected.Documents[0]!.slice(-4)).toEqual(['property.date', 'property.outlet', 'property.=formula name', 'status.maria'])
    expect(rows).toBe(expected.Spans.length - 1)
    for (const name of ['Spans', 'Links', 'Documents', 'Memos'] as const) expect(padded(sheets[name]!)).toEqual(expected[name])
    const header = expected.Spans[0]!
    const long = sheets.Spans!.find((r) => r[header.indexOf('annotation_id')] === 'long')!
    expect(typeof long[header.indexOf('start')]).toBe('number')
    expect(long[header.indexOf('text')]).toBe(LONG.trim())
    const text = await readFile(join(project.dir, project.documents[0]!.file), 'utf8')
    for (const row of sheets.Spans!.slice(1)) {
      const [start, end] = [row[header.indexOf('start')] as number, row[header.indexOf('end')] as number]
      expect(sliceCodePoints(text, start, end)).toBe(row[header.indexOf('text')] ?? '')
    }
  })

  it('keeps every cell within what Excel holds, and is read the same by read-excel-file', async () => {
    const { bytes } = await exportWorkbook(project, { annotators: 'all', reviewed: true })
    const read = await readXlsxFile(Buffer.from(bytes), { trim: false })
    const sheets = Object.fromEntries(read.map((s) => [s.sheet, s.data as (Cell | null)[][]]))
    for (const rows of Object.values(sheets))
      for (const row of rows)
        for (const cell of row) if (typeof cell === 'string') expect(cell.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT)
    const joined = joinLongCells(sheets)
    const expected = await expectedSheets()
    for (const name of ['Spans', 'Links', 'Documents', 'Memos'] as const) expect(padded(joined[name]!)).toEqual(expected[name])
  })
})
