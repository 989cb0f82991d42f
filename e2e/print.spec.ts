/**
 * Printing a long document prints the text, every line of it with its highlights, on as many
 * pages as it takes, without the app around it: the view draws every line for the print
 * (document-editor.ts) and the print stylesheet (styles.css, @media print) lets it flow.
 */
import { expect, test, expectSaved } from './harness'
import { dragSelect } from './text'

const TITLE = 'A report to print'
const PARAGRAPHS = 320

function reportText(): string {
  const out = [TITLE]
  for (let i = 1; i <= PARAGRAPHS; i++)
    out.push(
      `§${i} The minister said on Tuesday that the talks would go on, and Дмитрий agreed; in Amman عليكم السلام was heard. ` +
        `Officials discussed the situation at length, without a clear outcome, and a spokesman said that nothing had changed.`,
    )
  return out.join('\n')
}

/** How many pages a PDF has (its page objects). */
function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length
}

test('a long document prints whole: every line, its highlights, no toolbars or panels, many pages', async ({ page, app }) => {
  test.setTimeout(90_000)
  await page.goto(app.url)
  await page.locator('input[type=file]').setInputFiles({ name: 'report.txt', mimeType: 'text/plain', buffer: Buffer.from(reportText()) })
  await page.getByRole('navigation', { name: 'Documents' }).getByText(TITLE, { exact: true }).click()
  const editor = page.locator('.ProseMirror')
  await expect(editor).toContainText('§1 The minister')
  // A window of it is drawn; tag something near the top, then read from the middle.
  expect(await editor.locator(':scope > p').count()).toBeLessThan(PARAGRAPHS)
  await dragSelect(page, 'talks would go on')
  await page.keyboard.press('1')
  await expectSaved(page)
  await page.locator('.text-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight / 2))

  await page.emulateMedia({ media: 'print' })
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')))
  expect(await editor.locator(':scope > p').count()).toBe(PARAGRAPHS + 1)
  await expect(page.locator('header').first()).toBeHidden()
  await expect(page.getByRole('navigation', { name: 'Documents' })).toBeHidden()
  await expect(page.getByRole('complementary', { name: 'Annotations' })).toBeHidden()
  expect(await page.locator('.text-scroll').evaluate((el) => getComputedStyle(el).overflowY)).toBe('visible')
  // The first and last lines are both laid out on paper, the highlight in its colour.
  await expect(editor.locator(':scope > p').first()).toBeVisible()
  await expect(editor.locator(':scope > p').last()).toContainText(`§${PARAGRAPHS} The minister`)
  expect(
    await editor
      .locator('.mg-hl-claim')
      .first()
      .evaluate((el) => getComputedStyle(el).printColorAdjust),
  ).toBe('exact')
  await page.screenshot({ path: test.info().outputPath('print.png') })
  const pdf = await page.pdf({ format: 'A4' })
  // ~55 kB of text at 12 pt: dozens of pages (before the print stylesheet: one, the app's frame).
  expect(pageCount(pdf)).toBeGreaterThan(20)
  await page.evaluate(() => dispatchEvent(new Event('afterprint')))
  await page.emulateMedia({ media: 'screen' })
  expect(await editor.locator(':scope > p').count()).toBeLessThan(PARAGRAPHS)
})
