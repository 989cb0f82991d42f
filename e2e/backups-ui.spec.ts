import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './harness'

test('a damaged layer shows a banner, and "Restore last good copy…" brings its annotations back', async ({ page, app }) => {
  // The sample project has layers by jonas; annotate as jonas so there is an own layer to damage.
  await writeFile(join(app.configDir, 'settings.json'), JSON.stringify({ format: 'marginalia-settings', version: 1, annotator: 'jonas', recent: [] }))
  await app.crashAndRestart()
  await page.goto(app.url)
  const documents = page.getByRole('navigation', { name: 'Documents' })
  await expect(documents).toBeVisible()
  const call = (method: string, args: unknown) =>
    page.evaluate(
      async ([m, a, t]) => (await fetch(`/api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Marginalia-Token': t! }, body: JSON.stringify(a) })).json(),
      [method, args, new URL(app.url).searchParams.get('token')] as const,
    )
  const doc = (await readdir(join(app.projectDir, 'annotations', 'jonas')))[0]!.replace(/\.json$/, '')
  const opened = (await call('documents.open', { id: doc })) as { value: { annotations: { label: string }[] } }
  const count = opened.value.annotations.length
  const title = ((await call('documents.list', {})) as { value: { id: string; title: string }[] }).value.find((d) => d.id === doc)!.title
  // One save, so a backup of the layer exists.
  const saved = (await call('annotations.apply', {
    document: doc,
    ops: [{ op: 'put', annotation: { id: 'backup-check', label: opened.value.annotations[0]!.label, start: 0, end: 10, attributes: {}, note: '' } }],
  })) as { ok: boolean }
  expect(saved.ok).toBe(true)
  const file = join(app.projectDir, 'annotations', 'jonas', `${doc}.json`)
  await writeFile(file, (await readFile(file, 'utf8')).slice(0, 100))
  // The store is read when the host opens it: restart so it meets the damaged file.
  await app.crashAndRestart()
  await page.goto(app.url)
  await documents.getByText(title, { exact: true }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'not valid JSON' })).toBeVisible()
  await page.getByRole('button', { name: 'Restore last good copy…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Backups' })
  await dialog.getByRole('button', { name: /^Restore last saved from / }).click()
  await expect(dialog.getByRole('status')).toContainText('The version it replaced was kept.')
  await expect(dialog.getByRole('status')).toContainText(`${count + 1} annotations`)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'not valid JSON' })).toBeHidden()
  await expect(page.getByRole('complementary', { name: 'Annotations' })).toContainText(String(count + 1))
})
