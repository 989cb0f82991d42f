/**
 * Hostile input through both hosts: every contract method is fed malformed, oversized, random and
 * near-valid payloads (fast-check) over browser mode's HTTP API and over the desktop app's IPC
 * handler, both on one real workbench with a real project. The answers must be Results — a
 * validation error or a sentence for the user, never an unexpected failure — the hosts must keep
 * answering, and nothing may be written outside the folders the calls name: a sentinel folder
 * beside the project must stay byte for byte the same. This file drives both hosts, so it lives
 * above them (electron/), not in either.
 */
import { createHash } from 'node:crypto'
import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { join, sep } from 'node:path'
import type { IpcMainInvokeEvent } from 'electron'
import * as fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, isMethodName, type MethodName } from '../shared/api'
import type { ProjectFile } from '../shared/model/project'
import { createHandlers } from './core/app/handlers'
import { tempDir } from './core/testing'
import { Workbench } from './core/app/workbench'
import { CALL_CHANNEL, registerIpc, type IpcMainLike } from './main/ipc'
import { startServer, type RunningServer } from './serve/server'

const RUNS = Number(process.env.MARGINALIA_FUZZ_RUNS ?? 40)
const APP = 'file:///opt/marginalia/out/renderer/index.html'
const ERROR_CODES = ['invalid', 'not-found', 'unavailable', 'conflict', 'read-only']

let root: string
let projectDir: string
let sentinel: string
let targets: string
let cleanup: () => Promise<void>
let wb: Workbench
let server: RunningServer
let ipcCall: (payload: unknown) => Promise<unknown>
let sentinelBefore: Map<string, string>
let previousCwd: string | null = null
let docIds: string[] = []
/** Calls that got past validation and were carried out: the fuzzer reaches the handlers, not only the validators. */
let accepted = 0

async function snapshot(dir: string, rel = ''): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const entry of await readdir(join(dir, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${entry.name}` : entry.name
    if (entry.isDirectory()) for (const [k, v] of await snapshot(dir, path)) out.set(k, v)
    else
      out.set(
        path,
        createHash('sha256')
          .update(await readFile(join(dir, path)))
          .digest('hex'),
      )
  }
  return out
}

beforeAll(async () => {
  ;({ dir: root, cleanup } = await tempDir('marginalia-fuzz-'))
  projectDir = join(root, 'project')
  sentinel = join(root, 'sentinel')
  targets = join(root, 'targets')
  await cp(join(import.meta.dirname, '..', 'fixtures', 'sample-project'), projectDir, { recursive: true })
  await mkdir(join(sentinel, 'annotations', 'fuzz'), { recursive: true })
  await mkdir(targets)
  await writeFile(join(sentinel, 'secret.txt'), 'must never change')
  await writeFile(join(sentinel, 'project.json'), '{"not": "a project"}')
  await writeFile(join(sentinel, 'annotations', 'fuzz', 'x.json'), '[]')
  sentinelBefore = await snapshot(sentinel)
  // Relative paths would land in the working folder: make it an empty one in the sandbox, and check it stays so.
  await mkdir(join(root, 'cwd'))
  previousCwd = process.cwd()
  process.chdir(join(root, 'cwd'))
  docIds = (JSON.parse(await readFile(join(projectDir, 'project.json'), 'utf8')) as ProjectFile).documents.map((d) => d.id)

  wb = await Workbench.start({ configDir: join(root, 'config'), host: 'browser', version: 'test' })
  await wb.setAnnotator('fuzz')
  await wb.open(projectDir)
  const handlers = createHandlers(wb)
  await mkdir(join(root, 'renderer'))
  await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html>')
  server = await startServer({ handlers, rendererDir: join(root, 'renderer'), port: 0 })
  const registered = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>>()
  const ipc: IpcMainLike = { handle: (channel, fn) => registered.set(channel, fn) }
  registerIpc(ipc, handlers, () => APP)
  const event = { senderFrame: { url: APP, parent: null } } as unknown as IpcMainInvokeEvent
  ipcCall = (payload) => registered.get(CALL_CHANNEL)!(event, payload)
})

afterAll(async () => {
  if (previousCwd) process.chdir(previousCwd)
  await server?.close()
  wb?.close()
  await cleanup?.()
})

/** POST a raw body to /api/<method>; the status and the parsed answer. */
function http(method: string, body: string): Promise<{ status: number; json: unknown }> {
  return new Promise((ok, ko) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: `/api/${encodeURIComponent(method)}`,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Marginalia-Token': server.token },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (text += c))
        res.on('end', () => ok({ status: res.statusCode ?? 0, json: JSON.parse(text) as unknown }))
      },
    )
    req.on('error', ko)
    req.end(body)
  })
}

/** A Result the UI can show: ok, or one of the expected error codes with a sentence — never an unexpected failure. */
function expectResult(answer: unknown, what: string) {
  expect(answer, what).toBeTypeOf('object')
  const r = answer as { ok: boolean; error?: { code: string; message: string } }
  if (r.ok === true) return void accepted++
  expect(r.ok, what).toBe(false)
  expect(ERROR_CODES, `${what}: ${JSON.stringify(r.error)}`).toContain(r.error!.code)
  expect(r.error!.message.length, what).toBeGreaterThan(0)
  expect(r.error!.message, what).not.toMatch(/^Something went wrong/)
}

const traversal = [
  '../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  '\\\\server\\share\\x',
  '%2e%2e%2f%2e%2e%2fx',
  'a/../../b',
  '..',
  '.',
  '',
  ' ',
  'x\0.json',
  'con',
  'NUL',
  '_reviewed',
  '.marginalia',
  '__proto__',
  'constructor',
  'toString',
  '\u202e',
  '😀'.repeat(300),
  'x'.repeat(70_000),
]
/** Paths the read-only methods may be pointed at: system files and devices, the sentinel, junk. */
const readPaths = () => [
  '/',
  '/etc',
  '/etc/passwd',
  '/dev/zero',
  '/dev/null',
  '/proc/self/environ',
  sentinel,
  join(sentinel, 'secret.txt'),
  join(sentinel, 'project.json'),
  'relative/path',
  '~/x',
  '',
]
/** Where project.create may be pointed: new folders in the sandbox, or paths that must be refused. */
const createPaths = (s: string) => [join(targets, s.replace(/[^a-z0-9]/gi, '') || 'p'), 'relative', '../x', sentinel, projectDir]

const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...traversal),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(-1),
  fc.constant(2 ** 53 + 1),
  fc.constant('x'.repeat(1_000_001)),
  fc.constant(Array.from({ length: 10_001 }, (_, i) => i)),
  fc.constant(JSON.parse(`${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`) as unknown),
  fc.object({ maxDepth: 2 }),
)

/** A payload every method should accept, to mutate from (paths inside the sandbox). */
function example(method: MethodName): Record<string, unknown> {
  const doc = docIds[0]!
  const annotation = { id: 'fz-1', label: 'claim', start: 0, end: 5, attributes: {}, note: '' }
  const byMethod: Partial<Record<MethodName, Record<string, unknown>>> = {
    'settings.setAnnotator': { name: 'fuzz' },
    'settings.setPreferences': { snapToWords: false, theme: 'dark' },
    'settings.remember': { review: ['maria', 'jonas'], document: doc, scroll: 120 },
    'project.open': { path: projectDir },
    'project.create': { path: join(targets, 'new'), name: 'Fuzz' },
    'documents.rename': { id: doc, title: 'Renamed' },
    'documents.import': { files: [{ name: 'a.txt', data: Buffer.from('Some text to import.').toString('base64') }] },
    'documents.previewCsv': { file: { name: 'a.csv', data: Buffer.from('text\nhello\n').toString('base64') } },
    'documents.open': { id: doc },
    'annotations.apply': { document: doc, ops: [{ op: 'put', annotation }] },
    'export.annotations': { format: 'jsonl' },
    'project.changes': { since: 0 },
    'annotations.import': { path: projectDir },
    'review.open': { document: doc, annotators: ['maria', 'jonas'] },
    'review.decide': { document: doc, annotators: ['maria', 'jonas'], unit: 'maria:x', decision: { action: 'reject' } },
    'review.acceptAgreed': { document: doc, annotators: ['maria', 'jonas'] },
    'review.decideMany': { document: doc, annotators: ['maria', 'jonas'], items: [{ unit: 'maria:x', decision: { action: 'reopen' } }] },
    'review.progress': { annotators: null },
    'agreement.report': { annotators: null, document: null },
    'agreement.export': { format: 'csv' },
    'backups.list': { store: { store: 'annotations', annotator: 'fuzz', document: doc } },
    'backups.restore': { store: { store: 'project', path: projectDir }, backup: 'latest.json' },
    'backups.unpin': { store: { store: 'annotations', annotator: 'fuzz', document: doc }, backup: 'pinned-2026-01-01T00-00-00-000Z.json' },
    'search.document': {
      document: doc,
      query: { text: 'the', mode: 'plain', wholeWord: true, caseSensitive: false, diacriticsSensitive: false },
    },
    'search.project': { query: { text: '(a+)+$', mode: 'regex', wholeWord: false, caseSensitive: false, diacriticsSensitive: false } },
    'status.set': { document: doc, state: 'done' },
    'notes.document': { document: doc },
    'notes.setMemo': { document: doc, text: 'A memo.' },
    'notes.reply': { document: doc, on: { layer: 'maria', annotation: 'x' }, text: 'A reply.' },
    'notes.removeReply': { document: doc, id: 'r-1' },
    'notes.setProjectMemo': { text: 'A project memo.' },
    'guidelines.save': { text: '# Guidelines', base: null },
    'host.createProjectDialog': { name: 'x' },
    'host.pickPath': { kind: 'folder', title: 'Pick' },
    'host.saveFile': { defaultName: '../../x.csv', content: 'a' },
    'host.exportToFile': { format: 'csv' },
  }
  return structuredClone(byMethod[method] ?? {})
}

/** Every leaf of a payload, as a path of keys. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [path]
  const entries = Object.entries(value)
  return entries.length === 0 ? [path] : entries.flatMap(([k, v]) => leaves(v, [...path, Array.isArray(value) ? Number(k) : k]))
}

function setAt(target: Record<string, unknown>, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value
  let node = target as Record<string | number, unknown>
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  node[path.at(-1)!] = value
  return target
}

/** A near-valid payload: the example with one leaf replaced, removed, or an extra key added. */
function mutated(method: MethodName): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.nat(), hostileLeaf, fc.constantFrom('replace', 'delete', 'extra'), fc.string({ maxLength: 12 }))
    .map(([n, leaf, how, s]) => {
      const payload = example(method)
      const spots = leaves(payload)
      const spot = spots[n % spots.length]!
      const key = spot.at(-1)
      // Paths are the user's to choose, so only the sandbox and refused ones are used where they create.
      const isPath = key === 'path'
      const replacement = isPath ? pathFor(method, n, s) : leaf
      if (how === 'replace' || isPath) return setAt(payload, spot, replacement)
      if (how === 'delete' && spot.length > 0) {
        const parent =
          spot.length === 1
            ? payload
            : (spot.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], payload) as Record<
                string | number,
                unknown
              >)
        if (Array.isArray(parent)) parent.splice(Number(key), 1)
        else delete parent[key!]
        return payload
      }
      return { ...payload, [s || 'extra']: leaf }
    })
}

/** A path value that is safe to send to `method`: in the sandbox, refused, or (read-only methods) anywhere. */
function pathFor(method: MethodName, n: number, s: string): string {
  const choices = method === 'project.create' ? createPaths(s) : readPaths()
  return choices[n % choices.length]!
}

/**
 * Random payloads: anything at all, objects with the method's keys and hostile values, near-valid
 * ones. A `path` is always one `pathFor` gives: project.create must not make folders anywhere else.
 */
function payloads(method: MethodName): fc.Arbitrary<unknown> {
  const keys = Object.keys(example(method))
  const withKeys =
    keys.length > 0
      ? fc
          .tuple(fc.dictionary(fc.constantFrom(...keys), hostileLeaf, { maxKeys: keys.length }), fc.nat(), fc.string({ maxLength: 8 }))
          .map(([d, n, s]) => ('path' in d ? { ...d, path: pathFor(method, n, s) } : d))
      : fc.constant({})
  const safeAnything = fc.anything({ maxDepth: 3 }).filter((v) => !JSON.stringify(v ?? null)?.includes('"path"'))
  return fc.oneof({ weight: 1, arbitrary: safeAnything }, { weight: 1, arbitrary: withKeys }, { weight: 3, arbitrary: mutated(method) })
}

const methods = Object.keys(contract) as MethodName[]

describe('every contract method, fed hostile payloads', () => {
  it('over HTTP answers with a Result (validation errors, sentences), never a crash', async () => {
    for (const method of methods) {
      await fc.assert(
        fc.asyncProperty(payloads(method), async (payload) => {
          const body = JSON.stringify(payload) ?? ''
          const { status, json } = await http(method, body)
          expect([200, 400], `${method} ${body.slice(0, 200)}`).toContain(status)
          expectResult(json, `${method} ${body.slice(0, 200)}`)
        }),
        { numRuns: RUNS, seed: Number(process.env.MARGINALIA_FUZZ_SEED ?? Date.now() % 100000) },
      )
    }
    expect(accepted).toBeGreaterThan(methods.length)
  }, 240_000)

  it('over IPC answers with a Result (validation errors, sentences), never a crash', async () => {
    for (const method of methods) {
      await fc.assert(
        fc.asyncProperty(payloads(method), async (args) => {
          expectResult(await ipcCall({ method, args }), `${method} ${String(JSON.stringify(args)).slice(0, 200)}`)
        }),
        { numRuns: RUNS },
      )
    }
    for (const payload of [
      undefined,
      null,
      'garbage',
      42,
      [],
      { method: 'app.info', args: 'x' },
      { method: '../app.info' },
      { method: 'constructor' },
      { method: '__proto__' },
    ]) {
      expectResult(await ipcCall(payload), JSON.stringify(payload) ?? 'undefined')
    }
  }, 240_000)

  it('refuses unknown method names, malformed and deeply nested JSON over HTTP', async () => {
    for (const name of ['nope', '../app.info', 'app.info/../x', '__proto__', 'constructor', 'hasOwnProperty', ''.padEnd(5000, 'a')]) {
      expect(isMethodName(name)).toBe(false)
      expect((await http(name, '{}')).json).toMatchObject({ ok: false, error: { code: 'invalid' } })
    }
    for (const body of [
      '{"id":',
      '[',
      'null',
      '"x"',
      '1e999',
      '\u0000',
      '['.repeat(200_000) + ']'.repeat(200_000),
      '{"__proto__": {"polluted": 1}}',
    ]) {
      const { status, json } = await http('documents.open', body)
      expect([200, 400]).toContain(status)
      expectResult(json, body.slice(0, 40))
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('refuses path traversal in every name and id with a validation error', async () => {
    const doc = docIds[0]!
    const bad = ['../x', '..', '.', 'a/b', 'a\\b', '/etc/passwd', '_reviewed', 'x\0y', '']
    const calls: [MethodName, (v: string) => unknown][] = [
      ['documents.open', (v) => ({ id: v })],
      ['documents.rename', (v) => ({ id: v, title: 't' })],
      ['annotations.apply', (v) => ({ document: v, ops: [{ op: 'delete', id: 'x' }] })],
      ['annotations.apply', (v) => ({ document: doc, ops: [{ op: 'delete', id: v === '_reviewed' ? '../y' : v }] })],
      ['settings.setAnnotator', (v) => ({ name: v })],
      ['export.annotations', (v) => ({ format: 'csv', annotator: v })],
      ['review.open', (v) => ({ document: doc, annotators: [v, 'maria'] })],
      ['backups.list', (v) => ({ store: { store: 'annotations', annotator: v, document: doc } })],
      ['backups.restore', (v) => ({ store: { store: 'reviewed', document: doc }, backup: v })],
    ]
    for (const [method, args] of calls) {
      for (const v of bad) {
        const answer = await ipcCall({ method, args: args(v) })
        expect(answer, `${method} with ${JSON.stringify(v)}`).toMatchObject({ ok: false, error: { code: 'invalid' } })
      }
    }
    // Paths that are absolute on another system are relative here, and refused.
    for (const path of ['\\\\server\\share\\x', 'C:\\Users\\x', 'relative', './x', '~/x']) {
      for (const [method, args] of [
        ['project.create', { path, name: 'x' }],
        ['project.open', { path }],
        ['annotations.import', { path }],
        ['backups.list', { store: { store: 'project', path } }],
      ] as const) {
        expect(await ipcCall({ method, args }), `${method} ${path}`).toMatchObject({ ok: false, error: { code: 'invalid' } })
      }
    }
    // A file name with a path in it is imported by its name alone, into texts/.
    const imported = await ipcCall({
      method: 'documents.import',
      args: { files: [{ name: '../../../escape.txt', data: Buffer.from('Escaping text, imported safely.').toString('base64') }] },
    })
    expect(imported).toMatchObject({ ok: true, value: { imported: [{ importedFrom: 'escape.txt' }] } })
  })

  it('refuses a binary file, a zip bomb and pages nested thousands deep, over 20 MB or not, quickly and in bounded memory', async () => {
    const formats = join(import.meta.dirname, '..', 'fixtures', 'corpus', 'formats')
    const random = new Uint8Array(21 * 1024 * 1024)
    for (let i = 0; i < random.length; i += 65536) random.set(crypto.getRandomValues(new Uint8Array(65536)), i)
    const files = [
      { name: 'noise.txt', bytes: random },
      { name: 'broken-binary.txt', bytes: await readFile(join(formats, 'broken-binary.txt')) },
      { name: 'broken-zip-bomb.docx', bytes: await readFile(join(formats, 'broken-zip-bomb.docx')) },
      { name: 'broken-deeply-nested.html', bytes: await readFile(join(formats, 'broken-deeply-nested.html')) },
      { name: 'nested.html', bytes: new TextEncoder().encode(`<html><body>${'<div>'.repeat(3_000_000)}text`) },
    ]
    const texts = await readdir(join(wb.current.dir, 'texts'))
    for (const file of files) {
      const args = { files: [{ name: file.name, data: Buffer.from(file.bytes).toString('base64') }], confirmLarge: true }
      for (const [transport, send] of [
        ['HTTP', async () => (await http('documents.import', JSON.stringify(args))).json],
        ['IPC', () => ipcCall({ method: 'documents.import', args })],
      ] as const) {
        const before = process.memoryUsage().rss
        let peak = before
        const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
        const started = Date.now()
        const answer = (await send()) as { ok: boolean; value: { imported: unknown[]; errors: { message: string }[] } }
        clearInterval(sampler)
        const what = `${file.name} over ${transport}`
        expect(answer, what).toMatchObject({ ok: true, value: { imported: [] } })
        expect(answer.value.errors, what).toHaveLength(1)
        expect(answer.value.errors[0]!.message, what).toMatch(new RegExp(`^${file.name.replace('.', '\\.')} .*[.?]$`))
        expect(Date.now() - started, `${what}: time`).toBeLessThan(15_000)
        expect(peak - before, `${what}: memory`).toBeLessThan(800 * 1024 * 1024)
      }
    }
    expect(await readdir(join(wb.current.dir, 'texts'))).toEqual(texts)
  }, 120_000)

  it('wrote nothing outside the folders the calls named, and both hosts still answer', async () => {
    expect(await snapshot(sentinel)).toEqual(sentinelBefore)
    expect((await readdir(root)).sort()).toEqual(['config', 'cwd', 'project', 'renderer', 'sentinel', 'targets'])
    expect(await readdir(join(root, 'cwd')), 'nothing was created relative to the working folder').toEqual([])
    for (const p of (await snapshot(root)).keys()) {
      expect(
        ['config/', 'project/', 'renderer/', 'sentinel/', 'targets/'].some((top) => p.startsWith(top)),
        p,
      ).toBe(true)
    }
    expect(sep === '/' ? (await readdir(join(root, 'project'))).includes('project.json') : true).toBe(true)
    expect((await http('app.info', '{}')).json).toMatchObject({ ok: true })
    expect(await ipcCall({ method: 'app.info', args: {} })).toMatchObject({ ok: true })
  })
})
