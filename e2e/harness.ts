/**
 * Starts Marginalia's browser mode for a test, the way a user does (`node bin/serve.js`), on a
 * fresh temp copy of the sample project with its own config folder, and stops it afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base } from '@playwright/test'

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

/** Run `node bin/serve.js` and wait for the address it prints. */
async function serve(projectDir: string, configDir: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [join(repo, 'bin', 'serve.js'), projectDir, '--port', '0', '--no-build'], {
    env: { ...process.env, MARGINALIA_CONFIG_DIR: configDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()))
  const url = await new Promise<string>((ok, ko) => {
    const timer = setTimeout(() => ko(new Error(`browser mode did not start in 30 s:\n${output}`)), 30_000)
    const check = () => {
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(output)
      if (m) {
        clearTimeout(timer)
        ok(m[1]!)
      }
    }
    child.stdout!.on('data', check)
    child.on('exit', (code) => {
      clearTimeout(timer)
      ko(new Error(`browser mode exited with ${code}:\n${output}`))
    })
  })
  return { child, url, output: () => output }
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()))
  child.kill(signal)
  return exited
}

/** Start browser mode; `annotator` pre-sets the name so the first-run question is skipped. */
export async function startMarginalia(options: { annotator?: string } = {}): Promise<Marginalia> {
  const root = await mkdtemp(join(tmpdir(), 'marginalia-e2e-'))
  const projectDir = join(root, 'project')
  const configDir = join(root, 'config')
  await cp(join(repo, 'fixtures', 'sample-project'), projectDir, { recursive: true })
  await mkdir(configDir, { recursive: true })
  if (options.annotator) {
    await writeFile(
      join(configDir, 'settings.json'),
      JSON.stringify({ format: 'marginalia-settings', version: 1, annotator: options.annotator, recent: [] }),
    )
  }
  let running = await serve(projectDir, configDir)
  const app: Marginalia = {
    url: running.url,
    projectDir,
    configDir,
    output: () => running.output(),
    read: (relative) => readFile(join(projectDir, relative), 'utf8'),
    crashAndRestart: async () => {
      await stopChild(running.child, 'SIGKILL')
      running = await serve(projectDir, configDir)
      app.url = running.url
    },
    stop: async () => {
      await stopChild(running.child, 'SIGTERM')
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
