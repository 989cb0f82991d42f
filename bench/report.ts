/**
 * The bench's markdown: per case, one table with Marginalia, the floor and the peer side by side
 * (medians and p95s, ratios to the floor and to the peer), the Node timings, and the issue's
 * targets, each marked met or missed with the margin.
 */
import { FRAME_WORK_MS, type InputSample, type KeyProbeCheck, type RendererRun } from './browser'
import type { ExportResult } from './export'
import type { SaveResult } from './save'
import { summarize, type Summary } from './stats'
import type { Timing } from './agreement'

/** One case's three renderers and the machine's load while they ran. */
export interface CaseResult {
  case: string
  label: string
  annotations: number
  paragraphs: number
  bytes: number
  loadAverage: { before: number; after: number }
  runs: RendererRun[]
}

/** The figures a table row and a target need, per renderer. */
export interface Figures {
  open: Summary
  openRender: Summary
  openSettled: Summary
  addLatency: Summary
  addWork: Summary
  addSettled: Summary
  removeLatency: Summary
  removeWork: Summary
  scrollWorst: number
  scrollP95: number
  scrollWorkWorst: number
  heapMB: Summary
  domNodes: number
  /** Marginalia only: a click in the list to the last annotation, from the top of the text, until it is shown. */
  jump: Summary | null
  errors: string[]
}

const pick = (samples: readonly InputSample[], f: (s: InputSample) => number) => summarize(samples.map(f))

/** The summaries of one renderer's run. */
export function figures(run: RendererRun | undefined): Figures | null {
  if (!run || run.open.length === 0) return null
  const intervals = run.scroll.flatMap((s) => s.intervals)
  const works = run.scroll.flatMap((s) => s.works)
  return {
    open: summarize(run.open.map((o) => o.openMs)),
    openRender: summarize(run.open.map((o) => o.renderMs)),
    openSettled: summarize(run.open.map((o) => o.settledMs)),
    addLatency: pick(run.add, (s) => s.latencyMs),
    addWork: pick(run.add, (s) => s.workMs),
    addSettled: pick(run.add, (s) => s.settledMs),
    removeLatency: pick(run.remove, (s) => s.latencyMs),
    removeWork: pick(run.remove, (s) => s.workMs),
    scrollWorst: intervals.length ? Math.max(...intervals) : Number.NaN,
    scrollP95: summarize(intervals).p95,
    scrollWorkWorst: works.length ? Math.max(...works) : Number.NaN,
    heapMB: summarize(run.open.map((o) => o.heapMB)),
    domNodes: run.open[0]?.domNodes ?? Number.NaN,
    jump: run.jump?.length ? summarize(run.jump) : null,
    errors: run.errors,
  }
}

const num = (n: number, digits = 0) =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '—'
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}` : '—')

interface Row {
  name: string
  get: (f: Figures) => number
  digits?: number
  /** False for rows that only mean something for Marginalia (no ratios). */
  shared?: boolean
}

const ROWS: Row[] = [
  { name: 'open, median ms', get: (f) => f.open.median },
  { name: 'open, p95 ms', get: (f) => f.open.p95 },
  { name: '  of which the last frame (its style, layout, paint), median ms', get: (f) => f.openRender.median },
  { name: '  main thread idle again after open, median ms', get: (f) => f.openSettled.median },
  { name: 'add highlight: key to painted, median ms', get: (f) => f.addLatency.median },
  { name: 'add highlight: key to painted, p95 ms', get: (f) => f.addLatency.p95 },
  { name: 'add highlight: main-thread work, median ms', get: (f) => f.addWork.median },
  { name: 'add highlight: main-thread work, p95 ms', get: (f) => f.addWork.p95 },
  { name: '  main thread idle again after add, median ms', get: (f) => f.addSettled.median },
  { name: 'delete highlight: key to painted, median ms', get: (f) => f.removeLatency.median },
  { name: 'delete highlight: key to painted, p95 ms', get: (f) => f.removeLatency.p95 },
  { name: 'delete highlight: main-thread work, median ms', get: (f) => f.removeWork.median },
  { name: 'delete highlight: main-thread work, p95 ms', get: (f) => f.removeWork.p95 },
  { name: 'scroll top to bottom: worst frame ms', get: (f) => f.scrollWorst, digits: 1 },
  { name: 'scroll top to bottom: p95 frame ms', get: (f) => f.scrollP95, digits: 1 },
  { name: 'JS heap after open, median MB', get: (f) => f.heapMB.median, digits: 1 },
  { name: 'DOM elements after open', get: (f) => f.domNodes },
  {
    name: 'jump from the top to the last annotation (a click in the list), median ms',
    get: (f) => f.jump?.median ?? Number.NaN,
    shared: false,
  },
]

/** The side-by-side table of one case. */
export function caseTable(c: CaseResult): string {
  const [m = null, floor = null, peer = null] = (['marginalia', 'floor', 'recogito'] as const).map((r) =>
    figures(c.runs.find((x) => x.renderer === r)),
  )
  const samples = (r: string) => {
    const run = c.runs.find((x) => x.renderer === r)
    return run ? `${run.open.length} opens, ${run.add.length} adds, ${run.scroll.length} scrolls` : 'not run'
  }
  const lines = [
    `\n### ${c.label}: ${num(c.bytes / 1000)} kB, ${num(c.paragraphs)} paragraphs, ${num(c.annotations)} annotations (load average ${c.loadAverage.before.toFixed(2)} → ${c.loadAverage.after.toFixed(2)})\n`,
    `Samples: Marginalia ${samples('marginalia')}; floor ${samples('floor')}; @recogito/text-annotator ${samples('recogito')}.\n`,
    '| measure | Marginalia | floor (plain <p>) | @recogito/text-annotator | Marginalia ÷ floor | Marginalia ÷ peer |',
    '|---|---|---|---|---|---|',
  ]
  // A renderer that never finished an open shows the time limit it ran past.
  const limit = (r: string) => {
    const e = c.runs
      .find((x) => x.renderer === r)
      ?.errors.map((x) => /not painted within (\d+) ms/.exec(x))
      .find(Boolean)
    return e ? `> ${num(Number(e[1]) / 1000)} s` : '—'
  }
  for (const row of ROWS) {
    const v = (f: Figures | null) => (f ? row.get(f) : Number.NaN)
    const cell = (f: Figures | null, r: string) => (f ? num(v(f), row.digits) : row.name.startsWith('open') ? limit(r) : '—')
    lines.push(
      `| ${row.name} | ${cell(m, 'marginalia')} | ${cell(floor, 'floor')} | ${cell(peer, 'recogito')} | ${ratio(v(m), v(floor))} | ${ratio(v(m), v(peer))} |`,
    )
  }
  const errors = c.runs.flatMap((r) => r.errors.map((e) => `${r.renderer}: ${e}`))
  if (errors.length) lines.push('', ...errors.slice(0, 8).map((e) => `- ${e}`))
  return lines.join('\n')
}

/** One target of the issue, met or not, with the figure behind it. */
export interface TargetCheck {
  target: string
  met: boolean | null
  detail: string
}

/** The issue's targets, checked against this run. */
export function checkTargets(cases: readonly CaseResult[], save: readonly SaveResult[], exp: ExportResult | null): TargetCheck[] {
  const get = (name: string, r: string) => figures(cases.find((c) => c.case === name)?.runs.find((x) => x.renderer === r))
  const out: TargetCheck[] = []
  const m1 = get('1mb', 'marginalia')
  const f1 = get('1mb', 'floor')
  if (m1) {
    const open = m1.open.median
    out.push({
      target: '1 MB / 10k opens in under 1 s',
      met: open < 1000,
      detail: `median ${num(open)} ms, p95 ${num(m1.open.p95)} ms (${open < 1000 ? `${num(1000 - open)} ms to spare` : `${num(open - 1000)} ms over`})`,
    })
    if (f1) {
      const r = open / f1.open.median
      out.push({
        target: '1 MB / 10k opens within 2× the plain-text floor',
        met: r <= 2,
        detail: `${r.toFixed(2)}× (floor median ${num(f1.open.median)} ms; 2× is ${num(2 * f1.open.median)} ms)`,
      })
    }
    for (const [what, s] of [
      ['Adding', m1.addWork],
      ['Deleting', m1.removeWork],
    ] as const) {
      const lat = what === 'Adding' ? m1.addLatency : m1.removeLatency
      out.push({
        target: `${what} a highlight at 10k: p95 under 16 ms`,
        met: s.n > 0 ? s.p95 < 16 : null,
        detail: `main-thread work p95 ${num(s.p95, 1)} ms (median ${num(s.median, 1)}); key to painted p95 ${num(lat.p95, 1)} ms (median ${num(lat.median, 1)})${s.p95 >= 16 ? `: ${(s.p95 / 16).toFixed(1)}× the budget` : ''}`,
      })
    }
  }
  const m5 = get('5mb', 'marginalia')
  if (m5) {
    out.push({
      target: '5 MB / 50k opens and stays usable (no scroll frame over 100 ms)',
      met: Number.isFinite(m5.scrollWorst) ? m5.scrollWorst <= 100 : null,
      detail: `opens in ${num(m5.open.median)} ms (median); worst scroll frame ${num(m5.scrollWorst, 1)} ms, p95 ${num(m5.scrollP95, 1)} ms`,
    })
  }
  const losses: string[] = []
  const notes: string[] = []
  let compared = 0
  for (const c of cases) {
    const m = get(c.case, 'marginalia')
    const p = get(c.case, 'recogito')
    if (!m) continue
    if (!p) {
      const run = c.runs.find((x) => x.renderer === 'recogito')
      if (run?.errors.some((e) => /not painted within/.test(e))) {
        compared++
        notes.push(`${c.case}: the peer did not finish opening in the time allowed`)
      }
      continue
    }
    for (const [name, a, b] of [
      ['open', m.open.median, p.open.median],
      ['add (key to painted)', m.addLatency.median, p.addLatency.median],
      ['delete (key to painted)', m.removeLatency.median, p.removeLatency.median],
      ['worst scroll frame', m.scrollWorst, p.scrollWorst],
      ['JS heap', m.heapMB.median, p.heapMB.median],
    ] as const) {
      if (!Number.isFinite(a) || !Number.isFinite(b)) continue
      compared++
      // Within 5% is a tie (two scrolls that never drop a frame both show 16.7 ms).
      if (a > b * 1.05) losses.push(`${c.case} ${name} ${num(a, 1)} vs ${num(b, 1)}`)
    }
  }
  if (compared)
    out.push({
      target: 'Faster than @recogito/text-annotator on every shared measure',
      met: losses.length === 0,
      detail:
        (losses.length ? `slower or larger on: ${losses.join('; ')}` : 'faster, smaller or level on every measure compared') +
        (notes.length ? `; ${notes.join('; ')}` : ''),
    })
  if (exp)
    out.push({
      target: 'CSV export of 100k annotations under 1 s',
      met: exp.cold.median < 1000,
      detail: `cold (open project + export) median ${num(exp.cold.median)} ms, warm ${num(exp.warm.median)} ms; ${num(exp.rows)} rows, ${exp.megabytes.toFixed(1)} MB`,
    })
  const small = save.find((s) => s.documents === 3 && s.layerAnnotations === undefined)
  const large = save.find((s) => s.documents === 3000 && s.layerAnnotations === undefined)
  if (small && large) {
    const r = large.medianMs / small.medianMs
    out.push({
      target: 'Save latency independent of project size',
      met: r < 1.5,
      detail: `3,000 / 3 documents: median ${r.toFixed(2)}× (${small.medianMs.toFixed(2)} vs ${large.medianMs.toFixed(2)} ms), p95 ${small.p95Ms.toFixed(2)} vs ${large.p95Ms.toFixed(2)} ms`,
    })
  }
  return out
}

/** Node timings and targets as markdown. */
export function nodeTables(save: readonly SaveResult[], exp: ExportResult | null, agreement: readonly Timing[]): string {
  const ms = (n: number) => n.toFixed(2)
  const lines = ['\n### Node (the core)\n', '| save one annotation (to fsync) | median ms | p95 ms |', '|---|---|---|']
  for (const r of save)
    lines.push(
      r.layerAnnotations === undefined
        ? `| ${r.documents.toLocaleString('en-US')}-document project | ${ms(r.medianMs)} | ${ms(r.p95Ms)} |`
        : `| into a layer of ${r.layerAnnotations.toLocaleString('en-US')} annotations (processor time: median ${ms(r.cpuMedianMs ?? Number.NaN)} ms) | ${ms(r.medianMs)} | ${ms(r.p95Ms)} |`,
    )
  if (exp) {
    lines.push('', '| CSV export, 2 annotators × 50,000 annotations (5 MB text) | median ms | p95 ms |', '|---|---|---|')
    lines.push(
      `| cold: open project + export to a file (${exp.rows.toLocaleString('en-US')} rows, ${exp.megabytes.toFixed(1)} MB) | ${ms(exp.cold.median)} | ${ms(exp.cold.p95)} |`,
    )
    lines.push(`| warm: export again from the open project | ${ms(exp.warm.median)} | ${ms(exp.warm.p95)} |`)
    if (exp.coldRead)
      lines.push(
        `| of the cold export: open the project, read and check both layers | ${ms(exp.coldRead.median)} | ${ms(exp.coldRead.p95)} |`,
      )
    if (exp.coldProcess)
      lines.push(
        `| cold in a fresh process of its own, as the CLI runs it (from opening the project to the file in place) | ${ms(exp.coldProcess.median)} | ${ms(exp.coldProcess.p95)} |`,
      )
    if (exp.whole)
      lines.push(`| the app's export (the text built whole, from the open project) | ${ms(exp.whole.median)} | ${ms(exp.whole.p95)} |`)
  }
  if (agreement.length) {
    lines.push('', '| agreement computation | median ms | p95 ms |', '|---|---|---|')
    for (const t of agreement) lines.push(`| ${t.name} | ${ms(t.medianMs)} | ${ms(t.p95Ms)} |`)
  }
  return lines.join('\n')
}

/** The targets as markdown. */
export function targetTable(checks: readonly TargetCheck[]): string {
  const lines = ['\n### Targets (issue 5)\n', '| target | met? | this run |', '|---|---|---|']
  for (const c of checks) lines.push(`| ${c.target} | ${c.met === null ? 'not measured' : c.met ? 'met' : 'MISSED'} | ${c.detail} |`)
  return lines.join('\n')
}

/**
 * Issue 15's targets for the text view (a window of the text drawn, not the book): costs that
 * do not grow with the document, checked against this run with the margin of each.
 */
export function checkTextViewTargets(cases: readonly CaseResult[], exp: ExportResult | null, reviewOpen: Summary | null): TargetCheck[] {
  const get = (name: string, r: string) => figures(cases.find((c) => c.case === name)?.runs.find((x) => x.renderer === r))
  const out: TargetCheck[] = []
  const m = { small: get('100kb', 'marginalia'), mid: get('1mb', 'marginalia'), big: get('5mb', 'marginalia') }
  const sizes = [m.small, m.mid, m.big].filter((f): f is Figures => f !== null)
  const margin = (value: number, limit: number, unit = 'ms') =>
    value <= limit
      ? `${num(limit - value, 1)} ${unit} to spare`
      : `missed by ${num(value - limit, 1)} ${unit} (${(value / limit).toFixed(2)}×)`
  for (const [what, pickWork] of [
    ['add', (f: Figures) => f.addWork],
    ['delete', (f: Figures) => f.removeWork],
  ] as const) {
    if (m.small && m.big) {
      const a = pickWork(m.small).p95
      const b = pickWork(m.big).p95
      out.push({
        target: `${what}: main-thread p95 at 5 MB within 1.2× of 100 KB`,
        met: b <= 1.2 * a,
        detail: `${num(b, 1)} vs ${num(a, 1)} ms: ${(b / a).toFixed(2)}×`,
      })
    }
    if (sizes.length) {
      const worst = Math.max(...sizes.map((f) => pickWork(f).p95))
      out.push({
        target: `${what}: main-thread p95 ≤ 16 ms at every size`,
        met: worst <= 16,
        detail: `p95 ${sizes.map((f) => num(pickWork(f).p95, 1)).join(' / ')} ms (100 KB / 1 MB / 5 MB): ${margin(worst, 16)}`,
      })
      const median = Math.max(...sizes.map((f) => pickWork(f).median))
      out.push({
        target: `${what}: main-thread median within 2× of CodeMirror 6's ~6 ms (≤ 12 ms)`,
        met: median <= 12,
        detail: `median ${sizes.map((f) => num(pickWork(f).median, 1)).join(' / ')} ms: ${margin(median, 12)}`,
      })
    }
  }
  if (sizes.length) {
    const idle = Math.max(...sizes.map((f) => f.addSettled.median))
    out.push({
      target: 'idle again after an add ≤ 50 ms at every size',
      met: idle <= 50,
      detail: `median ${sizes.map((f) => num(f.addSettled.median)).join(' / ')} ms: ${margin(idle, 50)}`,
    })
  }
  if (m.big) {
    // Frame intervals come from a timer coarsened to 0.1 ms and summed in floating point: a frame
    // of 16.8 ms is 16.800000000000182. Compared at the timer's resolution, so one frame at 60 Hz
    // is not counted as a miss (it was, at 2026-12-03's run, with no frame over 16.8 ms at all).
    const p95 = Math.round(m.big.scrollP95 * 10) / 10
    out.push({
      target: 'scroll through 5 MB: p95 frame 16.8 ms',
      met: p95 <= 16.8,
      detail: `p95 ${num(p95, 1)} ms: ${margin(p95, 16.8)}`,
    })
    out.push({
      target: 'scroll through 5 MB: worst frame ≤ 50 ms',
      met: m.big.scrollWorst <= 50,
      detail: `worst ${num(m.big.scrollWorst, 1)} ms: ${margin(m.big.scrollWorst, 50)}`,
    })
    const floor1 = get('1mb', 'floor')
    if (floor1)
      out.push({
        target: "5 MB / 50k painted in ≤ the 1 MB floor's open",
        met: m.big.open.median <= floor1.open.median,
        detail: `median ${num(m.big.open.median)} ms vs ${num(floor1.open.median)} ms: ${margin(m.big.open.median, floor1.open.median)}`,
      })
    out.push({
      target: 'JS heap at 5 MB ≤ 25 MB',
      met: m.big.heapMB.median <= 25,
      detail: `${num(m.big.heapMB.median, 1)} MB: ${margin(m.big.heapMB.median, 25, 'MB')}`,
    })
  }
  const floor0 = get('100kb', 'floor')
  if (m.small && floor0)
    out.push({
      target: '100 KB open ≤ 0.5× its floor',
      met: m.small.open.median <= 0.5 * floor0.open.median,
      detail: `median ${num(m.small.open.median)} ms vs floor ${num(floor0.open.median)} ms: ${(m.small.open.median / floor0.open.median).toFixed(2)}×`,
    })
  const peer1 = get('1mb', 'recogito')
  if (m.mid && peer1)
    out.push({
      target: "JS heap at 1 MB ≤ the peer's",
      met: m.mid.heapMB.median <= peer1.heapMB.median,
      detail: `${num(m.mid.heapMB.median, 1)} vs ${num(peer1.heapMB.median, 1)} MB: ${margin(m.mid.heapMB.median, peer1.heapMB.median, 'MB')}`,
    })
  const jumps = sizes.filter((f) => f.jump !== null)
  if (jumps.length) {
    const worst = Math.max(...jumps.map((f) => f.jump!.median))
    out.push({
      target: 'jump to an annotation anywhere lands in ≤ 100 ms',
      met: worst <= 100,
      detail: `median ${jumps.map((f) => num(f.jump!.median, 1)).join(' / ')} ms (click in the list to the frame that shows it, from the top of the text to its last annotation): ${margin(worst, 100)}`,
    })
  } else
    out.push({
      target: 'jump to an annotation or a hit anywhere lands in ≤ 100 ms',
      met: null,
      detail: 'not timed in this run (the e2e spec long-text checks that it lands)',
    })
  if (exp)
    out.push({
      target: 'CSV of 100,000 annotations in ≤ 1 s cold',
      met: exp.cold.median <= 1000,
      // Judged on the in-process figure, as since the issue was filed; the fresh process's is beside it.
      detail:
        `cold median ${num(exp.cold.median)} ms: ${margin(exp.cold.median, 1000)}` +
        (exp.coldProcess ? `; in a fresh process, as the CLI runs it, ${num(exp.coldProcess.median)} ms` : ''),
    })
  if (reviewOpen)
    out.push({
      target: 'review mode for 3 × 2,000 opens in ≤ 300 ms',
      met: reviewOpen.median <= 300,
      detail: `median ${num(reviewOpen.median)} ms: ${margin(reviewOpen.median, 300)}`,
    })
  return out
}

/** Issue 15's targets as markdown. */
export function textViewTargetTable(checks: readonly TargetCheck[]): string {
  const lines = ['\n### Targets (issue 15: the text view)\n', '| target | met? | this run |', '|---|---|---|']
  for (const c of checks) lines.push(`| ${c.target} | ${c.met === null ? 'not measured' : c.met ? 'met' : 'MISSED'} | ${c.detail} |`)
  return lines.join('\n')
}

/**
 * The key measure checked on a page whose keydown listener is busy for a known time: "main-thread
 * work" for a key must track that time, not the wait for the next frame (the old measure's).
 */
export function keyProbeTable(checks: readonly KeyProbeCheck[]): string {
  if (checks.length === 0) return ''
  const ok = checks.every((c) => Math.abs(c.handlerMs - c.busyMs) <= 1.5)
  const frameOk = checks.every((c) => Math.abs(c.renderMs - FRAME_WORK_MS) <= 1.5 && c.renderWorstMs <= FRAME_WORK_MS + 3)
  return [
    `\n| the key measure on a page whose listener is busy for a known time, and its frame for ${FRAME_WORK_MS} ms | keys | handler (the key's dispatch), median ms | the measure before 2026-12-03, median ms | frame (render), median / worst ms |`,
    '|---|---|---|---|---|',
    ...checks.map(
      (c) =>
        `| listener busy ${c.busyMs} ms | ${c.keys} | ${num(c.handlerMs, 1)} | ${num(c.untilFrameMs, 1)} | ${num(c.renderMs, 1)} / ${num(c.renderWorstMs, 1)} |`,
    ),
    `\nThe key's dispatch ${ok ? 'tracks' : 'does NOT track'} the listener's time (within 1.5 ms): ${ok ? 'the main-thread work below is work, not waiting' : 'distrust the main-thread work below'}.`,
    `The frame's measure ${frameOk ? 'tracks' : 'does NOT track'} its known ${FRAME_WORK_MS} ms (median within 1.5 ms, worst within 3 ms)${frameOk ? '' : ': distrust the render column below'}.`,
  ].join('\n')
}
