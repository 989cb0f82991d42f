/**
 * Browser mode for the benchmark, started exactly as the e2e tests start it (e2e/browser-mode.ts:
 * `node bin/serve.js <project> --port 0 --no-build` with the case's own settings folder).
 */
import { startBrowserMode } from '../e2e/browser-mode'

/** A running browser mode: its address (with token) and how to stop it. */
export interface Served {
  url: string
  output: () => string
  stop: () => Promise<void>
}

/** Run browser mode on `projectDir` and wait for the address it prints. */
export async function serveMarginalia(projectDir: string, configDir: string): Promise<Served> {
  const running = await startBrowserMode(projectDir, configDir, { timeoutMs: 60_000 })
  return { url: running.url, output: running.output, stop: () => running.stop() }
}
