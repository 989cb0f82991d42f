/**
 * The browser measurements: Marginalia in browser mode, the floor and the peer, each in Debian's
 * Chromium through Playwright, one fresh page (and browser context) per open. In each page: open,
 * JS heap after open (CDP, after a forced GC), then add and delete highlights with a label key and
 * Delete, then scroll the text top to bottom. Page-side timing is bench/pages/probe.js; this side
 * only drives the page and collects what the probe reports.
 */
import { chromium, type Browser, type Page } from '@playwright/test'
import { chromiumPath, missingChromium } from '../e2e/chromium'
import { ABOUT_TITLE, type BenchProject } from './projects'
import { summarize } from './stats'

/** Chromium as the e2e tests run it (CHROMIUM_PATH, default /usr/bin/chromium); one sentence when it is missing. */
export function launchChromium(): Promise<Browser> {
  const problem = missingChromium()
  if (problem) throw new Error(problem)
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  })
}

/** The page size every renderer is measured at. */
export const VIEWPORT = { width: 1280, height: 800 }

/** One open: ms from choosing the document (or from navigation, for the static pages). */
export interface OpenSample {
  openMs: number
  /** From the start to the frame that paints it (script, fetch, and waiting for that frame). */
  untilFrameMs: number
  /** That frame's rendering (style, layout, paint) on the main thread. */
  renderMs: number
  /** Until the main thread was first idle after the open (panel, list, saves). */
  settledMs: number
  longestTaskMs: number
  longTasksMs: number
  domNodes: number
  heapMB: number
}

/** One key press: ms from the key to the frame that shows its effect, and main-thread work in it. */
export interface InputSample {
  latencyMs: number
  /** From the key event to its handler starting (the main thread was busy). */
  inputDelayMs: number
  /** The key's task, and the rendering of the frame that paints the change. */
  handlerMs: number
  renderMs: number
  /** handlerMs + renderMs: the main-thread time the change costs before it is seen. */
  workMs: number
  /**
   * The measure of the key's task used until 2026-12-03: to a task posted from the first
   * listener, bounded by the next frame's start (it counted the wait for that frame).
   */
  untilFrameMs?: number
  /** Until the main thread was first idle after the key (what runs after the paint, too). */
  settledMs: number
}

/** One scroll from top to bottom. */
export interface ScrollSample {
  frames: number
  /** Time between frames (16.7 ms when none is dropped). */
  intervals: number[]
  /** Main-thread rendering of each frame. */
  works: number[]
  reachedBottom: boolean
}

/** Everything measured for one renderer on one case. */
export interface RendererRun {
  renderer: 'marginalia' | 'floor' | 'recogito'
  case: string
  open: OpenSample[]
  add: InputSample[]
  remove: InputSample[]
  scroll: ScrollSample[]
  /** Marginalia only: ms from a click on the last annotation in the list (the text at its top) to the frame that shows it in the text. */
  jump?: number[]
  errors: string[]
}

/** How much to measure per case. */
export interface RunPlan {
  /** Fresh pages (one open each). */
  runs: number
  /** Highlights added and deleted in each page. */
  inputsPerRun: number
  /** Pages in which to scroll (the first ones). */
  scrollRuns: number
  scrollFrames: number
  openTimeoutMs: number
}

/** Call a method of the injected probe with JSON arguments. */
function probe<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(`benchProbe.${method}(${args.map((a) => JSON.stringify(a)).join(', ')})`) as Promise<T>
}

/** JS heap used (MB) after a forced garbage collection, from CDP Performance.getMetrics. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('Performance.enable')
    const { metrics } = await cdp.send('Performance.getMetrics')
    return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN) / 1_048_576
  } finally {
    await cdp.detach()
  }
}

/** What differs between the three renderers: how a page is opened and what shows a change. */
export interface Target {
  renderer: RendererRun['renderer']
  /** Load a fresh page and make it open the document; the probe is already injected. */
  open: (page: Page) => Promise<void>
  /** Wait until the page has finished with a change (saved, idle). */
  settle: (page: Page) => Promise<void>
  addCondition: string
  removeCondition: string
  /** Set for a navigation-timed page: arm the probe at document start. */
  armAtStart: boolean
  /** Jump from the top of the text to its last annotation (a click in the list); ms to the frame that shows it. */
  jump?: (page: Page) => Promise<number>
}

/**
 * Wait until the page's own DOM has an element matching `selector` (whose text is `text`, when
 * given) and return the middle of its box. This reads the DOM with a plain evaluate, not with
 * Playwright's locators: the first locator injects Playwright's selector engine into the page
 * (about 0.7 MB of JS heap, measured), which the floor and peer pages, driven by navigation and
 * the probe alone, never carry, so a heap taken after a locator-driven open would not compare.
 */
async function findInPage(
  page: Page,
  selector: string,
  text: string | null,
  match: 'exact' | 'contains' = 'exact',
  timeoutMs = 30_000,
): Promise<{ x: number; y: number }> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    // A string, not a function: the bench compiles without the DOM's types (and the page's CSP allows it).
    const box = (await page.evaluate(`(() => {
      const want = ${JSON.stringify(text)}
      const has = (e) => want === null || (${JSON.stringify(match)} === 'exact' ? e.textContent?.trim() === want : !!e.textContent?.includes(want))
      const el = [...document.querySelectorAll(${JSON.stringify(selector)})].find(has)
      if (!el) return null
      el.scrollIntoView({ block: 'nearest' })
      const r = el.getBoundingClientRect()
      return r.width > 0 && r.height > 0 ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null
    })()`)) as { x: number; y: number } | null
    if (box) return box
    if (Date.now() > deadline) throw new Error(`${selector}${text === null ? '' : ` "${text}"`} did not appear within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Click the middle of what findInPage finds, with the mouse (as a user's click arrives). */
async function clickInPage(page: Page, selector: string, text: string | null): Promise<void> {
  const { x, y } = await findInPage(page, selector, text)
  await page.mouse.click(x, y)
}

/** Marginalia in browser mode at `url`: open = click the document in the list. */
export function marginaliaTarget(url: string, p: BenchProject): Target {
  const inList = 'nav[aria-label="Documents"] .doc-title'
  return {
    renderer: 'marginalia',
    armAtStart: false,
    addCondition: 'marginaliaSelected',
    removeCondition: 'marginaliaNoSelected',
    async open(page) {
      await page.goto(url)
      // The app opens a document by itself: the one open last time (the host remembers it, so
      // after the first page that is the long text), else the first (the short "About" text).
      // Each open is measured from the short one. No locator is used before the heap is taken
      // (findInPage says why).
      await findInPage(page, '.ProseMirror', null)
      await findInPage(page, inList, p.title)
      await clickInPage(page, inList, ABOUT_TITLE)
      await findInPage(page, '.ProseMirror', ABOUT_TITLE, 'contains')
      await probe(page, 'idle')
      await probe(page, 'armOpen', 'marginaliaOpen', { paragraphs: p.corpus.paragraphs, highlights: p.spans.length }, 'click')
      await clickInPage(page, inList, p.title)
    },
    async settle(page) {
      await probe(page, 'until', 'marginaliaSaved', 30_000)
      await probe(page, 'idle')
    },
    async jump(page) {
      // From the top of the text, nothing selected, to the last annotation of the list.
      await page.keyboard.press('Escape')
      await page.locator('.text-scroll').evaluate((el) => (el.scrollTop = 0))
      await page.locator('.annotation-list').evaluate((el) => (el.scrollTop = el.scrollHeight))
      await probe(page, 'frames', 3)
      await probe(page, 'idle')
      await probe(page, 'armOpen', 'marginaliaRevealed', null, 'click')
      await page.locator('.annotation-list .row-button').last().click()
      return (await probe<{ openMs: number }>(page, 'openResult', 30_000)).openMs
    },
  }
}

/** A static page (the floor or the peer) at `url`: open = the page load. */
export function pageTarget(renderer: 'floor' | 'recogito', url: string): Target {
  return {
    renderer,
    armAtStart: true,
    addCondition: 'pageAdded',
    removeCondition: 'pageRemoved',
    async open(page) {
      await page.goto(url, { waitUntil: 'commit' })
    },
    async settle(page) {
      await probe(page, 'idle')
    },
  }
}

/** `promise`, or an error once `ms` have passed. */
function withLimit<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`open: not painted within ${ms} ms`)), ms)
  })
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer))
}

/**
 * Press `key` and measure it: the key goes down, the frame that shows its effect is awaited, and
 * only then does the key come up, as a typist's does tens of milliseconds later. Until 2026-12-03
 * the bench pressed it with `keyboard.press`, whose key-up follows the key-down at once: it then
 * often arrived just after the key's frame, and Chromium holds other tasks back after a discrete
 * input until the next frame (a trace of the 5 MB case showed it), so the probe's task that marks
 * the end of the key's frame ran a whole frame late while the main thread sat idle: 14–16 ms of
 * "rendering" in 1 key of 5 or so, none of it work.
 */
async function pressAndMeasure(page: Page, key: string, condition: string): Promise<InputSample> {
  await probe(page, 'armInput', condition)
  await page.keyboard.down(key)
  try {
    return await probe<InputSample>(page, 'inputResult', 30_000)
  } finally {
    await page.keyboard.up(key)
  }
}

/** Measure one renderer on one case: `plan.runs` fresh pages. */
export async function measureRenderer(
  browser: Browser,
  target: Target,
  caseName: string,
  probeScript: string,
  plan: RunPlan,
  log: (s: string) => void,
): Promise<RendererRun> {
  const result: RendererRun = { renderer: target.renderer, case: caseName, open: [], add: [], remove: [], scroll: [], errors: [] }
  const init = target.armAtStart ? `${probeScript}\n;benchProbe.armOpen('pageReady', null, 'navigation')` : probeScript
  for (let run = 0; run < plan.runs; run++) {
    const context = await browser.newContext({ viewport: VIEWPORT })
    const page = await context.newPage()
    page.on('pageerror', (e) => result.errors.push(`page error: ${e.message}`))
    try {
      await page.addInitScript({ content: init })
      await target.open(page)
      // The page's own timer cannot fire while one long task holds its main thread (the peer loads
      // 50k spans in one), so the time limit is kept here too, and the page closed when it passes.
      const open = await withLimit(probe<Omit<OpenSample, 'heapMB'>>(page, 'openResult', plan.openTimeoutMs), plan.openTimeoutMs + 5_000)
      const heapMB = await heapAfterGc(page)
      result.open.push({ ...open, heapMB })
      log(`  ${target.renderer} ${caseName} run ${run + 1}/${plan.runs}: open ${open.openMs.toFixed(0)} ms, heap ${heapMB.toFixed(1)} MB`)
      await target.settle(page)
      for (let i = 0; i < plan.inputsPerRun; i++) {
        const selected = await probe<string>(page, 'selectWords', '.text-scroll', run * plan.inputsPerRun + i, 4)
        if (!selected.trim()) throw new Error('could not select words in the text')
        await probe(page, 'frames', 2)
        result.add.push(await pressAndMeasure(page, '1', target.addCondition))
        await target.settle(page)
        result.remove.push(await pressAndMeasure(page, 'Delete', target.removeCondition))
        await target.settle(page)
      }
      if (target.jump && run < plan.scrollRuns) (result.jump ??= []).push(await target.jump(page))
      if (run < plan.scrollRuns) {
        const s = await probe<Omit<ScrollSample, 'frames'>>(page, 'scroll', '.text-scroll', plan.scrollFrames)
        result.scroll.push({ ...s, frames: plan.scrollFrames })
      }
    } catch (e) {
      const message = e instanceof Error ? e.message.split('\n')[0]! : String(e)
      result.errors.push(`run ${run + 1}: ${message}`)
      log(`  ${target.renderer} ${caseName} run ${run + 1}: ${message}`)
      if (/not painted within/.test(message)) {
        await context.close().catch(() => undefined)
        break
      }
    }
    await context.close().catch(() => undefined)
  }
  return result
}

/** The width of Marginalia's text column (px), so the other pages wrap the same lines. */
export async function marginaliaColumnWidth(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  try {
    const page = await context.newPage()
    await page.goto(url)
    await page.locator('.ProseMirror').waitFor()
    return (await page.evaluate(`document.querySelector('.ProseMirror').getBoundingClientRect().width`)) as number
  } finally {
    await context.close()
  }
}

/** What the probe measures for a key whose listener is busy for a known time (calibrateKeyProbe). */
export interface KeyProbeCheck {
  /** How long the page's keydown listener keeps the main thread busy. */
  busyMs: number
  keys: number
  /** Median of the probe's handlerMs (the key's dispatch): should be about busyMs. */
  handlerMs: number
  /** Median of the old measure (untilFrameMs) for the same keys. */
  untilFrameMs: number
  /** The probe's renderMs, median and worst: the page's frame is busy for FRAME_WORK_MS, so both should be about that. */
  renderMs: number
  renderWorstMs: number
}

/** How long the calibration page's frame after each key keeps the main thread busy (a requestAnimationFrame callback). */
export const FRAME_WORK_MS = 4

/**
 * Check the key measure on a page whose keydown listener does nothing but stay busy for a known
 * time (0 and 8 ms): the probe's handlerMs must come out at about that time, whatever the wait for
 * the next frame. Reported with every run, so a probe that counts idle time shows.
 */
export async function calibrateKeyProbe(browser: Browser, probeScript: string, keys = 12): Promise<KeyProbeCheck[]> {
  const out: KeyProbeCheck[] = []
  for (const busyMs of [0, 8]) {
    const context = await browser.newContext({ viewport: VIEWPORT })
    try {
      const page = await context.newPage()
      await page.addInitScript({ content: probeScript })
      const html =
        '<!doctype html><html><body><p id="p">A line of text.</p><script>' +
        'let added = false; globalThis.benchPage = { ready: () => true, added: () => added };' +
        `addEventListener('keydown', () => { const t = performance.now(); while (performance.now() - t < ${busyMs}) {}` +
        " added = !added; document.getElementById('p').classList.toggle('on');" +
        ` requestAnimationFrame(() => { const r = performance.now(); while (performance.now() - r < ${FRAME_WORK_MS}) {} }) })` +
        '</script></body></html>'
      await page.route('http://calibration.invalid/', (r) => r.fulfill({ contentType: 'text/html', body: html }))
      await page.goto('http://calibration.invalid/')
      const samples: InputSample[] = []
      for (let i = 0; i < keys; i++) {
        await probe(page, 'frames', 2)
        samples.push(await pressAndMeasure(page, '1', i % 2 === 0 ? 'pageAdded' : 'pageRemoved'))
      }
      out.push({
        busyMs,
        keys,
        handlerMs: summarize(samples.map((x) => x.handlerMs)).median,
        untilFrameMs: summarize(samples.map((x) => x.untilFrameMs ?? Number.NaN)).median,
        renderMs: summarize(samples.map((x) => x.renderMs)).median,
        renderWorstMs: summarize(samples.map((x) => x.renderMs)).max,
      })
    } finally {
      await context.close()
    }
  }
  return out
}
