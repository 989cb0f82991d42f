/**
 * Which view the window shows (annotate, review, agreement) and what review mode needs around the
 * open document: whom to compare (chosen once and remembered by the host for the project, so it
 * survives a restart), who has layers at all, and the review progress of every document.
 */
import type { AnnotatorSummary, Client } from '../../../../shared/api'
import { messageOf } from '../model/errors'
import type { Reviewing } from './reviewing'
import type { HeldText } from '../model/review-model'
import type { SessionState, View } from '../model/session-state'
import type { Store } from '../model/store'

/** What review mode needs from the rest of the session. */
export interface ReviewModeHooks {
  /** The open document's id, or null. */
  document(): string | null
  /** The open document's text as the page holds it (the review's reply then leaves it out), or null. */
  text(): HeldText | null
  /** Resolves once the annotator's own changes are saved (so the review reads them). */
  saved(): Promise<void>
  /** Whether some of the annotator's own changes are still being saved (what was waiting is sent first). */
  saving(): boolean
  hint(text: string | null, tone?: 'info' | 'error'): void
}

/** Switching views, and review mode's choices. */
export class ReviewMode {
  constructor(
    private readonly store: Store<SessionState>,
    private readonly client: Client,
    private readonly reviewing: Reviewing,
    private readonly hooks: ReviewModeHooks,
  ) {}

  /** A project opened: compare whom was compared in it last time (remembered by the host between runs). */
  projectOpened(review: readonly string[] | null): void {
    this.store.set({ compared: review && review.length >= 2 ? [...review] : null })
  }

  /** Show a view; review mode first asks whom to compare, unless that was chosen in this tab. */
  setView(view: View): void {
    const s = this.store.get()
    if (view === 'review') {
      void this.loadAnnotators()
      if (!s.compared) return this.store.set({ choosing: true })
      if (s.view === 'review') return
      this.store.set({ view, hint: null })
      void this.openReview()
      return
    }
    if (s.view === 'review') this.reviewing.close()
    this.store.set({ view, choosing: false, hint: null })
  }

  /** Open or close the annotator picker. */
  choose(open: boolean): void {
    this.store.set({ choosing: open })
    if (open) void this.loadAnnotators()
  }

  /** Compare these annotators (two or more) from now on, in review mode. */
  start(annotators: readonly string[]): void {
    void this.client.call('settings.remember', { review: [...annotators] }).catch(() => undefined)
    const same = this.store.get().view === 'review' && sameList(this.store.get().compared, annotators)
    this.store.set({ compared: [...annotators], choosing: false, view: 'review', hint: null })
    if (same) {
      void this.loadProgress()
      return
    }
    this.reviewing.close()
    // The document's own review first: every document's progress is counted on the same host
    // thread, and asked for once the review is drawn so it never delays it.
    void this.openReview().finally(() => this.loadProgress())
  }

  /** Load the open document's review (again), once the annotator's own changes are saved. */
  async openReview(): Promise<void> {
    const document = this.hooks.document()
    const compared = this.store.get().compared
    if (!document || !compared || this.store.get().view !== 'review') return
    if (this.store.get().review?.document !== document) this.reviewing.close()
    // With nothing left to save the request goes out at once, before the view switch is drawn,
    // so the host reads the layers while the page draws.
    await this.reviewing.open(document, compared, this.hooks.saving() ? this.hooks.saved() : null, this.hooks.text())
  }

  /** Ask who has layers in the project. */
  async loadAnnotators(): Promise<AnnotatorSummary[]> {
    try {
      const annotators = await this.client.call('project.annotators', {})
      this.store.set({ annotators })
      return annotators
    } catch (e) {
      this.hooks.hint(messageOf(e), 'error')
      return []
    }
  }

  /** Refresh the review progress of every document (comparing the chosen annotators, or everyone). */
  async loadProgress(): Promise<void> {
    const compared = this.store.get().compared
    try {
      const progress = await this.client.call('review.progress', { annotators: compared && compared.length >= 2 ? [...compared] : null })
      this.store.set({ progress })
    } catch {
      // Progress is shown as a help; without it the list still works.
    }
  }
}

function sameList(a: readonly string[] | null, b: readonly string[]): boolean {
  return a !== null && a.length === b.length && a.every((x, i) => x === b[i])
}
