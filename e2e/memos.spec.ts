/**
 * Issue 13, items 2–4 through the UI: a document marked "done, nothing to tag" counted in the
 * list; a memo on a document and a reply to an annotation, written as one annotator and read by a
 * reviewer in review and in the CSV export (read back by Python's csv module); guidelines written
 * in the app (hostile Markdown included), rendered safely, and a label's definition shown on hover.
 * With SHOTS=<folder>, screenshots of each step are saved there.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { ProjectFile } from '../shared/model/project'
import { StoreFile } from '../shared/model/project'
import { chooseMenu, expect, repo, test, expectSaved } from './harness'
import { dragSelect } from './text'

const FIRST = 'Russia and Iran as new axis against the West'

async function shot(page: Page, name: string): Promise<void> {
  if (process.env.SHOTS) await page.screenshot({ path: join(process.env.SHOTS, `${name}.png`) })
}

/** Change the annotator; a colleague's name (one with a layer) is taken only once the dialog has asked. */
async function becomeAnnotator(page: Page, name: string, colleague = false): Promise<void> {
  await page.locator('button.annotator').click()
  const dialog = page.getByRole('dialog', { name: 'Change annotator' })
  await dialog.getByLabel('Your name as annotator').fill(name)
  await dialog.getByRole('button', { name: 'Continue' }).click()
  if (colleague) {
    await expect(dialog.getByRole('alert')).toHaveText(
      `${name} already has annotations in this project: continue only if you are ${name}, since your work would go into that layer.`,
    )
    await dialog.getByRole('button', { name: `Continue as ${name}` }).click()
  }
  await expect(dialog).toHaveCount(0)
}

test('status, memos and replies: "nothing to tag" counted, a memo and a reply read by the reviewer and in the CSV', async ({
  page,
  app,
}) => {
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(e.message))
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()))
  const project = JSON.parse(await app.read('project.json')) as ProjectFile
  const second = project.documents.find((d) => d.title.startsWith('Putin'))!
  const first = project.documents.find((d) => d.title === FIRST)!

  await page.goto(app.url)
  const nav = page.getByRole('navigation', { name: 'Documents' })
  await expect(nav.getByTestId('status-count-not-started')).toContainText('3')

  // tester read the second article and found nothing to tag.
  await nav.getByText(second.title.slice(0, 20)).click()
  // Open before its status is set (until then the status shown is the previous document's).
  await expect(page.getByRole('article', { name: second.title })).toBeVisible()
  await page.getByTestId('document-status').selectOption('nothing-to-tag')
  await expect(nav.getByTestId('status-count-nothing-to-tag')).toContainText('1')
  await expect(nav.getByTestId('status-count-not-started')).toContainText('2')
  const stored = StoreFile.parse(JSON.parse(await app.read(`annotations/tester/${second.id}.json`)))
  expect(stored).toMatchObject({ version: 2, annotations: [], status: { state: 'nothing-to-tag' } })
  await shot(page, '1-nothing-to-tag')
  // A tag made there by mistake makes it in progress; Ctrl+Z takes the tag back and the status too.
  const words = ((await page.locator('.ProseMirror p').first().textContent()) ?? '').trim().split(/\s+/)
  await dragSelect(page, words.slice(0, 2).join(' '))
  await page.keyboard.press('1')
  await expect(page.getByTestId('document-status')).toHaveValue('in-progress')
  await page.keyboard.press('Control+z')
  await expect(page.getByTestId('document-status')).toHaveValue('nothing-to-tag')
  await expectSaved(page)
  await expect(nav.getByTestId('status-count-nothing-to-tag')).toContainText('1')
  expect(StoreFile.parse(JSON.parse(await app.read(`annotations/tester/${second.id}.json`)))).toMatchObject({
    annotations: [],
    status: { state: 'nothing-to-tag' },
  })
  // The count narrows the list to those documents.
  await nav.getByTestId('status-count-nothing-to-tag').click()
  await expect(nav.getByRole('listitem')).toHaveCount(1)
  await expect(nav.getByRole('listitem')).toContainText(second.title.slice(0, 12))
  await nav.getByTestId('status-count-nothing-to-tag').click()
  await expect(nav.getByRole('listitem')).toHaveCount(3)

  // maria writes a memo on the first article and a remark in the thread of one of her annotations.
  await becomeAnnotator(page, 'maria', true)
  await nav.getByText(FIRST).click()
  await expect(page.getByRole('article', { name: FIRST })).toBeVisible()
  await page.getByRole('tab', { name: /^Memos/ }).click()
  const memo = page.getByRole('textbox', { name: `Your memo on “${FIRST}”` })
  await expect(memo).toHaveAttribute('data-testid', 'document-memo')
  await memo.fill('Two stances are implicit here; check §3 with jonas.')
  await memo.blur()
  await expect(page.getByTestId('memo-panel').getByText('Saved')).toBeVisible()
  await shot(page, '2-memo')
  await page.getByRole('tab', { name: 'Annotations' }).click()
  const panel = page.getByRole('complementary', { name: 'Annotations' })
  const row = panel.getByRole('button', { name: /Moscow has clung/ }).first()
  await row.click()
  const editor = page.getByRole('region', { name: 'Selected annotation' })
  // The quote heads the editor, not squeezed to nothing by the fields below it.
  await expect(editor.locator('.editor-quote')).toBeVisible()
  const quote = ((await editor.locator('.editor-quote').textContent()) ?? '').trim()
  // A reply typed, then another annotation looked at: the words wait in the field when it comes back.
  await editor.getByRole('textbox', { name: 'Reply' }).fill('Is “clung” a stance or a claim?')
  await panel.getByRole('listitem').filter({ hasNotText: 'Moscow has clung' }).first().getByRole('button').first().click()
  await expect(editor.locator('.editor-quote')).not.toContainText('clung')
  await expect(editor.getByRole('textbox', { name: 'Reply' })).toHaveValue('')
  await row.click()
  await expect(editor.getByRole('textbox', { name: 'Reply' })).toHaveValue('Is “clung” a stance or a claim?')
  await editor.getByRole('textbox', { name: 'Reply' }).fill('Is “clung” a stance or a claim? Ask the reviewer.')
  await editor.getByRole('button', { name: 'Reply', exact: true }).click()
  await expect(editor.locator('.reply-text')).toHaveText('Is “clung” a stance or a claim? Ask the reviewer.')
  // The keyboard stays in the reply field: Delete there is not the annotation's Delete.
  await expect(editor.getByRole('textbox', { name: 'Reply' })).toBeFocused()
  // Sent, the draft is gone: the field is empty when the annotation is shown again.
  await expect(editor.getByRole('textbox', { name: 'Reply' })).toHaveValue('')
  await page.keyboard.press('Delete')
  await expect(editor.locator('.editor-quote')).toBeVisible()
  await shot(page, '3-reply')
  const maria = StoreFile.parse(JSON.parse(await app.read(`annotations/maria/${first.id}.json`)))
  expect(maria.memo?.text).toBe('Two stances are implicit here; check §3 with jonas.')
  const reply = maria.replies![0]!
  expect(reply).toMatchObject({ author: 'maria', on: { layer: 'maria' }, text: 'Is “clung” a stance or a claim? Ask the reviewer.' })

  // rita reviews maria and jonas: she reads maria's memo, and the thread on maria's version of the unit.
  await becomeAnnotator(page, 'rita')
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Review' }).click()
  const setup = page.getByRole('dialog', { name: 'Review: compare annotators' })
  // tester's "nothing to tag" is a layer: tester is among the annotators to compare, said as such.
  await expect(setup.getByText('Nothing to tag in 1 document')).toBeVisible()
  await setup.getByRole('checkbox', { name: /tester/ }).uncheck()
  await setup.getByRole('button', { name: 'Start review' }).click()
  const units = page.getByRole('complementary', { name: 'Review units' })
  await units.getByLabel('Agreed units').check()
  await units
    .locator('.unit-button', { hasText: quote.slice(0, 30) })
    .first()
    .click()
  const card = page.getByRole('article', { name: "maria's version" })
  await expect(card.locator('.reply-text')).toHaveText('Is “clung” a stance or a claim? Ask the reviewer.')
  // The keyboard goes to the field: typed there, "e" and "1" are letters of the reply, not review
  // keys. It is there before the click's handler returns, so a key pressed in the same frame lands
  // in it too (it was focused a frame later, and such a key settled the unit).
  const focusedAfterClick = await card
    .getByRole('button', { name: /^Reply/ })
    .evaluate((b: HTMLButtonElement) => (b.click(), document.activeElement?.getAttribute('placeholder')))
  expect(focusedAfterClick).toBe('Reply…')
  await expect(card.getByRole('textbox', { name: 'Reply' })).toBeFocused()
  await page.keyboard.type('A stance: against the West.')
  await card.getByRole('button', { name: 'Reply', exact: true }).click()
  await expect(card.locator('.reply-text')).toHaveText(['Is “clung” a stance or a claim? Ask the reviewer.', 'A stance: against the West.'])
  // The field stays open, empty, with the keyboard: Escape there closes it and gives the keyboard
  // back to the review's keys (it stayed, and an "n" meant for Next was typed into it).
  await expect(card.getByRole('textbox', { name: 'Reply' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(card.getByRole('textbox', { name: 'Reply' })).toHaveCount(0)
  expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('TEXTAREA')
  await shot(page, '4-review-thread')
  await expect(page.getByRole('tab', { name: 'Memos (1)' })).toBeVisible()
  await page.getByRole('tab', { name: /^Memos/ }).click()
  const memos = page.getByTestId('memo-panel')
  await expect(memos.getByRole('article', { name: "maria's memo" })).toContainText('Two stances are implicit here; check §3 with jonas.')
  await expect(memos.getByRole('list', { name: "Everyone's status of this document" })).toContainText('maria: In progress')
  await shot(page, '5-review-memos')
  // rita's reply is in her own file; maria's file is as maria left it.
  expect(StoreFile.parse(JSON.parse(await app.read(`annotations/rita/${first.id}.json`))).replies).toMatchObject([
    { author: 'rita', on: { layer: 'maria', annotation: reply.on.annotation }, text: 'A stance: against the West.' },
  ])
  expect(StoreFile.parse(JSON.parse(await app.read(`annotations/maria/${first.id}.json`))).replies).toHaveLength(1)

  // The CSV: maria's row carries her memo and the whole thread, as Python's csv module reads it.
  await page.getByRole('tab', { name: 'Units' }).click()
  await chooseMenu(page, 'Project', 'Export…')
  const dialog = page.getByRole('dialog', { name: 'Export annotations' })
  const downloaded = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const file = await (await downloaded).path()
  await dialog.getByRole('button', { name: 'Close' }).click()
  const [header, ...rows] = JSON.parse(
    execFileSync('python3', [join(repo, 'fixtures/readers/tables.py'), 'csv', file], { encoding: 'utf8' }),
  ) as string[][]
  const col = (name: string) => header!.indexOf(name)
  const replied = rows.find((r) => r[col('annotator')] === 'maria' && r[col('annotation_id')] === reply.on.annotation)!
  expect(replied[col('document_memo')]).toBe('Two stances are implicit here; check §3 with jonas.')
  expect(replied[col('document_status')]).toBe('in-progress')
  expect(JSON.parse(replied[col('replies')]!)).toEqual([
    { author: 'maria', created: reply.created, text: 'Is “clung” a stance or a claim? Ask the reviewer.' },
    { author: 'rita', created: expect.any(String), text: 'A stance: against the West.' },
  ])
  // tester's empty layer has no rows; the reviewer wrote no layer at all.
  expect(rows.some((r) => r[col('annotator')] === 'tester' || r[col('annotator')] === 'rita')).toBe(false)

  // The Retrieve view finds the annotation by a word of its thread, and shows the thread in its row.
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Retrieve' }).click()
  const retrieve = page.getByRole('main', { name: 'Retrieve' })
  await retrieve.getByLabel('Words').fill('against the West')
  await expect(retrieve.getByText(/^1 of \d+ annotations$/)).toBeVisible()
  await expect(retrieve.locator('.retrieve-notes')).toContainText('2 replies — maria: Is “clung” a stance or a claim?')
  await shot(page, '9-retrieve-replies')
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Review' }).click()

  // Compared with tester, the review tells "found nothing to tag" from "has not annotated".
  await page.getByRole('button', { name: 'Annotators…' }).click()
  const again = page.getByRole('dialog', { name: 'Review: compare annotators' })
  await again.getByRole('checkbox', { name: /tester/ }).check()
  await again.getByRole('button', { name: 'Start review' }).click()
  await nav.getByText(second.title.slice(0, 20)).click()
  await expect(page.getByRole('article', { name: second.title })).toBeVisible()
  await units.locator('.unit-button').first().click()
  await expect(page.getByRole('article', { name: 'tester: not marked' })).toContainText('Found nothing to tag in this document.')
  await shot(page, '8-review-nothing-to-tag')
  // Where tester has not annotated, the units compare maria and jonas alone: missing data is left out.
  await nav.getByText('Russia and Hamas').click()
  await expect(page.getByTestId('review-missing')).toHaveText(
    'tester has not annotated this document: left out of the comparison (missing, not “nothing marked”).',
  )
  await units.getByLabel('Agreed units').check()
  await expect(units.locator('.kind-badge', { hasText: 'Agreed' }).first()).toBeVisible()
  await expect(page.getByRole('article', { name: 'tester: not marked' })).toHaveCount(0)
  expect(problems).toEqual([])
})

test('guidelines written in the app render safely, and a label’s definition shows on hover of its button', async ({ page, app }) => {
  const problems: string[] = []
  const requests: string[] = []
  page.on('pageerror', (e) => problems.push(e.message))
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`)
    void d.dismiss()
  })
  page.on('request', (r) => requests.push(r.url()))
  await page.goto(app.url)
  await page.getByRole('navigation', { name: 'Documents' }).getByText(FIRST).click()
  await page.getByRole('tab', { name: 'Guidelines' }).click()
  const guidelines = page.getByTestId('guidelines')
  await expect(guidelines.getByText(/^No guidelines yet: .*guidelines\.md$/)).toBeVisible()
  await guidelines.getByRole('button', { name: 'Write guidelines' }).click()
  const markdown = [
    '# Coding guidelines',
    '',
    'Read the whole article before tagging.',
    '',
    '## Claim',
    'A statement presented as **fact** that could be checked. Tag the clause, not the reporting verb.',
    '',
    '- “Prices rose 4%.”',
    '',
    '## Stance',
    'A position *for or against* a target.',
    '',
    '## Not allowed',
    '<script>alert("script")</script><img src="https://tracker.example/p.png" onerror="alert(1)">',
    '[a javascript link](javascript:alert(2)) and [the manual](https://example.org/manual)',
    '![remote image](https://tracker.example/logo.png)',
    '<div onmouseover="alert(3)">hover me</div>',
  ].join('\n')
  await guidelines.getByLabel('guidelines.md (Markdown)').fill(markdown)
  await guidelines.getByRole('button', { name: 'Save' }).click()
  await expect(guidelines.getByRole('heading', { name: 'Coding guidelines' })).toBeVisible()
  expect(await app.read('guidelines.md')).toBe(markdown)

  const body = guidelines.locator('.guidelines-body')
  await expect(body.locator('script, img, [onerror], [onmouseover]')).toHaveCount(0)
  await expect(body.getByText('[image: remote image]')).toBeVisible()
  await expect(body.getByText('a javascript link')).not.toHaveAttribute('href', /javascript/i)
  await expect(body.getByRole('link', { name: 'the manual' })).toHaveAttribute('target', '_blank')
  await body.getByText('hover me').hover()
  await shot(page, '6-guidelines')

  // Pointing at the Claim button shows the Claim section.
  await page.getByRole('toolbar', { name: 'Labels' }).getByRole('button', { name: 'Claim' }).hover()
  const definition = page.getByRole('tooltip')
  await expect(definition).toContainText('A statement presented as fact that could be checked.')
  await expect(definition).not.toContainText('A position')
  await shot(page, '7-label-definition')
  await page.getByRole('toolbar', { name: 'Labels' }).getByRole('button', { name: 'Stance' }).hover()
  await expect(page.getByRole('tooltip')).toContainText('A position for or against a target.')
  await page.getByRole('toolbar', { name: 'Labels' }).getByRole('button', { name: 'Source' }).hover()
  await expect(page.getByRole('tooltip')).toHaveCount(0)

  // Someone edits the file meanwhile: the app's save is refused, their text kept, ours still in the field.
  await guidelines.getByRole('button', { name: 'Edit' }).click()
  await guidelines.getByLabel('guidelines.md (Markdown)').fill(`${markdown}\n\nOur addition.`)
  // The draft survives switching panels.
  await page.getByRole('tab', { name: 'Annotations' }).click()
  await page.getByRole('tab', { name: 'Guidelines' }).click()
  await expect(guidelines.getByLabel('guidelines.md (Markdown)')).toHaveValue(`${markdown}\n\nOur addition.`)
  const { writeFile } = await import('node:fs/promises')
  await writeFile(join(app.projectDir, 'guidelines.md'), '# Theirs\n')
  await guidelines.getByRole('button', { name: 'Save' }).click()
  await expect(guidelines.getByRole('alert')).toHaveText(
    'guidelines.md was changed by someone else since you opened it, so your text was not saved; copy it, reload, and add your changes again.',
  )
  await expect(guidelines.getByLabel('guidelines.md (Markdown)')).toHaveValue(`${markdown}\n\nOur addition.`)
  expect(await app.read('guidelines.md')).toBe('# Theirs\n')

  expect(requests.filter((u) => !u.startsWith(new URL(app.url).origin))).toEqual([])
  expect(problems).toEqual([])
})

test('a memo typed and reloaded at once is kept; until saved the header says so, and leaving asks while the labels, the guidelines or a reply not sent hold unsaved text', async ({
  page,
  app,
}) => {
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(e.message))
  // Leaving with a memo not yet saved asks first, and so does Escape in the Labels dialog with
  // changes: the test says leave, as a user in a hurry would.
  const asked: string[] = []
  let answer = true
  page.on('dialog', (d) => {
    asked.push(d.type() === 'confirm' ? d.message() : d.type())
    void (answer ? d.accept() : d.dismiss())
  })
  // What the page answers when asked to leave: whether it asks to stay.
  const wouldAsk = () =>
    page.evaluate(() => {
      const e = new Event('beforeunload', { cancelable: true })
      window.dispatchEvent(e)
      return e.defaultPrevented
    })
  const project = JSON.parse(await app.read('project.json')) as ProjectFile
  const first = project.documents.find((d) => d.title === FIRST)!
  await page.goto(app.url)
  await page.getByRole('navigation', { name: 'Documents' }).getByText(FIRST).click()
  await expect(page.getByRole('article', { name: FIRST })).toBeVisible()
  await page.getByRole('tab', { name: /^Memos/ }).click()
  const projectMemo = page.getByRole('textbox', { name: 'Your project memo' })
  const documentMemo = page.getByRole('textbox', { name: `Your memo on “${FIRST}”` })
  await documentMemo.click()
  await page.keyboard.type('Check the second quote.')
  await projectMemo.click()
  await page.keyboard.type('Kremlin statements are government sources.')
  await expect(page.getByTestId('save-state')).not.toHaveText('Saved')
  await page.reload()
  await page.getByRole('tab', { name: /^Memos/ }).click()
  await expect(page.getByRole('textbox', { name: 'Your project memo' })).toHaveValue('Kremlin statements are government sources.')
  await expect(page.getByRole('textbox', { name: `Your memo on “${FIRST}”` })).toHaveValue('Check the second quote.')
  await expectSaved(page)
  expect(JSON.parse(await app.read('annotations/tester/_project.json'))).toMatchObject({
    memo: { text: 'Kremlin statements are government sources.' },
  })
  expect(JSON.parse(await app.read(`annotations/tester/${first.id}.json`))).toMatchObject({ memo: { text: 'Check the second quote.' } })
  expect(await wouldAsk()).toBe(false)

  // The Labels dialog and the guidelines keep changes only by their own Save: leaving asks while they hold some.
  await chooseMenu(page, 'Project', 'Labels…')
  const dialog = page.getByRole('dialog', { name: 'Labels and links' })
  await dialog.getByRole('button', { name: '+ Add label' }).click()
  expect(await wouldAsk()).toBe(true)
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  expect(asked).toContain('Discard the changes to the labels and links? Nothing has been saved.')
  expect(await wouldAsk()).toBe(false)
  await page.getByRole('tab', { name: 'Guidelines' }).click()
  await page.getByTestId('guidelines').getByRole('button', { name: 'Write guidelines' }).click()
  expect(await wouldAsk()).toBe(false)
  await page.getByTestId('guidelines').getByLabel('guidelines.md (Markdown)').fill('# Ours')
  expect(await wouldAsk()).toBe(true)
  await page.getByTestId('guidelines').getByRole('button', { name: 'Cancel' }).click()

  // Removing a reply asks first: it cannot be brought back.
  await page.getByRole('tab', { name: 'Annotations' }).click()
  const words = ((await page.locator('.ProseMirror p').first().textContent()) ?? '').trim().split(/\s+/)
  await dragSelect(page, words.slice(0, 3).join(' '))
  await page.keyboard.press('1')
  const editor = page.getByRole('region', { name: 'Selected annotation' })
  // A reply typed and not sent is in this window only: leaving asks while there is one.
  await editor.getByRole('textbox', { name: 'Reply' }).fill('Ask jonas about this one.')
  expect(await wouldAsk()).toBe(true)
  await editor.getByRole('button', { name: 'Reply', exact: true }).click()
  await expect(editor.locator('.reply-text')).toHaveText('Ask jonas about this one.')
  expect(await wouldAsk()).toBe(false)
  answer = false
  await editor.getByRole('button', { name: 'Remove your reply' }).click()
  expect(asked.at(-1)).toBe('Remove your reply “Ask jonas about this one.”? It cannot be brought back.')
  await expect(editor.locator('.reply-text')).toHaveText('Ask jonas about this one.')
  answer = true
  await editor.getByRole('button', { name: 'Remove your reply' }).click()
  await expect(editor.locator('.reply-text')).toHaveCount(0)
  expect(StoreFile.parse(JSON.parse(await app.read(`annotations/tester/${first.id}.json`))).replies ?? []).toEqual([])
  expect(problems).toEqual([])
})
