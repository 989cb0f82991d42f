/**
 * Starts Marginalia's browser mode on a benchmark project the way a user does
 * (`node bin/serve.js <project> --port 0 --no-build`, as e2e/harness.ts does), with the case's
 * own settings folder, and stops it afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { join, resolve } from 'node:path'

const repo = resolve(import.meta.dirname, '..')

/** A running browser mode: its address (with token) and how to stop it. */
export interface Served {
  url: string
  output: () => string
  stop: () => Promise<void>
}

/** Run browser mode on `projectDir` and wait for the address it prints. */
export async function serveMarginalia(projectDir: string, configDir: string): Promise<Served> {
  const child: ChildProcess = spawn(process.execPath, [join(repo, 'bin', 'serve.js'), projectDir, '--port', '0', '--no-build'], {
    env: { ...process.env, MARGINALIA_CONFIG_DIR: configDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()))
  const url = await new Promise<string>((ok, ko) => {
    const timer = setTimeout(() => ko(new Error(`browser mode did not start in 60 s:\n${output}`)), 60_000)
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
  return {
    url,
    output: () => output,
    stop: () => {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
      const exited = new Promise<void>((ok) => child.once('exit', () => ok()))
      child.kill('SIGTERM')
      return exited
    },
  }
}
