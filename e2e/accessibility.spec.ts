/**
 * Issue 13, item 12: axe-core finds no violation in Annotate, Review, Agreement and Retrieve, in
 * the menus, and in every dialog the user can open, in the light and the dark theme (the system's
 * choice, as Playwright emulates it), at 1280 × 800 and with the drawers of an 800 × 600 window.
 */
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { axeViolations } from './axe'
import { chooseMenu, expect, repo, startMarginalia, test } from './harness'
import { dragSelect } from './text'

const TITLE = 'Russia and Iran as new axis against the West'

/** Audits collected along the way: where → what axe found there. */
class Audit {
  readonly found: Record<string, string[]> = {}
  constructor(private readonly page: Page) {}
  async check(where: string): Promise<void> {
    const violations = await axeViolations(this.page)
    if (violations.length > 0) this.found[where] = violations
  }
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`in the ${scheme} theme`, () => {
    test.use({ colorScheme: scheme })

    test('Annotate, the menus, find, and every dialog of the Project, Help and annotator menus', async ({ page, app }) => {
      test.setTimeout(180_000)
      const audit = new Audit(page)
      await page.goto(app.url)
      await expect(page.locator('html')).toHaveAttribute('data-scheme', scheme)
      await page.getByRole('navigation', { name: 'Documents' }).getByText(TITLE).click()
      // A stance, selected: the editor shows its fields, the text its highlight.
      await dragSelect(page, 'Russia demonstratively refrained')
      await page.keyboard.press('3')
      await expect(page.getByLabel('Polarity')).toBeVisible()
      await audit.check('Annotate with an annotation selected')

      await page.getByRole('menubar').getByRole('menuitem', { name: 'Project' }).click()
      await page.getByRole('menu', { name: 'Project' }).getByRole('menuitem', { name: 'Open recent' }).click()
      await audit.check('the Project menu with Open recent open')
      await page.keyboard.press('Escape')
      await page.keyboard.press('Escape')
      await page.getByRole('menubar').getByRole('menuitem', { name: 'View' }).click()
      await page.getByRole('menu', { name: 'View' }).getByRole('menuitem', { name: 'Theme' }).click()
      await audit.check('the View menu with Theme open')
      await page.keyboard.press('Escape')
      await page.keyboard.press('Escape')

      const dialogs: [string, string, string][] = [
        ['Project', 'New project…', 'New project'],
        ['Project', 'Open project…', 'Open project'],
        ['Project', 'Import annotations…', 'Import annotations'],
        ['Project', 'Export…', 'Export annotations'],
        ['Project', 'Labels…', 'Labels and links'],
        ['Project', 'Backups…', 'Backups'],
        ['Help', 'Keyboard shortcuts', 'Keyboard shortcuts'],
        ['Help', 'About Marginalia', 'About Marginalia'],
      ]
      for (const [menu, item, title] of dialogs) {
        await chooseMenu(page, menu, item)
        const dialog = page.getByRole('dialog', { name: title })
        await expect(dialog).toBeVisible()
        if (title === 'Backups') await expect(dialog.getByText('Looking for kept versions…')).toHaveCount(0)
        await audit.check(`the ${title} dialog`)
        if (title === 'Labels and links') {
          // A label with every kind of attribute open, and a link type.
          await dialog.getByRole('button', { name: /^Stance/ }).click()
          for (const kind of ['Text', 'Number', 'Yes / no']) await dialog.getByRole('button', { name: kind, exact: true }).click()
          await dialog.getByRole('button', { name: '+ Add link type' }).click()
          await audit.check('the Labels and links dialog with attributes and a link type')
          await dialog.getByRole('button', { name: /^Stance/ }).click()
          await audit.check('the Labels and links dialog, a label with attributes of every kind')
          // Escape asks before dropping those changes: yes.
          page.once('dialog', (d) => void d.accept())
        }
        await page.keyboard.press('Escape')
        await expect(dialog).toBeHidden()
      }

      await page.getByRole('button', { name: 'tester' }).click()
      await expect(page.getByRole('dialog', { name: 'Change annotator' })).toBeVisible()
      await audit.check('the Change annotator dialog')
      await page.keyboard.press('Escape')

      await page.locator('.ProseMirror').click()
      await page.keyboard.press('Control+f')
      await page.keyboard.type('Russia')
      const find = page.getByRole('search', { name: 'Find in the text' })
      await expect(find.getByText(/^\d+ of \d+$/)).toBeVisible()
      await find.getByRole('button', { name: 'List' }).click()
      await find.getByRole('button', { name: 'Tag all…' }).click()
      await expect(page.getByRole('form', { name: 'Tag the hits' })).toBeVisible()
      await audit.check('find with its list and the Tag all form')
      // Hits in every document: the results panel fits its place; the window never scrolls sideways.
      await find.getByRole('button', { name: 'In all documents' }).click()
      const results = page.getByRole('complementary', { name: 'Find results' })
      await expect(results.getByRole('button', { name: /^All documents [\d,]+$/ })).toBeVisible()
      await expect(results.getByRole('button', { name: 'Hide the results' })).toBeInViewport({ ratio: 1 })
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
      await audit.check('find with the hits in every document')

      await page.locator('input[type=file]').setInputFiles(join(repo, 'fixtures/corpus/formats/corpus.csv'))
      await expect(page.getByRole('dialog', { name: 'Import CSV' })).toBeVisible()
      await audit.check('the Import CSV dialog')

      expect(audit.found).toEqual({})
    })

    test('Review, Agreement, Retrieve and Analysis', async ({ page, app }) => {
      test.setTimeout(120_000)
      const audit = new Audit(page)
      await page.goto(app.url)
      await page.getByRole('navigation', { name: 'Documents' }).getByText(TITLE).click()
      await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Review' }).click()
      const setup = page.getByRole('dialog', { name: 'Review: compare annotators' })
      await expect(setup).toBeVisible()
      await audit.check('the Review setup dialog')
      await setup.getByRole('button', { name: 'Start review' }).click()
      await page.keyboard.press('n')
      await expect(page.getByTestId('unit-state')).toHaveText('Open')
      await audit.check('Review with a disagreement shown')
      await page.keyboard.press('e')
      await audit.check('Review with the Edit form open')
      await page.keyboard.press('Escape')

      await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Agreement' }).click()
      await expect(page.getByRole('table', { name: 'Agreement by label' })).toBeVisible()
      await audit.check('Agreement')
      // The confusion matrix fits the window whole, its Total column included (it used to be cut).
      const total = page.locator('.heatmap-grid thead th').last()
      await expect(total).toHaveText('Total')
      const right = await total.evaluate((el) => el.getBoundingClientRect().right)
      expect(right).toBeLessThanOrEqual(await page.evaluate(() => document.querySelector('.agreement-body')!.getBoundingClientRect().right))

      await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Retrieve' }).click()
      const retrieve = page.getByRole('main', { name: 'Retrieve' })
      await retrieve.getByLabel('Group by').selectOption('source')
      await expect(retrieve.getByText(/annotations in \d+ groups/)).toBeVisible()
      await audit.check('Retrieve, grouped by source')

      await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Analysis' }).click()
      const analysis = page.getByRole('main', { name: 'Analysis' })
      await expect(analysis.getByRole('table', { name: 'Actors by target' })).toBeVisible()
      await analysis
        .getByRole('table', { name: 'Actors by target' })
        .getByRole('button', { name: 'Russian government on Hamas: 2 for' })
        .click()
      await audit.check('Analysis: the matrix with a cell chosen')
      for (const tab of ['Network', 'Over time', 'Statements']) {
        await analysis.getByRole('tab', { name: tab }).click()
        await expect(analysis.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true')
        await page.waitForTimeout(300)
        await audit.check(`Analysis: ${tab}`)
      }

      expect(audit.found).toEqual({})
    })

    test('an 800 × 600 window with its drawers, and the first start', async ({ page, app }) => {
      const audit = new Audit(page)
      await page.setViewportSize({ width: 800, height: 600 })
      await page.goto(app.url)
      await expect(page.locator('.ProseMirror')).toBeVisible()
      await audit.check('Annotate at 800 × 600')
      // A dialog taller than the window keeps its buttons in view; its content scrolls under them.
      await chooseMenu(page, 'Project', 'Export…')
      const exportDialog = page.getByRole('dialog', { name: 'Export annotations' })
      await expect(exportDialog.getByRole('button', { name: 'Export', exact: true })).toBeInViewport({ ratio: 1 })
      await expect(exportDialog.getByRole('button', { name: 'Cancel' })).toBeInViewport({ ratio: 1 })
      await page.keyboard.press('Escape')
      // An annotation made and selected: its quote is shown, and the editor scrolls to its last field.
      await dragSelect(page, 'Russia and Iran as new axis')
      await page.keyboard.press('1')
      await dragSelect(page, 'Putin and Ayatollah')
      await page.keyboard.press('1')
      const editor = page.getByRole('region', { name: 'Selected annotation' })
      // The panel follows the text after the frame that draws the highlight: the second one's editor, not the first's.
      await expect(editor.locator('.editor-quote')).toContainText('Putin and Ayatollah')
      await editor.getByRole('button', { name: 'Delete annotation' }).scrollIntoViewIfNeeded()
      await expect(editor.getByRole('button', { name: 'Delete annotation' })).toBeInViewport()
      await audit.check('an annotation selected at 800 × 600')
      // Deleted with the button, the editor goes and the keyboard goes back to the text.
      await editor.getByRole('button', { name: 'Delete annotation' }).click()
      await expect(editor).toBeHidden()
      await expect(page.locator('.ProseMirror')).toBeFocused()
      const hint = page.locator('.document .hint')
      await expect(hint).toHaveText('Annotation deleted. Ctrl+Z brings it back.')
      // Choosing another annotation, the remark about the deletion goes.
      await page.locator('.mg-hl-claim', { hasText: 'new axis' }).first().click()
      await expect(editor).toBeVisible()
      await expect(hint).not.toContainText('Annotation deleted')
      // The agreement figures: a table wider than the window scrolls on its own; the page never sideways.
      await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Agreement' }).click()
      const pairs = page.getByRole('table', { name: 'Agreement by pair' })
      await expect(pairs).toBeVisible()
      const overflow = await page.evaluate(() => {
        const body = document.querySelector('.agreement-body')!
        const scroll = document.querySelector('.figures-scroll')!
        return { body: body.scrollWidth - body.clientWidth, table: scroll.scrollWidth - scroll.clientWidth }
      })
      expect(overflow.body).toBeLessThanOrEqual(0)
      expect(overflow.table).toBeGreaterThan(0)
      await audit.check('Agreement at 800 × 600')
      await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Annotate' }).click()
      await page.getByRole('button', { name: 'Documents' }).click()
      await expect(page.getByRole('navigation', { name: 'Documents' })).toBeVisible()
      await audit.check('the document drawer')

      const fresh = await startMarginalia()
      try {
        await page.goto(fresh.url)
        await expect(page.getByRole('dialog', { name: 'Welcome to Marginalia' })).toBeVisible()
        await audit.check('the first start, asking for the name')
        // Enter on an empty name says what is missing (it did nothing before).
        await page.getByLabel('Your name as annotator').fill('   ')
        await page.keyboard.press('Enter')
        await expect(page.getByRole('dialog', { name: 'Welcome to Marginalia' }).getByRole('alert')).toHaveText(
          'Type your name first: your annotations are kept under it.',
        )
        // Named, the keyboard goes into the first document's text (it was left on the page).
        await page.getByLabel('Your name as annotator').fill('lena')
        await page.getByRole('button', { name: 'Continue' }).click()
        await expect(page.locator('.ProseMirror')).toBeFocused()
      } finally {
        await fresh.stop()
      }
      expect(audit.found).toEqual({})
    })
  })
}
