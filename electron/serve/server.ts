/**
 * Browser mode: the same workbench, served to a browser on this machine only. The server listens
 * on 127.0.0.1, serves the built renderer, and answers POST /api/<method> through the same
 * dispatch table as the desktop app's IPC. Every API call must carry the per-launch token
 * (X-Marginalia-Token); a Host or Origin other than this server's own is refused, which stops
 * DNS-rebinding and cross-site pages from reaching the API.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, resolve, sep } from 'node:path'
import { dispatch, shorten, type Handlers, type Result } from '../../shared/api'
import { CSP } from '../../shared/csp'

/** Largest request body accepted (an import of several texts, base64). */
const MAX_BODY = 64 * 1024 * 1024
/** How much of a refused body is read and dropped before the connection is cut. */
const DRAIN_LIMIT = 16 * 1024 * 1024

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

export interface ServeOptions {
  handlers: Handlers
  /** The built renderer (out/renderer). */
  rendererDir: string
  /** 0 picks a free port. */
  port: number
  /** Fixed token for tests; a random one otherwise. */
  token?: string
}

export interface RunningServer {
  url: string
  port: number
  token: string
  server: Server
  close(): Promise<void>
}

/** Start browser mode on 127.0.0.1; resolves once listening. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(32).toString('base64url')
  const root = resolve(options.rendererDir)
  let port = 0
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, fail('failed', `Something went wrong: ${shorten(String((e as Error)?.message ?? e), 300)}`))
      else res.destroy()
    })
  })
  // A request line or headers Node cannot parse: one sentence, never Node's bare answer or a crash.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy()
    const [status, reason, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'The request headers are too large; send the request again without the extra headers.']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'Request Timeout', 'The request took too long to arrive; send it again.']
          : [
              400,
              'Bad Request',
              'The request is malformed (its request line or headers cannot be read); open the address Marginalia printed when it started.',
            ]
    const body = JSON.stringify(fail('invalid', message))
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    )
  })

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const own = [`127.0.0.1:${port}`, `localhost:${port}`]
    if (!own.includes(req.headers.host ?? ''))
      return sendJson(res, 403, fail('invalid', 'This server only answers requests addressed to itself.'))
    const origin = req.headers.origin
    if (origin !== undefined && !own.some((h) => origin === `http://${h}`)) {
      return sendJson(res, 403, fail('invalid', 'Requests from other sites are refused.'))
    }
    let url: URL
    try {
      url = new URL(req.url ?? '/', `http://${own[0]}`)
    } catch {
      return badAddress(req, res)
    }
    if (url.pathname.startsWith('/api/')) {
      const method = decodePath(url.pathname.slice(5))
      return method === null ? badAddress(req, res) : api(req, res, method)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, fail('invalid', 'Only GET is allowed here.'))
    return serveStatic(req, res, url.pathname)
  }

  async function api(req: IncomingMessage, res: ServerResponse, method: string) {
    if (req.method !== 'POST') return sendJson(res, 405, fail('invalid', 'API calls are POST requests.'))
    const sent = req.headers['x-marginalia-token']
    if (!tokenMatches(sent, token)) {
      drop(req)
      // A page opened before Marginalia was restarted holds the token of that earlier start.
      const sentence = sent
        ? 'This page was opened before Marginalia was last started, and its launch token no longer holds; open the address Marginalia printed this time (copy any text not saved here first).'
        : 'This request lacks the launch token; open the address Marginalia printed when it started.'
      return sendJson(res, 401, fail('invalid', sentence))
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      drop(req)
      return sendJson(res, 415, fail('invalid', 'API calls send JSON.'))
    }
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > MAX_BODY) return refuseTooLarge(req, res)
    const bytes = await readBody(req)
    if (bytes === null) return refuseTooLarge(req, res)
    let body: string
    try {
      body = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      return sendJson(res, 400, fail('invalid', 'The request body is not UTF-8 text; API calls send JSON.'))
    }
    let args: unknown
    try {
      args = body.length === 0 ? {} : JSON.parse(body)
    } catch {
      return sendJson(res, 400, fail('invalid', 'The request body is not valid JSON.'))
    }
    sendJson(res, 200, await dispatch(options.handlers, method, args))
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string) {
    const decoded = decodePath(pathname)
    if (decoded === null) return badAddress(req, res)
    const rel = pathname === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
    const file = resolve(root, rel)
    if (!file.startsWith(root + sep)) return sendText(res, 404, 'Not found')
    let data: Buffer
    try {
      data = await fs.readFile(file)
    } catch {
      return sendText(res, 404, 'Not found')
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': rel === 'index.html' ? 'no-store' : 'max-age=3600',
    })
    res.end(data)
  }

  await new Promise<void>((ok, ko) => {
    server.once('error', ko)
    server.listen(options.port, '127.0.0.1', () => ok())
  })
  port = (server.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}/?token=${token}`
  return {
    url,
    port,
    token,
    server,
    close: () => new Promise((ok) => server.close(() => ok())),
  }
}

function fail(code: 'invalid' | 'failed', message: string): Result<never> {
  return { ok: false, error: { code, retry: 'never', message } }
}

/** A path's percent-encoding decoded, or null when it is malformed (%E0%A4%A, a lone %). */
function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path)
  } catch {
    return null
  }
}

/** 400 for an address that cannot be read; the body is dropped. */
function badAddress(req: IncomingMessage, res: ServerResponse) {
  drop(req)
  sendJson(
    res,
    400,
    fail('invalid', 'That address is malformed (its percent-encoding cannot be decoded); API calls go to /api/<method name>.'),
  )
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The body, or null as soon as it grows past MAX_BODY (the rest is not read). */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((ok, ko) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY) return void chunks.push(chunk)
      req.off('data', onData)
      req.pause()
      ok(null)
    }
    req.on('data', onData)
    req.on('end', () => ok(Buffer.concat(chunks)))
    req.on('error', ko)
  })
}

/**
 * 413 without keeping the body: what follows is read and dropped (so the client gets to read the
 * answer), up to DRAIN_LIMIT more bytes, then the connection is cut.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse) {
  sendJson(res, 413, fail('invalid', 'That request is too large (64 MB at most); import fewer or smaller files at once.'))
  drop(req)
}

/** Read and drop a request's body, up to DRAIN_LIMIT bytes, then cut the connection. */
function drop(req: IncomingMessage) {
  let drained = 0
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length
    if (drained > DRAIN_LIMIT) req.destroy()
  })
  req.resume()
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const json = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  })
  res.end(json)
}

function sendText(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' })
  res.end(text)
}
