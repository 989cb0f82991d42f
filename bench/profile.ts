/**
 * `npm run bench -- --profile`: where the time goes when Marginalia opens the 1 MB / 10k case and
 * when a highlight is added and deleted there. One fresh page, with a Chromium trace (main-thread
 * time by kind: script, style, layout, paint) and a V8 CPU profile (time by function and by
 * package) around each action. The app's own bundle is minified, so for readable function names
 * the page is served an unminified build of the same sources (built here with Vite, swapped in by
 * Playwright routing); the timings in the main tables always come from the real build.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { SourceMap } from 'node:module'
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import react from '@vitejs/plugin-react'
import { build } from 'vite'
import { VIEWPORT, marginaliaTarget } from './browser'
import { ABOUT_TITLE, type BenchProject } from './projects'

const repo = join(import.meta.dirname, '..')
const OUT = join(import.meta.dirname, 'results', 'profile')

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  children?: number[]
}
interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}
interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  args?: { name?: string }
}

/** One profiled action, summarised. */
export interface ProfileSummary {
  action: string
  wallMs: number
  /** Main-thread time by kind (self time of trace events). */
  mainThread: Record<string, number>
  /** Sampled JavaScript self time by package (node_modules name, or "app" for Marginalia's code). */
  byPackage: Record<string, number>
  /** The functions with the most self time, and the ones with the most total time. */
  topSelf: { fn: string; where: string; ms: number }[]
  topTotal: { fn: string; where: string; ms: number }[]
}

/** Build the renderer unminified (same sources, same plugin) for readable profiles; returns the bundle's path. */
async function buildReadableRenderer(): Promise<string> {
  const outDir = join(OUT, 'renderer')
  const out = await build({
    configFile: false,
    logLevel: 'warn',
    root: join(repo, 'renderer'),
    plugins: [react()],
    build: { outDir, emptyOutDir: true, minify: false, sourcemap: true, rolldownOptions: { input: join(repo, 'renderer', 'index.html') } },
  })
  const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => ('output' in o ? o.output : []))
  const entry = outputs.find((o) => o.type === 'chunk' && o.isEntry)
  if (!entry) throw new Error('the readable renderer build made no entry chunk')
  return join(outDir, entry.fileName)
}

/** Which package (or which of Marginalia's folders) a line and column of the bundle came from. */
type Locate = (line: number, column: number) => string

function locator(map: SourceMap): Locate {
  const cache = new Map<string, string>()
  return (line, column) => {
    const key = `${line}:${column}`
    let found = cache.get(key)
    if (found === undefined) {
      const entry = map.findEntry(line, column) as { originalSource?: string }
      const path = entry.originalSource ?? ''
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)
      found = pkg
        ? pkg[1]!
        : /renderer\/src\//.test(path)
          ? `app ${path.replace(/^.*renderer\/src\//, '')}`
          : /shared\//.test(path)
            ? `shared ${path.replace(/^.*shared\//, '')}`
            : path || 'app'
      cache.set(key, found)
    }
    return found
  }
}

function summarizeCpu(profile: CpuProfile, bundleUrl: string, locate: Locate) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const where = (n: ProfileNode) => {
    const f = n.callFrame
    if (!f.url) return f.functionName.startsWith('(') ? f.functionName : 'native'
    if (!f.url.includes(bundleUrl)) return f.url.replace(/^.*\//, '')
    return locate(f.lineNumber, f.columnNumber)
  }
  const self = new Map<number, number>()
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000)
  }
  const byPackage: Record<string, number> = {}
  const fnSelf = new Map<string, { fn: string; where: string; ms: number }>()
  const fnTotal = new Map<string, { fn: string; where: string; ms: number }>()
  for (const [id, ms] of self) {
    const n = byId.get(id)!
    const w = where(n)
    const pkg = w.startsWith('app ') ? `app ${w.slice(4).split('/')[0]}` : w.startsWith('shared ') ? 'shared' : w
    if (pkg === '(idle)') continue
    byPackage[pkg] = (byPackage[pkg] ?? 0) + ms
    const key = `${n.callFrame.functionName || '(anonymous)'} ${w}`
    const s = fnSelf.get(key) ?? { fn: n.callFrame.functionName || '(anonymous)', where: w, ms: 0 }
    s.ms += ms
    fnSelf.set(key, s)
    // Total time: each distinct function on the sample's stack gets the sample once.
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const m = byId.get(at)!
      if (!m.callFrame.functionName || m.callFrame.functionName.startsWith('(')) continue
      const k = `${m.callFrame.functionName} ${where(m)}`
      if (seen.has(k)) continue
      seen.add(k)
      const t = fnTotal.get(k) ?? { fn: m.callFrame.functionName, where: where(m), ms: 0 }
      t.ms += ms
      fnTotal.set(k, t)
    }
  }
  const top = (m: Map<string, { fn: string; where: string; ms: number }>, n: number) =>
    [...m.values()].sort((a, b) => b.ms - a.ms).slice(0, n)
  return { byPackage, topSelf: top(fnSelf, 15), topTotal: top(fnTotal, 25) }
}

const KINDS: [RegExp, string][] = [
  [/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|StyleRecalc)/, 'style'],
  [/^(Layout|LocalFrameView::layout|LocalFrameView::performLayout|UpdateLayerTree)$/, 'layout'],
  [
    /^(PrePaint|Paint|PaintImage|Layerize|Commit|UpdateLayer|CompositeLayers|LocalFrameView::Run.*Paint.*|LocalFrameView::RunCompositingInputsLifecyclePhase|ProxyMain::BeginMainFrame::commit)$/,
    'paint and commit',
  ],
  [/^(MinorGC|MajorGC|V8\.GC|BlinkGC|CppGC|ThreadState::|V8\.GC_)/, 'garbage collection'],
  [/^(ParseHTML|HTMLDocumentParser)/, 'HTML parsing'],
  [
    /^(FunctionCall|EvaluateScript|v8\.|V8\.|TimerFire|EventDispatch|RunMicrotasks|FireAnimationFrame|XHRLoad|XHRReadyStateChange|v8\.callFunction|v8\.run|v8\.compile|CompileCode|CompileScript)/,
    'script',
  ],
]

function summarizeTrace(events: TraceEvent[]): Record<string, number> {
  const names = new Map<string, string>()
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '')
  const counts = new Map<string, number>()
  for (const e of events) {
    const k = `${e.pid}:${e.tid}`
    if (names.get(k) === 'CrRendererMain') counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  const main = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]
  const spans = events
    .filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
  // Self time: each event's duration less its children's, by nesting on the one thread.
  const stack: { end: number; kind: string; self: number }[] = []
  const out: Record<string, number> = {}
  const close = (until: number) => {
    while (stack.length && stack.at(-1)!.end <= until) {
      const done = stack.pop()!
      out[done.kind] = (out[done.kind] ?? 0) + done.self / 1000
    }
  }
  for (const e of spans) {
    close(e.ts)
    const parentKind = stack.at(-1)?.kind
    const own = KINDS.find(([re]) => re.test(e.name))?.[1]
    const kind = own ?? (parentKind && parentKind !== 'other' ? parentKind : 'other')
    if (stack.length) stack.at(-1)!.self -= e.dur!
    stack.push({ end: e.ts + e.dur!, kind, self: e.dur! })
  }
  close(Number.POSITIVE_INFINITY)
  for (const k of Object.keys(out)) out[k] = Math.max(0, out[k]!)
  return out
}

async function profiled(
  browser: Browser,
  page: Page,
  action: string,
  bundleUrl: string,
  locate: Locate,
  run: () => Promise<void>,
): Promise<ProfileSummary> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
  await cdp.send('Profiler.start')
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8.execute',
      'blink.user_timing',
      'toplevel',
      'v8',
      'blink_gc',
    ],
  })
  const started = performance.now()
  await run()
  const wallMs = performance.now() - started
  const trace = await browser.stopTracing()
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }
  await cdp.detach()
  const slug = action.replace(/[^a-z0-9]+/gi, '-').toLowerCase()
  await writeFile(join(OUT, `${slug}.cpuprofile`), JSON.stringify(profile))
  await writeFile(join(OUT, `${slug}.trace.json`), trace)
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents
  return { action, wallMs, mainThread: summarizeTrace(events), ...summarizeCpu(profile, bundleUrl, locate) }
}

function probe<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(`benchProbe.${method}(${args.map((a) => JSON.stringify(a)).join(', ')})`) as Promise<T>
}

/** Profiles of a page running the readable build: route a page to it, then profile an action there. */
export interface ReadableProfiler {
  route(page: Page): Promise<unknown>
  profile(browser: Browser, page: Page, action: string, run: () => Promise<void>): Promise<ProfileSummary>
}

/** Build the readable renderer once and profile pages with it. */
export async function readableProfiler(): Promise<ReadableProfiler> {
  await mkdir(OUT, { recursive: true })
  const bundlePath = await buildReadableRenderer()
  const locate = locator(new SourceMap(JSON.parse(await readFile(`${bundlePath}.map`, 'utf8'))))
  return {
    route: (page) =>
      page.route(/\/assets\/index-[^/?]+\.js(\?.*)?$/, (route) =>
        route.fulfill({ path: bundlePath, contentType: 'text/javascript; charset=utf-8' }),
      ),
    profile: (browser, page, action, run) => profiled(browser, page, action, '/assets/index-', locate, run),
  }
}

/** Profile opening the case in Marginalia, then adding and deleting one highlight. */
export async function profileMarginalia(browser: Browser, url: string, p: BenchProject, probeScript: string): Promise<ProfileSummary[]> {
  const profiler = await readableProfiler()
  const context = await browser.newContext({ viewport: VIEWPORT })
  const page = await context.newPage()
  try {
    await profiler.route(page)
    await page.addInitScript({ content: probeScript })
    const target = marginaliaTarget(url, p)
    const summaries: ProfileSummary[] = []
    // Open: marginaliaTarget.open arms the probe and clicks; profile from just before the click.
    const list = page.getByRole('navigation', { name: 'Documents' })
    await page.goto(url)
    await page.locator('.ProseMirror').waitFor()
    await list.getByText(p.title, { exact: true }).waitFor()
    await list.getByText(ABOUT_TITLE, { exact: true }).click()
    await page.locator('.ProseMirror', { hasText: ABOUT_TITLE }).waitFor()
    await probe(page, 'idle')
    await probe(page, 'armOpen', 'marginaliaOpen', { paragraphs: p.corpus.paragraphs, highlights: p.spans.length }, 'click')
    summaries.push(
      await profiler.profile(browser, page, `open ${p.case.name}`, async () => {
        await list.getByText(p.title, { exact: true }).click()
        await probe(page, 'openResult', 120_000)
      }),
    )
    await target.settle(page)
    await probe(page, 'selectWords', '.text-scroll', 3, 4)
    await probe(page, 'frames', 2)
    await probe(page, 'armInput', target.addCondition)
    summaries.push(
      await profiler.profile(browser, page, `add highlight ${p.case.name}`, async () => {
        await page.keyboard.press('1')
        await probe(page, 'inputResult', 30_000)
      }),
    )
    await target.settle(page)
    await probe(page, 'armInput', target.removeCondition)
    summaries.push(
      await profiler.profile(browser, page, `delete highlight ${p.case.name}`, async () => {
        await page.keyboard.press('Delete')
        await probe(page, 'inputResult', 30_000)
      }),
    )
    return summaries
  } finally {
    await context.close()
  }
}

/** The profile summaries as markdown. */
export function profileMarkdown(summaries: readonly ProfileSummary[]): string {
  const ms = (n: number) => n.toFixed(1)
  const lines: string[] = []
  for (const s of summaries) {
    lines.push(`\n### Profile: ${s.action} (wall ${ms(s.wallMs)} ms, trace and CPU profile in bench/results/profile/)\n`)
    const main = Object.entries(s.mainThread).sort((a, b) => b[1] - a[1])
    lines.push(`Main thread: ${main.map(([k, v]) => `${k} ${ms(v)} ms`).join(', ')}\n`)
    const pkgs = Object.entries(s.byPackage)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
    lines.push(`JavaScript self time by package: ${pkgs.map(([k, v]) => `${k} ${ms(v)}`).join(', ')}\n`)
    lines.push('| function (total time) | where | ms |\n|---|---|---|')
    for (const f of s.topTotal.slice(0, 15)) lines.push(`| ${f.fn} | ${f.where} | ${ms(f.ms)} |`)
    lines.push('\n| function (self time) | where | ms |\n|---|---|---|')
    for (const f of s.topSelf.slice(0, 10)) lines.push(`| ${f.fn} | ${f.where} | ${ms(f.ms)} |`)
  }
  return lines.join('\n')
}
