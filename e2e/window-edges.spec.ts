/**
 * What the windowed text view (text-window.ts) must keep true at its edges, in a text long
 * enough that most of it is not drawn: a selection dragged out to another program carries the
 * whole selected text, as copy does; resizing the window keeps the paragraph being read at the
 * top of the view, though everything above it rewraps.
 */
import type { Page } from '@playwright/test'
import { sliceCodePoints } from '../shared/offsets'
import { expect, test } from './harness'

const TITLE = 'Minutes of a long session'
const PARAGRAPHS = 2_000

function minutesText(): string {
  const out = [TITLE]
  for (let i = 1; i <= PARAGRAPHS; i++)
    out.push(
      `¶${i} The delegate 👩🏽‍⚕️ from Kyiv said that Дмитрий and the others had agreed; in Amman عليكم السلام was heard. ` +
        `The session went on at length${i % 7 === 0 ? ', with a long digression on procedure, the order of speakers and the minutes of the last meeting' : ''}.`,
    )
  return out.join('\n')
}

async function openMinutes(page: Page, url: string) {
  await page.goto(url)
  await page.locator('input[type=file]').setInputFiles({ name: 'minutes.txt', mimeType: 'text/plain', buffer: Buffer.from(minutesText()) })
  await page.getByRole('navigation', { name: 'Documents' }).getByText(TITLE, { exact: true }).click()
  const editor = page.locator('.ProseMirror')
  await expect(editor).toContainText('¶1 The delegate')
  expect(await editor.locator(':scope > p').count()).toBeLessThan(400)
  return editor
}

/** The number of the paragraph 40 px below the top of the text's view. */
function topParagraph(page: Page): Promise<string> {
  return page.evaluate(() => {
    const box = document.querySelector('.text-scroll')!.getBoundingClientRect()
    const at = document.elementFromPoint(box.left + box.width / 2, box.top + 40)?.closest('p')?.textContent ?? ''
    return /^¶\d+/.exec(at)?.[0] ?? ''
  })
}

const frames = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))

test('a selection across undrawn paragraphs, dragged out, carries the whole selected text', async ({ page, app }) => {
  const editor = await openMinutes(page, app.url)
  const text = minutesText()
  // From the start of ¶100 to the end of ¶1500: Ctrl+A then a selection set by keys would do too;
  // a click and a Shift+click far away is what a reader does.
  const scrollTo = (at: number) =>
    page.evaluate((ratio) => {
      const s = document.querySelector('.text-scroll')!
      s.scrollTop = s.scrollHeight * ratio
    }, at / text.length)
  await scrollTo(text.indexOf('¶100 '))
  await editor.locator(':scope > p', { hasText: /^¶100 / }).scrollIntoViewIfNeeded()
  await editor.locator(':scope > p', { hasText: /^¶100 / }).click({ position: { x: 2, y: 4 } })
  await page.keyboard.press('Home')
  const at1500 = text.indexOf('¶1500 ')
  const end1500 = text.indexOf('\n', at1500)
  await scrollTo(at1500)
  const p1500 = editor.locator(':scope > p', { hasText: /^¶1500 / })
  await p1500.scrollIntoViewIfNeeded()
  await expect(p1500).toBeVisible()
  await p1500.click({
    position: { x: (await p1500.boundingBox())!.width - 2, y: (await p1500.boundingBox())!.height - 4 },
    modifiers: ['Shift'],
  })
  await page.keyboard.press('Shift+End')
  const dragged = await editor.evaluate((el) => {
    const data = new DataTransfer()
    el.dispatchEvent(new DragEvent('dragstart', { dataTransfer: data, bubbles: true, cancelable: true }))
    return data.getData('text/plain')
  })
  const expected = text.slice(text.indexOf('¶100 '), end1500)
  expect(dragged.length).toBe(expected.length)
  expect(dragged).toBe(expected)
  // The same as the stored text in code points (the emoji are several code units each).
  const start = Array.from(text.slice(0, text.indexOf('¶100 '))).length
  expect(sliceCodePoints(text, start, start + Array.from(expected).length)).toBe(dragged)
})

test('resizing the window keeps the paragraph being read at the top of the view', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await openMinutes(page, app.url)
  for (const [depth, size] of [
    [0.1, { width: 800, height: 600 }],
    [0.5, { width: 1000, height: 700 }],
    [0.85, { width: 1280, height: 800 }],
    [0.6, { width: 800, height: 600 }],
  ] as const) {
    await page.evaluate((d) => {
      const s = document.querySelector('.text-scroll')!
      s.scrollTop = s.scrollHeight * d
    }, depth)
    await frames(page)
    await frames(page)
    const before = await topParagraph(page)
    expect(before).toMatch(/^¶\d+$/)
    await page.setViewportSize(size)
    await frames(page)
    await frames(page)
    expect(await topParagraph(page), `at ${depth * 100}% of the text, resized to ${size.width}×${size.height}`).toBe(before)
  }
})
