import { spawn } from 'node:child_process'
import { cp } from 'node:fs/promises'
import { createServer, type Server } from 'node:net'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../core/testing'
import { listenProblem } from './main'

const repo = resolve(import.meta.dirname, '../..')
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

/** Run `node bin/serve.js args…` as a user does; its exit code and what it printed. */
function serve(args: string[], configDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [join(repo, 'bin', 'serve.js'), ...args, '--no-build'], {
      env: { ...process.env, MARGINALIA_CONFIG_DIR: configDir },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    const timer = setTimeout(() => child.kill(), 20_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      ok({ code, stdout, stderr })
    })
  })
}

describe('starting browser mode', () => {
  it('on a port another program holds says so in one sentence, without a stack trace, and exits 1', async () => {
    const { dir, cleanup } = await tempDir()
    cleanups.push(cleanup)
    await cp(join(repo, 'fixtures', 'sample-project'), join(dir, 'project'), { recursive: true })
    const busy: Server = createServer()
    await new Promise<void>((ok) => busy.listen(0, '127.0.0.1', () => ok()))
    cleanups.push(() => new Promise<void>((ok) => busy.close(() => ok())))
    const port = (busy.address() as { port: number }).port
    const run = await serve([join(dir, 'project'), '--port', String(port)], join(dir, 'config'))
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(
      `Port ${port} is already in use by another program, so Marginalia cannot serve there; start it with another --port, or without --port to use a free one.\n`,
    )
    expect(run.stdout).toBe('')
  }, 30_000)

  it('names a port that needs administrator rights, or any other reason, in one sentence', () => {
    const error = (code: string) => Object.assign(new Error(`listen ${code}`), { code })
    expect(listenProblem(error('EACCES'), 80)).toBe(
      'Port 80 needs administrator rights on this computer; use a port above 1023, or leave --port out to use a free one.',
    )
    expect(listenProblem(error('EADDRNOTAVAIL'), 9000)).toBe(
      'Marginalia could not listen on 127.0.0.1:9000 (EADDRNOTAVAIL); try another --port, or leave it out to use a free one.',
    )
  })
})
