/**
 * Which Chromium the end-to-end tests and the benchmarks drive: $CHROMIUM_PATH, or Debian's
 * /usr/bin/chromium. When it is not there, one sentence says so and what to do, instead of
 * Playwright's page of launch errors. Plain Node, so the Playwright config and the bench share it.
 */
import { accessSync, constants } from 'node:fs'

/** The Chromium executable to launch. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
}

/** Null when Chromium can be run, else the sentence for the user. */
export function missingChromium(path = chromiumPath()): string | null {
  try {
    accessSync(path, constants.X_OK)
    return null
  } catch {
    const how = process.env.CHROMIUM_PATH
      ? 'set CHROMIUM_PATH to a Chromium that exists'
      : 'install Chromium (Debian: apt-get install chromium) or set CHROMIUM_PATH to yours'
    return `Chromium was not found at ${path}, so the end-to-end tests cannot run; ${how}, then run them again.`
  }
}

/** Playwright's global setup: stop with the sentence when there is no Chromium to drive. */
export default function checkChromium(): void {
  const problem = missingChromium()
  if (problem) {
    console.error(problem)
    process.exit(1)
  }
}
