/**
 * `npm run serve -- [projectDir] [--port N]`: browser mode from the command line. Without a
 * project folder it opens the user's copy of the sample project. Prints the address to open,
 * with its per-launch token, and serves until stopped.
 */
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { shorten } from '../../shared/api'
import { DomainError } from '../../shared/errors'
import { createHandlers } from '../core/app/handlers'
import { ensureSampleCopy } from '../core/project/sample'
import { defaultConfigDir } from '../core/project/settings'
import { Workbench } from '../core/app/workbench'
import { startServer } from './server'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

const USAGE = `Usage: npm run serve -- [projectDir] [--port N]

Serves the Marginalia workbench to your browser, on this machine only (127.0.0.1).
Without projectDir, opens your copy of the sample project.

Options:
  --port N    listen on port N (default: a free port)
  --help      show this help`

/** Why listening on 127.0.0.1:`port` failed, in one sentence with what to do. */
export function listenProblem(e: unknown, port: number): string {
  const code = (e as NodeJS.ErrnoException).code
  if (code === 'EADDRINUSE')
    return `Port ${port} is already in use by another program, so Marginalia cannot serve there; start it with another --port, or without --port to use a free one.`
  if (code === 'EACCES' || code === 'EPERM')
    return `Port ${port} needs administrator rights on this computer; use a port above 1023, or leave --port out to use a free one.`
  return `Marginalia could not listen on 127.0.0.1:${port} (${code ?? (e as Error).message}); try another --port, or leave it out to use a free one.`
}

/**
 * Start browser mode as the command line asks; returns when the server is listening. Whatever
 * stops it from starting is said in one sentence (exit 1; 2 for wrong usage), never a stack trace.
 */
export async function main(argv: string[]): Promise<void> {
  try {
    await start(argv)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(e as Error).message}\n\n${USAGE}`)
      process.exit(2)
    }
    console.error(`Marginalia could not start browser mode: ${shorten(String((e as Error)?.message ?? e), 300)}`)
    process.exit(1)
  }
}

async function start(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, help: { type: 'boolean' }, 'no-build': { type: 'boolean' } },
    allowPositionals: true,
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port takes a port number from 0 to 65535, not "${values.port}".`)
    process.exit(2)
  }
  const version = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string }).version
  const configDir = defaultConfigDir()
  const wb = await Workbench.start({ configDir, host: 'browser', version })
  const projectDir = positionals[0] ?? (await ensureSampleCopy(configDir, join(repo, 'fixtures', 'sample-project')))
  let failed: string | null = null
  try {
    await wb.open(resolve(projectDir))
  } catch (e) {
    console.error((e as Error).message)
    // A damaged project.json ('invalid'): the page offers its last good copy, so serve all the same.
    // No project there, or one that cannot be read at all: nothing to offer, so stop.
    if (!(e instanceof DomainError) || e.code !== 'invalid') process.exit(1)
    failed = resolve(projectDir)
    wb.setNotice((e as Error).message, failed)
  }
  let server
  try {
    server = await startServer({ handlers: createHandlers(wb), rendererDir: join(repo, 'out', 'renderer'), port })
  } catch (e) {
    wb.close()
    console.error(listenProblem(e, port))
    process.exit(1)
  }
  const project = wb.info().project
  if (project) console.log(`Marginalia is serving "${project.name}" (${project.path}) in browser mode, on this machine only.`)
  else
    console.log(
      `Marginalia is serving in browser mode, on this machine only: open the address to restore ${failed}/project.json or open another project.`,
    )
  console.log(`Open ${server.url}`)
  const stop = () => {
    void server.close().then(() => process.exit(0))
    setTimeout(() => process.exit(0), 2000).unref()
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
