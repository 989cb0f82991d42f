/**
 * Sends annotation changes to the host in the order they were made, one request at a time, so the
 * store sees them in that order and a reply always means everything before it is on disk.
 * Changes queued while a request is out go together in the next request. When a request fails
 * the queue stops and hands back that request's changes and everything queued behind it, which
 * may depend on them, so the caller can roll them back and offer to retry — unless the owner
 * says to hold them (a conflict: the file was busy): then they stay queued, in order, and nothing
 * is sent until `resume`.
 */
import type { ApplyResult } from '../../../../shared/api'
import type { AnnotationOp } from '../../../../shared/model/annotation'

/** One change waiting to be saved. */
export interface Batch {
  /** The change's id (see UndoStack). */
  change: number
  document: string
  ops: AnnotationOp[]
  /** Ops that take the change back locally, should it fail. */
  inverse: AnnotationOp[]
}

/** What the queue reports to its owner. */
export interface SaveQueueHooks {
  send(document: string, ops: AnnotationOp[]): Promise<ApplyResult>
  /** A request succeeded; `batches` are the changes it carried. */
  saved(batches: Batch[], result: ApplyResult): void
  /** A request failed: `failed` are its changes and every change queued after them, oldest first. */
  failed(failed: Batch[], error: unknown): void
  /** The number of unsaved changes went up or down. */
  changed(): void
  /** A request failed: return true to keep its changes queued and pause until `resume`. */
  hold?(error: unknown): boolean
  /**
   * When to send a change queued while nothing is out (the app: after the next paint, so the
   * request is not made in the key's frame; changes made meanwhile go with it). Default: at once.
   */
  later?(send: () => void): void
}

const MAX_OPS = 5000

/** The ordered queue of unsaved changes. */
export class SaveQueue {
  private queue: Batch[] = []
  private inFlight: Batch[] = []
  private paused = false

  constructor(private readonly hooks: SaveQueueHooks) {}

  /** Changes not yet confirmed by the host (queued or being sent). */
  get pending(): readonly Batch[] {
    return [...this.inFlight, ...this.queue]
  }

  /** True while changes are held after a refused request, waiting for `resume`. */
  get held(): boolean {
    return this.paused
  }

  /** Send the held changes again (and whatever was queued behind them). */
  resume(): void {
    this.paused = false
    this.pump()
  }

  /** Take out every change not yet sent (held or queued), oldest first, and stop holding. */
  drop(): Batch[] {
    const dropped = this.queue
    this.queue = []
    this.paused = false
    this.hooks.changed()
    return dropped
  }

  /** True when nothing waits to be saved. */
  get idle(): boolean {
    return this.queue.length === 0 && this.inFlight.length === 0
  }

  private waiting = false

  /** Queue a change and start sending if nothing is out (when the owner's `later` says). */
  enqueue(batch: Batch): void {
    this.queue.push(batch)
    this.hooks.changed()
    if (!this.hooks.later) return this.pump()
    if (this.waiting) return
    this.waiting = true
    this.hooks.later(() => {
      this.waiting = false
      this.pump()
    })
  }

  /** Send what waits for `later` at once (the page is being left, or the owner flushes). */
  sendWaiting(): void {
    this.pump()
  }

  private pump(): void {
    if (this.paused || this.inFlight.length || !this.queue.length) return
    const document = this.queue[0]!.document
    const take: Batch[] = []
    let ops = 0
    while (this.queue.length && this.queue[0]!.document === document && (take.length === 0 || ops + this.queue[0]!.ops.length <= MAX_OPS)) {
      const b = this.queue.shift()!
      ops += b.ops.length
      take.push(b)
    }
    this.inFlight = take
    this.hooks
      .send(
        document,
        take.flatMap((b) => b.ops),
      )
      .then(
        (result) => {
          this.inFlight = []
          this.hooks.saved(take, result)
          this.hooks.changed()
          this.pump()
        },
        (error: unknown) => {
          if (this.hooks.hold?.(error)) {
            this.queue = [...take, ...this.queue]
            this.inFlight = []
            this.paused = true
            this.hooks.changed()
            return
          }
          const failed = [...take, ...this.queue]
          this.inFlight = []
          this.queue = []
          this.hooks.failed(failed, error)
          this.hooks.changed()
        },
      )
  }
}
