/**
 * Browser mode as a process, driven through its HTTP API the way the page drives it: start
 * `node bin/serve.js <project> --port 0 --no-build`, read the address it prints, POST
 * /api/<method> with the launch token. For specs that need many starts and hard kills.
 */
import type { ChildProcess } from 'node:child_process'
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startBrowserMode } from './browser-mode'

export const repo = resolve(import.meta.dirname, '..')

/** A call's outcome: the host's Result, or 'lost' when the connection died first (a crash). */
export type Outcome = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } } | 'lost'

export interface Served {
  child: ChildProcess
  port: number
  token: string
  call(method: string, args: unknown): Promise<Outcome>
  /** SIGKILL, as a crash or power cut would end it; resolves once the process is gone. */
  kill(): Promise<void>
  /** SIGTERM, and wait for it to exit. */
  stop(): Promise<void>
}

/** A temp copy of the sample project and a config folder, with the annotator's name set unless null (first run). */
export async function sampleCopy(annotator: string | null): Promise<{ root: string; projectDir: string; configDir: string }> {
  const root = await mkdtemp(join(tmpdir(), 'marginalia-e2e-'))
  const projectDir = join(root, 'project')
  const configDir = join(root, 'config')
  await cp(join(repo, 'fixtures', 'sample-project'), projectDir, { recursive: true })
  await mkdir(configDir, { recursive: true })
  if (annotator !== null) {
    await writeFile(join(configDir, 'settings.json'), JSON.stringify({ format: 'marginalia-settings', version: 1, annotator, recent: [] }))
  }
  return { root, projectDir, configDir }
}

/**
 * `electron/serve/main.ts` and everything it imports, bundled once into out/e2e/serve.mjs with
 * esbuild (which tsx, a dependency, brings): the same code `node bin/serve.js --no-build` runs,
 * without compiling TypeScript at every start — a start takes a third of the time, which a spec
 * that restarts the server a hundred times needs. Returns the entry to pass to `serve`.
 */
export async function bundleServe(): Promise<string> {
  const { build } = await import('esbuild')
  const outfile = join(repo, 'out', 'e2e', 'serve.mjs')
  await build({
    stdin: {
      contents: "import { main } from './electron/serve/main.ts'\nawait main(process.argv.slice(2))\n",
      resolveDir: repo,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  })
  return outfile
}

/** Start browser mode on a project (bin/serve.js, or a bundle from `bundleServe`); resolves once it prints its address. */
export async function serve(projectDir: string, configDir: string, entry = join(repo, 'bin', 'serve.js')): Promise<Served> {
  const running = await startBrowserMode(projectDir, configDir, { entry })
  const url = new URL(running.url)
  const port = Number(url.port)
  const token = url.searchParams.get('token')!
  return {
    child: running.child,
    port,
    token,
    call: (method, args) => post(port, token, method, args),
    kill: () => running.stop('SIGKILL'),
    stop: () => running.stop(),
  }
}

function post(port: number, token: string, method: string, args: unknown): Promise<Outcome> {
  const body = JSON.stringify(args)
  return new Promise((ok) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: `/api/${method}`,
        method: 'POST',
        agent: false,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'X-Marginalia-Token': token },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (text += c))
        res.on('end', () => {
          try {
            ok(JSON.parse(text) as Outcome)
          } catch {
            ok('lost')
          }
        })
        res.on('error', () => ok('lost'))
        res.on('aborted', () => ok('lost'))
      },
    )
    req.on('error', () => ok('lost'))
    req.end(body)
  })
}
