// The measuring side of the benchmark, injected into every measured page (Marginalia, the floor,
// the peer) with Playwright's addInitScript, before the page's own scripts run. It keeps a
// requestAnimationFrame loop going and, for each frame, notes when its callback ran (first in the
// frame: it re-registers before anything else can) and when the frame's rendering work was done
// (a user-blocking task posted from that callback runs right after style, layout and paint). A
// condition ("the highlights exist") checked at both points tells in which frame a change was
// painted: true at a frame's start means a task before the frame made it, so this frame paints it;
// first true at a frame's end means a requestAnimationFrame callback of this frame made it (as
// @recogito/text-annotator draws), so this frame paints it too, unless an input event ran between
// the rendering and the check. No fixed sleeps: every wait ends on a frame.
;(() => {
  const now = () => performance.now()
  /** Run `fn` as a task of its own, ahead of ordinary timers and messages. */
  const post = (fn) => {
    const s = globalThis.scheduler
    if (s && typeof s.postTask === 'function') s.postTask(fn, { priority: 'user-blocking' })
    else setTimeout(fn, 0)
  }

  let lastInputAt = -1
  /** Called with ('start' | 'end', frame timestamp, now) for every frame while registered. */
  const watchers = new Set()
  /** Called at each frame's start with its timestamp (the scroll driver). */
  let onFrame = null

  const loop = (ts) => {
    requestAnimationFrame(loop)
    const at = now()
    if (onFrame) onFrame(ts, at)
    for (const w of Array.from(watchers)) w('start', ts, at)
    post(() => {
      const end = now()
      for (const w of Array.from(watchers)) w('end', ts, end, at)
    })
  }
  requestAnimationFrame(loop)

  /** The armed key press or click, filled in by listeners registered before the page's own. */
  let armedKey = null
  let armedClick = null
  addEventListener(
    'keydown',
    (e) => {
      const at = now()
      lastInputAt = at
      const key = armedKey
      if (!key || key.handlerAt !== null) return
      key.handlerAt = at
      key.at = Math.min(e.timeStamp, at)
      post(() => (key.handledAt = now()))
    },
    { capture: true },
  )
  addEventListener(
    'click',
    (e) => {
      lastInputAt = now()
      if (armedClick && armedClick.at === null) armedClick.at = Math.min(e.timeStamp, lastInputAt)
    },
    { capture: true },
  )
  addEventListener('mousedown', () => (lastInputAt = now()), { capture: true })

  const longTasks = []
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    // No long task timing: the results just lack that column.
  }

  /**
   * Resolves when the frame that paints `cond()` becoming true has finished its rendering work:
   * { seenAt, frameAt, paintedAt } (performance.now() times).
   */
  const whenPainted = (cond) =>
    new Promise((resolve) => {
      let seen = null
      const w = (phase, _ts, t, startOfFrame) => {
        if (seen === null) {
          if (!cond()) return
          // First true at a frame's end after an input task ran past that frame's rendering: the
          // input made the change, so the next frame paints it.
          seen = { at: t, late: phase === 'end' && lastInputAt > startOfFrame }
          if (phase === 'start' || seen.late) return
        } else if (phase === 'start') {
          seen.late = false
          return
        }
        if (seen.late) return
        watchers.delete(w)
        resolve({ seenAt: seen.at, frameAt: startOfFrame, paintedAt: t })
      }
      watchers.add(w)
    })

  const withTimeout = (promise, ms, what) =>
    Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: not painted within ${ms} ms`)), ms))])

  const longTasksBetween = (from, to) => {
    const inside = longTasks.filter((t) => t.start + t.duration > from && t.start < to)
    return { longestTaskMs: Math.max(0, ...inside.map((t) => t.duration)), longTasksMs: inside.reduce((s, t) => s + t.duration, 0) }
  }

  const conditions = {
    /**
     * Marginalia: the editor shows the document's paragraphs and its highlights are drawn. It
     * draws the highlights of the paragraphs near the viewport only (more as the user scrolls),
     * so "drawn" means at least one highlight element once there are any to draw.
     */
    marginaliaOpen:
      ({ paragraphs, highlights }) =>
      () => {
        const root = document.querySelector('.ProseMirror')
        // The text view draws a window of the text around the viewport and says how many lines
        // the whole text has; the document is open once that text's window and its highlights are in.
        const lines = Number(root?.getAttribute('data-text-lines') ?? root?.childElementCount ?? 0)
        return root !== null && lines >= paragraphs && root.getElementsByClassName('mg-hl').length >= Math.min(highlights, 1)
      },
    /** Marginalia: a highlight is drawn as selected (a new one is, right after tagging). */
    marginaliaSelected: () => () => document.getElementsByClassName('mg-selected').length > 0,
    marginaliaNoSelected: () => () => document.getElementsByClassName('mg-selected').length === 0,
    /** Marginalia: the selected highlight is drawn inside the text's viewport (a jump to it landed). */
    marginaliaRevealed: () => () => {
      const box = document.querySelector('.text-scroll')?.getBoundingClientRect()
      const shown = document.querySelector('.ProseMirror .mg-selected')?.getBoundingClientRect()
      return box !== undefined && shown !== undefined && shown.bottom > box.top && shown.top < box.bottom
    },
    /** Marginalia's review: every compared annotator's lane has spans drawn and the progress is shown. */
    marginaliaReview:
      ({ lanes }) =>
      () =>
        document.querySelector('[data-testid="review-progress"]') !== null &&
        Array.from({ length: lanes }, (_, i) => i).every((lane) => document.querySelector(`.mg-rv-lane-${lane}`) !== null),
    /** Marginalia's header says every change is on disk. */
    marginaliaSaved: () => () => document.querySelector('[data-testid=save-state]')?.textContent === 'Saved',
    /** The floor and the peer say when their page is loaded and drawn. */
    pageReady: () => () => globalThis.benchPage?.ready?.() === true,
    pageAdded: () => () => globalThis.benchPage?.added?.() === true,
    pageRemoved: () => () => globalThis.benchPage?.added?.() === false,
  }

  let pendingOpen = null
  let pendingInput = null

  globalThis.benchProbe = {
    /**
     * Start watching for an open. `from: 'click'` counts from the next click (choosing the
     * document in Marginalia's list); `from: 'navigation'` from the start of the page load.
     */
    armOpen(cond, arg, from) {
      const condition = conditions[cond](arg)
      const start = { at: null, navigation: from === 'navigation' }
      if (from === 'click') armedClick = start
      pendingOpen = whenPainted(condition).then((p) => ({ ...p, start }))
    },
    /** Wait for the armed open: its times in ms from its start. */
    async openResult(timeoutMs) {
      const p = await withTimeout(pendingOpen, timeoutMs, 'open')
      // A page load counts from the start of its fetch (after the browser has a renderer for it),
      // as Marginalia's open counts from the click that starts its fetch.
      if (p.start.navigation) p.startAt = performance.getEntriesByType('navigation')[0]?.fetchStart ?? 0
      else p.startAt = p.start.at
      if (p.startAt === null) throw new Error('open: no click was seen')
      const settledAt = await new Promise((resolve) => requestIdleCallback(() => resolve(now())))
      performance.measure('bench-open', { start: p.startAt, end: p.paintedAt })
      return {
        openMs: p.paintedAt - p.startAt,
        untilFrameMs: p.frameAt - p.startAt,
        renderMs: p.paintedAt - p.frameAt,
        settledMs: settledAt - p.startAt,
        ...longTasksBetween(p.startAt, p.paintedAt),
        domNodes: document.getElementsByTagName('*').length,
      }
    },
    /** Start watching for the effect of the next key press. */
    armInput(cond) {
      const condition = conditions[cond]()
      if (condition()) throw new Error(`input: "${cond}" already holds before the key press`)
      const key = { at: null, handlerAt: null, handledAt: null, dispatchedAt: null }
      armedKey = key
      // The end of the key's dispatch: listeners added now run after the page's own on the window,
      // in the capture phase (where a shortcut handler that stops propagation runs) and in the
      // bubble phase (when nothing stopped it); each page listener's microtasks ran before them.
      const ended = (e) => {
        if (e.type === 'keydown' && armedKey === key && key.handlerAt !== null) key.dispatchedAt = now()
      }
      for (const capture of [true, false]) {
        const once = (e) => {
          removeEventListener('keydown', once, { capture })
          ended(e)
        }
        addEventListener('keydown', once, { capture })
      }
      pendingInput = whenPainted(condition).then((p) => ({ ...p, key }))
    },
    /**
     * Wait for the armed key press to be painted: latency (key to the frame that shows it done),
     * and the main-thread work in it: the key's task plus that frame's rendering.
     */
    async inputResult(timeoutMs) {
      const { key, frameAt: f, paintedAt } = await withTimeout(pendingInput, timeoutMs, 'input')
      if (key.at === null) throw new Error('input: no key press was seen')
      const settledAt = await new Promise((resolve) => requestIdleCallback(() => resolve(now())))
      // The key's dispatch, from the first listener to the last one's end. (Until 2026-12-03 this
      // ran to a task posted from the first listener, bounded by the frame's start; Chromium runs
      // that task after the frame that follows an input, so it counted the wait for that frame:
      // ~12 ms for a listener that does nothing. The calibration in bench/browser.ts checks this.)
      const untilFrameMs = Math.min(key.handledAt ?? paintedAt, f) - key.handlerAt
      const handlerMs = key.dispatchedAt !== null ? key.dispatchedAt - key.handlerAt : untilFrameMs
      return {
        latencyMs: paintedAt - key.at,
        inputDelayMs: key.handlerAt - key.at,
        handlerMs,
        renderMs: paintedAt - f,
        workMs: handlerMs + (paintedAt - f),
        untilFrameMs,
        settledMs: settledAt - key.at,
      }
    },
    /** Resolve at the first frame in which a named condition holds. */
    until(cond, timeoutMs) {
      const condition = conditions[cond]()
      const wait = new Promise((resolve) => {
        const w = () => {
          if (!condition()) return
          watchers.delete(w)
          resolve()
        }
        watchers.add(w)
      })
      return withTimeout(wait, timeoutMs, cond)
    },
    /** Resolve after `n` frames have been rendered. */
    frames(n) {
      return new Promise((resolve) => {
        let left = n
        const w = (phase) => {
          if (phase !== 'end' || --left > 0) return
          watchers.delete(w)
          resolve()
        }
        watchers.add(w)
      })
    },
    /** Resolve when the page has been idle twice in a row (or after 3 s). */
    async idle() {
      for (let i = 0; i < 2; i++) await new Promise((r) => requestIdleCallback(r, { timeout: 3000 }))
    },
    /**
     * Select `words` whole words in a paragraph near the top of the visible text (a different
     * place for each `iteration`); returns the selected text, or '' when nothing fit.
     */
    selectWords(scrollerSelector, iteration, words) {
      const scroller = document.querySelector(scrollerSelector)
      if (!scroller) return ''
      const box = scroller.getBoundingClientRect()
      const bottom = Math.min(box.bottom, innerHeight) - 40
      const x = box.left + box.width / 2
      // Start lower for each iteration; where the point misses text, or the rest of the line is too
      // short for `words` words, try further down.
      for (let y = box.top + 40 + ((iteration * 53) % Math.max(1, bottom - box.top - 120)); y < bottom; y += 23) {
        const text = this.selectWordsAt(x, y, words)
        if (text.trim().split(/\s+/).length >= words) return text
      }
      return ''
    },
    /** Select `words` words from the first word start after the point (x, y). */
    selectWordsAt(x, y, words) {
      const caret = document.caretRangeFromPoint(x, y)
      const para = caret?.startContainer.parentElement?.closest('p')
      if (!caret || !para) return ''
      const nodes = []
      const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n)
      const flat = nodes.map((n) => n.data).join('')
      let seen = 0
      for (const n of nodes) {
        if (n === caret.startContainer) break
        seen += n.data.length
      }
      let from = seen + (caret.startContainer.nodeType === Node.TEXT_NODE ? caret.startOffset : 0)
      while (from < flat.length && flat[from] !== ' ') from++
      while (from < flat.length && flat[from] === ' ') from++
      let to = from
      for (let w = 0; w < words && to < flat.length; w++) {
        while (to < flat.length && flat[to] === ' ') to++
        while (to < flat.length && flat[to] !== ' ') to++
      }
      if (to <= from) return ''
      const locate = (offset, preferEnd) => {
        let at = 0
        for (const n of nodes) {
          if (offset < at + n.data.length || (preferEnd && offset === at + n.data.length)) return [n, offset - at]
          at += n.data.length
        }
        const last = nodes[nodes.length - 1]
        return [last, last.data.length]
      }
      const [sn, so] = locate(from, false)
      const [en, eo] = locate(to, true)
      getSelection().setBaseAndExtent(sn, so, en, eo)
      return getSelection().toString()
    },
    /**
     * Scroll the element (or the page) from top to bottom in `frames` equal steps, one per frame,
     * as dragging the scroll bar does; returns the frame intervals and each frame's main-thread
     * rendering time, in ms.
     */
    scroll(selector, frames) {
      const el = selector ? document.querySelector(selector) : document.scrollingElement
      el.scrollTop = 0
      const total = el.scrollHeight - el.clientHeight
      const step = total / frames
      const stamps = []
      const works = []
      return new Promise((resolve) => {
        let k = 0
        const w = (phase, ts, t, startOfFrame) => {
          if (phase === 'end' && stamps.length > 1) works.push(t - startOfFrame)
        }
        watchers.add(w)
        onFrame = (ts) => {
          stamps.push(ts)
          if (k > frames) {
            onFrame = null
            watchers.delete(w)
            const intervals = stamps.slice(1).map((s, i) => s - stamps[i])
            resolve({ intervals, works, scrollHeight: el.scrollHeight, reachedBottom: el.scrollTop >= total - 2 })
            return
          }
          el.scrollTop = Math.min(total, ++k * step)
        }
      })
    },
  }
})()
