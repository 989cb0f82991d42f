/**
 * Suggest in Chromium: proposed claims and sources outlined in the text, Enter accepts one into
 * the annotator's layer (with its provenance on disk), Backspace rejects one (remembered on disk
 * and not proposed again after a reload), Tab moves on, and Ctrl+Z takes an accept back.
 */
import type { Page } from '@playwright/test'
import type { DocumentSuggestions } from '../shared/api'
import type { ProjectFile, StoreFile } from '../shared/model/project'
import { expect, test, type Marginalia, expectSaved } from './harness'
import { locatePhrase } from './text'

const DOC_PHRASE = 'Alexander Gabuev'

async function documentWith(app: Marginalia, phrase: string) {
  const project = JSON.parse(await app.read('project.json')) as ProjectFile
  for (const doc of project.documents) if ((await app.read(doc.file)).includes(phrase)) return doc
  throw new Error(`no document contains "${phrase}"`)
}

async function store(app: Marginalia, docId: string): Promise<StoreFile> {
  return JSON.parse(await app.read(`annotations/tester/${docId}.json`)) as StoreFile
}

/** What the host proposes now, asked the way the page asks (POST /api/… with the launch token). */
async function proposed(page: Page, app: Marginalia, id: string): Promise<DocumentSuggestions> {
  const launchToken = new URL(app.url).searchParams.get('token')!
  const result = await page.evaluate(
    async ({ token, document }) => {
      const r = await fetch('/api/suggestions.document', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Marginalia-Token': token },
        body: JSON.stringify({ document }),
      })
      return r.json()
    },
    { token: launchToken, document: id },
  )
  expect(result.ok).toBe(true)
  return result.value as DocumentSuggestions
}

/** Open the sample article that quotes Alexander Gabuev, collecting the page's errors. */
async function openSampleDocument(page: Page, app: Marginalia) {
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(e.message))
  const doc = await documentWith(app, DOC_PHRASE)
  await page.goto(app.url)
  await page.getByRole('navigation', { name: 'Documents' }).getByText(doc.title).click()
  const editor = page.locator('.ProseMirror')
  await expect(editor).toContainText(DOC_PHRASE)
  return { problems, doc, editor }
}

test('suggest, accept with Enter, reject with Backspace, undo an accept, reload: on disk, and the rejected one stays rejected', async ({
  page,
  app,
}) => {
  const { problems, doc, editor } = await openSampleDocument(page, app)
  const before = await proposed(page, app, doc.id)
  expect(before.spans.length).toBeGreaterThan(10)

  await page.getByRole('button', { name: 'Suggest', exact: true }).click()
  const bar = page.getByRole('region', { name: 'Suggestions' })
  await expect(bar).toContainText('suggested')
  await expect(editor.locator('.mg-suggestion').first()).toBeVisible()
  await expect(editor.locator('.mg-suggestion-current').first()).toBeVisible()
  await expect(editor).toBeFocused()

  // The Accept all buttons come in the tag set's order, and keep it as suggestions are decided.
  const acceptAll = bar.getByRole('button', { name: /^Accept all / })
  await expect(acceptAll).toHaveText(['Accept all as Claim', 'Accept all as Source'])
  // Enter accepts the first suggestion.
  const first = before.spans[0]!
  await page.keyboard.press('Enter')
  await expectSaved(page)
  await expect(acceptAll).toHaveText(['Accept all as Claim', 'Accept all as Source'])
  await expect.poll(async () => (await store(app, doc.id)).annotations.length).toBe(1)
  let file = await store(app, doc.id)
  expect(file.annotations[0]!.target.position).toMatchObject({ start: first.start, end: first.end })
  expect(file.annotations[0]!.label).toBe(first.label)
  expect(file.suggestions).toEqual([
    expect.objectContaining({
      label: first.label,
      start: first.start,
      end: first.end,
      decision: 'accepted',
      annotation: file.annotations[0]!.id,
    }),
  ])

  await page
    .getByRole('complementary', { name: 'Annotations' })
    .getByRole('button', { name: first.text.slice(0, 20) })
    .first()
    .click()
  await expect(page.getByText(`Accepted from a suggestion (${first.pattern}`)).toBeVisible()
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Suggest', exact: true }).click()
  // Suggest puts the keyboard in the text once the host has answered.
  await expect(editor).toBeFocused()

  // Backspace rejects the next one.
  const second = before.spans[1]!
  await page.keyboard.press('Backspace')
  await expect.poll(async () => (await store(app, doc.id)).suggestions?.length).toBe(2)
  file = await store(app, doc.id)
  expect(file.suggestions![1]).toMatchObject({ label: second.label, start: second.start, end: second.end, decision: 'rejected' })
  expect(file.annotations).toHaveLength(1)

  // Tab moves on; Enter accepts that one; Ctrl+Z takes the accept back.
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect.poll(async () => (await store(app, doc.id)).annotations.length).toBe(2)
  await page.keyboard.press('Control+z')
  await expect.poll(async () => (await store(app, doc.id)).annotations.length).toBe(1)
  await expectSaved(page)
  file = await store(app, doc.id)
  expect(file.suggestions!.map((r) => r.decision)).toEqual(['accepted', 'rejected'])

  for (const scheme of ['light', 'dark'] as const) {
    await page.setViewportSize({ width: 800, height: 600 })
    await page.emulateMedia({ colorScheme: scheme })
    await editor.locator('.mg-suggestion-current').first().scrollIntoViewIfNeeded()
    await page.waitForTimeout(1500) // past the flash of the suggestion moved to
    await page.screenshot({ path: test.info().outputPath(`suggestions-${scheme}.png`) })
  }
  await page.setViewportSize({ width: 1280, height: 800 })

  // Dismiss a canonical-name proposal: gone at once, and still gone after the reload below.
  const dismissed = before.names[0]!.name
  await bar.getByText(/^Canonical names proposed/).click()
  const proposal = bar.getByRole('listitem').filter({ hasText: `${dismissed}:` })
  await expect(proposal).toBeVisible()
  await proposal.getByRole('button', { name: 'Dismiss' }).click()
  await expect(proposal).toHaveCount(0)
  await expect.poll(async () => (await proposed(page, app, doc.id)).names.map((n) => n.name)).not.toContain(dismissed)

  await page.reload()
  await expect(editor).toContainText(DOC_PHRASE)
  const after = await proposed(page, app, doc.id)
  expect(after.names.map((n) => n.name)).not.toContain(dismissed)
  const ids = after.spans.map((s) => s.id)
  expect(ids).not.toContain(first.id)
  expect(ids).not.toContain(second.id)
  expect(after.spans).toHaveLength(before.spans.length - 2)
  expect(after.left).toEqual({ rejected: 1, existing: 1 })
  await page.getByRole('button', { name: 'Suggest', exact: true }).click()
  await expect(bar).toContainText('suggested')
  const count = await editor.locator('.mg-suggestion').evaluateAll((els) => new Set(els.map((e) => e.textContent)).size)
  expect(count).toBeGreaterThan(0)
  await bar.getByText(/^Canonical names proposed/).click()
  await expect(bar.getByRole('listitem').filter({ hasText: `${dismissed}:` })).toHaveCount(0)
  expect(problems).toEqual([])
})

test('move a suggestion’s ends before accepting it, with the keys and by dragging its handle: saved where they were put', async ({
  page,
  app,
}) => {
  const { problems, doc, editor } = await openSampleDocument(page, app)
  const text = Array.from(await app.read(doc.file))
  const before = await proposed(page, app, doc.id)
  // A claim of several words, reached with Tab from the first suggestion.
  const at = before.spans.findIndex((s) => s.label === 'claim' && s.text.trim().split(/\s+/).length >= 4)
  const claim = before.spans[at]!
  await page.getByRole('button', { name: 'Suggest', exact: true }).click()
  const bar = page.getByRole('region', { name: 'Suggestions' })
  await expect(bar).toContainText('suggested')
  await expect(editor).toBeFocused()
  for (let i = 0; i < at; i++) await page.keyboard.press('Tab')
  await expect(bar).toContainText(claim.text.slice(0, 30))
  const current = editor.locator('.mg-suggestion-current')
  const endHandle = page.getByTestId('boundary-end')
  await expect(endHandle).toBeVisible()

  // Two words off the end with the keys: drawn there, and the bar says so.
  await page.keyboard.press('Alt+Shift+ArrowLeft')
  await page.keyboard.press('Alt+Shift+ArrowLeft')
  await expect(bar).toContainText('boundaries moved')
  await expect(bar.getByRole('button', { name: 'As proposed' })).toBeVisible()
  for (const scheme of ['light', 'dark'] as const) {
    await page.setViewportSize({ width: 800, height: 600 })
    await page.emulateMedia({ colorScheme: scheme })
    await current.first().scrollIntoViewIfNeeded()
    await page.screenshot({ path: test.info().outputPath(`suggestion-edited-${scheme}.png`) })
  }
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.emulateMedia({ colorScheme: 'light' })
  await expect.poll(async () => (await current.allTextContents()).join('').length).toBeLessThan(claim.text.length)
  // Dragged back to where the proposal ended (dropped inside its last word: Whole words widens it).
  // (Located first: finding a phrase scrolls it into view, which moves the handles.)
  const proposedEnd = await locatePhrase(page, claim.text.trimEnd().slice(-24))
  const moved = (await endHandle.boundingBox())!
  await page.mouse.move(moved.x + moved.width / 2, moved.y + moved.height / 2)
  await page.mouse.down()
  await page.mouse.move(proposedEnd.endX - 3, proposedEnd.endY, { steps: 6 })
  await page.mouse.up()
  await expect(bar).not.toContainText('boundaries moved')
  // One word off the end, then Enter.
  await page.keyboard.press('Alt+Shift+ArrowLeft')
  await expect(bar).toContainText('boundaries moved')
  await page.keyboard.press('Enter')
  await expectSaved(page)
  await expect.poll(async () => (await store(app, doc.id)).annotations.length).toBe(1)
  const file = await store(app, doc.id)
  const saved = file.annotations[0]!
  // The proposed text less its last word and the space before it, in code points.
  let end = claim.end
  while (end > claim.start && !/\s/u.test(text[end - 1]!)) end--
  while (end > claim.start && /\s/u.test(text[end - 1]!)) end--
  expect(saved.target.position).toMatchObject({ start: claim.start, end })
  expect(saved.target.quote.exact).toBe(text.slice(claim.start, end).join(''))
  expect(file.suggestions).toEqual([
    expect.objectContaining({ label: 'claim', start: claim.start, end: claim.end, decision: 'accepted', annotation: saved.id }),
  ])
  await page
    .getByRole('complementary', { name: 'Annotations' })
    .getByRole('button', { name: saved.target.quote.exact.slice(0, 20) })
    .first()
    .click()
  await expect(page.getByText(`Accepted from a suggestion (${claim.pattern}`)).toContainText('with its boundaries moved')
  const after = await proposed(page, app, doc.id)
  expect(after.spans.map((s) => s.id)).not.toContain(claim.id)
  expect(after.left).toEqual({ rejected: 0, existing: 1 })
  expect(problems).toEqual([])
})
