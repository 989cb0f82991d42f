/**
 * Reviewing the open document: load the compared layers and their review units, move between
 * units, and settle them. Decisions go to the host one at a time, in the order they were made;
 * the screen moves on to the next open disagreement at once and draws the reviewed layer when
 * the host's reply comes back, so deciding unit after unit from the keyboard never waits.
 */
import { ApiError, type Client, type ReviewedState } from '../../../../shared/api'
import type { UnitDecision } from '../../../../shared/model/review'
import { messageOf } from '../model/errors'
import { withRetries } from '../model/retry'
import {
  decisionOf,
  nextOpen,
  openCounts,
  reviewModel,
  unitOfReviewed,
  withReviewed,
  type HeldText,
  type ReviewModel,
} from '../model/review-model'
import { layerOfSpan, REVIEWED } from '../model/review-layers'
import type { SessionState } from '../model/session-state'
import type { ReviewSurface, SpanRef } from '../model/text-surface'
import type { Store } from '../model/store'
import { plural } from '../../../../shared/plural'

/** One review action, as the units' decisions before and after it. */
interface ReviewStep {
  before: { unit: string; decision: UnitDecision }[]
  after: { unit: string; decision: UnitDecision }[]
}

/** The actions to take back (last at the end) and to do again. */
interface ReviewHistory {
  undo: ReviewStep[]
  redo: ReviewStep[]
}

/** The review of the open document. */
export class Reviewing {
  /** The text under review, while its view is mounted (see model/text-surface.ts). */
  surface: ReviewSurface | null = null
  private chain: Promise<unknown> = Promise.resolve()
  /** Units with a decision on its way. */
  private readonly deciding = new Set<string>()
  /**
   * Review actions of this window, for Ctrl+Z and Shift+Ctrl+Z: the open review's, and every other
   * review of this project met in this window (a document and whom it compares), so leaving a
   * review for Annotate or another document and coming back keeps them.
   */
  private history: ReviewHistory = { undo: [], redo: [] }
  private readonly histories = new Map<string, ReviewHistory>()
  private loading = 0
  /** Decisions sent and not yet answered. */
  private sending = 0
  /** “Accept all agreed” sent and not yet answered: it is recorded for undo only then. */
  private acceptsPending = 0

  constructor(
    private readonly store: Store<SessionState>,
    private readonly client: Client,
    private readonly hint: (text: string | null, tone?: 'info' | 'error') => void,
  ) {}

  private get model(): ReviewModel | null {
    return this.store.get().review
  }

  /**
   * Load (or reload) the review of a document, after `before` and every decision sent so far; keeps
   * the current unit when it still exists. With nothing to wait for, the request is sent before
   * this returns.
   */
  async open(
    document: string,
    annotators: readonly string[],
    before: Promise<void> | null = null,
    held: HeldText | null = null,
  ): Promise<void> {
    const ticket = ++this.loading
    try {
      if (before) await before
      if (this.sending > 0) await this.chain
      const view = await this.client.call('review.open', {
        document,
        annotators: [...annotators],
        ...(held ? { have: held.sha256 } : {}),
      })
      if (ticket !== this.loading) return
      const model = reviewModel(view, annotators, held)
      const previous = this.store.get().unit
      const same = this.model?.document === document
      const unit = same && previous !== null && model.indexOf.has(previous) ? previous : nextOpen(model, null, 1)
      if (!same) this.history = this.historyOf(document, annotators)
      this.store.set({ review: model, unit, stale: null, editing: same ? this.store.get().editing : null })
      this.progressed(model.reviewed)
    } catch (e) {
      if (ticket === this.loading) this.hint(messageOf(e), 'error')
    }
  }

  /** Forget the review (leaving review mode or the open document); its undo history is kept. */
  close(): void {
    this.loading++
    this.surface = null
    this.store.set({ review: null, unit: null, editing: null, stale: null })
  }

  /** Forget the review and every undo history (another project opened). */
  reset(): void {
    this.close()
    this.histories.clear()
    this.history = { undo: [], redo: [] }
  }

  private historyOf(document: string, annotators: readonly string[]): ReviewHistory {
    const key = JSON.stringify([document, annotators])
    let found = this.histories.get(key)
    if (!found) this.histories.set(key, (found = { undo: [], redo: [] }))
    return found
  }

  /** Connect the review's text view; it marks the current unit and (when `reveal`) scrolls to it. */
  attach(surface: ReviewSurface, reveal = true): void {
    this.surface = surface
    const unit = this.unitRange(this.store.get().unit)
    surface.markRange(unit)
    if (unit && reveal) surface.revealRange(unit)
  }

  /** Disconnect a text view that is going away. */
  detach(surface: ReviewSurface): void {
    if (this.surface === surface) this.surface = null
  }

  private unitRange(key: string | null): { start: number; end: number } | null {
    const i = key === null ? undefined : this.model?.indexOf.get(key)
    return i === undefined ? null : this.model!.units[i]!
  }

  /** Make a unit the current one (null: none); `reveal` scrolls the text to it and flashes it. */
  select(key: string | null, reveal = true): void {
    const range = this.unitRange(key)
    this.store.set({ unit: range ? key : null, editing: null })
    this.surface?.markRange(range)
    if (range && reveal) this.surface?.revealRange(range)
  }

  /** A click in the text: the unit of the most specific span under it becomes the current one. */
  clickText(covering: readonly SpanRef[]): void {
    const model = this.model
    if (!model || this.store.get().editing !== null || covering.length === 0) return
    const hidden = this.store.get().hidden
    for (const span of covering) {
      const { layer, id } = layerOfSpan(span.id)
      if (hidden.includes(layer)) continue
      const key = layer === REVIEWED ? unitOfReviewed(model, id) : (model.unitOfMember.get(span.id) ?? null)
      if (key !== null) return this.select(key, false)
    }
  }

  /** Go to the next (1) or previous (-1) unsettled disagreement. */
  step(dir: 1 | -1): void {
    const model = this.model
    if (!model) return
    const key = nextOpen(model, this.store.get().unit, dir, this.deciding)
    if (key === null) return this.allSettledHint(model)
    this.select(key)
  }

  private allSettledHint(model: ReviewModel): void {
    const { agreed } = openCounts(model)
    this.hint(
      agreed > 0
        ? `Every disagreement is settled; ${plural(agreed, 'agreed unit')} ${agreed === 1 ? 'remains' : 'remain'}: “Accept all agreed” settles ${agreed === 1 ? 'it' : 'them'}.`
        : 'Every unit of this document is settled.',
    )
  }

  /** Settle (or reopen) a unit; after a settling decision the next open disagreement is shown. */
  decide(key: string, decision: UnitDecision, advance = decision.action !== 'reopen'): void {
    const model = this.model
    if (!model || !model.indexOf.has(key)) return
    const { document, annotators } = model
    this.deciding.add(key)
    this.record({ before: [{ unit: key, decision: decisionOf(model, key) }], after: [{ unit: key, decision }] })
    this.hint(null)
    if (advance) {
      const next = nextOpen(model, key, 1, this.deciding)
      if (next === null) this.select(key, false)
      else this.select(next)
    } else this.store.set({ editing: null })
    this.send(key, () => this.client.call('review.decide', { document, annotators: [...annotators], unit: key, decision }))
  }

  /** Remember a new action for undo (a new action forgets what was undone). */
  private record(step: ReviewStep): void {
    this.history.undo.push(step)
    this.history.redo = []
  }

  /** Accept the agreed version of every agreed unit not yet settled (one step for undo). */
  acceptAgreed(): void {
    const model = this.model
    if (!model) return
    const { document, annotators } = model
    this.acceptsPending++
    this.send(
      null,
      () => this.client.call('review.acceptAgreed', { document, annotators: [...annotators] }),
      (before, after) => {
        const accepted = [...after.decisions.keys()].filter((k) => !before.decisions.has(k))
        if (accepted.length > 0) {
          this.record({
            before: accepted.map((unit) => ({ unit, decision: { action: 'reopen' } as const })),
            after: accepted.map((unit) => ({ unit, decision: decisionOf(after, unit) })),
          })
        }
        this.hint(accepted.length > 0 ? `Accepted ${plural(accepted.length, 'agreed unit')}.` : 'No agreed unit was left open.')
      },
    )
    void this.chain.finally(() => this.acceptsPending--)
  }

  /** Resolves once every decision sent so far has been answered (saved, or its failure shown). */
  async settled(): Promise<void> {
    await this.chain
  }

  /** Take back the last review action of this window (Ctrl+Z in review mode): one decision, or a whole “Accept all agreed”. */
  undoLast(): void {
    // An “Accept all agreed” on its way is recorded when it is answered: take back after that.
    if (this.acceptsPending > 0) return void this.settled().then(() => this.undoLast())
    const step = this.history.undo.pop()
    if (!step) return this.hint('No review action of yours to take back in this document.')
    this.history.redo.push(step)
    this.apply(step.before, 'Taken back.')
  }

  /** Do again what was last taken back (Shift+Ctrl+Z in review mode). */
  redoLast(): void {
    if (this.acceptsPending > 0) return void this.settled().then(() => this.redoLast())
    const step = this.history.redo.pop()
    if (!step) return this.hint('Nothing to redo in this review.')
    this.history.undo.push(step)
    this.apply(step.after, 'Done again.')
  }

  private apply(items: readonly { unit: string; decision: UnitDecision }[], said: string): void {
    const model = this.model
    if (!model) return
    const { document, annotators } = model
    const first = items[0]?.unit ?? null
    if (first !== null && model.indexOf.has(first)) this.select(first)
    this.send(
      null,
      () => this.client.call('review.decideMany', { document, annotators: [...annotators], items: [...items] }),
      () => this.hint(items.length > 1 ? `${said} (${items.length} units)` : said),
    )
  }

  private send(key: string | null, call: () => Promise<ReviewedState>, done?: (before: ReviewModel, after: ReviewModel) => void): void {
    const document = this.model?.document
    // The reviewed layer was busy: the same decision is sent again shortly, a few times.
    const waiting = (e: unknown) => this.hint(`Not saved: ${messageOf(e).replace(/\.?$/, '.')} Trying again…`, 'error')
    this.sending++
    this.chain = this.chain
      .then(() => withRetries(call, waiting))
      .then(
        (reviewed) => {
          const model = this.model
          if (!model || model.document !== document) return
          const after = withReviewed(model, reviewed)
          this.show(model, after)
          done?.(model, after)
          if (key !== null && this.store.get().unit === key && openCounts(this.model!).disagreements === 0) this.allSettledHint(this.model!)
        },
        (e: unknown) => {
          if (e instanceof ApiError && e.code === 'conflict') this.store.set({ stale: e.message })
          else this.hint(messageOf(e), 'error')
        },
      )
      .finally(() => {
        this.sending--
        if (key !== null) this.deciding.delete(key)
      })
  }

  private show(before: ReviewModel, after: ReviewModel): void {
    this.surface?.showReviewed(before.reviewed.annotations, after.reviewed.annotations)
    this.store.set({ review: after })
    this.progressed(after.reviewed)
  }

  private progressed(reviewed: ReviewedState): void {
    const { progress, review } = this.store.get()
    if (!review) return
    this.store.set({ progress: { ...progress, [review.document]: { settled: reviewed.settled, total: reviewed.total } } })
  }

  /** Show the span an edit would store (null: back to the unit). */
  preview(range: { start: number; end: number } | null): void {
    this.surface?.markRange(range ?? this.unitRange(this.store.get().unit))
  }

  /** Show or hide a layer (an annotator's name, or "_reviewed") in the text. */
  toggleLayer(layer: string): void {
    const hidden = this.store.get().hidden
    this.store.set({ hidden: hidden.includes(layer) ? hidden.filter((l) => l !== layer) : [...hidden, layer] })
  }
}
