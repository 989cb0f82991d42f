/**
 * The tag set, edited in the real page as a researcher does it: add a label with a key and a
 * number attribute, tag with it at once; rename an option and see the new name in the annotation
 * editor; add a link type and link two claims with it; try to remove a label in use (refused with
 * its count) and merge it instead — every annotation still on disk. Screenshots at 800×600 in the
 * light and dark schemes go to test-results/ to be looked at.
 */
import { join } from 'node:path'
import type { ProjectFile, StoreFile } from '../shared/model/project'
import { chooseMenu, expect, test, expectSaved } from './harness'
import { dragSelect } from './text'

const CLAIM = 'Russia demonstratively refrained from doing so'
const OTHER = 'Moscow stepped-up its own rhetoric towards Israel'

test('a new label, a renamed option, a link type and a merge, all saved in project.json and on every annotation', async ({ page, app }) => {
  const openLabels = () => chooseMenu(page, 'Project', 'Labels…')
  await page.goto(app.url)
  const project = JSON.parse(await app.read('project.json')) as ProjectFile
  const doc = project.documents[0]!
  await page.getByRole('navigation', { name: 'Documents' }).getByText(doc.title).click()
  await expect(page.locator('.ProseMirror')).toContainText(CLAIM)

  // Add "Evidence" with key 4 and a whole-number "Strength" from 1 to 5.
  await openLabels()
  const dialog = page.getByRole('dialog', { name: 'Labels and links' })
  await dialog.getByRole('button', { name: '+ Add label' }).click()
  await dialog.getByLabel('Name', { exact: true }).first().fill('Evidence')
  // "a" is Attribute to…'s key: refused, with the reason, until another is chosen.
  await dialog.getByLabel('Key', { exact: true }).fill('a')
  await expect(dialog.getByRole('alert')).toContainText('Evidence’s key "a" is the key of Attribute to… (A); choose another.')
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled()
  await dialog.getByLabel('Key', { exact: true }).fill('4')
  await dialog.getByRole('button', { name: 'Number' }).click()
  // An attribute without a name is said in the dialog, not by the host's schema.
  await dialog.getByLabel('Name', { exact: true }).nth(1).fill('')
  await expect(dialog.getByRole('alert')).toContainText('An attribute of Evidence needs a name.')
  await dialog.getByLabel('Name', { exact: true }).nth(1).fill('Strength')
  await dialog.getByLabel('Whole numbers only').check()
  await dialog.getByLabel('Smallest').fill('1')
  await dialog.getByLabel('Largest').fill('5')
  // Stance → Polarity: "favor" is shown as "in favour" from now on.
  await dialog.getByRole('button', { name: /^Stance/ }).click()
  await dialog.getByLabel('Name of option favor').fill('in favour')
  // A link type: evidence supports a claim or a stance.
  await dialog.getByRole('button', { name: '+ Add link type' }).click()
  await dialog.getByLabel('Name', { exact: true }).fill('Supports')
  const ends = dialog.locator('.tagset-ends fieldset')
  await ends.nth(0).getByLabel('Evidence').check()
  await ends.nth(0).getByLabel('Claim').uncheck()
  await ends.nth(1).getByLabel('Claim').check()
  await ends.nth(1).getByLabel('Stance').check()
  await page.setViewportSize({ width: 800, height: 600 })
  await page.screenshot({ path: join(test.info().outputDir, 'tagset-800x600-light.png') })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: join(test.info().outputDir, 'tagset-800x600-dark.png') })
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1280, height: 800 })
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()

  const saved = JSON.parse(await app.read('project.json')) as ProjectFile
  expect(saved.version).toBe(3)
  expect(saved.labels.map((l) => l.name)).toEqual(['Claim', 'Source', 'Stance', 'Evidence'])
  expect(saved.labels[3]).toMatchObject({ key: '4', attributes: [{ name: 'Strength', type: 'number', integer: true, min: 1, max: 5 }] })
  expect(saved.labels[2]!.attributes[0]).toMatchObject({
    options: [{ value: 'favor', name: 'in favour' }, { value: 'against' }, { value: 'neutral' }],
  })
  expect(saved.linkTypes).toEqual([{ id: 'supports', name: 'Supports', from: ['evidence'], to: ['claim', 'stance'], multiple: true }])

  // Saved here, the tag set is not announced as changed elsewhere once the window next looks at the disk.
  await page.waitForTimeout(2600)
  await expect(page.getByTestId('change-note')).not.toContainText('project settings')

  // The new label is in the toolbar at once, and its key tags.
  await expect(page.getByRole('toolbar', { name: 'Labels' }).getByRole('button', { name: 'Evidence' })).toBeVisible()
  await expect(page.getByText('No annotations yet. Select text, then press 1, 2, 3 or 4 (or click a label above).')).toBeVisible()
  await dragSelect(page, OTHER)
  await page.keyboard.press('4')
  await expect(page.locator('.ProseMirror .mg-hl-evidence', { hasText: 'rhetoric towards' }).first()).toBeVisible()
  const strength = page.getByLabel('Strength')
  await strength.fill('9')
  await expect(page.getByText('Strength is at most 5; 9 is above it.')).toBeVisible()
  await strength.fill('4')
  await strength.blur()
  await expectSaved(page)
  // A number out of bounds, left: it stays shown, with why and what is kept, instead of vanishing.
  await strength.fill('7')
  await strength.blur()
  await expect(strength).toHaveValue('7')
  await expect(page.getByText('Strength is at most 5; 7 is above it. It was not saved; it is still 4.')).toBeVisible()
  await strength.fill('4')
  await strength.blur()
  await expect(strength).toHaveValue('4')
  await expect(page.getByText(/It was not saved/)).toHaveCount(0)
  await expectSaved(page)

  // A claim, and the evidence linked to it with Supports.
  await dragSelect(page, CLAIM)
  await page.keyboard.press('1')
  await expect(page.locator('.ProseMirror .mg-hl-claim', { hasText: 'refrained' }).first()).toBeVisible()
  await page.locator('.ProseMirror .mg-hl-evidence', { hasText: 'rhetoric towards' }).first().click()
  const editor = page.getByRole('region', { name: 'Selected annotation' })
  await expect(editor).toHaveClass(/mg-label-evidence/)
  await editor.getByRole('button', { name: 'Supports…' }).click()
  await page.locator('.ProseMirror .mg-hl-claim', { hasText: 'refrained' }).first().click()
  await expect(editor.getByRole('group', { name: 'Links' }).getByText('Supports →')).toBeVisible()
  await expectSaved(page)
  let store = JSON.parse(await app.read(`annotations/tester/${doc.id}.json`)) as StoreFile
  const claim = store.annotations.find((a) => a.target.quote.exact === CLAIM)!
  const evidence = store.annotations.find((a) => a.label === 'evidence')!
  expect(store.links.filter((l) => l.type === 'supports')).toMatchObject([{ from: evidence.id, to: claim.id }])
  expect(store.annotations.find((a) => a.label === 'evidence')).toMatchObject({ attributes: { strength: '4' } })

  // Removing Evidence, in use, is offered as a merge; merged into Claim, the span stays, as a claim.
  const before = store.annotations.length
  await openLabels()
  await dialog.getByRole('button', { name: /^Evidence/ }).click()
  await expect(dialog.getByText('1 annotation uses this label.')).toBeVisible()
  await dialog.getByLabel('Merge its 1 annotation into').selectOption('claim')
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click()
  await expect(dialog.getByText(/one merge rewrites every layer/)).toBeVisible()
  // What the merge carries is said before saving: the attribute Claim gains, the link type's new end.
  await expect(dialog.getByRole('note')).toContainText('Evidence’s annotations become Claim’s; Claim gains the attribute Strength;')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('toolbar', { name: 'Labels' }).getByRole('button', { name: 'Evidence' })).toHaveCount(0)
  store = JSON.parse(await app.read(`annotations/tester/${doc.id}.json`)) as StoreFile
  expect(store.annotations).toHaveLength(before)
  expect(store.annotations.filter((a) => a.label === 'evidence')).toHaveLength(0)
  expect(store.annotations.find((a) => a.target.quote.exact === OTHER)).toMatchObject({ label: 'claim', attributes: { strength: '4' } })
  await expect(page.locator('.ProseMirror .mg-hl-claim', { hasText: 'rhetoric towards' }).first()).toBeVisible()
  const after = JSON.parse(await app.read('project.json')) as ProjectFile
  expect(after.labels.find((l) => l.id === 'claim')!.attributes.map((a) => a.id)).toEqual(['strength'])
  expect(after.pendingMerges).toBeUndefined()
  expect(after.linkTypes).toMatchObject([{ id: 'supports', from: ['claim'], to: ['claim', 'stance'] }])
  expect(store.links.filter((l) => l.type === 'supports')).toMatchObject([{ from: evidence.id, to: claim.id }])

  // A label in use cannot simply go: Source offers only a merge, and merging it into Claim is refused with the count.
  await openLabels()
  await dialog.getByRole('button', { name: /^Source/ }).click()
  await expect(dialog.locator('.tagset-danger').getByRole('button', { name: /^Remove/ })).toHaveCount(0)
  await dialog.getByLabel(/Merge its \d+ annotations? into/).selectOption('claim')
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click()
  await expect(dialog.getByRole('alert')).toContainText(/Attribution links? go(es)? from/)
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled()
  // Cancel asks before dropping the merge set up here; declined, the dialog stays; accepted, it goes.
  page.once('dialog', (d) => void d.dismiss())
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeVisible()
  page.once('dialog', (d) => {
    expect(d.message()).toBe('Discard the changes to the labels and links? Nothing has been saved.')
    void d.accept()
  })
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  expect(JSON.parse(await app.read('project.json'))).toEqual(after)

  // Source renamed Speaker: Retrieve and Analysis say Speaker where they said Source.
  await openLabels()
  await dialog.getByRole('button', { name: /^Source/ }).click()
  await dialog.getByLabel('Name', { exact: true }).first().fill('Speaker')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  const views = page.getByRole('group', { name: 'View' })
  await views.getByRole('button', { name: 'Retrieve' }).click()
  await expect(page.getByLabel('Group by').locator('option[value="source"]')).toHaveText('Speaker')
  await page.getByLabel('Group by').selectOption('source')
  await expect(page.getByRole('list', { name: 'Groups' }).getByText(/^No speaker/)).toBeVisible()
  await views.getByRole('button', { name: 'Analysis' }).click()
  await expect(page.locator('summary', { hasText: 'Speaker kinds' })).toBeVisible()
})

test('Labels… open in a second window while the first renames a label: the second says so and cannot undo it', async ({ page, app }) => {
  const a = page
  const b = await page.context().newPage()
  for (const p of [a, b]) {
    await p.goto(app.url)
    await expect(p.getByRole('navigation', { name: 'Documents' })).toBeVisible()
  }
  // B opens Labels… and starts changing Stance's key.
  await b.bringToFront()
  await chooseMenu(b, 'Project', 'Labels…')
  const inB = b.getByRole('dialog', { name: 'Labels and links' })
  await inB.getByRole('button', { name: /^Stance/ }).click()
  await inB.getByLabel('Key', { exact: true }).fill('p')
  // A renames Source to Speaker and saves.
  await a.bringToFront()
  await chooseMenu(a, 'Project', 'Labels…')
  const inA = a.getByRole('dialog', { name: 'Labels and links' })
  await inA.getByRole('button', { name: /^Source/ }).click()
  await inA.getByLabel('Name', { exact: true }).first().fill('Speaker')
  await inA.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(inA).toHaveCount(0)
  // B hears of it: its save would undo A's rename, so it is not offered; starting again shows Speaker.
  await b.bringToFront()
  await expect(inB.getByText('The labels were changed in another window while this was open')).toBeVisible({ timeout: 10_000 })
  await expect(inB.getByRole('button', { name: 'Save', exact: true })).toBeDisabled()
  await inB.getByRole('button', { name: 'Start again from the saved labels' }).click()
  await expect(inB.getByRole('button', { name: /^Speaker/ })).toBeVisible()
  await inB.getByRole('button', { name: /^Stance/ }).click()
  await inB.getByLabel('Key', { exact: true }).fill('p')
  await inB.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(inB).toHaveCount(0)
  const saved = JSON.parse(await app.read('project.json')) as ProjectFile
  expect(saved.labels.map((l) => [l.name, l.key])).toEqual([
    ['Claim', '1'],
    ['Speaker', '2'],
    ['Stance', 'p'],
  ])
})
