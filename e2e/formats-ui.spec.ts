/**
 * The formats of issue 4 through the UI: a CSV table imported through its dialog (columns picked
 * by hand) and a web page, a span tagged on a CSV row's text with an emoji in it, then JSON Lines
 * and W3C Web Annotation exported from the Export dialog and read back against the stored texts
 * (offsets are code points: the quote is the text sliced like Python's text[start:end]).
 */
import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { sha256OfTextIri } from '../shared/interchange/iris'
import type { ProjectFile } from '../shared/model/project'
import { restoreFormulaCell } from '../shared/csv'
import { sliceCodePoints } from '../shared/offsets'
import { chooseMenu, expect, repo, test, type Marginalia, expectSaved } from './harness'
import { dragSelect } from './text'

const formats = join(import.meta.dirname, '../fixtures/corpus/formats')
const PHRASE = 'the minister said 😀'

async function project(app: Marginalia): Promise<ProjectFile> {
  return JSON.parse(await app.read('project.json')) as ProjectFile
}

/** Export in one format from the Export dialog; returns the downloaded file's text. */
async function exportAs(page: Page, format: string): Promise<{ name: string; text: string }> {
  await chooseMenu(page, 'Project', 'Export…')
  const dialog = page.getByRole('dialog', { name: 'Export annotations' })
  await dialog.getByRole('group', { name: 'Format' }).getByRole('radio', { name: format }).check()
  await expect(dialog.getByLabel('Protect against spreadsheet formulas')).toHaveCount(0)
  const downloaded = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const file = await downloaded
  await expect(dialog.getByText(/^Exported \d+ annotations? from \d+ documents? as /)).toBeVisible()
  await dialog.getByRole('button', { name: 'Close' }).click()
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') }
}

test('import a CSV through its dialog and a web page, tag a span, export JSON Lines and W3C and read them back', async ({ page, app }) => {
  const problems: string[] = []
  page.on('console', (m) => (m.type() === 'error' || /Content Security Policy/i.test(m.text())) && problems.push(m.text()))
  page.on('pageerror', (e) => problems.push(e.message))
  await page.goto(app.url)
  const nav = page.getByRole('navigation', { name: 'Documents' })
  await expect(nav).toBeVisible()

  // The table: pick the columns, see the sample, import one document per row.
  await page.locator('input[type=file]').setInputFiles(join(formats, 'corpus.csv'))
  const csv = page.getByRole('dialog', { name: 'Import CSV' })
  await expect(csv.getByRole('table', { name: 'Sample rows' })).toContainText('Minister Ní Bhriain')
  await csv.getByLabel('Text column').selectOption('text')
  await csv.getByLabel('Title column').selectOption('title')
  await csv.getByLabel('Id column').selectOption('id')
  // 4 rows, one with an empty text cell: the button counts the 3 documents it will make, and says why.
  await expect(csv).toContainText('1 row with an empty text cell is skipped and listed.')
  await csv.getByRole('button', { name: 'Import 3 documents' }).click()
  await expect(csv).toBeHidden()
  await expect(page.getByRole('alert')).toContainText('1 table row was not imported:')
  await expect(nav.getByText('Opening statement')).toBeVisible()
  await expect(nav.getByText('Combining marks')).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('corpus.csv, row 4')
  const rows = (await project(app)).documents.filter((d) => d.importedFrom.startsWith('corpus.csv#row='))
  expect(rows.map((d) => d.title)).toEqual(['Opening statement', 'Reply', 'Combining marks'])
  expect(rows[0]!.properties).toMatchObject({ speaker: 'Minister Ní Bhriain', date: '2023-10-12' })

  // The web page, picked like any text.
  await page.locator('input[type=file]').setInputFiles(join(formats, 'article.html'))
  await expect(nav.getByText('Russia & Iran: a “new axis”?')).toBeVisible()

  // A span after an emoji-free prefix, ending in an emoji (2 UTF-16 units, 1 code point).
  await nav.getByText('Opening statement').click()
  await expect(page.locator('.ProseMirror')).toContainText(PHRASE)
  await dragSelect(page, PHRASE)
  await page.keyboard.press('1')
  await expectSaved(page)

  const docs = await project(app)
  const texts = new Map<string, string>()
  for (const d of docs.documents) texts.set(d.id, await app.read(d.file))
  const opening = rows[0]!

  const jsonl = await exportAs(page, 'JSON Lines')
  expect(jsonl.name).toMatch(/\.jsonl$/)
  const lines = jsonl.text
    .trimEnd()
    .split('\n')
    .map(
      (l) =>
        JSON.parse(l) as {
          document: string
          annotator: string
          target: { position: { start: number; end: number }; quote: { exact: string } }
        },
    )
  expect(lines.length).toBeGreaterThan(20)
  for (const line of lines)
    expect(sliceCodePoints(texts.get(line.document)!, line.target.position.start, line.target.position.end)).toBe(line.target.quote.exact)
  const mine = lines.find((l) => l.annotator === 'tester')!
  expect(mine).toMatchObject({ document: opening.id, target: { quote: { exact: PHRASE } } })

  const w3c = await exportAs(page, 'W3C Web Annotation (JSON-LD)')
  expect(w3c.name).toMatch(/\.jsonld$/)
  type Selector = { type: string; exact?: string; start?: number; end?: number }
  type Item = { motivation: string; target: { source: string; selector: Selector[] } }
  const collection = JSON.parse(w3c.text) as { type: string; total: number; first: { items: Item[] } }
  expect(collection.type).toBe('AnnotationCollection')
  const spans = collection.first.items.filter((i) => i.motivation === 'tagging')
  expect(spans).toHaveLength(lines.length)
  // Each text is named by its content (ni:///sha-256;…), so its IRI says which stored text it is.
  const byHash = new Map(docs.documents.map((d) => [d.sha256, texts.get(d.id)!]))
  for (const span of spans) {
    const quote = span.target.selector.find((s) => s.type === 'TextQuoteSelector')!
    const position = span.target.selector.find((s) => s.type === 'TextPositionSelector')!
    expect(sliceCodePoints(byHash.get(sha256OfTextIri(span.target.source)!)!, position.start!, position.end!)).toBe(quote.exact)
  }
  expect(spans.some((s) => s.target.selector.some((x) => x.exact === PHRASE))).toBe(true)
  expect(problems).toEqual([])
})

test('export an Excel workbook from the Export dialog: Python reads its Spans sheet as the CSV, offsets as numbers', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  await expect(page.getByRole('navigation', { name: 'Documents' })).toBeVisible()
  const csv = await download(page, 'CSV')
  const xlsx = await download(page, 'Excel workbook (.xlsx)')
  expect(xlsx.name).toMatch(/\.xlsx$/)
  const tables = join(repo, 'fixtures/readers/tables.py')
  const rows = JSON.parse(execFileSync('python3', [tables, 'csv', csv.path], { encoding: 'utf8' })) as string[][]
  const sheets = JSON.parse(execFileSync('python3', [tables, 'xlsx', xlsx.path], { encoding: 'utf8' })) as Record<
    string,
    (string | number | null)[][]
  >
  expect(Object.keys(sheets)).toEqual(['Spans', 'Links', 'Documents', 'Memos'])
  expect(sheets.Spans!.length).toBe(rows.length)
  const header = rows[0]!
  expect(sheets.Spans![0]).toEqual(header)
  for (const [i, row] of rows.entries()) {
    if (i === 0) continue
    const cells = sheets.Spans![i]!
    header.forEach((column, j) => {
      const cell = cells[j] ?? ''
      if (column === 'start' || column === 'end') expect(cell).toBe(Number(row[j]))
      else expect(cell).toBe(restoreFormulaCell(row[j]!))
    })
  }
  expect(sheets.Documents!.slice(1).map((r) => r[0])).toEqual((await project(app)).documents.map((d) => d.id))
})

/** Export in one format from the Export dialog with its defaults; returns the downloaded file's name and path. */
async function download(page: Page, format: string): Promise<{ name: string; path: string }> {
  await chooseMenu(page, 'Project', 'Export…')
  const dialog = page.getByRole('dialog', { name: 'Export annotations' })
  await dialog.getByRole('group', { name: 'Format' }).getByRole('radio', { name: format }).check()
  const file = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const done = await file
  await dialog.getByRole('button', { name: 'Close' }).click()
  return { name: done.suggestedFilename(), path: await done.path() }
}

test('export the links table as CSV from the Export dialog: Python reads it as the workbook’s Links sheet', async ({ page, app }) => {
  await page.goto(app.url)
  await expect(page.getByRole('navigation', { name: 'Documents' })).toBeVisible()
  await chooseMenu(page, 'Project', 'Export…')
  const dialog = page.getByRole('dialog', { name: 'Export annotations' })
  await dialog.getByRole('group', { name: 'Format' }).getByRole('radio', { name: 'CSV' }).check()
  await dialog.getByRole('group', { name: 'Table' }).getByRole('radio', { name: 'Links' }).check()
  const downloaded = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const file = await downloaded
  await expect(dialog.getByText(/^Exported 43 links from 3 documents as .*-links-.*\.csv\.$/)).toBeVisible()
  await dialog.getByRole('button', { name: 'Close' }).click()
  expect(file.suggestedFilename()).toMatch(/-links-\d{4}-\d\d-\d\d\.csv$/)
  // The workbook's format choice has no table to choose: its Links sheet is the same table.
  await chooseMenu(page, 'Project', 'Export…')
  await dialog.getByRole('group', { name: 'Format' }).getByRole('radio', { name: 'Excel workbook (.xlsx)' }).check()
  await expect(dialog.getByRole('group', { name: 'Table' })).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  const xlsx = await download(page, 'Excel workbook (.xlsx)')
  const tables = join(repo, 'fixtures/readers/tables.py')
  const rows = JSON.parse(execFileSync('python3', [tables, 'csv', await file.path()], { encoding: 'utf8' })) as string[][]
  const sheets = JSON.parse(execFileSync('python3', [tables, 'xlsx', xlsx.path], { encoding: 'utf8' })) as Record<
    string,
    (string | number | null)[][]
  >
  expect(rows).toHaveLength(44)
  expect(rows.map((r) => r.map((c) => restoreFormulaCell(c)))).toEqual(sheets.Links!.map((r) => r.map((c) => c ?? '')))
})
