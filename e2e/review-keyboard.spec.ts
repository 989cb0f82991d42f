/**
 * The list of review units is one Tab stop (a roving tabindex): Tab goes into it once, on the
 * current unit, and the next Tab leaves it; ↑ ↓ Home End Page Up / Page Down choose a unit as a
 * click does and take the focus with them, into rows the windowed list draws only then; review's
 * keys (n, the numbers) work from the list and the focus follows the unit they go on to.
 */
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './harness'

const TITLE = 'Russia and Iran as new axis against the West'

// A short window: the list's box shows a few rows, so the windowed list draws only some of its 16.
test.use({ viewport: { width: 1280, height: 600 } })

/** Open the document in Review, with agreed units listed too (so the list is longer than its box). */
async function startReview(page: Page, url: string): Promise<Locator> {
  await page.goto(url)
  await page.getByRole('navigation', { name: 'Documents' }).getByText(TITLE).click()
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Review' }).click()
  await page.getByRole('dialog', { name: 'Review: compare annotators' }).getByRole('button', { name: 'Start review' }).click()
  const units = page.getByRole('complementary', { name: 'Review units' })
  await expect(units.getByTestId('review-progress')).toHaveText(/^0 \/ \d+ settled/)
  await units.getByRole('checkbox', { name: 'Agreed units' }).check()
  return units
}

/** The focused element's unit key, or null when the focus is not on a unit's row. */
function focusedUnit(page: Page): Promise<string | null> {
  return page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('.unit-button')?.dataset.unit ?? null)
}

/** The key of the unit shown as current (pressed) in the list. */
function pressedUnit(units: Locator): Promise<string | null> {
  return units.locator('.unit-button[aria-pressed="true"]').getAttribute('data-unit')
}

test('the unit list is one Tab stop: Tab goes in once, on the current unit, and the next Tab leaves', async ({ page, app }) => {
  const units = await startReview(page, app.url)
  const rows = units.locator('.unit-button')
  const count = Number(await units.locator('.unit-row').first().getAttribute('aria-setsize'))
  expect(count).toBeGreaterThan(10)
  // Every row drawn but one is out of the Tab order.
  await expect(units.locator('.unit-button[tabindex="0"]')).toHaveCount(1)
  expect(await rows.count()).toBeGreaterThan(1)
  await expect(units.locator('.unit-button:not([tabindex="-1"])')).toHaveCount(1)

  // From the last control above the list: Tab is on the current unit (review starts on the first open disagreement) …
  const current = await pressedUnit(units)
  expect(current).not.toBeNull()
  await units.getByRole('checkbox', { name: 'Settled units' }).focus()
  await page.keyboard.press('Tab')
  expect(await focusedUnit(page)).toBe(current)
  // … the next Tab is out of the list (past the page's last control: the list is the last), Shift+Tab
  // back on the same row, and Shift+Tab again out of the list, on the control before it.
  await page.keyboard.press('Tab')
  expect(await focusedUnit(page)).toBeNull()
  await page.keyboard.press('Shift+Tab')
  expect(await focusedUnit(page)).toBe(current)
  await page.keyboard.press('Shift+Tab')
  await expect(units.getByRole('checkbox', { name: 'Settled units' })).toBeFocused()
  await page.keyboard.press('Tab')
  expect(await focusedUnit(page)).toBe(current)

  // With another unit current (n, pressed outside the list), Tab into the list lands on its row.
  await page.keyboard.press('Shift+Tab')
  await expect(units.getByRole('checkbox', { name: 'Settled units' })).toBeFocused()
  await page.keyboard.press('n')
  const later = await pressedUnit(units)
  expect(later).not.toBe(current)
  await expect(units.locator('.unit-button[tabindex="0"]')).toHaveAttribute('data-unit', later!)
  await page.keyboard.press('Tab')
  expect(await focusedUnit(page)).toBe(later)
})

test('arrow keys, Home, End and Page keys move between units, choosing each, into rows drawn only then', async ({ page, app }) => {
  const units = await startReview(page, app.url)
  const rows = units.locator('.unit-button')
  const count = Number(await units.locator('.unit-row').first().getAttribute('aria-setsize'))
  const place = async () => Number(await page.evaluate(() => document.activeElement?.closest('.unit-row')?.getAttribute('aria-posinset')))
  await units.getByRole('checkbox', { name: 'Settled units' }).focus()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Home')
  await expect(rows.first()).toBeFocused()
  expect(await pressedUnit(units)).toBe(await focusedUnit(page))

  // ↓ chooses the second unit, as a click on it does: it is pressed, focused, the one Tab stop, the one shown.
  const quoteOf = async () => (await page.locator('.unit-button:focus .row-quote').textContent())?.trim() ?? ''
  await page.keyboard.press('ArrowDown')
  expect(await place()).toBe(2)
  const second = await focusedUnit(page)
  expect(await pressedUnit(units)).toBe(second)
  await expect(units.locator('.unit-button[tabindex="0"]')).toHaveAttribute('data-unit', second!)
  await expect(page.getByTestId('unit-decision')).toBeVisible()
  const secondQuote = await quoteOf()
  await page.keyboard.press('ArrowDown')
  expect(await place()).toBe(3)
  await page.keyboard.press('ArrowUp')
  expect(await place()).toBe(2)
  expect(await quoteOf()).toBe(secondQuote)
  expect(await pressedUnit(units)).toBe(second)

  // The list box does not scroll the page instead, and ↑ stays on the first row.
  await page.keyboard.press('Home')
  expect(await place()).toBe(1)
  await page.keyboard.press('ArrowUp')
  expect(await place()).toBe(1)

  // End: the last unit, a row the windowed list had not drawn; it is focused and scrolled into view.
  await expect(units.locator(`.unit-row[aria-posinset="${count}"]`)).toHaveCount(0)
  await page.keyboard.press('End')
  expect(await place()).toBe(count)
  await expect(units.locator('.unit-button:focus')).toBeInViewport()
  expect(await pressedUnit(units)).toBe(await focusedUnit(page))
  await page.keyboard.press('ArrowDown')
  expect(await place()).toBe(count)

  // Page Up and Page Down: more than one row at a time, the focused row always in view.
  await page.keyboard.press('PageUp')
  const up = await place()
  expect(up).toBeLessThan(count - 1)
  await expect(units.locator('.unit-button:focus')).toBeInViewport()
  await page.keyboard.press('Home')
  await page.keyboard.press('PageDown')
  expect(await place()).toBe(1 + count - up)
  await expect(units.locator('.unit-button:focus')).toBeInViewport()
  // Still one Tab stop, the focused row.
  await expect(units.locator('.unit-button[tabindex="0"]')).toHaveCount(1)
  await expect(units.locator('.unit-button[tabindex="0"]')).toBeFocused()
})

test('review keys work from the list, and the focus follows the unit they go on to', async ({ page, app }) => {
  const units = await startReview(page, app.url)
  const settled = units.getByTestId('review-progress')
  await units.getByRole('checkbox', { name: 'Settled units' }).focus()
  await page.keyboard.press('Tab')
  // n: the next open disagreement, and the focus with it.
  await page.keyboard.press('n')
  await expect(page.getByTestId('unit-state')).toHaveText('Open')
  const first = await pressedUnit(units)
  expect(await focusedUnit(page)).toBe(first)
  // A number accepts that annotator's version; the next open disagreement is shown, its row focused.
  const numbered = page.getByTestId('unit-decision').locator('.card:not(.missing) kbd').first()
  await page.keyboard.press((await numbered.textContent())!.trim())
  await expect(settled).toHaveText(/^1 \//)
  await expect.poll(() => pressedUnit(units)).not.toBe(first)
  const next = await pressedUnit(units)
  await expect.poll(() => focusedUnit(page)).toBe(next)
  // The arrows go on from there; x rejects the unit chosen with them.
  await page.keyboard.press('ArrowUp')
  const above = await focusedUnit(page)
  expect(above).not.toBe(next)
  expect(await pressedUnit(units)).toBe(above)
  await page.keyboard.press('ArrowDown')
  expect(await focusedUnit(page)).toBe(next)
  await page.keyboard.press('x')
  await expect(settled).toHaveText(/^2 \//)
  // Settled units hidden: the focused unit's row goes when it is settled, and the focus stays in the list.
  await units.getByRole('checkbox', { name: 'Settled units' }).uncheck()
  await page.keyboard.press('Tab')
  const open = await focusedUnit(page)
  expect(open).not.toBeNull()
  await page.keyboard.press('x')
  await expect(settled).toHaveText(/^3 \//)
  await expect(units.locator(`.unit-button[data-unit="${open}"]`)).toHaveCount(0)
  await expect.poll(() => focusedUnit(page)).not.toBeNull()
  await expect(units.locator('.unit-button[tabindex="0"]')).toBeFocused()
})
