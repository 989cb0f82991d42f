/**
 * Files that are not what they should be, as a user meets them in browser mode: a document whose
 * stored text was damaged on disk opens read-only with one sentence and is restored from
 * Backups…; a colleague's folder holding a named pipe and a link to /dev/zero is imported at once,
 * the skipped files named, and the host keeps answering.
 */
import { execFileSync } from 'node:child_process'
import { cp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ProjectFile, StoreFile } from '../shared/model/project'
import type { Page } from '@playwright/test'
import { chooseMenu, expect, test, type Marginalia, expectSaved } from './harness'
import { dragSelect } from './text'

/** The project's first document, its text file and bytes, shown once intact (the sample project predates kept texts: the copy is made then). */
async function openedIntact(page: Page, app: Marginalia): Promise<{ doc: ProjectFile['documents'][number]; file: string; good: Buffer }> {
  const project = JSON.parse(await app.read('project.json')) as ProjectFile
  const doc = project.documents[0]!
  const file = join(app.projectDir, doc.file)
  const good = await readFile(file)
  await page.goto(app.url)
  await expect(page.locator('.ProseMirror')).toContainText(good.toString('utf8').slice(0, 20))
  return { doc, file, good }
}

test('a damaged text opens read-only with its sentence, nothing can be tagged, and "Restore text…" puts it back', async ({ page, app }) => {
  // Opened once intact, then damaged.
  const { doc, file, good } = await openedIntact(page, app)
  await writeFile(file, Buffer.concat([good.subarray(0, 400), Buffer.alloc(200)]))
  await page.reload()
  await page.getByRole('navigation', { name: 'Documents' }).getByText(doc.title, { exact: true }).click()
  const banner = page.getByRole('alert').filter({ hasText: 'read-only' })
  await expect(banner).toHaveText(
    new RegExp(
      `The text of “.*” \\(texts/${doc.id}\\.txt\\) is not the text that was imported \\(it was changed or damaged on disk\\), so the document is read-only; restore it with Restore text… \\(Backups… in the Project menu; your annotations are kept\\)\\.`,
    ),
  )
  await page.screenshot({ path: test.info().outputPath('read-only.png') })
  await expect(page.getByRole('toolbar', { name: 'Labels' }).getByRole('button', { name: 'Claim', exact: true })).toBeDisabled()
  const before = await app.read(`annotations/tester/${doc.id}.json`).catch(() => null)
  const phrase = ((await page.locator('.ProseMirror p').first().textContent()) ?? '').trim().split(/\s+/).slice(0, 2).join(' ')
  await dragSelect(page, phrase)
  await page.keyboard.press('1')
  // The hint line says it in short; the banner above holds the whole sentence.
  await expect(page.locator('.hint')).toHaveText('This document is read-only until its text is restored (see above); nothing was changed.')
  await expect(page.locator('.ProseMirror .mg-hl-claim')).toHaveCount(0)
  await expect(page.getByText('No annotations yet; this document is read-only until its text is restored (see above).')).toBeVisible()
  // Nor is its status changed: the menu is off, and the host refuses it too.
  await expect(page.getByTestId('document-status')).toBeDisabled()
  const token = new URL(app.url).searchParams.get('token')!
  const refused = await page.evaluate(
    async ({ document, key }) =>
      (await (
        await fetch('/api/status.set', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Marginalia-Token': key },
          body: JSON.stringify({ document, state: 'nothing-to-tag' }),
        })
      ).json()) as unknown,
    { document: doc.id, key: token },
  )
  expect(refused).toMatchObject({ ok: false, error: { code: 'read-only' } })
  expect(await app.read(`annotations/tester/${doc.id}.json`).catch(() => null)).toBe(before)

  await banner.getByRole('button', { name: 'Restore text…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Backups' })
  await dialog.getByRole('button', { name: /^Restore as imported from / }).click()
  await expect(dialog.getByRole('status')).toContainText('The version it replaced was kept.')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(banner).toBeHidden()
  expect(await readFile(file)).toEqual(good)
  await dragSelect(page, phrase)
  await page.keyboard.press('1')
  await expect(page.locator('.ProseMirror .mg-hl-claim', { hasText: phrase })).toBeVisible()
  await expectSaved(page)
})

test('a text put right on disk while it was open read-only is reviewed on the right text, not on the changed one the page holds', async ({
  page,
  app,
}) => {
  const { doc, file, good } = await openedIntact(page, app)
  // Line ends changed on disk (every offset after the first line moves), then opened: read-only.
  await writeFile(file, good.toString('utf8').replace(/\n/g, '\r\n'))
  await page.reload()
  await page.getByRole('navigation', { name: 'Documents' }).getByText(doc.title, { exact: true }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'read-only' })).toBeVisible()
  // A sync tool puts the imported text back while the document stays open; then review.
  await writeFile(file, good)
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Review' }).click()
  await page.getByRole('dialog', { name: 'Review: compare annotators' }).getByRole('button', { name: 'Start review' }).click()
  await page.keyboard.press('n')
  await expect(page.getByTestId('unit-state')).toHaveText('Open')
  // Each version quotes the words its annotator marked (as stored, against the imported text), and
  // the text view marks the unit on those words.
  const stored = (
    await Promise.all(['maria', 'jonas'].map(async (who) => JSON.parse(await app.read(`annotations/${who}/${doc.id}.json`)) as StoreFile))
  ).flatMap((layer) => layer.annotations.map((a) => a.target.quote.exact.replace(/\s+/g, ' ').trim()))
  const quotes = await page
    .getByTestId('unit-decision')
    .locator('.span-quote mark')
    .evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').replace(/…$/, '').trim()))
  expect(quotes.length).toBeGreaterThan(0)
  for (const q of quotes) expect(stored.some((exact) => exact.startsWith(q))).toBe(true)
  const marked = await page.locator('.review-text .mg-unit').evaluateAll((els) => els.map((e) => e.textContent ?? '').join(' '))
  expect(marked.replace(/\s+/g, ' ')).toContain(quotes[0]!.slice(0, 12))
})

test('"Import annotations…" of a folder holding a named pipe and a link to /dev/zero answers within a second and names both', async ({
  page,
  app,
}) => {
  test.skip(process.platform === 'win32', 'named pipes and /dev/zero are POSIX')
  const colleague = join(app.projectDir, '..', 'colleague')
  await cp(join(app.projectDir), colleague, { recursive: true })
  const project = JSON.parse(await app.read('project.json')) as ProjectFile
  const [a, b] = project.documents
  await rm(join(colleague, 'annotations', 'maria', `${a!.id}.json`))
  execFileSync('mkfifo', [join(colleague, 'annotations', 'maria', `${a!.id}.json`)])
  await rm(join(colleague, 'annotations', 'jonas', `${b!.id}.json`))
  await symlink('/dev/zero', join(colleague, 'annotations', 'jonas', `${b!.id}.json`))

  await page.goto(app.url)
  await expect(page.getByRole('navigation', { name: 'Documents' })).toBeVisible()
  const token = new URL(app.url).searchParams.get('token')!
  // Five at once, as a user clicking again might: before, each held one of Node's four file threads for good.
  const took = await page.evaluate(
    async ([path, t]) => {
      const started = performance.now()
      const call = (m: string, args: unknown) =>
        fetch(`/api/${m}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Marginalia-Token': t },
          body: JSON.stringify(args),
        }).then((r) => r.json())
      await Promise.all(Array.from({ length: 5 }, () => call('annotations.import', { path })))
      return performance.now() - started
    },
    [colleague, token] as const,
  )
  expect(took).toBeLessThan(1000)

  await chooseMenu(page, 'Project', 'Import annotations…')
  const dialog = page.getByRole('dialog', { name: /Import annotations/ })
  // A path typed without its root gets one sentence about the path, not the call's internals.
  await dialog.getByLabel('Folder or file to import from (full path)').fill('colleague/annotations')
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog.getByText('“colleague/annotations” is not a path Marginalia can use: write an absolute path')).toBeVisible()
  await expect(dialog.getByText(/annotations\.import/)).toHaveCount(0)
  await dialog.getByLabel('Folder or file to import from (full path)').fill(colleague)
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  const problems = dialog.getByRole('alert')
  await expect(problems).toContainText(`annotations/maria/${a!.id}.json was skipped because it is a named pipe (FIFO), not a file.`)
  await expect(problems).toContainText(
    `annotations/jonas/${b!.id}.json was skipped because it is a link to /dev/zero, outside the folder it was found in`,
  )
  // The host still answers: another document opens.
  await dialog.getByRole('button', { name: 'Close' }).click()
  await page.getByRole('navigation', { name: 'Documents' }).getByText(b!.title, { exact: true }).click()
  await expect(page.locator('.ProseMirror')).toContainText((await app.read(b!.file)).slice(0, 30))
})

test('"Import annotations…" of an older copy leaves a layer with newer work as it is, and replaces it only when asked', async ({
  page,
  app,
}) => {
  // The colleague's folder is a copy of the project as it was; since then jonas's layer here got a newer note.
  const colleague = join(app.projectDir, '..', 'older-copy')
  await cp(join(app.projectDir), colleague, { recursive: true })
  const project = JSON.parse(await app.read('project.json')) as ProjectFile
  const doc = project.documents[0]!
  const file = `annotations/jonas/${doc.id}.json`
  const store = JSON.parse(await app.read(file)) as StoreFile
  const edited = store.annotations[0]!
  const now = new Date().toISOString()
  store.annotations[0] = { ...edited, note: 'checked against the transcript', modified: now }
  await writeFile(join(app.projectDir, file), JSON.stringify(store, null, 2))

  await page.goto(app.url)
  await expect(page.getByRole('navigation', { name: 'Documents' })).toBeVisible()
  await chooseMenu(page, 'Project', 'Import annotations…')
  const dialog = page.getByRole('dialog', { name: /Import annotations/ })
  await dialog.getByLabel('Folder or file to import from (full path)').fill(colleague)
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  const report = dialog.getByRole('region', { name: 'Import report' })
  await expect(report.getByText('One layer here has changes newer than the import’s, so it was left as it is.')).toBeVisible()
  await expect(report.getByText(/Skipped: this project's layer has changes from .* UTC, newer than anything in the import/)).toBeVisible()
  const note = async () => (JSON.parse(await app.read(file)) as StoreFile).annotations.find((a) => a.id === edited.id)!.note
  expect(await note()).toBe('checked against the transcript')

  await report.getByRole('button', { name: 'Replace with the imported copy' }).click()
  await expect(report.getByText(/Earlier layer kept as .*\.before-import-/)).toBeVisible()
  expect(await note()).toBe(edited.note)
  const aside = (await readdir(join(app.projectDir, 'annotations', 'jonas'))).find((f) => f.startsWith(`${doc.id}.json.before-import-`))!
  expect((JSON.parse(await app.read(`annotations/jonas/${aside}`)) as StoreFile).annotations[0]!.note).toBe(
    'checked against the transcript',
  )
})
