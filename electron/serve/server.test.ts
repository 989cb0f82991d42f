import { mkdir, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { connect } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../core/app/handlers'
import { projectWith, tempDir } from '../core/testing'
import { Workbench } from '../core/app/workbench'
import { CSP } from '../../shared/csp'
import { startServer, type RunningServer } from './server'

let server: RunningServer
const cleanups: (() => Promise<void>)[] = []

beforeAll(async () => {
  const { project, cleanup } = await projectWith({ 'a.txt': 'Officials said the talks failed.' })
  const config = await tempDir()
  const renderer = join(config.dir, 'renderer')
  await mkdir(renderer)
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Marginalia</title>')
  await writeFile(join(config.dir, 'secret.txt'), 'outside the renderer')
  cleanups.push(cleanup, config.cleanup)
  const wb = await Workbench.start({ configDir: config.dir, host: 'browser', version: 'test' })
  await wb.open(project.dir)
  server = await startServer({ handlers: createHandlers(wb), rendererDir: renderer, port: 0 })
})

afterAll(async () => {
  await server.close()
  for (const c of cleanups) await c()
})

/** A raw HTTP request, so Host and Origin can be set freely. */
function call(path: string, init: { method?: string; headers?: Record<string, string>; body?: string; allowUnfinished?: boolean } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((ok, ko) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', ko)
    // A request that declares a longer body than it sends is left open for the server to refuse.
    if (init.allowUnfinished) req.write(init.body ?? '')
    else req.end(init.body)
  })
}

const json = (extra: Record<string, string> = {}) => ({ 'Content-Type': 'application/json', ...extra })

describe('browser mode server', () => {
  it('prints a loopback URL with a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{40,}$/)
  })

  it('listens on 127.0.0.1 only', () => {
    expect(server.server.address()).toMatchObject({ address: '127.0.0.1' })
  })

  it('answers API calls that carry the token', async () => {
    const res = await call('/api/documents.list', { method: 'POST', headers: json({ 'X-Marginalia-Token': server.token }), body: '{}' })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: [{ title: 'Officials said the talks failed.' }] })
  })

  it('refuses API calls without the token, or with a wrong one, with 401', async () => {
    expect((await call('/api/documents.list', { method: 'POST', headers: json(), body: '{}' })).status).toBe(401)
    const wrong = await call('/api/documents.list', { method: 'POST', headers: json({ 'X-Marginalia-Token': 'x'.repeat(43) }), body: '{}' })
    expect(wrong.status).toBe(401)
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'invalid' } })
    // A wrong token is most likely an earlier start's (the server was restarted): said so.
    expect(JSON.parse(wrong.body).error.message).toMatch(/^This page was opened before Marginalia was last started/)
  })

  it('refuses a foreign Host (DNS rebinding) or Origin with 403', async () => {
    const host = await call('/api/documents.list', {
      method: 'POST',
      headers: json({ Host: 'evil.example', 'X-Marginalia-Token': server.token }),
      body: '{}',
    })
    expect(host.status).toBe(403)
    const origin = await call('/api/documents.list', {
      method: 'POST',
      headers: json({ Origin: 'http://evil.example', 'X-Marginalia-Token': server.token }),
      body: '{}',
    })
    expect(origin.status).toBe(403)
    expect((await call('/', { headers: { Host: `attacker.example:${server.port}` } })).status).toBe(403)
  })

  it('accepts the token only in its header: not in the query string, a cookie or the body', async () => {
    const query = await call(`/api/documents.list?token=${server.token}`, { method: 'POST', headers: json(), body: '{}' })
    expect(query.status).toBe(401)
    const cookie = await call('/api/documents.list', { method: 'POST', headers: json({ Cookie: `token=${server.token}` }), body: '{}' })
    expect(cookie.status).toBe(401)
    const body = await call('/api/documents.list', { method: 'POST', headers: json(), body: JSON.stringify({ token: server.token }) })
    expect(body.status).toBe(401)
  })

  it('takes API calls as POST with JSON only', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const res = await call('/api/documents.list', { method, headers: json({ 'X-Marginalia-Token': server.token }) })
      expect(res.status, method).toBe(405)
    }
    const form = await call('/api/documents.list', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Marginalia-Token': server.token },
      body: 'a=1',
    })
    expect(form.status).toBe(415)
    expect((await call('/', { method: 'POST', body: '{}' })).status).toBe(405)
  })

  it('refuses bodies over 64 MB with 413, whether declared or streamed, without reading them all', async () => {
    const declared = await call('/api/documents.import', {
      method: 'POST',
      headers: json({ 'X-Marginalia-Token': server.token, 'Content-Length': String(65 * 1024 * 1024) }),
      body: '{}',
      allowUnfinished: true,
    })
    expect(declared.status).toBe(413)
    const streamed = await new Promise<number>((ok, ko) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/documents.import',
          method: 'POST',
          headers: json({ 'X-Marginalia-Token': server.token }),
        },
        (res) => {
          res.resume()
          ok(res.statusCode ?? 0)
        },
      )
      req.on('error', ko)
      const chunk = Buffer.alloc(1024 * 1024, 0x61)
      let sent = 0
      const pump = () => {
        while (sent < 70 && req.write(chunk)) sent++
        if (sent < 70) req.once('drain', pump)
        else req.end()
      }
      pump()
    })
    expect(streamed).toBe(413)
    // Still serving.
    expect(
      (await call('/api/app.info', { method: 'POST', headers: json({ 'X-Marginalia-Token': server.token }), body: '{}' })).status,
    ).toBe(200)
  })

  it('answers invalid arguments with a validation Result, not a crash', async () => {
    const res = await call('/api/documents.open', {
      method: 'POST',
      headers: json({ 'X-Marginalia-Token': server.token }),
      body: '{"id":"../../x"}',
    })
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid' } })
    const broken = await call('/api/documents.open', {
      method: 'POST',
      headers: json({ 'X-Marginalia-Token': server.token }),
      body: '{"id":',
    })
    expect(broken.status).toBe(400)
  })

  it('answers a malformed address with 400 and one sentence, never 500, with or without the token', async () => {
    for (const path of ['/api/%E0%A4%A', '/api/%', '/api/app.info%ZZ', '/%E0%A4%A', '/assets/%C0%AF']) {
      for (const headers of [json(), json({ 'X-Marginalia-Token': server.token })]) {
        const res = await call(path, {
          method: path.startsWith('/api/') ? 'POST' : 'GET',
          headers,
          body: path.startsWith('/api/') ? '{}' : undefined,
        })
        expect(res.status, path).toBe(400)
        expect(JSON.parse(res.body), path).toEqual({
          ok: false,
          error: { code: 'invalid', retry: 'never', message: expect.stringMatching(/^That address is malformed .*\.$/) },
        })
      }
    }
    expect(
      (await call('/api/app.info', { method: 'POST', headers: json({ 'X-Marginalia-Token': server.token }), body: '{}' })).status,
    ).toBe(200)
  })

  it('answers malformed request lines, headers and bodies with 400 and one sentence', async () => {
    const raw = (text: string) =>
      new Promise<string>((ok, ko) => {
        const socket = connect(server.port, '127.0.0.1', () => socket.end(text))
        let got = ''
        socket.on('data', (c) => (got += c.toString()))
        socket.on('end', () => ok(got))
        socket.on('error', ko)
      })
    for (const line of [
      `POST /api/app.info HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nBad Header Line\r\n\r\n`,
      `POST /api/app.info HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Length: nine\r\n\r\n{}`,
      'GARBAGE\r\n\r\n',
    ]) {
      const answer = await raw(line)
      expect(answer, line).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/)
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({
        ok: false,
        error: { code: 'invalid', message: expect.stringMatching(/^The request is malformed .*\.$/) },
      })
    }
    const notUtf8 = await new Promise<{ status: number; body: string }>((ok, ko) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/documents.open',
          method: 'POST',
          headers: json({ 'X-Marginalia-Token': server.token }),
        },
        (res) => {
          let body = ''
          res.on('data', (c: Buffer) => (body += c.toString()))
          res.on('end', () => ok({ status: res.statusCode ?? 0, body }))
        },
      )
      req.on('error', ko)
      req.end(Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]))
    })
    expect(notUtf8.status).toBe(400)
    expect(JSON.parse(notUtf8.body)).toMatchObject({ error: { message: 'The request body is not UTF-8 text; API calls send JSON.' } })
  })

  it('keeps error messages short: 300,000 unknown keys get a sentence, not megabytes', async () => {
    const keys: Record<string, number> = {}
    for (let i = 0; i < 300_000; i++) keys[`key${i}`] = i
    const res = await call('/api/app.info', {
      method: 'POST',
      headers: json({ 'X-Marginalia-Token': server.token }),
      body: JSON.stringify(keys),
    })
    expect(res.status).toBe(200)
    const answer = JSON.parse(res.body) as { ok: boolean; error: { code: string; message: string } }
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid' } })
    expect(answer.error.message).toBe(
      'Invalid arguments for app.info: unknown keys "key0", "key1", "key2", "key3", "key4" and 299,995 more.',
    )
    expect(res.body.length).toBeLessThan(2500)
  })

  it('serves the renderer with a strict CSP and nothing outside it', async () => {
    const page = await call('/')
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toBe(CSP)
    expect(CSP).toContain("script-src 'self'")
    expect(CSP).not.toContain('unsafe')
    expect((await call('/../secret.txt')).status).toBe(404)
    expect((await call('/%2e%2e/secret.txt')).status).toBe(404)
  })
})
