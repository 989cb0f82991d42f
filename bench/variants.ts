/**
 * `npm run bench -- --variants`: what-ifs for the renderer, measured with the same harness on
 * variants of a case instead of changed code: the same text with no annotations (what the editor
 * costs by itself), with only the spans of the first 40 paragraphs (what a renderer drawing
 * highlights only near the viewport would draw at open), with `content-visibility: auto` on the
 * text's paragraphs (injected as a constructed stylesheet, as the app installs its label colours),
 * and both of the last two. The baseline is measured again in the same run.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { marginaliaTarget, measureRenderer, type Target } from './browser'
import type { BenchSpan } from './corpus'
import { caseData, writeBenchProject, type BenchCase } from './projects'
import { figures } from './report'
import { serveMarginalia } from './serve'

const CONTENT_VISIBILITY = `addEventListener('DOMContentLoaded', () => {
  const sheet = new CSSStyleSheet()
  sheet.replaceSync('.mg-text p { content-visibility: auto; contain-intrinsic-size: auto 200px; }')
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
})`

/** One variant's figures, as a table row. */
export interface VariantRow {
  variant: string
  spans: number
  openMs: number
  addMs: number
  addP95Ms: number
  deleteMs: number
  idleAfterAddMs: number
  scrollWorstMs: number
  scrollP95Ms: number
  heapMB: number
  domElements: number
  loadAverage: number
  errors: string[]
}

/** Measure the variants of one case (3 pages each). */
export async function measureVariants(
  browser: Browser,
  c: BenchCase,
  probeScript: string,
  log: (s: string) => void,
): Promise<VariantRow[]> {
  const data = caseData(c)
  const { words } = data.corpus
  const limit = words.start[words.paragraph.indexOf(41)] ?? Number.POSITIVE_INFINITY
  const near = data.spans.filter((s) => s.end < limit)
  const cv = async (page: Page) => {
    await page.addInitScript({ content: CONTENT_VISIBILITY })
  }
  const variants: { name: string; spans: BenchSpan[]; prepare?: (page: Page) => Promise<void> }[] = [
    { name: 'as built (baseline)', spans: data.spans },
    { name: 'no annotations', spans: [] },
    { name: 'only the spans of the first 40 paragraphs', spans: near },
    { name: 'content-visibility: auto on paragraphs', spans: data.spans, prepare: cv },
    { name: 'first 40 paragraphs + content-visibility', spans: near, prepare: cv },
  ]
  const root = await mkdtemp(join(tmpdir(), 'marginalia-bench-variants-'))
  const rows: VariantRow[] = []
  try {
    for (const [i, v] of variants.entries()) {
      const p = await writeBenchProject(join(root, String(i)), c, { corpus: data.corpus, spans: v.spans })
      const served = await serveMarginalia(p.dir, p.configDir)
      try {
        const base = marginaliaTarget(served.url, p)
        const target: Target = {
          ...base,
          open: async (page) => {
            if (v.prepare) await v.prepare(page)
            await base.open(page)
          },
        }
        const run = await measureRenderer(
          browser,
          target,
          c.name,
          probeScript,
          { runs: 3, inputsPerRun: 3, scrollRuns: 1, scrollFrames: 150, openTimeoutMs: 120_000 },
          log,
        )
        const f = figures(run)
        rows.push({
          variant: v.name,
          spans: v.spans.length,
          openMs: f?.open.median ?? Number.NaN,
          addMs: f?.addLatency.median ?? Number.NaN,
          addP95Ms: f?.addLatency.p95 ?? Number.NaN,
          deleteMs: f?.removeLatency.median ?? Number.NaN,
          idleAfterAddMs: f?.addSettled.median ?? Number.NaN,
          scrollWorstMs: f?.scrollWorst ?? Number.NaN,
          scrollP95Ms: f?.scrollP95 ?? Number.NaN,
          heapMB: f?.heapMB.median ?? Number.NaN,
          domElements: f?.domNodes ?? Number.NaN,
          loadAverage: loadavg()[0]!,
          errors: run.errors,
        })
      } finally {
        await served.stop()
      }
    }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
  return rows
}

/** The variants of one case as markdown. */
export function variantTable(label: string, rows: readonly VariantRow[]): string {
  const n = (x: number, d = 0) =>
    Number.isFinite(x) ? x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }) : '—'
  return [
    `\n### Variants of ${label} (Marginalia only, medians over 3 pages)\n`,
    '| variant | spans | open ms | add: key to painted ms (p95) | delete ms | idle after add ms | scroll worst (p95) ms | JS heap MB | DOM elements | load |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.variant} | ${n(r.spans)} | ${n(r.openMs)} | ${n(r.addMs)} (${n(r.addP95Ms)}) | ${n(r.deleteMs)} | ${n(r.idleAfterAddMs)} | ${n(r.scrollWorstMs)} (${n(r.scrollP95Ms)}) | ${n(r.heapMB, 1)} | ${n(r.domElements)} | ${r.loadAverage.toFixed(1)} |`,
    ),
  ].join('\n')
}
