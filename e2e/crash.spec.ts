/**
 * Crash safety, the hard way: annotate continuously through browser mode's HTTP API (several
 * saves in flight at once: new annotations, batches, edits, deletions, renames) and kill the
 * server with SIGKILL at a random moment, 100+ times. After every restart the project must open,
 * every change the server acknowledged must be there exactly once, and every change it did not
 * acknowledge must be either fully there or fully absent (a batch all or nothing) — never
 * half-written. MARGINALIA_CRASH_CYCLES and MARGINALIA_CRASH_SEED repeat a run.
 */
import { readFile, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { ProjectFile, StoreFile } from '../shared/model/project'
import { bundleServe, sampleCopy, serve, type Served } from './browser-api'
import type { OpenedDocument } from '../shared/api'

const CYCLES = Number(process.env.MARGINALIA_CRASH_CYCLES ?? 110)
const SEED = Number(process.env.MARGINALIA_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31))
const ANNOTATOR = 'crash'
const LABELS = ['claim', 'source', 'stance'] as const

/** mulberry32: a small seeded generator, so a failing run can be repeated. */
function generator(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! }
}

const ABSENT = 'absent'
/** What an annotation is, as compared on disk: label and span, or absent. */
type Value = string

interface Tracked {
  doc: string
  /** What it must be: one value when known, or the values it may have after an unacknowledged change. */
  may: Set<Value>
  busy: boolean
}

test('SIGKILL at random moments while annotating, 100+ times: nothing acknowledged is lost, nothing is half-written', async () => {
  test.setTimeout(300_000)
  const started = Date.now()
  const rnd = generator(SEED)
  const { root, projectDir, configDir } = await sampleCopy(ANNOTATOR)
  const tracked = new Map<string, Tracked>()
  /** Batches whose reply was lost: after the restart their members must be all old or all new. */
  let lostBatches: { id: string; value: Value }[][] = []
  let titles = new Set<string>()
  let nextId = 0
  let acknowledged = 0
  let lost = 0
  let server: Served | null = null
  const log = (msg: string) => test.info().annotations.push({ type: 'crash', description: msg })
  log(`seed ${SEED}`)

  try {
    server = await serve(projectDir, configDir, serveEntry)
    titles = new Set([firstTitle])

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const t0 = Date.now()
      if (cycle > 0) server = await serve(projectDir, configDir, serveEntry)
      live.add(server)
      const t1 = Date.now()
      await verify(server, cycle)
      const t2 = Date.now()

      // Keep up to six saves in flight until the kill.
      const inflight = new Set<Promise<void>>()
      let killed = false
      const fire = () => {
        if (killed) return
        const p = oneChange(server!).finally(() => {
          inflight.delete(p)
          if (!killed) fire()
        })
        inflight.add(p)
      }
      const killAfter = rnd.next() < 0.1 ? 0 : 1 + rnd.int(150)
      if (killAfter > 0) {
        for (let i = 0; i < 2 + rnd.int(5); i++) fire()
        await new Promise((r) => setTimeout(r, killAfter))
      }
      killed = true
      await server.kill()
      await Promise.all(inflight)
      if (process.env.MARGINALIA_CRASH_TRACE) {
        console.log(
          `cycle ${cycle}: start ${t1 - t0} ms, check ${t2 - t1} ms, annotate ${Date.now() - t2} ms (kill after ${killAfter} ms), ${tracked.size} ids`,
        )
      }
    }
    server = await serve(projectDir, configDir, serveEntry)
    await verify(server, CYCLES)
    console.log(
      `crash: seed ${SEED}, ${CYCLES} kills in ${((Date.now() - started) / 1000).toFixed(1)} s: ${acknowledged} changes acknowledged, ${lost} lost in flight`,
    )
    expect(acknowledged).toBeGreaterThan(CYCLES)
    expect(lost).toBeGreaterThan(10)
  } finally {
    await server?.kill()
    await rm(root, { recursive: true, force: true })
  }

  async function call(s: Served, method: string, args: unknown): Promise<unknown> {
    const out = await s.call(method, args)
    if (out === 'lost' || !out.ok) throw new Error(`${method} failed: ${JSON.stringify(out)}`)
    return out.value
  }

  /** One save: a new annotation, a batch of two or three, an edit, a deletion, or a rename. */
  async function oneChange(s: Served): Promise<void> {
    const docs = [...new Set([...tracked.values()].map((t) => t.doc))]
    const kind = rnd.next()
    const idle = [...tracked.entries()].filter(([, t]) => !t.busy && t.may.size === 1 && !t.may.has(ABSENT))
    if (kind < 0.08) return rename(s)
    if (kind < 0.3 && idle.length > 0) {
      const [id, t] = rnd.pick(idle)
      const edit = kind < 0.2
      return save(s, t.doc, [{ id, value: edit ? randomValue(t.doc) : ABSENT }])
    }
    const doc = docs.length > 0 && rnd.next() < 0.7 ? rnd.pick(docs) : rnd.pick(allDocs)
    const n = kind > 0.85 ? 2 + rnd.int(2) : 1
    return save(
      s,
      doc,
      Array.from({ length: n }, () => ({ id: `${ANNOTATOR}-${nextId++}`, value: randomValue(doc) })),
    )
  }

  function randomValue(doc: string): Value {
    const length = lengths.get(doc)!
    const start = rnd.int(length - 40)
    return `${rnd.pick(LABELS)}:${start}-${start + 1 + rnd.int(39)}`
  }

  async function save(s: Served, doc: string, changes: { id: string; value: Value }[]) {
    const ops = changes.map(({ id, value }) => {
      if (value === ABSENT) return { op: 'delete', id }
      const [label, span] = value.split(':') as [string, string]
      const [start, end] = span.split('-').map(Number) as [number, number]
      return { op: 'put', annotation: { id, label, start, end, attributes: {}, note: '' } }
    })
    for (const { id } of changes) {
      const t = tracked.get(id) ?? { doc, may: new Set([ABSENT]), busy: false }
      t.busy = true
      tracked.set(id, t)
    }
    const out = await s.call('annotations.apply', { document: doc, ops })
    for (const { id, value } of changes) {
      const t = tracked.get(id)!
      t.busy = false
      if (out === 'lost') t.may.add(value)
      else if (out.ok) t.may = new Set([value])
      else throw new Error(`annotations.apply refused a valid change: ${JSON.stringify(out)}`)
    }
    if (out === 'lost') {
      lost++
      if (changes.length > 1) lostBatches.push(changes)
    } else acknowledged++
  }

  async function rename(s: Served) {
    if (renaming) return
    renaming = true
    const title = `Renamed ${nextId++}`
    const out = await s.call('documents.rename', { id: allDocs[0]!, title })
    renaming = false
    if (out === 'lost') {
      titles.add(title)
      lost++
    } else if (out.ok) {
      titles = new Set([title])
      acknowledged++
    } else throw new Error(`documents.rename refused: ${JSON.stringify(out)}`)
  }

  /**
   * After a restart: the project opened; every store is whole and holds what it must. Problems are
   * collected and asserted once (an expect per annotation would cost more than the check).
   */
  async function verify(s: Served, cycle: number) {
    const problems: string[] = []
    const project = ProjectFile.parse(JSON.parse(await readFile(join(projectDir, 'project.json'), 'utf8')))
    const title = project.documents.find((d) => d.id === allDocs[0])!.title
    if (!titles.has(title)) problems.push(`the renamed document is titled "${title}", not one of ${[...titles].join(', ')}`)
    titles = new Set([title])

    const seen = new Map<string, Value>()
    for (const doc of allDocs) {
      const file = join(projectDir, 'annotations', ANNOTATOR, `${doc}.json`)
      const raw = await readFile(file, 'utf8').catch(() => null)
      const parsed = raw === null ? null : StoreFile.safeParse(JSON.parse(raw))
      if (parsed && !parsed.success) problems.push(`${doc}: the store does not validate: ${parsed.error.message.slice(0, 200)}`)
      const annotations = parsed?.success ? parsed.data.annotations : []
      const ids = annotations.map((a) => a.id)
      if (new Set(ids).size !== ids.length) problems.push(`${doc}: an annotation is stored twice`)
      for (const a of annotations) seen.set(a.id, `${a.label}:${a.target.position.start}-${a.target.position.end}`)
      // The server shows exactly what is on disk.
      const opened = (await call(s, 'documents.open', { id: doc })) as OpenedDocument
      if (opened.notice !== null) problems.push(`${doc}: ${opened.notice}`)
      if (
        opened.annotations.rows
          .map((row) => row[0])
          .sort()
          .join() !== [...ids].sort().join()
      )
        problems.push(`${doc}: the server shows other annotations than the file holds`)
    }
    for (const id of seen.keys()) if (!tracked.has(id)) problems.push(`${id} is not an annotation the test made`)
    for (const [id, t] of tracked) {
      const value = seen.get(id) ?? ABSENT
      if (!t.may.has(value)) problems.push(`${id} is ${value}, expected ${[...t.may].join(' or ')}`)
      t.may = new Set([value])
    }
    for (const batch of lostBatches) {
      const applied = new Set(batch.map(({ id, value }) => (seen.get(id) ?? ABSENT) === value))
      if (applied.size > 1) problems.push(`a batch (${batch.map((b) => b.id).join(', ')}) was applied in part`)
    }
    lostBatches = []
    for (const f of await listRecursive(projectDir)) if (f.includes('.unreadable-')) problems.push(`${f} was set aside`)
    expect(problems, `after restart ${cycle} (seed ${SEED})`).toEqual([])
  }
})

let renaming = false
let serveEntry = ''
/** Servers started and not yet killed, killed after each test even if it timed out. */
const live = new Set<Served>()

test.afterEach(async () => {
  for (const s of live) await s.kill()
  live.clear()
})
let allDocs: string[] = []
let firstTitle = ''
const lengths = new Map<string, number>()

test.beforeAll(async () => {
  serveEntry = await bundleServe()
  const sample = ProjectFile.parse(
    JSON.parse(await readFile(join(import.meta.dirname, '..', 'fixtures', 'sample-project', 'project.json'), 'utf8')),
  )
  allDocs = sample.documents.map((d) => d.id)
  firstTitle = sample.documents[0]!.title
  for (const d of sample.documents) lengths.set(d.id, d.length)
})

async function listRecursive(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await listRecursive(path)))
    else out.push(path)
  }
  return out
}
