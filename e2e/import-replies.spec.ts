/**
 * A JSON Lines file that carries replies, imported as a user does it: the report says how many
 * replies were left out, as a note beside the layers (not among the problems), and the replies the
 * project has stay.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ProjectFile, StoreFile } from '../shared/model/project'
import { chooseMenu, expect, test } from './harness'

test('"Import annotations…" of JSON Lines with replies says they were not imported, as a note, and the layer stays as it is', async ({
  page,
  app,
}) => {
  const project = JSON.parse(await app.read('project.json')) as ProjectFile
  const doc = project.documents[0]!
  const store = JSON.parse(await app.read(`annotations/maria/${doc.id}.json`)) as StoreFile
  // maria's layer as the JSON Lines export writes it, a colleague's reply on its first annotation.
  const lines = store.annotations.map((a, i) => ({
    document: doc.id,
    title: doc.title,
    sha256: doc.sha256,
    annotator: 'maria',
    ...a,
    links: store.links.filter((l) => l.from === a.id).map(({ id, type, to, author, created }) => ({ id, type, to, author, created })),
    replies: i === 0 ? [{ author: 'jonas', created: '2026-11-01T09:00:00.000Z', text: 'I read this as neutral.' }] : [],
  }))
  const file = join(app.projectDir, '..', 'maria.jsonl')
  await writeFile(file, lines.map((l) => `${JSON.stringify(l)}\n`).join(''))

  await page.goto(app.url)
  await expect(page.getByRole('navigation', { name: 'Documents' })).toBeVisible()
  await chooseMenu(page, 'Project', 'Import annotations…')
  const dialog = page.getByRole('dialog', { name: /Import annotations/ })
  await dialog.getByLabel('Folder or file to import from (full path)').fill(file)
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  const report = dialog.getByRole('region', { name: 'Import report' })
  await expect(
    report.getByText('maria.jsonl: 1 reply was not imported (replies come into a project only with a project archive; those it has stay).'),
  ).toBeVisible()
  await expect(report.getByRole('alert')).toHaveCount(0)
  await expect(report.getByText(/already up to date/i)).toBeVisible()
  expect((JSON.parse(await app.read(`annotations/maria/${doc.id}.json`)) as StoreFile).annotations).toEqual(store.annotations)
  await dialog.screenshot({ path: test.info().outputPath('import-replies-note.png') })
})
