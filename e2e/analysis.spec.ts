/**
 * Who says what about whom, as a user meets it in Chromium: the Analysis view on the sample
 * project — the matrix, a cell's statements, the network and a node's stances, a date range —
 * a GraphML export read back by Python's xml.etree (fixtures/readers/networks.py), and a
 * document's date set from the document list, seen in the list and in the statements CSV
 * (read back by Python's csv module).
 */
import { execFileSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import type { Page } from '@playwright/test'
import { chooseMenu, expect, repo, test } from './harness'

const READERS = `${repo}/fixtures/readers`

async function openAnalysis(page: Page) {
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Analysis' }).click()
  await expect(page.getByRole('main', { name: 'Analysis' })).toBeVisible()
}

/** Export from the Analysis view; returns the downloaded file's path and name. */
async function exportAs(page: Page, what: string): Promise<{ path: string; name: string }> {
  await page.getByLabel('Export', { exact: true }).selectOption({ label: what })
  const downloaded = page.waitForEvent('download')
  await page.getByRole('main', { name: 'Analysis' }).getByRole('button', { name: 'Export', exact: true }).click()
  const file = await downloaded
  await expect(page.getByRole('status').filter({ hasText: /^Saved \d+ (rows|edges) as / })).toBeVisible()
  return { path: (await file.path())!, name: file.suggestedFilename() }
}

test('the matrix, a cell’s statements, the network, a date range, and a GraphML export read back', async ({ page, app }) => {
  const problems: string[] = []
  page.on('console', (m) => (m.type() === 'error' || /Content Security Policy/i.test(m.text())) && problems.push(m.text()))
  page.on('pageerror', (e) => problems.push(e.message))
  await page.goto(app.url)
  await openAnalysis(page)

  // The matrix: actors by target; the Russian government's two stances for Hamas.
  const matrix = page.getByRole('table', { name: 'Actors by target' })
  await expect(matrix.getByRole('rowheader', { name: /Vladimir Putin/ })).toBeVisible()
  await expect(page.getByTestId('analysis-counts')).toHaveText('55 statements (24 stances) in jonas, maria')
  await expect(page.getByTestId('unlinked-count')).toContainText('1 stance has no source')
  // The totals row: each target's stances, and all 24 with a target.
  const totals = matrix.getByRole('row', { name: /^All/ })
  await expect(totals.getByRole('cell').last()).toHaveText('24')
  await matrix.getByRole('button', { name: 'Russian government on Hamas: 2 for' }).click()
  const side = page.getByRole('complementary', { name: 'Selected statements' })
  await expect(side.getByRole('heading', { name: 'Russian government on Hamas' })).toBeVisible()
  await expect(side.getByTestId('selected-count')).toHaveText('2 statements')
  await expect(side.getByRole('listitem').first()).toContainText('Moscow has clung to its position that Hamas')

  // The stance with no source is listed, not dropped.
  await side.getByRole('button', { name: 'Clear' }).click()
  await side.getByRole('button', { name: 'list it' }).click()
  await expect(side.getByRole('heading', { name: 'Stances with no source' })).toBeVisible()
  await expect(side.getByTestId('selected-count')).toHaveText('1 statement')

  // The network: two-mode, the nodes listed by degree; clicking one shows its stances.
  await page.getByRole('tab', { name: 'Network' }).click()
  await expect(page.getByTestId('network-summary')).toHaveText('16 nodes, 12 ties from 23 stances; 1 stance set aside: 1 with no source')
  await expect(page.getByRole('img', { name: /^Network of 16 nodes and 12 ties/ })).toBeVisible()
  await page
    .getByRole('navigation', { name: 'Nodes' })
    .getByRole('button', { name: /Vladimir Putin/ })
    .click()
  await expect(side.getByRole('heading', { name: 'Stances by Vladimir Putin' })).toBeVisible()
  await expect(side.getByTestId('selected-count')).toHaveText('8 statements')
  // A click on the canvas where there is no node clears the selection.
  await page.getByRole('img', { name: /^Network of/ }).click({ position: { x: 3, y: 3 } })
  await expect(side.getByRole('heading', { name: 'Statements' })).toBeVisible()
  // In an 800 × 600 window the node list stays beside the graph, which keeps most of the height.
  await page.setViewportSize({ width: 800, height: 600 })
  const graph = page.getByRole('img', { name: /^Network of/ })
  await expect.poll(async () => (await graph.boundingBox())?.height ?? 0).toBeGreaterThan(200)
  const list = (await page.getByRole('navigation', { name: 'Nodes' }).boundingBox())!
  expect(list.x).toBeGreaterThan((await graph.boundingBox())!.x + 300)
  await page.setViewportSize({ width: 1280, height: 800 })

  // October only: the November article's statements are left out, in the network too.
  await page.getByLabel('From').fill('2023-10-01')
  await page.getByLabel('to', { exact: true }).fill('2023-10-31')
  await expect(page.getByTestId('analysis-counts')).not.toHaveText(/^55 statements/)
  const october = Number((await page.getByTestId('analysis-counts').textContent())!.split(' ')[0])
  expect(october).toBeLessThan(55)
  await expect(page.getByTestId('network-summary')).not.toHaveText(/^16 nodes/)
  const summary = (await page.getByTestId('network-summary').textContent())!
  const [nodes, ties] = /^(\d+) nodes, (\d+) ties/.exec(summary)!.slice(1).map(Number) as [number, number]

  // GraphML of what is shown, read back by xml.etree: the same nodes and ties, dated in October.
  const graphml = await exportAs(page, 'Network (GraphML)')
  expect(graphml.name).toMatch(/-actor-target-network-\d{4}-\d{2}-\d{2}\.graphml$/)
  const read = JSON.parse(execFileSync('python3', [`${READERS}/networks.py`, 'graphml', graphml.path], { encoding: 'utf8' })) as {
    problems: string[]
    directed: boolean
    nodes: unknown[]
    edges: { attributes: Record<string, string> }[]
  }
  expect(read.problems).toEqual([])
  expect(read.directed).toBe(true)
  expect([read.nodes.length, read.edges.length]).toEqual([nodes, ties])
  for (const e of read.edges) expect(e.attributes.last_date! <= '2023-10-31').toBe(true)

  // Over time, by week, within the range.
  await page.getByRole('tab', { name: 'Over time' }).click()
  await page.getByLabel('by', { exact: true }).selectOption('week')
  await expect(page.getByRole('table', { name: 'Stances over time' }).getByRole('columnheader').nth(1)).toHaveText(/2023-W41.*2023-W42/)

  // A range that ends before it starts: the sentence alone, not the last range's counts beside it.
  await page.getByLabel('to', { exact: true }).fill('2023-09-30')
  await expect(page.getByRole('alert')).toHaveText('The date range ends (2023-09-30) before it starts (2023-10-01); swap the two dates.')
  await expect(page.getByTestId('analysis-counts')).toBeHidden()
  await expect(page.getByRole('table', { name: 'Stances over time' })).toBeHidden()
  await page.getByLabel('to', { exact: true }).fill('2023-10-31')
  await expect(page.getByTestId('analysis-counts')).toHaveText(new RegExp(`^${october} statements`))
  await expect(page.getByRole('alert')).toBeHidden()
  expect(problems).toEqual([])
})

test('a document’s date set in the list shows under its title and in the statements CSV', async ({ page, app }) => {
  await page.goto(app.url)
  const nav = page.getByRole('navigation', { name: 'Documents' })
  const title = 'Russia and Hamas: a strategic alliance of convenience'
  await expect(nav.getByText(title)).toBeVisible()
  // The ⋯ button shows on hover, like the rename pencil.
  await nav.getByRole('listitem').filter({ hasText: title }).hover()
  await nav.getByRole('button', { name: `Properties of ${title}` }).click()
  const dialog = page.getByRole('dialog', { name: `Properties of “${title}”` })
  await expect(dialog.getByRole('textbox', { name: 'date', exact: true })).toHaveValue('2023-11-07')
  await dialog.getByRole('textbox', { name: 'date', exact: true }).fill('7 Nov 2023')
  await expect(dialog.getByRole('note')).toHaveText(
    '“7 Nov 2023” is not a date the analysis can use: write it as yyyy-mm-dd, such as 2023-10-12.',
  )
  await dialog.getByRole('textbox', { name: 'date', exact: true }).fill('2024-02-01')
  await dialog.getByRole('textbox', { name: 'outlet', exact: true }).fill('The Cradle, "West Asia"')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  await expect(nav.getByRole('listitem').filter({ hasText: title }).getByTestId('doc-properties')).toHaveText(
    '2024-02-01 · The Cradle, "West Asia"',
  )
  const stored = JSON.parse(await app.read('project.json')) as { documents: { title: string; properties?: Record<string, string> }[] }
  expect(stored.documents.find((d) => d.title === title)!.properties).toEqual({ date: '2024-02-01', outlet: 'The Cradle, "West Asia"' })
  // A timestamp (as a web page's meta tags give it) is kept as written and listed by its date.
  const setDate = async (date: string) => {
    await nav.getByRole('listitem').filter({ hasText: title }).hover()
    await nav.getByRole('button', { name: `Properties of ${title}` }).click()
    await dialog.getByRole('textbox', { name: 'date', exact: true }).fill(date)
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog).toBeHidden()
  }
  await setDate('2024-02-01T08:30:00Z')
  await expect(nav.getByRole('listitem').filter({ hasText: title }).getByTestId('doc-properties')).toHaveText(
    '2024-02-01 · The Cradle, "West Asia"',
  )
  // Saved in another form all the same, the list says Analysis will not read it.
  await setDate('1 February 2024')
  await expect(nav.getByRole('listitem').filter({ hasText: title }).getByTestId('doc-properties')).toHaveText(
    '1 February 2024 (not read as a date: yyyy-mm-dd) · The Cradle, "West Asia"',
  )
  await setDate('2024-02-01')

  // The list's filter finds it by its new date.
  await nav.getByRole('searchbox', { name: 'Filter documents' }).fill('2024-02')
  await expect(nav.getByRole('listitem')).toHaveCount(1)
  await nav.getByRole('searchbox', { name: 'Filter documents' }).fill('')

  await openAnalysis(page)
  const csv = await exportAs(page, 'Statements table (CSV)')
  const rows = JSON.parse(execFileSync('python3', [`${READERS}/tables.py`, 'csv', csv.path], { encoding: 'utf8' })) as string[][]
  const header = rows[0]!
  const [at, date, outlet] = [header.indexOf('document_title'), header.indexOf('property.date'), header.indexOf('property.outlet')]
  const theirs = rows.slice(1).filter((r) => r[at] === title)
  expect(theirs.length).toBeGreaterThan(5)
  for (const r of theirs) expect([r[date], r[outlet]]).toEqual(['2024-02-01', 'The Cradle, "West Asia"'])
  expect(rows.length - 1).toBe(55)

  // Searched, the table exports the statements it shows.
  await page.getByRole('tab', { name: 'Statements' }).click()
  await page.getByRole('searchbox', { name: 'Search' }).fill('Putin')
  await expect(page.getByTestId('statements-count')).toHaveText(/^\d+ statements$/)
  const shown = Number((await page.getByTestId('statements-count').textContent())!.split(' ')[0])
  expect(shown).toBeLessThan(55)
  const searched = await exportAs(page, 'Statements table (CSV)')
  const kept = JSON.parse(execFileSync('python3', [`${READERS}/tables.py`, 'csv', searched.path], { encoding: 'utf8' })) as string[][]
  expect(kept.length - 1).toBe(shown)
  expect(kept.slice(1).every((r) => r.join(' ').toLowerCase().includes('putin'))).toBe(true)
})

test('another project opened: Analysis and Retrieve start afresh, not with the last project’s layer', async ({ page, app }) => {
  await page.goto(app.url)
  await openAnalysis(page)
  await page.getByLabel('Layer', { exact: true }).selectOption({ label: 'maria (28)' })
  await expect(page.getByTestId('analysis-counts')).toHaveText('28 statements (12 stances) in maria')
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Retrieve' }).click()
  const retrieve = page.getByRole('main', { name: 'Retrieve' })
  await retrieve.getByLabel('Annotator').selectOption('maria')
  await expect(retrieve.getByText(/^\d+ of \d+ annotations$/)).toBeVisible()

  // A new, empty project beside the sample.
  await chooseMenu(page, 'Project', 'New project…')
  const dialog = page.getByRole('dialog', { name: 'New project' })
  await dialog.getByLabel('Project name').fill('Second project')
  await dialog.getByLabel('Folder to create it in (full path)').fill(join(dirname(app.projectDir), 'second'))
  await dialog.getByRole('button', { name: 'Create project' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText('Second project')).toBeVisible()

  await openAnalysis(page)
  await expect(page.getByTestId('analysis-counts')).toHaveText(/^0 statements/)
  await expect(page.getByLabel('Layer', { exact: true })).not.toContainText('maria')
  await expect(page.getByRole('main', { name: 'Analysis' }).getByText(/no annotations by/)).toHaveCount(0)
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Retrieve' }).click()
  await expect(page.getByRole('main', { name: 'Retrieve' }).getByLabel('Annotator')).toHaveValue('')
})
