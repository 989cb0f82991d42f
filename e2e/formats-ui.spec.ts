/**
 * The formats of issue 4 through the UI: a CSV table imported through its dialog (columns picked
 * by hand) and a web page, a span tagged on a CSV row's text with an emoji in it, then JSON Lines
 * and W3C Web Annotation exported from the Export dialog and read back against the stored texts
 * (offsets are code points: the quote is the text sliced like Python's text[start:end]).
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { ProjectFile } from '../shared/model/project'
import { sliceCodePoints } from '../shared/offsets'
import { expect, test, type Marginalia } from './harness'
import { dragSelect } from './text'

const formats = join(import.meta.dirname, '../fixtures/corpus/formats')
const PHRASE = 'the minister said 😀'

async function project(app: Marginalia): Promise<ProjectFile> {
  return JSON.parse(await app.read('project.json')) as ProjectFile
}

/** Export in one format from the Export dialog; returns the downloaded file's text. */
async function exportAs(page: Page, format: string): Promise<{ name: string; text: string }> {
  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export annotations' })
  await dialog.getByRole('group', { name: 'Format' }).getByRole('radio', { name: format }).check()
  await expect(dialog.getByLabel('Protect against spreadsheet formulas')).toHaveCount(0)
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const file = await download
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
  await csv.getByRole('button', { name: 'Import 4 documents' }).click()
  await expect(csv).toBeHidden()
  await expect(nav.getByText('Opening statement')).toBeVisible()
  await expect(nav.getByText('Combining marks')).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('corpus.csv, row 4')
  const rows = (await project(app)).documents.filter((d) => d.importedFrom.startsWith('corpus.csv#row='))
  expect(rows.map((d) => d.title)).toEqual(['Opening statement', 'Reply', 'Combining marks'])
  expect(rows[0]!.metadata).toMatchObject({ speaker: 'Minister Ní Bhriain', date: '2023-10-12' })

  // The web page, picked like any text.
  await page.locator('input[type=file]').setInputFiles(join(formats, 'article.html'))
  await expect(nav.getByText('Russia & Iran: a “new axis”?')).toBeVisible()

  // A span after an emoji-free prefix, ending in an emoji (2 UTF-16 units, 1 code point).
  await nav.getByText('Opening statement').click()
  await expect(page.locator('.ProseMirror')).toContainText(PHRASE)
  await dragSelect(page, PHRASE)
  await page.keyboard.press('1')
  await expect(page.getByTestId('save-state')).toHaveText('Saved')

  const docs = await project(app)
  const texts = new Map<string, string>()
  for (const d of docs.documents) texts.set(d.id, await app.read(d.file))
  const opening = rows[0]!

  const jsonl = await exportAs(page, 'JSON Lines')
  expect(jsonl.name).toMatch(/\.jsonl$/)
  const lines = jsonl.text.trimEnd().split('\n').map((l) => JSON.parse(l) as { document: string; annotator: string; target: { position: { start: number; end: number }; quote: { exact: string } } })
  expect(lines.length).toBeGreaterThan(20)
  for (const line of lines) expect(sliceCodePoints(texts.get(line.document)!, line.target.position.start, line.target.position.end)).toBe(line.target.quote.exact)
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
  const byFile = new Map(docs.documents.map((d) => [d.file, texts.get(d.id)!]))
  for (const span of spans) {
    const quote = span.target.selector.find((s) => s.type === 'TextQuoteSelector')!
    const position = span.target.selector.find((s) => s.type === 'TextPositionSelector')!
    expect(sliceCodePoints(byFile.get(span.target.source)!, position.start!, position.end!)).toBe(quote.exact)
  }
  expect(spans.some((s) => s.target.selector.some((x) => x.exact === PHRASE))).toBe(true)
  expect(problems).toEqual([])
})
