import { execFileSync } from 'node:child_process'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterEach, describe, expect, it } from 'vitest'
import { restoreFormulaCell } from '../../../shared/csv'
import { sliceCodePoints } from '../../../shared/offsets'
import { diskFaults } from '../store/durable'
import { exportCsv, exportTable, exportWorkbook, tableChunks, writeTableFile } from './export-tables'
import { projectWith, tagOp, trickyTexts } from '../testing'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  diskFaults.write = null
  for (const c of cleanups.splice(0)) await c()
})

const NOW = '2026-11-01T10:00:00.000Z'

/** A project with every tricky text and annotations by two annotators. */
async function annotated() {
  const made = await projectWith({
    'emoji.txt': trickyTexts.emoji,
    'rtl.txt': trickyTexts.rtl,
    'crlf.txt': trickyTexts.crlf,
    'formula.txt': '=HYPERLINK("http://evil.example","click") +1 -2 @SUM(A1) said the man, "quoted, with commas"\nnext line',
  })
  cleanups.push(made.cleanup)
  const { project } = made
  const doc = (from: string) => project.documents.find((d) => d.importedFrom === from)!.id
  const apply = async (annotator: string, id: string, ops: Awaited<ReturnType<typeof tagOp>>[]) =>
    (await project.layer(annotator, id)).apply(ops, await project.text(id), project.tagSet, NOW)
  await apply('maria', doc('emoji.txt'), [
    await tagOp(
      project,
      doc('emoji.txt'),
      'the talks 👩‍👩‍👧 had "failed"',
      'claim',
      'm1',
      {},
      'note with, comma and "quotes"\nand a line break',
    ),
    await tagOp(project, doc('emoji.txt'), 'Officials 😀', 'source', 'm2', { kind: 'unnamed', name: 'Officials' }),
    { op: 'link', link: { id: 'ml1', from: 'm1', to: 'm2' } },
  ])
  await apply('maria', doc('rtl.txt'), [
    await tagOp(project, doc('rtl.txt'), 'حماس لن تستسلم', 'stance', 'm3', { polarity: 'against', target: 'Israel' }),
  ])
  await apply('maria', doc('crlf.txt'), [await tagOp(project, doc('crlf.txt'), 'with a claim.\n\nSecond', 'claim', 'm4')])
  await apply('maria', doc('formula.txt'), [
    await tagOp(project, doc('formula.txt'), '=HYPERLINK("http://evil.example","click")', 'claim', 'm5', {}, '@note'),
    await tagOp(project, doc('formula.txt'), '-2 @SUM(A1)', 'claim', 'm6'),
  ])
  await apply('jonas', doc('emoji.txt'), [
    await tagOp(project, doc('emoji.txt'), 'The ministry 🇺🇦', 'source', 'j1', { kind: 'government' }),
  ])
  return project
}

type Row = Record<string, string>

async function rowsOf(csv: string): Promise<Row[]> {
  return parse(csv, { columns: true, bom: true }) as Row[]
}

describe('number attributes', () => {
  it("are numbers in the CSV under formula protection (-0.5, not '-0.5) and in the workbook, read by Python", async () => {
    const made = await projectWith({ 'talks.txt': 'Officials said the talks had failed.\n' })
    cleanups.push(made.cleanup)
    const { project } = made
    const confidence = { id: 'confidence', name: 'Confidence', type: 'number' as const, integer: false, min: -5, max: 5 }
    await project.saveTagSet({
      labels: project.labels.map((l) => (l.id === 'claim' ? { ...l, attributes: [...l.attributes, confidence] } : l)),
      linkTypes: [],
    })
    const doc = project.documents[0]!.id
    await (
      await project.layer('maria', doc)
    ).apply(
      [
        await tagOp(project, doc, 'the talks had failed', 'claim', 'c1', { confidence: '-0.5' }),
        await tagOp(project, doc, 'Officials', 'claim', 'c2', { confidence: '-2' }),
      ],
      await project.text(doc),
      project.tagSet,
      NOW,
    )
    const csv = join(project.dir, 'spans.csv')
    await writeTableFile(project, { format: 'csv', annotators: 'all', reviewed: false, bom: false, neutralizeFormulas: true }, csv)
    const tables = join(import.meta.dirname, '../../../fixtures/readers/tables.py')
    const [header, ...rows] = JSON.parse(execFileSync('python3', [tables, 'csv', csv], { encoding: 'utf8' })) as string[][]
    const column = header!.indexOf('claim_confidence')
    expect(rows.map((r) => r[column])).toEqual(['-2', '-0.5'])
    const { bytes } = await exportWorkbook(project, { annotators: 'all', reviewed: false })
    const xlsx = join(project.dir, 'spans.xlsx')
    await writeFile(xlsx, bytes)
    const sheets = JSON.parse(execFileSync('python3', [tables, 'xlsx', xlsx], { encoding: 'utf8' })) as Record<string, unknown[][]>
    expect(sheets.Spans!.slice(1).map((r) => r[column])).toEqual([-2, -0.5])
  })
})

describe('label names', () => {
  it('are in the label_name column as the tag set has them now, any script, beside the label id a rename keeps', async () => {
    const made = await projectWith({ 'talks.txt': 'Officials said the talks had failed.\n' })
    cleanups.push(made.cleanup)
    const { project } = made
    const evidence = { id: 'tag', name: 'دليل', color: '#2e8b57', key: '4', attributes: [], attributedTo: null }
    await project.saveTagSet({
      labels: [...project.labels.map((l) => (l.id === 'claim' ? { ...l, name: 'Assertion' } : l)), evidence],
      linkTypes: [],
    })
    const doc = project.documents[0]!.id
    await (
      await project.layer('maria', doc)
    ).apply(
      [await tagOp(project, doc, 'the talks had failed', 'claim', 'c1'), await tagOp(project, doc, 'Officials', 'tag', 'e1')],
      await project.text(doc),
      project.tagSet,
      NOW,
    )
    const csv = join(project.dir, 'spans.csv')
    await writeTableFile(project, { format: 'csv', annotators: 'all', reviewed: false, bom: false, neutralizeFormulas: true }, csv)
    const tables = join(import.meta.dirname, '../../../fixtures/readers/tables.py')
    const [header, ...rows] = JSON.parse(execFileSync('python3', [tables, 'csv', csv], { encoding: 'utf8' })) as string[][]
    const [label, name] = [header!.indexOf('label'), header!.indexOf('label_name')]
    expect(header!.slice(label, name + 1)).toEqual(['label', 'start', 'end', 'text', 'prefix', 'suffix', 'label_name'])
    expect(rows.map((r) => [r[label], r[name]])).toEqual([
      ['tag', 'دليل'],
      ['claim', 'Assertion'],
    ])
  })
})

describe('the links table', () => {
  it('writes one row per link, attributions and typed links, whose end texts are the annotations’ texts, read back by Python’s csv module', async () => {
    const project = await annotated()
    await project.saveTagSet({
      labels: project.labels,
      linkTypes: [{ id: 'responds_to', name: 'Responds to', from: ['claim'], to: ['claim'], multiple: true }],
    })
    const id = project.documents.find((d) => d.importedFrom === 'formula.txt')!.id
    await (
      await project.layer('maria', id)
    ).apply([{ op: 'link', link: { id: 'ml2', from: 'm6', to: 'm5', type: 'responds_to' } }], await project.text(id), project.tagSet, NOW)
    const out = join(project.dir, 'links.tsv')
    const written = await writeTableFile(
      project,
      { format: 'tsv', table: 'links', annotators: 'all', reviewed: false, bom: false, neutralizeFormulas: true },
      out,
    )
    expect(written).toEqual({ rows: 2, documents: 2 })
    const read = JSON.parse(
      execFileSync(
        'python3',
        [
          '-c',
          'import csv, json, sys; print(json.dumps(list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"), delimiter="\\t"))))',
          out,
        ],
        { encoding: 'utf8' },
      ),
    ) as Row[]
    expect(
      read.map((r) => [
        r.annotator,
        r.link_id,
        r.type,
        r.from_id,
        r.from_label,
        r.to_id,
        r.to_label,
        r.from_label_name,
        r.to_label_name,
        r.type_name,
      ]),
    ).toEqual([
      ['maria', 'ml1', 'attribution', 'm1', 'claim', 'm2', 'source', 'Claim', 'Source', 'Attribution'],
      ['maria', 'ml2', 'responds_to', 'm6', 'claim', 'm5', 'claim', 'Claim', 'Claim', 'Responds to'],
    ])
    // The document's title, as the spans table has it (formula protection undone: this one starts with =).
    for (const r of read) expect(restoreFormulaCell(r.document_title!)).toBe(project.document(r.document_id!).title)
    // Every end's text is its annotation's span (formula protection as in the spans table).
    const spans = await rowsOf(
      (await exportCsv(project, { annotators: 'all', reviewed: false, bom: false, neutralizeFormulas: true })).content,
    )
    const textOf = (annotation: string) => spans.find((r) => r.annotation_id === annotation)!.text
    for (const r of read) {
      expect(r.from_text).toBe(textOf(r.from_id!))
      expect(r.to_text).toBe(textOf(r.to_id!))
    }
    expect(restoreFormulaCell(read[1]!.from_text!)).toBe('-2 @SUM(A1)')
  })

  it('keeps only the links from the annotations a Retrieve filter keeps', async () => {
    const project = await annotated()
    const { content, rows } = await exportTable(project, {
      format: 'csv',
      table: 'links',
      annotators: 'all',
      reviewed: false,
      bom: false,
      neutralizeFormulas: false,
      include: (_document, _layer, id) => id !== 'm1',
    })
    expect(rows).toBe(0)
    expect(content).toBe(
      'document_id,annotator,link_id,type,from_id,from_label,from_text,to_id,to_label,to_text,author,created,document_title,from_label_name,to_label_name,type_name\r\n',
    )
  })
})

describe('CSV export', () => {
  it('writes one row per annotation whose text equals the stored text sliced by code points', async () => {
    const project = await annotated()
    const { content, rows } = await exportCsv(project, { annotators: 'all', reviewed: true, bom: false, neutralizeFormulas: false })
    const parsed = await rowsOf(content)
    expect(rows).toBe(7)
    expect(parsed).toHaveLength(7)
    for (const row of parsed) {
      const doc = project.documents.find((d) => d.id === row.document_id)!
      const text = await readFile(join(project.dir, doc.file), 'utf8')
      expect(sliceCodePoints(text, Number(row.start), Number(row.end))).toBe(row.text)
      expect(row.document_title).toBe(doc.title)
    }
    expect(new Set(parsed.map((r) => r.annotator))).toEqual(new Set(['maria', 'jonas']))
  })

  it('carries each document’s properties in property.<key> columns at the end, read back by Python’s csv module', async () => {
    const project = await annotated()
    const doc = (from: string) => project.documents.find((d) => d.importedFrom === from)!.id
    await project.setProperties(doc('emoji.txt'), { date: '2023-10-19', outlet: 'Haaretz, English edition' })
    await project.setProperties(doc('rtl.txt'), { author: 'مراسل' })
    const out = join(project.dir, 'with-properties.csv')
    await writeTableFile(project, { format: 'csv', annotators: 'all', reviewed: false, bom: false, neutralizeFormulas: true }, out)
    const read = JSON.parse(
      execFileSync(
        'python3',
        ['-c', 'import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))))', out],
        {
          encoding: 'utf8',
        },
      ),
    ) as string[][]
    const [header, ...rows] = read
    expect(header!.slice(-4)).toEqual(['replies', 'property.date', 'property.outlet', 'property.author'])
    const column = (name: string) => header!.indexOf(name)
    for (const row of rows) {
      const id = row[column('document_id')]
      expect(row.slice(-3)).toEqual(
        id === doc('emoji.txt') ? ['2023-10-19', 'Haaretz, English edition', ''] : id === doc('rtl.txt') ? ['', '', 'مراسل'] : ['', '', ''],
      )
    }
    expect(rows.length).toBe(7)
  })

  it('uses RFC 4180: CRLF record ends, quoted commas, quotes and line breaks', async () => {
    const project = await annotated()
    const { content } = await exportCsv(project, { annotators: ['maria'], reviewed: false, bom: false, neutralizeFormulas: false })
    expect(content.split('\r\n')[0]).toMatch(/^document_id,document_title,annotator,annotation_id,label,start,end,text,prefix,suffix,/)
    expect(content).toContain('"note with, comma and ""quotes""\nand a line break"')
    const claim = (await rowsOf(content)).find((r) => r.annotation_id === 'm1')!
    expect(claim.note).toBe('note with, comma and "quotes"\nand a line break')
    expect(claim.linked_source_id).toBe('m2')
    expect(claim.linked_source_text).toBe('Officials 😀')
    expect(claim.linked_source_name).toBe('Officials')
    const multi = (await rowsOf(content)).find((r) => r.annotation_id === 'm4')!
    expect(multi.text).toBe('with a claim.\n\nSecond')
  })

  it('keeps non-ASCII text intact and adds a byte order mark only when asked', async () => {
    const project = await annotated()
    const plain = await exportCsv(project, { annotators: ['maria'], reviewed: false, bom: false, neutralizeFormulas: true })
    const excel = await exportCsv(project, { annotators: ['maria'], reviewed: false, bom: true, neutralizeFormulas: true })
    expect(plain.content.charCodeAt(0)).not.toBe(0xfeff)
    expect(excel.content.charCodeAt(0)).toBe(0xfeff)
    const stance = (await rowsOf(excel.content)).find((r) => r.annotation_id === 'm3')!
    expect(stance.text).toBe('حماس لن تستسلم')
    expect(stance.stance_polarity).toBe('against')
    expect(stance.stance_target).toBe('Israel')
  })

  it('neutralises formula-like cells by default, reversibly', async () => {
    const project = await annotated()
    const { content } = await exportCsv(project, { annotators: ['maria'], reviewed: false, bom: false, neutralizeFormulas: true })
    const rows = await rowsOf(content)
    const formula = rows.find((r) => r.annotation_id === 'm5')!
    expect(formula.text).toBe('\'=HYPERLINK("http://evil.example","click")')
    expect(formula.note).toBe("'@note")
    const minus = rows.find((r) => r.annotation_id === 'm6')!
    expect(minus.text).toBe("'-2 @SUM(A1)")
    for (const row of rows) {
      const doc = project.documents.find((d) => d.id === row.document_id)!
      const text = await readFile(join(project.dir, doc.file), 'utf8')
      expect(sliceCodePoints(text, Number(row.start), Number(row.end))).toBe(restoreFormulaCell(row.text!))
    }
    for (const cell of rows.flatMap((r) => Object.values(r))) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
  })

  it('exports one annotator or all of them', async () => {
    const project = await annotated()
    expect((await exportCsv(project, { annotators: ['jonas'], reviewed: false, bom: false, neutralizeFormulas: true })).rows).toBe(1)
    expect((await exportCsv(project, { annotators: ['nobody'], reviewed: false, bom: false, neutralizeFormulas: true })).rows).toBe(0)
  })
})

describe('a CSV or TSV written as its rows are made', () => {
  it('is, in the file and on a stream, the same text as the export built whole, with the same counts', async () => {
    const project = await annotated()
    for (const format of ['csv', 'tsv'] as const) {
      const options = { format, annotators: 'all', reviewed: true, bom: true, neutralizeFormulas: true } as const
      const whole = await exportTable(project, options)
      const path = join(project.dir, '..', `streamed.${format}`)
      expect(await writeTableFile(project, options, path)).toEqual({ rows: whole.rows, documents: whole.documents })
      expect(await readFile(path, 'utf8')).toBe(whole.content)
      const streamed = await tableChunks(project, options)
      expect(Buffer.concat([...streamed.chunks]).toString('utf8')).toBe(whole.content)
      expect([streamed.rows(), streamed.documents()]).toEqual([whole.rows, whole.documents])
    }
  })

  it('leaves the file it would replace as it was when the disk fails midway, and no partial file beside it', async () => {
    const project = await annotated()
    const folder = join(project.dir, '..')
    const path = join(folder, 'kept.csv')
    await writeFile(path, 'the earlier export\r\n')
    diskFaults.write = (p) => (p === path ? Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }) : null)
    const options = { format: 'csv', annotators: 'all', reviewed: true, bom: false, neutralizeFormulas: true } as const
    await expect(writeTableFile(project, options, path)).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(await readFile(path, 'utf8')).toBe('the earlier export\r\n')
    expect((await readdir(folder)).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })
})
