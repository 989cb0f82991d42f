/**
 * A small observable state holder for the session (React reads it through react/use-store.ts).
 * Listeners are told of changes in a batch, normally on the next microtask; while tagging, the
 * batch waits until the frame after the highlight has been painted, so React never sits between
 * the key press and the highlight appearing.
 */
import { afterPaint } from './after-paint'

type Listener = () => void

/** State that can be read, replaced field by field, and watched. */
export class Store<S extends object> {
  private state: S
  private readonly listeners = new Set<Listener>()
  private scheduled = false
  private deferring = 0

  constructor(initial: S) {
    this.state = initial
  }

  /** The current state. */
  get(): S {
    return this.state
  }

  /** Change some fields; listeners hear of it in the next batch. */
  set(patch: Partial<S>): void {
    this.state = { ...this.state, ...patch }
    this.schedule()
  }

  /** Watch for changes; returns the function that stops watching. */
  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Run `work` with notifications held back until after the next paint. */
  afterPaint<T>(work: () => T): T {
    this.deferring++
    try {
      return work()
    } finally {
      this.deferring--
    }
  }

  private schedule(): void {
    if (this.scheduled) return
    this.scheduled = true
    const flush = () => {
      this.scheduled = false
      for (const l of this.listeners) l()
    }
    if (this.deferring > 0) afterPaint(flush)
    else queueMicrotask(flush)
  }
}
