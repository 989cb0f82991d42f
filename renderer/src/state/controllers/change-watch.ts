/**
 * Polls project.changes every two seconds while the window is visible, and reloads what
 * colleagues' changes on disk touch (see change-plan.ts): the document list, the open document's
 * own layer (once the annotator's own changes are saved, so none is lost), the open review, the
 * review progress. A short note in the status area says whose annotations changed; the host's
 * sentence about a project.json it had to keep aside stays until it is dismissed.
 */
import type { Client, ProjectChanges } from '../../../../shared/api'
import { planReload, type ReloadPlan } from '../model/change-plan'
import type { SessionState } from '../model/session-state'
import { WINDOW_ID } from '../model/window-id'
import type { Store } from '../model/store'

const POLL_MS = 2000
const NOTE_MS = 12_000

/** What the watch reloads through. */
export interface ChangeHooks {
  reloadProject(): Promise<void>
  reloadDocuments(): Promise<void>
  /** Reload the open document's own layer, after pending saves. */
  reloadOwnLayer(): Promise<void>
  reloadReview(): Promise<void>
  reloadProgress(): Promise<void>
  /** Reload everyone's status, memo and replies on the open document. */
  reloadNotes(): Promise<void>
  reloadProjectMemos(): Promise<void>
  reloadGuidelines(): Promise<void>
}

/** The poller of one window. */
export class ChangeWatch {
  private revision: number | null = null
  private ownProjectChanges = 0
  private timer: ReturnType<typeof setTimeout> | undefined
  private noteTimer: ReturnType<typeof setTimeout> | undefined
  private running = false
  private busy = false

  constructor(
    private readonly store: Store<SessionState>,
    private readonly client: Client,
    private readonly hooks: ChangeHooks,
  ) {
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', () => this.visible() && this.schedule(0))
  }

  /** Start watching the open project (again, from what is on disk now). */
  async start(): Promise<void> {
    this.running = true
    this.revision = null
    try {
      this.revision = (await this.client.call('project.changes', { since: 0, window: WINDOW_ID })).revision
    } catch {
      // A host without change tracking: nothing to watch.
      this.running = false
      return
    }
    this.schedule(POLL_MS)
  }

  /** Stop watching (the project closes, the window goes). */
  stop(): void {
    this.running = false
    clearTimeout(this.timer)
  }

  private visible(): boolean {
    return typeof document === 'undefined' || document.visibilityState === 'visible'
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer)
    if (this.running) this.timer = setTimeout(() => void this.poll(), ms)
  }

  private async poll(): Promise<void> {
    if (this.busy || this.revision === null || !this.visible()) return this.schedule(POLL_MS)
    this.busy = true
    try {
      const changes = await this.client.call('project.changes', { since: this.revision, window: WINDOW_ID })
      const notice = changes.notice ?? null
      if (notice !== this.store.get().projectNotice) this.store.set({ projectNotice: notice })
      if (changes.revision !== this.revision) await this.take(changes)
      this.revision = changes.revision
    } catch {
      // The host may be restarting; try again at the next tick.
    } finally {
      this.busy = false
      this.schedule(POLL_MS)
    }
  }

  /** This window changed project.json itself (saved the tag set): the change is reloaded like any, without a note. */
  ownProjectChange(): void {
    this.ownProjectChanges++
  }

  private async take(changes: ProjectChanges): Promise<void> {
    const s = this.store.get()
    const plan: ReloadPlan = planReload(changes, {
      me: s.info?.annotator ?? null,
      document: s.doc?.id ?? null,
      compared: s.view === 'review' && s.review ? s.review.annotators : null,
      ownProjectChanges: this.ownProjectChanges,
    })
    this.ownProjectChanges = 0
    if (plan.note) this.note(plan.note)
    this.store.set({ diskRevision: s.diskRevision + 1 })
    const h = this.hooks
    if (plan.project) await h.reloadProject()
    if (plan.documents) await h.reloadDocuments()
    if (plan.ownLayer) await h.reloadOwnLayer()
    if (plan.review) await h.reloadReview()
    if (plan.progress && this.store.get().progress) await h.reloadProgress()
    if (plan.notes) await h.reloadNotes()
    if (plan.projectMemos && this.store.get().projectMemos) await h.reloadProjectMemos()
    if (plan.guidelines) await h.reloadGuidelines()
  }

  /** Show a short note about changes taken in from disk, for a few seconds. */
  note(text: string): void {
    clearTimeout(this.noteTimer)
    this.store.set({ changeNote: text })
    this.noteTimer = setTimeout(() => this.store.set({ changeNote: null }), NOTE_MS)
  }
}
