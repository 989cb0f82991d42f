import { spawn } from 'node:child_process'
import { cp, writeFile } from 'node:fs/promises'
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

/** `node bin/serve.js project` running: its address, calls to its API, what it printed, and a way to stop it. */
async function running(project: string, configDir: string) {
  const child = spawn(process.execPath, [join(repo, 'bin', 'serve.js'), project, '--no-build'], {
    env: { ...process.env, MARGINALIA_CONFIG_DIR: configDir },
  })
  const exited = new Promise((ok) => child.on('exit', ok))
  cleanups.push(() => void child.kill())
  let out = ''
  let err = ''
  child.stderr.on('data', (c: Buffer) => (err += c.toString()))
  const url = await new Promise<URL>((ok, fail) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
      const found = /Open (http\S+)/.exec(out)
      if (found) ok(new URL(found[1]!))
    })
    void exited.then(() => fail(new Error(`serve exited: ${err}`)))
  })
  return {
    stdout: () => out,
    stderr: () => err,
    call: async (method: string, args: unknown) =>
      (await (
        await fetch(new URL(`/api/${method}`, url), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Marginalia-Token': url.searchParams.get('token')! },
          body: JSON.stringify(args),
        })
      ).json()) as { ok: boolean; value: Record<string, unknown> },
    stop: async () => {
      child.kill()
      await exited
    },
  }
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

  it('on a folder with no project says so and exits 1; on a damaged project.json serves the start page, which offers its last good copy', async () => {
    const { dir, cleanup } = await tempDir()
    cleanups.push(cleanup)
    const config = join(dir, 'config')
    const none = await serve([join(dir, 'nothing-here')], config)
    expect(none.code).toBe(1)
    expect(none.stderr).toMatch(/nothing-here is not a Marginalia project \(it has no project\.json\)/)

    const project = join(dir, 'project')
    await cp(join(repo, 'fixtures', 'sample-project'), project, { recursive: true })
    // Changed once through Marginalia, so it keeps a last good copy; then damaged by another program.
    const first = await running(project, config)
    const docs = (await first.call('documents.list', {})).value as unknown as { id: string }[]
    expect(await first.call('documents.rename', { id: docs[0]!.id, title: 'Renamed' })).toMatchObject({ ok: true })
    await first.stop()
    await writeFile(join(project, 'project.json'), '{"format": "marginalia-project", "documents": [')

    const again = await running(project, config)
    expect(again.stderr()).toMatch(/project\.json is not valid JSON, so the project cannot be opened; restore its last good copy/)
    expect(again.stdout()).toContain(`open the address to restore ${project}/project.json or open another project`)
    const info = await again.call('app.info', {})
    expect(info.value).toMatchObject({ project: null, failedProject: project, notice: expect.stringMatching(/cannot be opened/) })
    const restored = await again.call('backups.restore', { store: { store: 'project', path: project }, backup: 'latest.json' })
    expect(restored).toMatchObject({ ok: true, value: { project: { path: project } } })
    await again.stop()
  }, 60_000)

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
