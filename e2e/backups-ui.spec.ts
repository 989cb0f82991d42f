import { readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { chooseMenu, expect, test, type Marginalia, expectSaved } from './harness'
import { dragSelect } from './text'
import type { OpenedDocument } from '../shared/api'

/** Call the API from the page, with the launch token, as the app does. */
function api(page: Page, app: Marginalia) {
  return (method: string, args: unknown) =>
    page.evaluate(
      async ([m, a, t]) =>
        (
          await fetch(`/api/${m}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Marginalia-Token': t! },
            body: JSON.stringify(a),
          })
        ).json(),
      [method, args, new URL(app.url).searchParams.get('token')] as const,
    )
}

/**
 * Annotate as jonas (the sample project has his layers), save once more so a backup exists, then
 * damage his layer of one document on disk and restart, as the issue describes. Returns the
 * document's title and how many annotations were saved before the damage.
 */
async function damagedLayer(page: Page, app: Marginalia) {
  await writeFile(
    join(app.configDir, 'settings.json'),
    JSON.stringify({ format: 'marginalia-settings', version: 1, annotator: 'jonas', recent: [] }),
  )
  await app.crashAndRestart()
  await page.goto(app.url)
  await expect(page.getByRole('navigation', { name: 'Documents' })).toBeVisible()
  const call = api(page, app)
  const doc = (await readdir(join(app.projectDir, 'annotations', 'jonas')))[0]!.replace(/\.json$/, '')
  const opened = (await call('documents.open', { id: doc })) as { value: OpenedDocument }
  const title = ((await call('documents.list', {})) as { value: { id: string; title: string }[] }).value.find((d) => d.id === doc)!.title
  const saved = (await call('annotations.apply', {
    document: doc,
    ops: [
      {
        op: 'put',
        annotation: { id: 'backup-check', label: opened.value.annotations.rows[0]![1], start: 0, end: 10, attributes: {}, note: '' },
      },
    ],
  })) as { ok: boolean }
  expect(saved.ok).toBe(true)
  const file = join(app.projectDir, 'annotations', 'jonas', `${doc}.json`)
  await writeFile(file, (await readFile(file, 'utf8')).slice(0, 100))
  // The store is read when the host opens it: restart so it meets the damaged file.
  await app.crashAndRestart()
  await page.goto(app.url)
  return { doc, title, count: opened.value.annotations.rows.length + 1 }
}

test('a damaged layer shows a banner naming its pinned last good copy, and restoring it brings the annotations back', async ({
  page,
  app,
}) => {
  const { title, count } = await damagedLayer(page, app)
  // The list says so before the document is opened (it said "Not started" and 0 before).
  const item = page.getByRole('navigation', { name: 'Documents' }).locator('li.doc').filter({ hasText: title })
  await expect(item.getByTestId('doc-damaged')).toHaveText('Your file was found damaged or missing; its last good copy is kept')
  await item.getByText(title, { exact: true }).click()
  const banner = page.getByRole('alert').filter({ hasText: 'not valid JSON' })
  await expect(banner).toContainText(`(${count} annotations`)
  await expect(banner).toContainText('is pinned: Marginalia keeps it until you restore it or say it is not needed')
  await page.getByRole('button', { name: 'Restore last good copy…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Backups' })
  await expect(dialog.locator('.backup-pinned')).toContainText('when the file was found damaged')
  await dialog.getByRole('button', { name: /^Restore pinned: last good copy from / }).click()
  await expect(dialog.getByRole('status')).toContainText('The version it replaced was kept.')
  await expect(dialog.getByRole('status')).toContainText(`${count} annotations`)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(banner).toBeHidden()
  await expect(page.getByRole('complementary', { name: 'Annotations' })).toContainText(String(count))
  await expect(item.getByTestId('doc-damaged')).toHaveCount(0)
})

test('the pinned copy survives a save and a restart, and the banner goes once it is said not to be needed', async ({ page, app }) => {
  const { title, count } = await damagedLayer(page, app)
  const documents = page.getByRole('navigation', { name: 'Documents' })
  await documents.getByText(title, { exact: true }).click()
  const banner = page.getByRole('alert').filter({ hasText: 'is pinned' })
  await expect(banner).toBeVisible()
  // Work goes on in the new layer: tag something, and it is saved.
  const editor = page.locator('.ProseMirror')
  const phrase = ((await editor.locator('p').first().textContent()) ?? '').trim().split(/\s+/).slice(0, 2).join(' ')
  await dragSelect(page, phrase)
  await page.keyboard.press('1')
  await expectSaved(page)
  await page.screenshot({ path: test.info().outputPath('pinned-banner.png') })
  // Before this change, that save replaced the only good copy (latest.json) with this one-annotation layer.
  await app.crashAndRestart()
  await page.goto(app.url)
  await documents.getByText(title, { exact: true }).click()
  await expect(banner).toContainText('was found damaged on')
  await expect(banner).toContainText(`(${count} annotations`)
  await chooseMenu(page, 'Project', 'Backups…')
  const dialog = page.getByRole('dialog', { name: 'Backups' })
  const own = dialog.getByRole('region', { name: 'Your annotations on this document' })
  await expect(own.locator('.backup-pinned')).toContainText(`${count} annotations`)
  await expect(own.locator('.backup').filter({ hasText: 'Last saved' })).toContainText('1 annotation,')
  await dialog.getByRole('button', { name: 'Close' }).click()
  const item = documents.locator('li.doc').filter({ hasText: title })
  await expect(item.getByTestId('doc-damaged')).toBeVisible()
  await banner.getByRole('button', { name: 'Not needed' }).click()
  await expect(banner).toBeHidden()
  await expect(item.getByTestId('doc-damaged')).toHaveCount(0)
  await chooseMenu(page, 'Project', 'Backups…')
  await expect(own.locator('.backup-pinned')).toHaveCount(0)
  await expect(own.locator('.backup').filter({ hasText: `${count} annotations` })).toContainText('Earlier version')
})

test('a layer damaged on disk while it is open: the next save sets it aside, says so in the banner and pins the last good copy', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  const editor = page.locator('.ProseMirror')
  const words = ((await editor.locator('p').first().textContent()) ?? '').trim().split(/\s+/)
  await dragSelect(page, words.slice(0, 2).join(' '))
  await page.keyboard.press('1')
  await expectSaved(page)
  const doc = (await readdir(join(app.projectDir, 'annotations', 'tester')))[0]!
  const file = join(app.projectDir, 'annotations', 'tester', doc)
  // Damaged by another program, a while ago (a file changing right now is waited for instead).
  await writeFile(file, '{"format": "marginalia-annotations", "annotations": [')
  const past = new Date(Date.now() - 60_000)
  await utimes(file, past, past)
  await dragSelect(page, words.slice(2, 4).join(' '))
  await page.keyboard.press('2')
  await expectSaved(page)
  const banner = page.getByRole('alert').filter({ hasText: 'not valid JSON' })
  await expect(banner).toContainText('it was kept as')
  await expect(banner).toContainText('(1 annotation, 0 links), is pinned')
  await expect(banner.getByRole('button', { name: 'Not needed' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Documents' }).locator('li.doc.current').getByTestId('doc-damaged')).toBeVisible()
  // Nothing was lost: the save built on the copy this window had read, and the new file holds both.
  await expect(page.getByRole('complementary', { name: 'Annotations' }).locator('.count')).toHaveText('2')
  expect(JSON.parse(await readFile(file, 'utf8')).annotations).toHaveLength(2)

  // Opened again: the file holds all of the pinned copy, so the banner says so and Not needed comes first.
  await page.reload()
  await expect(banner).toContainText('but the file holds all of it now, with what was saved since: it is likely not needed.')
  await expect(banner.getByRole('button').first()).toHaveText('Not needed')
  await expect(banner.getByRole('button').first()).toHaveClass(/primary/)
  await page.screenshot({ path: test.info().outputPath('held.png') })
})

test('a layer file deleted outside Marginalia: the list marks it, the banner says so, and its last saved version comes back', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  const editor = page.locator('.ProseMirror')
  const words = ((await editor.locator('p').first().textContent()) ?? '').trim().split(/\s+/)
  await dragSelect(page, words.slice(0, 2).join(' '))
  await page.keyboard.press('1')
  await dragSelect(page, words.slice(3, 5).join(' '))
  await page.keyboard.press('2')
  await expectSaved(page)
  const doc = (await readdir(join(app.projectDir, 'annotations', 'tester')))[0]!
  // Deleted by a sync tool or a file manager while Marginalia was closed.
  await app.crashAndRestart()
  await rm(join(app.projectDir, 'annotations', 'tester', doc))
  await app.crashAndRestart()
  await page.goto(app.url)
  const item = page.getByRole('navigation', { name: 'Documents' }).locator('li.doc.current')
  await expect(item.getByTestId('doc-damaged')).toHaveText('Your file was found damaged or missing; its last good copy is kept')
  const banner = page.getByRole('alert').filter({ hasText: 'is not there any more' })
  await expect(banner).toContainText('(it was deleted or moved outside Marginalia), so a new one was started')
  await expect(banner).toContainText('(2 annotations, 0 links), is pinned')
  await page.screenshot({ path: test.info().outputPath('gone.png') })
  await banner.getByRole('button', { name: 'Restore last good copy…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Backups' })
  await expect(dialog.locator('.backup-pinned')).toContainText('when the file was found damaged or missing')
  await dialog.getByRole('button', { name: /^Restore pinned: last good copy from / }).click()
  await expect(dialog.getByRole('status')).toContainText('2 annotations')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(banner).toBeHidden()
  await expect(page.getByRole('complementary', { name: 'Annotations' }).locator('.count')).toHaveText('2')
  await expect(item.getByTestId('doc-damaged')).toHaveCount(0)
})

test('project.json damaged while the project is open: the next change keeps it aside, and a banner says so until dismissed', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  await expect(page.getByRole('navigation', { name: 'Documents' })).toBeVisible()
  const call = api(page, app)
  const file = join(app.projectDir, 'project.json')
  const damaged = '{"format": "marginalia-project", "documents": ['
  await writeFile(file, damaged)
  const past = new Date(Date.now() - 60_000)
  await utimes(file, past, past)
  const docs = (await call('documents.list', {})) as { value: { id: string }[] }
  expect(await call('documents.rename', { id: docs.value[0]!.id, title: 'Renamed after the damage' })).toMatchObject({ ok: true })
  const banner = page.getByTestId('project-banner')
  await expect(banner).toContainText('project.json is not valid JSON; it was kept as project.json.unreadable-')
  await expect(banner).toContainText('Project › Backups… lists the file’s earlier versions.')
  await page.screenshot({ path: test.info().outputPath('project-banner.png') })
  // What was open was saved in its place: the project and the rename are whole.
  expect(JSON.parse(await readFile(file, 'utf8')).documents.length).toBe(docs.value.length)
  const aside = (await readdir(app.projectDir)).find((n) => n.startsWith('project.json.unreadable-'))!
  expect(await readFile(join(app.projectDir, aside), 'utf8')).toBe(damaged)
  await banner.getByRole('button', { name: 'Backups…' }).click()
  await expect(page.getByRole('dialog', { name: 'Backups' })).toBeVisible()
  await page.getByRole('dialog', { name: 'Backups' }).getByRole('button', { name: 'Close' }).click()
  await banner.getByRole('button', { name: 'Dismiss' }).click()
  await expect(banner).toBeHidden()
  // Gone for good: a reload does not bring it back.
  await page.reload()
  await expect(page.getByRole('navigation', { name: 'Documents' })).toBeVisible()
  await page.waitForTimeout(2500)
  await expect(banner).toBeHidden()
})
