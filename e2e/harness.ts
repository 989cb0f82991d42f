/**
 * Starts Marginalia's browser mode for a test, the way a user does (`node bin/serve.js`), on a
 * fresh temp copy of the sample project with its own config folder, and stops it afterwards.
 */
import { readFile, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { expect, test as base, type Page } from '@playwright/test'
import { sampleCopy } from './browser-api'
import { startBrowserMode } from './browser-mode'

export const repo = resolve(import.meta.dirname, '..')

export interface Marginalia {
  /** The address printed at start-up, with its token (changes on restart). */
  url: string
  projectDir: string
  configDir: string
  /** Everything the server printed. */
  output: () => string
  /** Read a file of the project as UTF-8. */
  read: (relative: string) => Promise<string>
  /** Kill the server with SIGKILL, as a crash would, and start it again on the same folders. */
  crashAndRestart: () => Promise<void>
  stop: () => Promise<void>
}

/** Start browser mode; `annotator` pre-sets the name so the first-run question is skipped. */
export async function startMarginalia(options: { annotator?: string } = {}): Promise<Marginalia> {
  const { root, projectDir, configDir } = await sampleCopy(options.annotator ?? null)
  let running = await startBrowserMode(projectDir, configDir)
  const app: Marginalia = {
    url: running.url,
    projectDir,
    configDir,
    output: () => running.output(),
    read: (relative) => readFile(join(projectDir, relative), 'utf8'),
    crashAndRestart: async () => {
      await running.stop('SIGKILL')
      running = await startBrowserMode(projectDir, configDir)
      app.url = running.url
    },
    stop: async () => {
      await running.stop()
      await rm(root, { recursive: true, force: true })
    },
  }
  return app
}

/** A test with a running Marginalia (annotator "tester") on a temp copy of the sample project. */
export const test = base.extend<{ app: Marginalia }>({
  app: async ({}, use) => {
    const app = await startMarginalia({ annotator: 'tester' })
    await use(app)
    await app.stop()
  },
})

export { expect } from '@playwright/test'

/**
 * Wait until every change made so far is on disk, as the header says. A change shows in the text
 * at once, and the header (like the rest of the panels) and its save request follow after the
 * frame that draws it; until that frame the header still says the last state, "Saved" included,
 * so the frame is waited for first.
 */
export async function expectSaved(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))))
  await expect(page.getByTestId('save-state')).toHaveText('Saved')
}

/** Choose an item of the page's menu bar with the mouse, as a user does: Project → Export…. */
export async function chooseMenu(page: Page, menu: string, item: string): Promise<void> {
  await page.getByRole('menubar').getByRole('menuitem', { name: menu, exact: true }).click()
  await page.getByRole('menu', { name: menu }).getByRole('menuitem', { name: item, exact: true }).click()
}
