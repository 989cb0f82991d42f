import { readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { restoreFormulaCell } from '../shared/csv'
import type { ProjectFile } from '../shared/model/project'
import { ReviewStoreFile } from '../shared/model/review'
import { sliceCodePoints } from '../shared/offsets'
import type { Page } from '@playwright/test'
import { chooseMenu, expect, test } from './harness'

const TITLE = 'Russia and Iran as new axis against the West'

/** Open the sample's first document and start reviewing its annotators from the setup dialog. */
async function startReview(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.getByRole('navigation', { name: 'Documents' }).getByText(TITLE).click()
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Review' }).click()
  await page.getByRole('dialog', { name: 'Review: compare annotators' }).getByRole('button', { name: 'Start review' }).click()
}

/** "3 / 16 settled" -> [3, 16] */
async function progress(text: Promise<string | null>): Promise<[number, number]> {
  const m = /(\d+)\s*\/\s*(\d+)/.exec((await text) ?? '')
  if (!m) throw new Error(`no progress in ${await text}`)
  return [Number(m[1]), Number(m[2])]
}

test("review the sample project's two annotators: settle units, see progress, export the reviewed layer", async ({ page, app }) => {
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(e.message))
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()))
  const project = JSON.parse(await app.read('project.json')) as ProjectFile
  const doc = project.documents.find((d) => d.title === TITLE)!

  await page.goto(app.url)
  await page.getByRole('navigation', { name: 'Documents' }).getByText(TITLE).click()
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Review' }).click()
  const setup = page.getByRole('dialog', { name: 'Review: compare annotators' })
  await expect(setup.getByRole('checkbox', { name: /maria/ })).toBeChecked()
  await expect(setup.getByRole('checkbox', { name: /jonas/ })).toBeChecked()
  await setup.getByRole('button', { name: 'Start review' }).click()

  const units = page.getByRole('complementary', { name: 'Review units' })
  const settled = units.getByTestId('review-progress')
  await expect(settled).toHaveText(/0 \/ \d+ settled/)
  const [, total] = await progress(settled.textContent())
  expect(total).toBeGreaterThan(5)

  // Accept every unit both annotators marked alike, in one action.
  await units.getByRole('button', { name: 'Accept all agreed' }).click()
  await expect(settled).not.toHaveText(/^0 \//)
  const [agreed] = await progress(settled.textContent())
  expect(agreed).toBeGreaterThan(0)

  // n jumps to the next open disagreement; accept maria's version of it.
  await page.keyboard.press('n')
  const unit = page.getByTestId('unit-decision')
  await expect(page.getByTestId('unit-state')).toHaveText('Open')
  const accept = unit.getByRole('button', { name: /^Accept (maria|jonas)'s$/ }).first()
  const whose = ((await accept.textContent()) ?? '').includes('maria') ? 'maria' : 'jonas'
  await accept.click()
  await expect(settled).toHaveText(new RegExp(`^${agreed + 1} / ${total}`))

  // After a decision the next open disagreement is selected: reject it.
  await expect(page.getByTestId('unit-state')).toHaveText('Open')
  await unit.getByRole('button', { name: 'Reject all' }).click()
  await expect(settled).toHaveText(new RegExp(`^${agreed + 2} / ${total}`))

  // Everything is on disk, with provenance.
  const store = ReviewStoreFile.parse(JSON.parse(await app.read(`annotations/_reviewed/${doc.id}.json`)))
  expect(store.decisions).toHaveLength(agreed + 2)
  expect(store.decisions.filter((d) => d.action === 'rejected')).toHaveLength(1)
  expect(store.annotations).toHaveLength(agreed + 1)
  expect(store.annotations.some((a) => a.provenance.chosen === whose && a.provenance.decidedBy === 'tester')).toBe(true)

  // Progress shows in the document list.
  await expect(page.getByRole('navigation', { name: 'Documents' }).getByTestId('doc-progress').first()).toHaveText(
    new RegExp(`${agreed + 2}/${total}`),
  )

  // Export the reviewed layer as CSV, with provenance columns, offsets exact.
  await chooseMenu(page, 'Project', 'Export…')
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('radio', { name: 'Reviewed layer only' }).check()
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const rows = parse(await readFile(await (await download).path(), 'utf8'), { columns: true, bom: true }) as Record<string, string>[]
  expect(rows).toHaveLength(agreed + 1)
  const text = await app.read(doc.file)
  for (const row of rows) {
    expect(row).toMatchObject({ annotator: '_reviewed', reviewed_by: 'tester', document_id: doc.id })
    expect(['accepted', 'edited']).toContain(row.review_action)
    expect(row.reviewed_from).toMatch(/^(maria|jonas):/)
    expect(sliceCodePoints(text, Number(row.start), Number(row.end))).toBe(restoreFormulaCell(row.text!))
  }
  expect(problems).toEqual([])
})

test('the agreement view shows kappa, alpha and F1 per label and exports them as CSV', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Agreement' }).click()
  const byLabel = page.getByRole('table', { name: 'Agreement by label' })
  await expect(byLabel).toBeVisible()
  for (const label of ['Claim', 'Source', 'Stance']) await expect(byLabel.getByRole('row', { name: new RegExp(label) })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Agreement by pair' })).toContainText(/0\.8\d\d/)

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export agreement CSV' }).click()
  const rows = parse(await readFile(await (await download).path(), 'utf8'), { columns: true, bom: true }) as Record<string, string>[]
  const kappa = rows.find((r) => r.scope === 'project' && r.label === 'all' && r.metric === 'token_kappa')!
  expect(Number(kappa.value)).toBeCloseTo(0.825, 2)

  // A document opened from "By document" is shown from its title, with the keyboard on it.
  const body = page.locator('.agreement-body')
  await page.getByRole('region', { name: 'By document' }).getByRole('button', { name: TITLE }).click()
  await expect(page.locator('.agreement-title')).toBeFocused()
  await expect(page.locator('.agreement-title')).toContainText(TITLE)
  expect(await body.evaluate((el) => el.scrollTop)).toBe(0)
  // Recalculate keeps the keyboard where it is.
  await page.getByRole('button', { name: 'Recalculate' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Recalculate' })).toBeFocused()
})

test('Ctrl+Z pressed before “Accept all agreed” is answered takes back the accept-all, not the decision before it', async ({
  page,
  app,
}) => {
  await startReview(page, app.url)
  const units = page.getByRole('complementary', { name: 'Review units' })
  const settled = units.getByTestId('review-progress')
  await expect(settled).toHaveText(/^0 \/ \d+ settled/)
  // One decision first: reject the first open disagreement.
  await page.keyboard.press('n')
  await expect(page.getByTestId('unit-state')).toHaveText('Open')
  await page.keyboard.press('x')
  await expect(settled).toHaveText(/^1 \//)
  // The host is slow to answer the accept-all, and Ctrl+Z comes before its answer.
  let release = () => undefined as void
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/api/review.acceptAgreed', async (route) => {
    await held
    await route.continue()
  })
  await units.getByRole('button', { name: 'Accept all agreed' }).click()
  await page.keyboard.press('Control+z')
  release()
  // The accept-all is taken back; the rejection made before it stays.
  await expect(page.locator('.hint')).toHaveText(/^Taken back\. \(\d+ units\)$/)
  await expect(settled).toHaveText(/^1 \//)
  const doc = (JSON.parse(await app.read('project.json')) as ProjectFile).documents.find((d) => d.title === TITLE)!
  await expect
    .poll(async () =>
      ReviewStoreFile.parse(JSON.parse(await app.read(`annotations/_reviewed/${doc.id}.json`))).decisions.map((d) => d.action),
    )
    .toEqual(['rejected'])
})

test('Ctrl+Z still takes back a decision after a visit to Annotate and to another document', async ({ page, app }) => {
  await page.goto(app.url)
  const documents = page.getByRole('navigation', { name: 'Documents' })
  await documents.getByText(TITLE).click()
  const view = page.getByRole('group', { name: 'View' })
  await view.getByRole('button', { name: 'Review' }).click()
  await page.getByRole('dialog', { name: 'Review: compare annotators' }).getByRole('button', { name: 'Start review' }).click()
  const settled = page.getByRole('complementary', { name: 'Review units' }).getByTestId('review-progress')
  await expect(settled).toHaveText(/^0 \/ \d+ settled/)
  await page.keyboard.press('n')
  await expect(page.getByTestId('unit-state')).toHaveText('Open')
  await page.keyboard.press('x')
  await expect(settled).toHaveText(/^1 \//)
  // Away to Annotate, back to Review; then to another document and back.
  await view.getByRole('button', { name: 'Annotate' }).click()
  await expect(page.locator('.ProseMirror').first()).toBeVisible()
  await view.getByRole('button', { name: 'Review' }).click()
  await expect(settled).toHaveText(/^1 \//)
  await documents.locator('li').filter({ hasNotText: TITLE }).first().click()
  await expect(settled).toHaveText(/^0 \//)
  await documents.getByText(TITLE).click()
  await expect(settled).toHaveText(/^1 \//)
  await page.keyboard.press('Control+z')
  await expect(page.locator('.hint')).toHaveText('Taken back.')
  await expect(settled).toHaveText(/^0 \//)
})

test('a note with a long unbroken run (a URL) wraps inside its version’s card', async ({ page, app }) => {
  // Every annotation of jonas's gets such a note on disk before the app starts reading.
  const dir = join(app.projectDir, 'annotations', 'jonas')
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.json')) continue
    const store = JSON.parse(await readFile(join(dir, name), 'utf8')) as { annotations: { note: string }[] }
    for (const a of store.annotations) a.note = `See https://example.org/${'x'.repeat(120)} for the wording.`
    await writeFile(join(dir, name), `${JSON.stringify(store, null, 2)}\n`)
  }
  await startReview(page, app.url)
  await page.keyboard.press('n')
  const note = page.getByTestId('unit-decision').locator('.card .card-note').first()
  await expect(note).toContainText('https://example.org/')
  const cards = await page
    .getByTestId('unit-decision')
    .locator('.card')
    .evaluateAll((els) => els.map((el) => ({ wider: el.scrollWidth - el.clientWidth, right: el.getBoundingClientRect().right })))
  for (const c of cards) expect(c.wider).toBeLessThanOrEqual(1)
  const noteBox = await note.boundingBox()
  const cardBox = await note.locator('xpath=ancestor::article[contains(@class, "card")]').boundingBox()
  expect(noteBox!.x + noteBox!.width).toBeLessThanOrEqual(cardBox!.x + cardBox!.width + 0.5)
})

test('a button pressed with the mouse decides its own unit only: Enter after it, or a double-click, settles nothing more', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  await page.getByRole('navigation', { name: 'Documents' }).getByText(TITLE).click()
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Review' }).click()
  // The setup dialog is ready to start with Enter (not on Cancel).
  await expect(page.getByRole('dialog', { name: 'Review: compare annotators' }).getByRole('button', { name: 'Start review' })).toBeFocused()
  await page.keyboard.press('Enter')
  const units = page.getByRole('complementary', { name: 'Review units' })
  const settled = units.getByTestId('review-progress')
  const unit = page.getByTestId('unit-decision')
  await expect(settled).toHaveText(/^0 \//)
  await page.keyboard.press('n')
  await expect(page.getByTestId('unit-state')).toHaveText('Open')
  const accept = () => unit.getByRole('button', { name: /^Accept (maria|jonas)'s$/ }).first()
  // Accepted with the mouse: the next open unit is shown, and the keyboard is on it, not on a button of it.
  await accept().click()
  await expect(settled).toHaveText(/^1 \//)
  await expect(page.getByTestId('unit-state')).toHaveText('Open')
  await expect(unit).toBeFocused()
  await page.keyboard.press('Enter')
  await unit.getByRole('button', { name: 'Reject all' }).click()
  // Enter accepted nothing: the reject is the second decision.
  await expect(settled).toHaveText(/^2 \//)
  await expect(unit).toBeFocused()
  // A double-click on Accept settles the unit it was on, not the one shown after it too.
  await accept().dblclick()
  await expect(settled).toHaveText(/^3 \//)
  await unit.getByRole('button', { name: 'Reject all' }).click()
  await expect(settled).toHaveText(/^4 \//)
  // An editor left with Escape gives the keyboard back to its unit, not to the page.
  await unit.getByRole('button', { name: /^Edit…/ }).click()
  await unit.getByLabel('Note').focus()
  await page.keyboard.press('Escape')
  await expect(unit.getByLabel('Note')).toHaveCount(0)
  await expect(unit).toBeFocused()
})

test('a number key is the same annotator in every unit: in a unit only one marked, the other’s number accepts nothing', async ({
  page,
  app,
}) => {
  await startReview(page, app.url)
  const units = page.getByRole('complementary', { name: 'Review units' })
  const unit = page.getByTestId('unit-decision')
  // The legend's order is the numbers' order: the first annotator is 1 in every unit.
  const order = (await page.getByRole('group', { name: 'Layers shown' }).locator('.legend-item').allTextContents()).map((t) => t.trim())
  await units.getByRole('combobox').selectOption('only-some')
  await units.locator('.unit-button').first().click()
  const only = (await unit.locator('.card:not(.missing)').getAttribute('aria-label'))!.replace("'s version", '')
  const theirs = String(order.indexOf(only) + 1)
  const other = theirs === '1' ? '2' : '1'
  expect(order.indexOf(only)).toBeGreaterThanOrEqual(0)
  await expect(unit.locator('.card:not(.missing) kbd').first()).toHaveText(theirs)
  await unit.locator('.card:not(.missing)').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press(other)
  await expect(page.getByText(/has no version in this unit; nothing was accepted\./)).toBeVisible()
  await expect(page.getByTestId('unit-state')).toHaveText('Open')
  await page.keyboard.press(theirs)
  await expect(units.getByTestId('review-progress')).toHaveText(/^1 \//)
})

test('an edited version takes the source the reviewer picks from the reviewed layer, shown on its card and kept on disk', async ({
  page,
  app,
}) => {
  const project = JSON.parse(await app.read('project.json')) as ProjectFile
  const doc = project.documents.find((d) => d.title === TITLE)!
  await startReview(page, app.url)
  const units = page.getByRole('complementary', { name: 'Review units' })
  // The agreed sources go into the reviewed layer first.
  await units.getByRole('button', { name: 'Accept all agreed' }).click()
  await expect(units.getByTestId('review-progress')).not.toHaveText(/^0 \//)
  const reviewedFile = `annotations/_reviewed/${doc.id}.json`
  const before = ReviewStoreFile.parse(JSON.parse(await app.read(reviewedFile)))
  const sources = before.annotations.filter((a) => a.label === 'source')
  expect(sources.length).toBeGreaterThan(0)

  // An open unit, edited as a claim: its Source field lists the reviewed layer's sources.
  await page.keyboard.press('n')
  const unit = page.getByTestId('unit-decision')
  await unit.getByRole('button', { name: /^Edit…/ }).click()
  const form = page.getByRole('form', { name: 'Edit the reviewed version' })
  await form.getByLabel('Label').selectOption({ label: 'Claim' })
  const source = form.getByLabel('Source', { exact: true })
  await expect(source).toHaveValue('')
  await expect(source.locator('option')).toHaveCount(2 + sources.length)
  const picked = sources.at(-1)!
  await source.selectOption(picked.id)
  await form.screenshot({ path: test.info().outputPath('review-edit-source.png') })
  await form.getByRole('button', { name: 'Save edit' }).click()
  // The next open unit is selected after a decision: back to the one edited.
  const edited = units.locator('li.unit-row', { hasText: '✓ Edited' })
  await expect(edited).toHaveCount(1)
  await edited.getByRole('button').click()

  const card = unit.getByRole('article', { name: 'Reviewed version' })
  const name = picked.attributes.name?.trim() || picked.target.quote.exact
  await expect(card.locator('.card-source')).toContainText(`← ${name.slice(0, 40)}`)
  await expect(card.locator('.card-source')).toContainText('picked by')
  const after = ReviewStoreFile.parse(JSON.parse(await app.read(reviewedFile)))
  const claim = after.annotations.find((a) => a.provenance.action === 'edited' && a.label === 'claim')!
  expect(claim.provenance.source).toBe(picked.id)
  expect(after.links.filter((l) => l.type === 'attribution' && l.from === claim.id).map((l) => l.to)).toEqual([picked.id])

  // The source's own unit reopened: the card says the pick has nothing to link to; Ctrl+Z brings it back.
  await units.getByRole('checkbox', { name: 'Agreed units' }).check()
  const sourceRow = units.locator('li.unit-row', { hasText: picked.target.quote.exact.slice(0, 30) }).filter({ hasText: 'Agreed' })
  await sourceRow.first().getByRole('button').click()
  await unit.getByRole('button', { name: /^Reopen/ }).click()
  await edited.getByRole('button').click()
  await expect(card.locator('.card-source')).toContainText('picked is not in the reviewed layer now')
  await page.keyboard.press('Control+z')
  await edited.getByRole('button').click()
  await expect(card.locator('.card-source')).toContainText(`← ${name.slice(0, 40)}`)
  const back = ReviewStoreFile.parse(JSON.parse(await app.read(reviewedFile)))
  const relinked = back.annotations.find((a) => a.provenance.action === 'edited' && a.label === 'claim')!
  expect(back.links.filter((l) => l.type === 'attribution' && l.from === relinked.id).map((l) => l.to)).toEqual([
    relinked.provenance.source,
  ])
  await units.getByRole('checkbox', { name: 'Agreed units' }).uncheck()

  // Edited again: the form starts from the pick; "(none)" leaves it without a source.
  await unit.getByRole('button', { name: /^Edit…/ }).click()
  await expect(form.getByLabel('Source', { exact: true })).toHaveValue(relinked.provenance.source!)
  await form.getByLabel('Source', { exact: true }).selectOption({ label: '(none)' })
  await form.getByRole('button', { name: 'Save edit' }).click()
  await edited.getByRole('button').click()
  await expect(card.locator('.card-source')).toContainText('← no source')
  await unit.screenshot({ path: test.info().outputPath('review-edited-no-source.png') })
  const none = ReviewStoreFile.parse(JSON.parse(await app.read(reviewedFile)))
  const claim2 = none.annotations.find((a) => a.provenance.action === 'edited' && a.label === 'claim')!
  expect(claim2.provenance.source).toBeNull()
  expect(none.links.filter((l) => l.from === claim2.id && l.type === 'attribution')).toEqual([])
})

test('agreement counts per label are the spans compared, "of" the annotator’s total when only one annotated a document', async ({
  page,
  app,
}) => {
  const project = JSON.parse(await app.read('project.json')) as ProjectFile
  const [only, ...both] = project.documents
  // jonas never annotated the first document: only maria's spans in the other two are compared.
  await rm(join(app.projectDir, 'annotations', 'jonas', `${only!.id}.json`))
  await app.crashAndRestart()
  const sources = async (who: string, docs: typeof both) => {
    let n = 0
    for (const d of docs) {
      const file = `annotations/${who}/${d.id}.json`
      n += (JSON.parse(await app.read(file)) as { annotations: { label: string }[] }).annotations.filter((a) => a.label === 'source').length
    }
    return n
  }
  const compared = await sources('maria', both)
  const total = await sources('maria', [only!, ...both])
  expect(total).toBeGreaterThan(compared)

  await page.goto(app.url)
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Agreement' }).click()
  const table = page.getByRole('table', { name: 'Agreement by label' })
  await expect(table.getByRole('row', { name: /^Source/ })).toBeVisible()
  const headers = await table.getByRole('columnheader').allTextContents()
  const cells = await table
    .getByRole('row', { name: /^Source/ })
    .getByRole('cell')
    .allTextContents()
  // The row's first cell is its header: the columns after it line up with the headers after "Label".
  const cellOf = (who: string) => cells[headers.indexOf(who) - 1]
  expect(cellOf('maria')).toBe(`${compared} of ${total}`)
  expect(cellOf('jonas')).toBe(String(await sources('jonas', both)))
})
