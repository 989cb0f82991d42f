/**
 * View ▸ Text drawing ▸ Whole text: a long text is drawn whole, every line in the page for a screen
 * reader to read from start to end, the paragraph being read kept at the top; a reload keeps the
 * choice, and "Lines around the view" draws a window again.
 */
import type { Page } from '@playwright/test'
import { expect, test } from './harness'

const PARAGRAPHS = 1_500
const TITLE = 'A long hearing'

function hearing(): string {
  const out = [TITLE]
  for (let i = 1; i <= PARAGRAPHS; i++)
    out.push(`Paragraph ${i}: the witness said that the talks 🇺🇦 had failed, and Дмитрий disagreed at some length, again.`)
  return out.join('\n')
}

async function drawing(page: Page, item: 'Lines around the view' | 'Whole text (for screen readers)') {
  await page.getByRole('menubar').getByRole('menuitem', { name: 'View', exact: true }).click()
  await page.getByRole('menu', { name: 'View' }).getByRole('menuitem', { name: 'Text drawing' }).click()
  await page.getByRole('menu', { name: 'Text drawing' }).getByRole('menuitemradio', { name: item }).click()
}

test('a long text drawn whole on request: every line in the page, the place kept, the choice kept over a reload', async ({ page, app }) => {
  test.setTimeout(90_000)
  await page.goto(app.url)
  await page.locator('input[type=file]').setInputFiles({ name: 'hearing.txt', mimeType: 'text/plain', buffer: Buffer.from(hearing()) })
  await page.getByRole('navigation', { name: 'Documents' }).getByText(TITLE).click()
  const text = page.locator('.ProseMirror')
  const lines = text.locator('p')
  await expect(text).toContainText('Paragraph 1:')
  // As usual: a window of the text, gaps for the rest.
  expect(await lines.count()).toBeLessThan(PARAGRAPHS / 2)
  await expect(text.locator('.mg-gap').first()).toBeAttached()

  // Somewhere in the middle, then the whole text: every line there, the same paragraph at the top.
  const scroller = page.locator('.text-scroll')
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight / 2))
  const topParagraph = () =>
    page.evaluate(() => {
      const box = document.querySelector('.text-scroll')!.getBoundingClientRect()
      const at = document.elementFromPoint(box.left + box.width / 2, box.top + 40)
      return /Paragraph (\d+):/.exec(at?.closest('p')?.textContent ?? '')?.[1] ?? null
    })
  await expect.poll(topParagraph).not.toBeNull()
  const before = Number(await topParagraph())
  await drawing(page, 'Whole text (for screen readers)')
  await expect(lines).toHaveCount(PARAGRAPHS + 1)
  await expect(text.locator('.mg-gap')).toHaveCount(0)
  await expect(text).toContainText(`Paragraph ${PARAGRAPHS}:`)
  expect(Math.abs(Number(await topParagraph()) - before)).toBeLessThanOrEqual(1)
  await page.screenshot({ path: test.info().outputPath('whole-text.png') })

  // Kept over a reload (the app's settings), in Annotate as in every text view.
  await page.reload()
  await page.getByRole('navigation', { name: 'Documents' }).getByText(TITLE).click()
  await expect(lines).toHaveCount(PARAGRAPHS + 1)
  await page.getByRole('menubar').getByRole('menuitem', { name: 'View', exact: true }).click()
  await page.getByRole('menu', { name: 'View' }).getByRole('menuitem', { name: 'Text drawing' }).click()
  await expect(
    page.getByRole('menu', { name: 'Text drawing' }).getByRole('menuitemradio', { name: 'Whole text (for screen readers)' }),
  ).toHaveAttribute('aria-checked', 'true')
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')

  // Back to a window of the text.
  await drawing(page, 'Lines around the view')
  await expect.poll(() => lines.count()).toBeLessThan(PARAGRAPHS / 2)
  await expect(text.locator('.mg-gap').first()).toBeAttached()
})
