/**
 * A book-length text (about 5 MB, in several scripts) in the real page: the view draws a window
 * of it, yet tagging near its end, a keyboard selection that runs out of the drawn part, find and
 * the annotation list reach every paragraph, and the offsets on disk are the exact code points of
 * what was selected — astral characters, combining marks and right-to-left text before them.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ProjectFile, StoreFile } from '../shared/model/project'
import { sliceCodePoints } from '../shared/offsets'
import { expect, test, type Marginalia, expectSaved } from './harness'
import { dragSelect, locatePhrase } from './text'

const TITLE = 'Chronicle of a long year'
const LAST = 'The last word goes to 𝒜𝒷𝒸 Zoe\u0301 who said 😀 plainly'
const FAR = 'Zanzibarite'
const PARAGRAPHS = 8_000

/** About 5 MB: numbered paragraphs mixing Latin, Cyrillic, Hebrew, Arabic, emoji and combining marks. */
function bookText(): string {
  const out = [TITLE]
  for (let i = 1; i <= PARAGRAPHS; i++) {
    const word = i === 4_000 ? ` the ${FAR} envoy arrived.` : ''
    out.push(
      `¶${i} Kyiv 🇺🇦 said on Tuesday that the talks 👩🏽‍⚕️ would go on; Caf\u00e9 e\u0301 owner Дмитрий agreed.` +
        ` In Jerusalem שלום עליכם was heard, in Amman عليكم السلام 😀, and the minister 𝔸 repeated it.` +
        ` Officials in several capitals discussed the situation at length, without a clear outcome, again and again.` +
        ` A spokesman told reporters that nothing had changed since the last meeting, and that none would.` +
        ` Observers were not surprised; most had expected exactly this, and said so in their columns.${word}`,
    )
  }
  out.push(`${LAST}. End.`)
  return out.join('\n')
}

async function documentId(app: Marginalia): Promise<string> {
  const project = JSON.parse(await app.read('project.json')) as ProjectFile
  return project.documents.find((d) => d.importedFrom === 'chronicle.txt')!.id
}

async function ownStore(app: Marginalia, docId: string): Promise<StoreFile> {
  return JSON.parse(await app.read(`annotations/tester/${docId}.json`)) as StoreFile
}

/** The code point offset where `phrase` starts in `text`. */
function cpIndexOf(text: string, phrase: string): number {
  return Array.from(text.slice(0, text.indexOf(phrase))).length
}

test('a 5 MB text: few paragraphs in the page, tag at its end, select past the drawn part, find and jump anywhere, exact offsets on disk', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000)
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(e.message))
  const source = bookText()
  expect(source.length).toBeGreaterThan(2_400_000)
  await page.goto(app.url)
  await page.locator('input[type=file]').setInputFiles({ name: 'chronicle.txt', mimeType: 'text/plain', buffer: Buffer.from(source) })
  const nav = page.getByRole('navigation', { name: 'Documents' })
  await nav.getByText(TITLE, { exact: true }).click()
  const editor = page.locator('.ProseMirror')
  await expect(editor).toContainText('¶1 Kyiv')
  const docId = await documentId(app)
  const text = await app.read(`texts/${docId}.txt`)
  expect(text).toBe(source)

  // A window of the text is drawn, not the book; the view knows how many lines the book has.
  await expect(editor).toHaveAttribute('data-text-lines', String(PARAGRAPHS + 2))
  expect(await editor.locator(':scope > p').count()).toBeLessThan(300)

  // Ctrl+End goes to the end of the book; the last paragraph is drawn and tagged there.
  await editor.click()
  await page.keyboard.press('Control+End')
  await expect(editor.locator(':scope > p', { hasText: 'The last word' })).toBeInViewport()
  await dragSelect(page, LAST)
  await page.keyboard.press('1')
  await expect(editor.locator('.mg-hl-claim', { hasText: 'plainly' }).first()).toBeVisible()
  await expectSaved(page)
  let saved = (await ownStore(app, docId)).annotations
  expect(saved).toHaveLength(1)
  const last = saved[0]!
  expect(last.target.position.start).toBe(cpIndexOf(text, LAST))
  expect(last.target.position.end).toBe(cpIndexOf(text, LAST) + Array.from(LAST).length)
  expect(sliceCodePoints(text, last.target.position.start, last.target.position.end)).toBe(LAST)
  expect(last.target.quote.exact).toBe(LAST)

  // Back to the top: the tagged paragraph is no longer in the page; the list jumps to it.
  await page.keyboard.press('Control+Home')
  await expect(editor).toContainText('¶1 Kyiv')
  await expect(editor.locator('.mg-hl-claim')).toHaveCount(0)
  const panel = page.getByRole('complementary', { name: 'Annotations' })
  await panel
    .getByRole('button', { name: /last word goes to/ })
    .first()
    .click()
  await expect(editor.locator('.mg-selected', { hasText: 'plainly' }).first()).toBeInViewport()

  // Find a word thousands of paragraphs up, and step to it.
  await editor.click()
  await page.keyboard.press('Control+f')
  const find = page.getByRole('search', { name: 'Find in the text' })
  await page.keyboard.type(FAR.toLowerCase())
  await expect(find.getByText('1 of 1')).toBeVisible()
  const current = page.locator('.mg-hit-current')
  await expect(current).toHaveText(FAR)
  await expect(current).toBeInViewport()
  await expect(current.locator('xpath=ancestor::p')).toContainText('¶4000 ')
  await page.keyboard.press('Escape')

  // A keyboard selection from here runs past the lines drawn at the start and stays one selection.
  const start = 'Officials in several capitals'
  const caret = await locatePhrase(page, `¶3999 Kyiv`)
  await page.mouse.click(caret.startX - 0.5, caret.startY)
  for (let i = 0; i < 12; i++) await page.keyboard.press('Shift+PageDown')
  await page.keyboard.press('3')
  await expectSaved(page)
  await expect.poll(async () => (await ownStore(app, docId)).annotations.length).toBe(2)
  saved = (await ownStore(app, docId)).annotations
  const long = saved.find((a) => a.label === 'stance')!
  expect(long.target.position.start).toBe(cpIndexOf(text, '¶3999 Kyiv'))
  expect(sliceCodePoints(text, long.target.position.start, long.target.position.end)).toBe(long.target.quote.exact)
  const crossed = long.target.quote.exact.split('\n')
  expect(crossed.length).toBeGreaterThan(20)
  expect(crossed[1]).toMatch(/^¶4000 Kyiv/)
  expect(long.target.quote.exact).toContain(start)

  // Select-all and copy give the whole text as stored, not the lines drawn.
  await editor.click()
  await page.keyboard.press('Control+a')
  const copied = await page.evaluate(() => {
    const data = new DataTransfer()
    document
      .querySelector('.ProseMirror')!
      .dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }))
    return data.getData('text/plain')
  })
  expect(copied.length).toBe(text.length)
  expect(copied === text).toBe(true)

  // Printing draws every line, in order; afterwards the window is back, at the paragraph the
  // user was reading (drawing every line changes the height of everything above it).
  const topParagraph = () =>
    page.evaluate(() => {
      const box = document.querySelector('.text-scroll')!.getBoundingClientRect()
      const at = document.elementFromPoint(box.left + box.width / 2, box.top + 40)?.closest('p')?.textContent ?? ''
      return /^¶\d+/.exec(at)?.[0] ?? ''
    })
  const remembered = async () => {
    const settings = JSON.parse(await readFile(join(app.configDir, 'settings.json'), 'utf8')) as {
      projects: Record<string, { scroll: number }>
    }
    return Object.values(settings.projects).map((p) => p.scroll)
  }
  /** Whether the remembered place is in paragraph n or the one before it (the top edge may cut that one). */
  const rememberedAt = async (n: number) => {
    const [from, to] = [cpIndexOf(text, `¶${n - 1} Kyiv`), cpIndexOf(text, `¶${n + 1} Kyiv`)]
    return (await remembered()).some((at) => at >= from && at < to)
  }
  const reading = await topParagraph()
  expect(reading).toMatch(/^¶40\d\d$/)
  const drawnLines = () => page.evaluate(() => document.querySelectorAll('.ProseMirror > p').length)
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')))
  expect(await drawnLines()).toBe(PARAGRAPHS + 2)
  // Where the user is, asked while every line is drawn, is still where they were reading.
  await page.evaluate(() => dispatchEvent(new Event('pagehide')))
  await expect.poll(() => rememberedAt(Number(reading.slice(1)))).toBe(true)
  await page.evaluate(() => dispatchEvent(new Event('afterprint')))
  expect(await drawnLines()).toBeLessThan(300)
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  expect(await topParagraph()).toBe(reading)

  // Reopened, the text comes back where it was left, thousands of paragraphs down.
  // Where the user is (the code point at the top of the view) is remembered once scrolling pauses.
  // The view may still settle after printing put its window back, so the paragraph at the top is
  // read again each time; the top edge itself may still cut the paragraph before it.
  const rememberedHere = async () => rememberedAt(Number((await topParagraph()).slice(1)))
  await expect.poll(rememberedHere).toBe(true)
  const before = await topParagraph()
  expect(before).toMatch(/^¶40\d\d$/)
  await page.reload()
  await expect(editor).toHaveAttribute('data-text-lines', String(PARAGRAPHS + 2))
  await expect(editor.locator(':scope > p', { hasText: `${before} Kyiv` })).toBeInViewport()
  // Tab into the text from the control before it: the view stays where it was (the browser's own
  // caret for a newly focused text box would sit at the top of the book), and the caret is on screen.
  const scrolled = await page.locator('.text-scroll').evaluate((el) => el.scrollTop)
  await page.evaluate(() => {
    const view = document.querySelector('.ProseMirror')!
    const focusable = Array.from(document.querySelectorAll<HTMLElement>('button, select, input, a[href], [tabindex="0"]')).filter(
      (el) =>
        !el.hasAttribute('disabled') && el.offsetParent !== null && view.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING,
    )
    focusable[focusable.length - 1]!.focus()
  })
  await page.keyboard.press('Tab')
  await expect(editor).toBeFocused()
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  expect(Math.abs((await page.locator('.text-scroll').evaluate((el) => el.scrollTop)) - scrolled)).toBeLessThan(2)
  await expect(editor.locator(':scope > p', { hasText: `${before} Kyiv` })).toBeInViewport()
  const caretShown = await page.evaluate(() => {
    const sel = getSelection()!
    const box = document.querySelector('.text-scroll')!.getBoundingClientRect()
    const at = sel.rangeCount ? sel.getRangeAt(0).getBoundingClientRect() : null
    const ok = at !== null && document.querySelector('.ProseMirror')!.contains(sel.anchorNode) && at.bottom > box.top && at.top < box.bottom
    return ok
      ? true
      : JSON.stringify({
          st: document.querySelector('.text-scroll')!.scrollTop,
          text: sel.anchorNode?.textContent?.slice(0, 12),
          off: sel.anchorOffset,
          at,
          box: box.top,
          h: box.bottom,
        })
  })
  expect(caretShown).toBe(true)
  // The arrow keys move from there, not from the top of the book.
  await page.keyboard.press('ArrowDown')
  await expect(editor.locator(':scope > p', { hasText: `${before} Kyiv` })).toBeInViewport()
  expect(problems).toEqual([])
})
