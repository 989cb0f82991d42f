import { defineConfig } from '@playwright/test'
import { chromiumPath } from './e2e/chromium'

/**
 * End-to-end tests: browser mode in Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium),
 * each test on a fresh temp copy of the sample project; and the Electron spec, which runs only
 * where the Electron runtime exists.
 */
export default defineConfig({
  testDir: 'e2e',
  // Without Chromium: one sentence saying where it was looked for and what to do.
  globalSetup: './e2e/chromium.ts',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
})
