/**
 * `npm run serve -- [projectDir] [--port N]`: browser mode from the command line. Without a
 * project folder it opens the user's copy of the sample project. Prints the address to open,
 * with its per-launch token, and serves until stopped.
 */
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createHandlers } from '../core/handlers'
import { ensureSampleCopy } from '../core/sample'
import { defaultConfigDir } from '../core/settings'
import { Workbench } from '../core/workbench'
import { startServer } from './server'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

const USAGE = `Usage: npm run serve -- [projectDir] [--port N]

Serves the Marginalia workbench to your browser, on this machine only (127.0.0.1).
Without projectDir, opens your copy of the sample project.

Options:
  --port N    listen on port N (default: a free port)
  --help      show this help`

/** Start browser mode as the command line asks; returns when the server is listening. */
export async function main(argv: string[]): Promise<void> {
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
  try {
    await wb.open(resolve(projectDir))
  } catch (e) {
    console.error((e as Error).message)
    process.exit(1)
  }
  const server = await startServer({ handlers: createHandlers(wb), rendererDir: join(repo, 'out', 'renderer'), port })
  const project = wb.info().project!
  console.log(`Marginalia is serving "${project.name}" (${project.path}) in browser mode, on this machine only.`)
  console.log(`Open ${server.url}`)
  const stop = () => {
    void server.close().then(() => process.exit(0))
    setTimeout(() => process.exit(0), 2000).unref()
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
