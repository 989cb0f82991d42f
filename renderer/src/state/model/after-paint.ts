/**
 * Run work in a task of its own once the next frame has been painted, so it never sits between a
 * key press and what the key changed appearing on screen: the side panels' React render, the
 * request that saves the change (whose serialising, and the host's write competing for the same
 * processor cores, would otherwise land in the key's frame). A hidden window runs it at once (in a
 * task of its own); one whose frames stop without it saying so runs it after FALLBACK_MS, so
 * nothing waits on a window nobody looks at; without a browser's frames at all (Node, tests) it
 * runs on the next microtask.
 */
export const FALLBACK_MS = 100

export function afterPaint(work: () => void): void {
  if (typeof requestAnimationFrame !== 'function') {
    queueMicrotask(work)
    return
  }
  // A hidden window paints nothing until it is shown again: nothing to wait for.
  if (typeof document !== 'undefined' && document.visibilityState === 'hidden') {
    setTimeout(work, 0)
    return
  }
  let done = false
  const run = () => {
    if (done) return
    done = true
    clearTimeout(fallback)
    work()
  }
  // A task posted from a frame's callback runs after that frame's style, layout and paint.
  requestAnimationFrame(() => setTimeout(run, 0))
  const fallback = setTimeout(run, FALLBACK_MS)
}
