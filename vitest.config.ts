import { defineConfig } from 'vitest/config'

// Unit tests sit beside the code (*.test.ts); e2e/ holds the Playwright specs.
export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/src/**/*.test.ts',
      'bin/**/*.test.ts',
      'fixtures/**/*.test.ts',
      'integration/**/*.test.ts',
    ],
    environment: 'node',
    // The theme's test reads styles.css (?raw); other stylesheets stay unprocessed.
    css: { include: [/renderer\/src\/styles\.css/] },
    testTimeout: 20_000,
  },
})
