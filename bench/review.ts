/**
 * Review open time (issue 3's bar: under a second in browser mode for 3 annotators x 2,000
 * annotations): a 400 kB document whose three annotators agree on 70% of their spans and differ
 * on the rest; measured from clicking "Start review" to the frame that shows every lane's spans
 * and the units list, in a fresh page each run. The time is taken inside the page by the probe
 * (bench/pages/probe.js: from the click event's time to the end of that frame's rendering), as
 * every other page measure is; the time as the driving script sees it (from before Playwright's
 * click to two frames after, round trips to the browser included) is reported beside it.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from '@playwright/test'
import { Project } from '../electron/core/project/project'
import { VIEWPORT } from './browser'
import { generateSpans, generateText } from './corpus'
import type { ProfileSummary, ReadableProfiler } from './profile'
import { putOps } from './projects'
import { probeSource } from './static-pages'
import { serveMarginalia } from './serve'
import { summarize, type Summary } from './stats'

/** The little of the page's globals these measurements touch. */
interface PageGlobals {
  document: { querySelector(selector: string): unknown }
  requestAnimationFrame(callback: () => void): number
}

export interface ReviewOpenResult {
  annotators: number
  annotationsEach: number
  units: number
  /** In the page: the click event to the end of the frame that paints every lane. */
  openMs: Summary
  /** As the driving script sees it: before Playwright's click to two frames after the lanes are there. */
  outerMs: Summary
  /** With --profile: where the time of one more open went, on the readable build. */
  profile?: ProfileSummary
}

/** Median and p95 of opening review mode on 3 x 2,000 annotations. */
export async function measureReviewOpen(
  browser: Browser,
  runs = 5,
  log: (s: string) => void = () => undefined,
  profiler?: ReadableProfiler,
): Promise<ReviewOpenResult> {
  const root = await mkdtemp(join(tmpdir(), 'marginalia-bench-review-'))
  try {
    const dir = join(root, 'p')
    const configDir = join(root, 'config')
    const project = await Project.create(dir, 'Benchmark review')
    const corpus = generateText(400_000, 'review', 7)
    const { imported } = await project.importFiles([
      { name: 'about.txt', bytes: new TextEncoder().encode('About this benchmark\n\nThe next document is under review.\n') },
      { name: 'review.txt', bytes: new TextEncoder().encode(corpus.text) },
    ])
    const doc = imported[1]!
    const text = await project.text(doc.id)
    const shared = generateSpans(corpus, 1400, 11)
    for (const [i, who] of ['ana', 'ben', 'cleo'].entries()) {
      const own = generateSpans(corpus, 600, 20 + i)
      await (await project.layer(who, doc.id)).apply(putOps([...shared, ...own], who), text, project.tagSet, new Date().toISOString())
    }
    const probe = await probeSource()
    const times: number[] = []
    const outer: number[] = []
    let units = 0
    let profile: ProfileSummary | undefined
    // With a profiler, one more run on the readable build, traced and profiled (not timed).
    for (let run = 0; run < runs + (profiler ? 1 : 0); run++) {
      const profiling = run === runs
      // A fresh config folder each run: the host remembers whom the review compared and would
      // come back into review without the setup dialog.
      const runConfig = `${configDir}-${run}`
      await mkdir(runConfig, { recursive: true })
      await writeFile(
        join(runConfig, 'settings.json'),
        JSON.stringify({ format: 'marginalia-settings', version: 1, annotator: 'rita', recent: [] }),
      )
      const served = await serveMarginalia(dir, runConfig)
      try {
        const context = await browser.newContext({ viewport: VIEWPORT })
        const page = await context.newPage()
        if (profiling) await profiler!.route(page)
        await page.addInitScript({ content: probe })
        await page.goto(served.url)
        await page.getByRole('navigation', { name: 'Documents' }).getByText(doc.title).click()
        // The document itself open (not the one shown first) and its work done, so none of it runs into the measure.
        await page.getByRole('article', { name: doc.title }).locator('.ProseMirror').waitFor()
        await page.evaluate(`benchProbe.idle()`)
        await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Review' }).click()
        const start = page.getByRole('dialog', { name: 'Review: compare annotators' }).getByRole('button', { name: 'Start review' })
        await start.waitFor()
        await page.evaluate(`benchProbe.idle()`)
        await page.evaluate(`benchProbe.armOpen('marginaliaReview', { lanes: 3 }, 'click')`)
        const open = async () => {
          await start.click()
          // bench/ is type-checked without the DOM library (and the page's CSP forbids string code).
          await page.waitForFunction(
            () => {
              const dom = (globalThis as unknown as PageGlobals).document
              return (
                dom.querySelector('[data-testid="review-progress"]') !== null &&
                [0, 1, 2].every((lane) => dom.querySelector(`.mg-rv-lane-${lane}`) !== null)
              )
            },
            undefined,
            { polling: 'raf', timeout: 60_000 },
          )
          await page.evaluate(
            () =>
              new Promise<void>((ok) =>
                (globalThis as unknown as PageGlobals).requestAnimationFrame(() =>
                  (globalThis as unknown as PageGlobals).requestAnimationFrame(() => ok()),
                ),
              ),
          )
        }
        const t0 = Date.now()
        if (profiling) {
          profile = await profiler!.profile(browser, page, 'open review', open)
          await context.close()
          continue
        }
        await open()
        outer.push(Date.now() - t0)
        const inPage = (await page.evaluate(`benchProbe.openResult(60000)`)) as { openMs: number }
        times.push(inPage.openMs)
        units = Number(/\/\s*(\d+)/.exec((await page.getByTestId('review-progress').textContent()) ?? '')?.[1] ?? 0)
        log(`review open ${run + 1}/${runs}: ${times.at(-1)!.toFixed(0)} ms in the page, ${outer.at(-1)} ms from the script`)
        await context.close()
      } finally {
        await served.stop()
      }
    }
    return { annotators: 3, annotationsEach: 2000, units, openMs: summarize(times), outerMs: summarize(outer), profile }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}
