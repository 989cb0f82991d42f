/**
 * Starts Marginalia's browser mode the way a user does (`node bin/serve.js <project> --port 0
 * --no-build`) with its own settings folder, waits for the address it prints, and stops it. Used
 * by the e2e harness and by the benchmark. Plain Node: no Playwright here.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { join, resolve } from 'node:path'

const repo = resolve(import.meta.dirname, '..')

/** A running browser mode. */
export interface BrowserMode {
  /** The printed address, with its token. */
  url: string
  child: ChildProcess
  /** Everything it printed. */
  output: () => string
  /** Stop it with `signal` (SIGTERM by default) and wait for it to exit. */
  stop: (signal?: NodeJS.Signals) => Promise<void>
}

/**
 * Run browser mode on `projectDir` with settings in `configDir`; `entry` may name a bundle of the
 * same code (e2e/browser-api.ts bundleServe) for specs that restart it many times.
 */
export async function startBrowserMode(
  projectDir: string,
  configDir: string,
  options: { entry?: string; timeoutMs?: number } = {},
): Promise<BrowserMode> {
  const { entry = join(repo, 'bin', 'serve.js'), timeoutMs = 30_000 } = options
  const child = spawn(process.execPath, [entry, projectDir, '--port', '0', '--no-build'], {
    env: { ...process.env, MARGINALIA_CONFIG_DIR: configDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()))
  const url = await new Promise<string>((ok, ko) => {
    const timer = setTimeout(() => ko(new Error(`browser mode did not start in ${timeoutMs / 1000} s:\n${output}`)), timeoutMs)
    const check = () => {
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(output)
      if (!m) return
      clearTimeout(timer)
      ok(m[1]!)
    }
    child.stdout!.on('data', check)
    child.on('exit', (code) => {
      clearTimeout(timer)
      ko(new Error(`browser mode exited with ${code}:\n${output}`))
    })
  })
  const stop = (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
    const exited = new Promise<void>((ok) => child.once('exit', () => ok()))
    child.kill(signal)
    return exited
  }
  return { url, child, output: () => output, stop }
}
