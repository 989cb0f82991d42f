import { expect, test } from '@playwright/test'
import { startMarginalia } from './harness'

test('on first run Marginalia asks the annotator name once and keeps it', async ({ page }) => {
  const app = await startMarginalia()
  try {
    await page.goto(app.url)
    const dialog = page.getByRole('dialog')
    await expect(dialog).toBeVisible()
    await dialog.getByRole('textbox').fill('Zoé Nguyễn')
    await dialog.getByRole('button', { name: 'Continue' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByText('Zoé Nguyễn')).toBeVisible()
    await page.reload()
    await expect(page.getByRole('navigation', { name: 'Documents' })).toBeVisible()
    await expect(page.getByRole('dialog')).toBeHidden()
    expect(page.url()).not.toContain('token=')
  } finally {
    await app.stop()
  }
})
