/**
 * Find, tag at scale and retrieve, as a researcher does it in the real page: find a word in a long
 * text and step to hits in paragraphs not drawn yet, tag every hit as a Source with one action,
 * undo, redo and reload — all on disk; then the Retrieve view narrowed to one source's claims,
 * exported, and read back by Python's csv module.
 */
import { execFileSync } from 'node:child_process'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { StoreFile } from '../shared/model/project'
import { expect, repo, test, type Marginalia, expectSaved } from './harness'

/** A long text (about 600 paragraphs) with the word Kremlin in every fifteenth paragraph. */
function longText(): string {
  const paragraphs: string[] = []
  for (let i = 0; i < 600; i++) {
    paragraphs.push(
      i % 15 === 7
        ? `Paragraph ${i}: the Kremlin said on Tuesday that talks would go on, a spokesman told reporters in Moscow.`
        : `Paragraph ${i}: officials in several capitals discussed the situation at length, without a clear outcome.`,
    )
  }
  return paragraphs.join('\n\n')
}

async function ownStore(app: Marginalia, docId: string): Promise<StoreFile | null> {
  try {
    return JSON.parse(await app.read(`annotations/tester/${docId}.json`)) as StoreFile
  } catch {
    return null
  }
}

test('find a word, step into paragraphs not yet drawn, tag every hit as a Source, undo, redo, reload', async ({ page, app }) => {
  await page.goto(app.url)
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'long-briefing.txt', mimeType: 'text/plain', buffer: Buffer.from(longText()) })
  const nav = page.getByRole('navigation', { name: 'Documents' })
  await nav.getByText('Paragraph 0: officials', { exact: false }).click()
  await expect(page.locator('.ProseMirror')).toContainText('Paragraph 0:')
  const project = JSON.parse(await app.read('project.json')) as { documents: { id: string; importedFrom: string }[] }
  const docId = project.documents.find((d) => d.importedFrom === 'long-briefing.txt')!.id

  await page.locator('.ProseMirror').click()
  await page.keyboard.press('Control+f')
  const find = page.getByRole('search', { name: 'Find in the text' })
  await expect(find.getByRole('searchbox')).toBeFocused()
  await page.keyboard.type('kremlin')
  await expect(find.getByText('1 of 40')).toBeVisible()
  // Shift+Enter from the first hit goes to the last one, hundreds of paragraphs down.
  await page.keyboard.press('Shift+Enter')
  await expect(find.getByText('40 of 40')).toBeVisible()
  const current = page.locator('.mg-hit-current')
  await expect(current).toHaveText('Kremlin')
  await expect(current).toBeInViewport()
  await expect(current.locator('xpath=ancestor::p')).toContainText('Paragraph 592:')
  await page.keyboard.press('F3')
  await expect(find.getByText('1 of 40')).toBeVisible()
  // Enter goes on from the current hit, press after press; it searches again only for a changed query.
  const box = find.getByRole('searchbox')
  await expect(box).toBeFocused()
  for (const n of [2, 3, 4]) {
    await page.keyboard.press('Enter')
    await expect(find.getByText(`${n} of 40`)).toBeVisible()
  }
  await page.keyboard.press('Shift+Enter')
  await expect(find.getByText('3 of 40')).toBeVisible()
  // The same with a regular expression, which the host searches. A new search starts from where
  // the user is (the 3rd hit is in view), not from the top of the text.
  await find.getByRole('button', { name: 'Regular expression' }).click()
  // A pattern says its own boundaries: Whole words goes off with it (it hid "\n\n" and most of ".").
  await expect(find.getByRole('button', { name: 'Whole words only' })).toHaveAttribute('aria-pressed', 'false')
  await box.fill('[Kk]rem\\w+')
  await page.keyboard.press('Enter')
  await expect(find.getByText('3 of 40')).toBeVisible()
  for (const n of [4, 5]) {
    await page.keyboard.press('Enter')
    await expect(find.getByText(`${n} of 40`)).toBeVisible()
  }
  for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+Enter')
  await expect(find.getByText('40 of 40')).toBeVisible()
  await expect(current.locator('xpath=ancestor::p')).toContainText('Paragraph 592:')
  await find.getByRole('button', { name: 'Regular expression' }).click()
  await expect(find.getByRole('button', { name: 'Whole words only' })).toHaveAttribute('aria-pressed', 'true')
  await box.fill('kremlin')
  await expect(find.getByText('40 of 40')).toBeVisible()
  // A label's key on the bar's buttons (typed after a click on Aa, meant for the field) tags no hit.
  await find.getByRole('button', { name: 'Match case' }).click()
  await page.keyboard.press('1')
  await find.getByRole('button', { name: 'Match case' }).click()
  await expect(page.getByText(/^Tagged/)).toHaveCount(0)
  expect((await ownStore(app, docId))?.annotations.length ?? 0).toBe(0)

  // The list beside the text says in which paragraph each hit is (blank lines not counted), so two
  // hits with the same words around them read apart.
  await find.getByRole('button', { name: 'List' }).click()
  const rows = page.getByRole('complementary', { name: 'Find results' }).locator('.hit-row')
  await expect(rows.first().locator('.kwic-where')).toHaveText(/^¶\s8$/)
  await expect(rows.nth(1).locator('.kwic-where')).toHaveAttribute('title', 'Paragraph 23')
  // A label's key on a hit's tick box tags the ticked hits, as on its row; Ctrl+Z takes them back.
  await page.getByRole('checkbox', { name: 'Tick hit 1', exact: true }).check()
  await page.getByRole('checkbox', { name: 'Tick hit 2', exact: true }).check()
  await page.keyboard.press('1')
  await expect(page.getByText('Tagged 2 as Claim. Ctrl+Z takes them all back.')).toBeVisible()
  await page.keyboard.press('Control+z')
  await expectSaved(page)
  await expect.poll(async () => (await ownStore(app, docId))?.annotations.length ?? 0).toBe(0)
  await page.getByRole('checkbox', { name: 'Tick hit 1', exact: true }).uncheck()
  await page.getByRole('checkbox', { name: 'Tick hit 2', exact: true }).uncheck()
  // With none ticked, a key on a row tags that row's hit only (it tagged all 40 at once before).
  await rows.nth(2).getByRole('button').click()
  await page.keyboard.press('1')
  await expect(page.getByText('Tagged 1 as Claim. Ctrl+Z takes it back.')).toBeVisible()
  await expect.poll(async () => (await ownStore(app, docId))?.annotations.length ?? 0).toBe(1)
  const one = (await ownStore(app, docId))!.annotations[0]!
  const kremlins = [...(await app.read(`texts/${docId}.txt`)).matchAll(/\bkremlin\b/gi)]
  expect(one.target.position.start).toBe(kremlins[2]!.index)
  await page.keyboard.press('Control+z')
  await expect.poll(async () => (await ownStore(app, docId))?.annotations.length ?? 0).toBe(0)
  // The same in the list of every document's hits (the host counts them alike).
  await find.getByRole('button', { name: 'In all documents' }).click()
  const group = page
    .getByRole('complementary', { name: 'Find results' })
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: /Paragraph 0: officials/ }) })
  await expect(group.locator('.kwic-where').first()).toHaveText(/^¶\s8$/)
  await expect(group.locator('.kwic-where').last()).toHaveText(/^¶\s593$/)
  await find.getByRole('button', { name: 'In all documents' }).click()
  await find.getByRole('button', { name: 'List' }).click()

  await find.getByRole('button', { name: 'Tag all…' }).click()
  const form = page.getByRole('form', { name: 'Tag the hits' })
  await form.getByRole('radio', { name: 'Source' }).check()
  await form.getByLabel('Kind').selectOption('government')
  await form.getByRole('button', { name: 'Tag 40 as Source' }).click()
  await expect(page.getByText('Tagged 40 as Source. Ctrl+Z takes them all back.')).toBeVisible()
  await expectSaved(page)
  const saved = (await ownStore(app, docId))!.annotations
  expect(saved).toHaveLength(40)
  const text = (await app.read(`texts/${docId}.txt`)).split('')
  for (const a of saved) {
    expect(a).toMatchObject({ label: 'source', attributes: { kind: 'government' } })
    // Offsets are code points; this text is ASCII, so they index the characters directly.
    expect(text.slice(a.target.position.start, a.target.position.end).join('')).toBe('Kremlin')
  }

  // Escape closes the find bar and gives the keyboard back to the text, where Ctrl+Z undoes.
  await page.keyboard.press('Escape')
  await expect(find).toBeHidden()
  await page.keyboard.press('Control+z')
  await expectSaved(page)
  await expect.poll(async () => (await ownStore(app, docId))?.annotations.length).toBe(0)
  await page.keyboard.press('Shift+Control+z')
  await expect.poll(async () => (await ownStore(app, docId))?.annotations.length).toBe(40)
  await expectSaved(page)

  // The list keeps its rows as the editor above it comes and goes (a select, a delete): they are
  // not made and laid out again each time, which cost the most on a long text's delete.
  const list = page.locator('.annotation-list')
  await list.evaluate((el) => el.querySelectorAll('.annotation-row').forEach((r) => Object.assign(r, { kept: true })))
  expect(await list.locator('.annotation-row').count()).toBeGreaterThan(8)
  const selected = page.getByRole('region', { name: 'Selected annotation' })
  await page.locator('.ProseMirror .mg-hl-source').first().click()
  await expect(selected).toBeVisible()
  await page.keyboard.press('Delete')
  await expect(selected).toBeHidden()
  const made = await list.evaluate((el) => [...el.querySelectorAll('.annotation-row')].filter((r) => !('kept' in r)).length)
  // One row may come in at the end, as the rows below the deleted one move up.
  expect(made).toBeLessThanOrEqual(1)
  await page.keyboard.press('Control+z')
  await expect.poll(async () => (await ownStore(app, docId))?.annotations.length).toBe(40)
  await expectSaved(page)

  // Tag all again: the button says there is nothing new for Source, and offers all 40 for Claim.
  await page.keyboard.press('Control+f')
  await expect(find.getByText(/of 40/)).toBeVisible()
  await find.getByRole('button', { name: 'Tag all…' }).click()
  // The label last used comes first (it was always Claim).
  await expect(form.getByRole('radio', { name: 'Source' })).toBeChecked()
  await expect(form.getByRole('button', { name: 'All 40 already tagged as Source' })).toBeDisabled()
  await form.getByRole('radio', { name: 'Claim' }).check()
  await expect(form.getByRole('button', { name: 'Tag 40 as Claim' })).toBeEnabled()
  await form.getByRole('button', { name: 'Cancel' }).click()

  await page.reload()
  await nav.getByText('Paragraph 0: officials', { exact: false }).click()
  await expect(page.getByRole('complementary', { name: 'Annotations' }).locator('.count').first()).toHaveText('40')
})

test('the Retrieve view narrowed to one source’s claims, exported, reads back the same in Python', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Retrieve' }).click()
  const view = page.getByRole('main', { name: 'Retrieve' })
  await expect(view.getByText('89 of 89 annotations')).toBeVisible()
  await view.getByLabel('Label', { exact: true }).selectOption('claim')
  await view.getByLabel('Source', { exact: true }).fill('Alexander Gabuev')
  // The count and the rows settle once typing pauses: the rows listed are the rows counted.
  const count = async () => Number(((await view.getByText(/^\d+ of 89 annotations$/).textContent()) ?? '').split(' ')[0])
  await expect.poll(async () => (await count()) === (await view.locator('.retrieve-open').count())).toBe(true)
  const shown = await count()
  expect(shown).toBeGreaterThan(0)
  expect(shown).toBeLessThan(10)

  const download = page.waitForEvent('download')
  await view.getByRole('button', { name: 'Export CSV' }).click()
  // Named apart from a whole export; no byte order mark, as Export… writes by default, so a plain
  // UTF-8 reader finds the first column by its name.
  expect((await download).suggestedFilename()).toMatch(/-retrieved-\d{4}-\d{2}-\d{2}\.csv$/)
  const file = await (await download).path()
  const firstColumn = execFileSync(
    'python3',
    ['-c', "import csv, sys; print(next(csv.DictReader(open(sys.argv[1], encoding='utf-8', newline='')))['document_id'])", file],
    { encoding: 'utf8' },
  )
  expect(firstColumn.trim()).not.toBe('')
  const rows = JSON.parse(
    execFileSync('python3', [join(repo, 'fixtures/readers/tables.py'), 'csv', file], { encoding: 'utf8' }),
  ) as string[][]
  const [header, ...body] = rows
  expect(body).toHaveLength(shown)
  for (const r of body) {
    expect(r[header!.indexOf('label')]).toBe('claim')
    expect(r[header!.indexOf('linked_source_name')]).toBe('Alexander Gabuev')
  }
  // Every row's text is the stored text at its offsets, in code points.
  const checked = JSON.parse(
    execFileSync('python3', [join(repo, 'fixtures/readers/tables.py'), 'spans', file, app.projectDir, 'protected'], { encoding: 'utf8' }),
  )
  expect(checked).toEqual({ rows: shown, problems: [] })
  // A stance's source and its values read apart ("← Vladimir Putin · Polarity: …"), never run together.
  await view.getByLabel('Label', { exact: true }).selectOption('stance')
  await view.getByLabel('Source', { exact: true }).fill('')
  await expect(view.locator('.retrieve-open .retrieve-values', { hasText: '←' }).first()).toBeVisible()
  const values = (await view.locator('.retrieve-open .retrieve-values').allTextContents()).filter((t) => t.startsWith('←'))
  expect(values.length).toBeGreaterThan(0)
  for (const v of values) {
    expect(v).toMatch(/^← [^·]+( · [^·]+)+$/)
    expect(v).not.toContain('  ')
  }

  // In an 800 × 600 window the quote keeps its room, and each filter's name stays beside its field.
  await page.setViewportSize({ width: 800, height: 600 })
  await expect.poll(async () => (await view.locator('.retrieve-open .kwic').first().boundingBox())?.width ?? 0).toBeGreaterThan(240)
  for (const name of ['Words', 'Label', 'Annotator', 'Source', 'Document', 'Group by']) {
    const label = (await view.locator('label', { hasText: new RegExp(`^${name}$`) }).boundingBox())!
    const field = (await view.getByLabel(name, { exact: true }).boundingBox())!
    expect(Math.abs(label.y + label.height / 2 - (field.y + field.height / 2)), name).toBeLessThan(8)
  }
  await page.setViewportSize({ width: 1280, height: 800 })
  // The quote reads as the text does: no gap is drawn between it and its context.
  const [before, mark, after] = await Promise.all(
    ['.kwic-before', 'mark', '.kwic-after'].map(
      async (part) => (await view.locator(`.retrieve-open .kwic ${part}`).first().boundingBox())!,
    ),
  )
  expect(mark!.x - (before!.x + before!.width)).toBeLessThan(1)
  expect(after!.x - (mark!.x + mark!.width)).toBeLessThan(1)

  // A row opens its document at the annotation, with the annotations beside it (not the memos
  // shown last); a colleague's has its text selected, so it stays marked and a key tags it.
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Annotate' }).click()
  await page.getByRole('tab', { name: /^Memos/ }).click()
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Retrieve' }).click()
  const quote = ((await view.locator('.retrieve-open .kwic mark').first().textContent()) ?? '').trim()
  await view.locator('.retrieve-open').first().click()
  await expect(page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Annotate' })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByRole('tab', { name: /^Annotations/ })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByText(/’s annotation is selected: a label’s key tags it in your layer\.$/)).toBeVisible()
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString().trim())).toBe(quote)
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Retrieve' }).click()
  // With every claim listed: the space between the words before a hit and the hit is drawn
  // there, not pushed to the far left of the context.
  await view.getByLabel('Source', { exact: true }).fill('')
  await expect(view.getByText(/^\d+ of 89 annotations$/)).not.toHaveText(`${shown} of 89 annotations`)
  const spaceAt = await view.locator('.retrieve-open .kwic').evaluateAll((kwics) => {
    const kwic = kwics.find((k) => /[ \u00a0]$/.test(k.querySelector('.kwic-before > span')!.textContent ?? ''))!
    const node = kwic.querySelector('.kwic-before > span')!.firstChild as Text
    const range = document.createRange()
    range.setStart(node, node.length - 1)
    range.setEnd(node, node.length)
    const space = range.getBoundingClientRect()
    return {
      char: node.data.at(-1)!.charCodeAt(0),
      right: space.right,
      width: space.width,
      hit: kwic.querySelector('mark')!.getBoundingClientRect().left,
    }
  })
  expect(spaceAt.char === 0x20 || spaceAt.char === 0xa0).toBe(true)
  expect(spaceAt.width).toBeGreaterThan(1)
  expect(Math.abs(spaceAt.hit - spaceAt.right)).toBeLessThan(1)

  expect((await readdir(join(app.projectDir, 'annotations'))).sort()).toEqual(['jonas', 'maria'])
})
