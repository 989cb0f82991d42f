/**
 * The desktop app itself, driven through Playwright's Electron support. It needs the Electron
 * runtime, which is downloaded on first run; where it is missing (an offline machine) the spec is
 * skipped with that reason, and the shell's parts that need no binary are unit-tested instead
 * (electron/main/shell.test.ts).
 */
import { existsSync, readFileSync } from 'node:fs'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { repo } from './harness'

function electronBinary(): string | null {
  const pathFile = join(repo, 'node_modules', 'electron', 'path.txt')
  if (!existsSync(pathFile)) return null
  const bin = join(repo, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(bin) ? bin : null
}

const binary = electronBinary()

test.describe('desktop app', () => {
  test.skip(
    binary === null,
    'The Electron runtime is not installed on this machine (it is downloaded on first run, and this machine cannot download it).',
  )

  test('opens the sample project in a hardened window and shows a document', async () => {
    const root = await mkdtemp(join(tmpdir(), 'marginalia-electron-'))
    await cp(join(repo, 'fixtures', 'sample-project'), join(root, 'project'), { recursive: true })
    const app = await electron.launch({
      executablePath: binary!,
      args: [repo, join(root, 'project')],
      env: { ...process.env, ELECTRON_DISABLE_SECURITY_WARNINGS: '1' },
    })
    try {
      const page = await app.firstWindow()
      // The page sees no Node and exactly one bridge function.
      const exposed = await page.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        bridge: Object.keys((globalThis as { marginalia?: object }).marginalia ?? {}),
      }))
      expect(exposed).toEqual({ require: 'undefined', process: 'undefined', bridge: ['call', 'menu'] })
      const dialog = page.getByRole('dialog')
      if (await dialog.isVisible()) {
        await dialog.getByRole('textbox').fill('tester')
        await dialog.getByRole('button', { name: 'Continue' }).click()
      }
      await expect(page.getByRole('navigation', { name: 'Documents' })).toBeVisible()
    } finally {
      await app.close()
      await rm(root, { recursive: true, force: true })
    }
  })
})
