/**
 * Issue 13, item 11: reopening the app returns to the last document, scrolled to the same text: after
 * a reload, after the app itself restarts, and in a window of another size (the host remembers the
 * code point at the top of the view, not pixels).
 */
import type { Page } from '@playwright/test'
import { expect, test } from './harness'

/** A long text whose paragraphs differ in length, so estimated heights differ from real ones. */
function longText(): string {
  const paragraphs: string[] = []
  for (let i = 0; i < 400; i++) {
    const more = i % 7 === 0 ? ' A longer sentence follows in this one, so that it wraps onto two or three lines of the column.' : ''
    paragraphs.push(`Paragraph ${i}: officials in several capitals discussed the situation at length.${more}`)
  }
  return paragraphs.join('\n\n')
}

/** The number of the first paragraph whose text shows at the top of the text view. */
async function topParagraph(page: Page): Promise<number> {
  return page.locator('.text-scroll').evaluate((scroller) => {
    const box = scroller.getBoundingClientRect()
    const shown = Array.from(scroller.querySelectorAll('.ProseMirror > p')).find((p) => {
      const r = p.getBoundingClientRect()
      return r.height > 0 && r.bottom > box.top + 2 && (p.textContent ?? '') !== ''
    })
    return Number(/^Paragraph (\d+)/.exec(shown?.textContent ?? '')?.[1] ?? -1)
  })
}

/** The scroll place (a code point) the host remembers for the open project, asked as the page asks. */
async function rememberedScroll(page: Page, url: string): Promise<number> {
  const token = new URL(url).searchParams.get('token')!
  return page.evaluate(async (launchToken) => {
    const r = await fetch('/api/app.info', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Marginalia-Token': launchToken },
      body: '{}',
    })
    const result = (await r.json()) as { value?: { remembered?: { scroll: number } | null } }
    return result.value?.remembered?.scroll ?? 0
  }, token)
}

test('a reload and a restart come back to the document open last, at the same text, whatever the window size', async ({ page, app }) => {
  await page.goto(app.url)
  await page.locator('input[type=file]').setInputFiles({ name: 'briefing.txt', mimeType: 'text/plain', buffer: Buffer.from(longText()) })
  const nav = page.getByRole('navigation', { name: 'Documents' })
  await nav.getByText('Paragraph 0: officials', { exact: false }).click()
  await expect(page.locator('.ProseMirror')).toContainText('Paragraph 3:')

  // Scroll far down, in steps as a reader does; where the user is is remembered once scrolling pauses.
  for (const top of [8_000, 16_000, 24_000]) {
    await page.locator('.text-scroll').evaluate((el, y) => (el.scrollTop = y), top)
    await page.waitForTimeout(150)
  }
  await expect.poll(() => topParagraph(page)).toBeGreaterThan(100)
  const where = await topParagraph(page)
  // The place is sent once scrolling pauses (0.8 s): wait until the host holds it.
  await expect.poll(() => rememberedScroll(page, app.url), { timeout: 15_000 }).toBeGreaterThan(0)

  await page.reload()
  await expect(nav.locator('.doc.current')).toContainText('Paragraph 0: officials')
  await expect.poll(() => topParagraph(page)).toBe(where)

  // Scrolled again and the page left at once, before the pause: the last place is kept too.
  await page.locator('.text-scroll').evaluate((el) => (el.scrollTop -= 3_000))
  await expect.poll(() => topParagraph(page)).toBeLessThan(where)
  const later = await topParagraph(page)
  await page.reload()
  await expect.poll(() => topParagraph(page)).toBe(later)

  // The app restarts, and the window is wider: its lines wrap elsewhere, the same text shows.
  await app.crashAndRestart()
  await page.setViewportSize({ width: 1600, height: 900 })
  await page.goto(app.url)
  await expect(nav.locator('.doc.current')).toContainText('Paragraph 0: officials')
  await expect.poll(() => topParagraph(page)).toBe(later)
})

test('each document comes back where it was left: switching between two, and after a reload', async ({ page, app }) => {
  await page.goto(app.url)
  await page.locator('input[type=file]').setInputFiles([
    { name: 'briefing.txt', mimeType: 'text/plain', buffer: Buffer.from(longText()) },
    { name: 'second.txt', mimeType: 'text/plain', buffer: Buffer.from(longText().replaceAll('Paragraph', 'Section')) },
  ])
  const nav = page.getByRole('navigation', { name: 'Documents' })
  const first = nav.getByText('Paragraph 0: officials', { exact: false })
  const second = nav.getByText('Section 0: officials', { exact: false })
  await first.click()
  await expect(page.locator('.ProseMirror')).toContainText('Paragraph 3:')
  await page.locator('.text-scroll').evaluate((el) => (el.scrollTop = 12_000))
  await expect.poll(() => topParagraph(page)).toBeGreaterThan(50)
  const where = await topParagraph(page)
  await expect.poll(() => rememberedScroll(page, app.url), { timeout: 15_000 }).toBeGreaterThan(0)

  // The other document opens at its top the first time, and is left further down.
  await second.click()
  await expect(page.locator('.ProseMirror')).toContainText('Section 3:')
  const topSection = () =>
    page.locator('.text-scroll').evaluate((scroller) => {
      const box = scroller.getBoundingClientRect()
      const shown = Array.from(scroller.querySelectorAll('.ProseMirror > p')).find(
        (p) => p.getBoundingClientRect().bottom > box.top + 2 && p.textContent,
      )
      return Number(/^Section (\d+)/.exec(shown?.textContent ?? '')?.[1] ?? -1)
    })
  expect(await topSection()).toBe(0)
  await page.locator('.text-scroll').evaluate((el) => (el.scrollTop = 6_000))
  await expect.poll(topSection).toBeGreaterThan(20)
  const whereSecond = await topSection()
  await expect.poll(() => rememberedScroll(page, app.url), { timeout: 15_000 }).toBeGreaterThan(0)

  await first.click()
  await expect.poll(() => topParagraph(page)).toBe(where)
  await second.click()
  await expect.poll(topSection).toBe(whereSecond)

  // After a reload the document open last comes back, and the other one still opens at its place.
  await page.reload()
  await expect(nav.locator('.doc.current')).toContainText('Section 0: officials')
  await expect.poll(topSection).toBe(whereSecond)
  await first.click()
  await expect.poll(() => topParagraph(page)).toBe(where)

  // Scrolled and left at once, before scrolling paused: its place is kept all the same, after a reload too.
  await page.locator('.text-scroll').evaluate((el) => (el.scrollTop += 4_000))
  await expect.poll(() => topParagraph(page)).toBeGreaterThan(where)
  const moved = await topParagraph(page)
  await second.click()
  await expect(page.locator('.ProseMirror')).toContainText('Section')
  await page.reload()
  await expect(nav.locator('.doc.current')).toContainText('Section 0: officials')
  await first.click()
  await expect.poll(() => topParagraph(page)).toBe(moved)
})
