/**
 * Annotating the open document: every change to its layer goes through `change`, which applies
 * the ops locally (drawing at once), records how to undo them, and queues them for saving. A save
 * that fails rolls its change back, together with the changes queued behind it, and keeps them
 * for "Retry". A save the host refuses as a conflict (the file was busy) is not rolled back: it
 * stays queued with everything after it, "Retry" sends it again, and when the host said to try
 * again in a moment it is sent again by itself after 2.5 s. Typing in a note or text attribute is buffered: the local copy changes at once, and
 * one change is saved after 400 ms of quiet (at most 1 s after the first keystroke), or earlier
 * when the field loses focus, another annotation is edited, or the document is left.
 */
import type { ApplyResult, Client, OpenedDocument } from '../../../../shared/api'
import type { Annotation, AnnotationOp } from '../../../../shared/model/annotation'
import { applyOps, type Applied } from '../../../../shared/annotations/apply'
import { draftOf, type StoringContext } from '../../../../shared/annotations/stored-form'
import { DomainError } from '../../../../shared/errors'
import { TextIndex } from '../../../../shared/offsets'
import { AnnotationSet } from '../model/annotation-set'
import { isConflict, retryDelay } from '../model/retry'
import { SaveQueue, type Batch } from '../model/save-queue'
import { afterPaint } from '../model/after-paint'
import type { SurfaceUpdate, TextSurface } from '../model/text-surface'
import type { SessionState } from '../model/session-state'
import type { Store } from '../model/store'
import { UndoStack, type UndoEntry } from '../model/undo-stack'
import { savesSettled } from './layer-reload'
import type { DocumentState } from '../../../../shared/model/status'
import { WINDOW_ID } from '../model/window-id'
import { receivedAnnotations } from '../../../../shared/annotations/sent-form'

const QUIET_MS = 400
const MAX_WAIT_MS = 1000

interface BufferedEdit {
  document: string
  id: string
  before: Annotation
  /** Fires after a pause in typing. */
  quiet?: ReturnType<typeof setTimeout>
  /** Fires at most 1 s after the first keystroke. */
  deadline: ReturnType<typeof setTimeout>
}

/** Text typed outside the layer and not saved yet (setDraft). */
export interface Draft {
  /** Save it now (again, after a problem). */
  send: () => void
  /** Give it up: the field goes back to what is saved. */
  discard: () => void
  /** The sentence of its last failed save, or null. */
  problem: string | null
}

/** The open document's layer, its text on screen, its undo history and its saving. */
/** What a change to a read-only document gets in the hint line (the banner above says why and what to do). */
export const READ_ONLY_HINT = 'This document is read-only until its text is restored (see above); nothing was changed.'

export class Annotating {
  layer: AnnotationSet | null = null
  index: TextIndex | null = null
  /**
   * The sha256 of that text, as the host gave it: the imported text's. Null while the document is
   * read-only, whose text on screen is not the imported one (changed or damaged on disk).
   */
  sha256: string | null = null
  /** The text on screen, while a text view shows this document (see model/text-surface.ts). */
  surface: TextSurface | null = null
  private document: string | null = null
  private readonly undo = new Map<string, UndoStack>()
  private readonly queue: SaveQueue
  private failed: Batch[] = []
  private lastError = ''
  private autoRetry: ReturnType<typeof setTimeout> | undefined
  private edit: BufferedEdit | null = null
  private nextChange = 1
  /** Text typed outside the layer (a memo) and not saved yet, by key. */
  private readonly drafts = new Map<string, Draft>()

  /** The copy of the layer the save out now was sent from (its reply says whether its links still hold). */
  private sentFrom: AnnotationSet | null = null

  constructor(
    private readonly store: Store<SessionState>,
    private readonly client: Client,
    /**
     * Tells the document list the new annotation count of a document, whether others had changed
     * its layer on disk, and the host's sentence when the save found the layer's file damaged.
     */
    private readonly counted: (
      document: string,
      count: number,
      changedOnDisk: boolean,
      notice: string | null,
      state: ApplyResult['state'],
    ) => void,
  ) {
    this.queue = new SaveQueue({
      send: (document, ops) => {
        // The copy of the layer this request's reply is about (one request is out at a time).
        this.sentFrom = document === this.document ? this.layer : null
        const inStep = this.sentFrom?.hostCopy
        return this.client.call('annotations.apply', { document, ops, window: WINDOW_ID, ...(inStep ? { inStep } : {}) })
      },
      saved: (batches, result) => this.saved(batches, result),
      failed: (batches, error) => this.failedSave(batches, error),
      changed: () => this.updateSaveState(),
      hold: (error) => this.heldSave(error),
      later: afterPaint,
    })
  }

  /** Start on a newly opened document (its text view attaches once it is mounted). */
  load(opened: OpenedDocument): void {
    this.flush()
    this.surface = null
    this.document = opened.document.id
    this.index = new TextIndex(opened.text)
    this.sha256 = opened.readOnly === null ? opened.sha256 : null
    this.layer = new AnnotationSet(receivedAnnotations(this.index, opened.annotator, opened.annotations), opened.links, opened.suggestions)
    this.store.set({ layer: this.layer.snapshot(), selectedId: null, linking: null })
  }

  /** Connect the text view of the open document, drawing the selection if there is one. */
  attach(surface: TextSurface): void {
    this.surface = surface
    const selected = this.store.get().selectedId
    if (selected !== null) surface.showSelected(selected)
    this.attached()
  }

  /** Called when a text view attaches (find marks its hits in it; a pending reveal is shown). */
  attached: () => void = () => this.showPendingReveal()

  /** What to show once the text view is there: an annotation to select, or a span (another layer's). */
  revealWhenShown: { select: string } | { span: { start: number; end: number } } | { offset: number } | null = null

  /** Show the pending reveal, if there is one and a text view to show it in. */
  showPendingReveal(): void {
    const reveal = this.revealWhenShown
    const surface = this.surface
    if (!reveal || !surface) return
    this.revealWhenShown = null
    if ('select' in reveal) {
      this.store.set({ selectedId: reveal.select, linking: null })
      surface.showSelected(reveal.select)
      surface.reveal(reveal.select)
    } else if ('span' in reveal) {
      // Selected, it stays marked after the flash, and the keyboard is in the text: a label's key tags it.
      surface.focus()
      surface.selectSpan(reveal.span)
      surface.revealRange(reveal.span)
    } else surface.scrollToOffset(reveal.offset)
  }

  /** Disconnect a text view that is going away. */
  detach(surface: TextSurface): void {
    if (this.surface === surface) this.surface = null
  }

  /** Forget the open document (a different project was opened). */
  unload(): void {
    this.flush()
    this.surface = null
    this.document = null
    this.layer = null
    this.index = null
    this.sha256 = null
    this.store.set({ layer: null, selectedId: null, linking: null })
  }

  private get stack(): UndoStack | null {
    if (!this.document) return null
    let s = this.undo.get(this.document)
    if (!s) this.undo.set(this.document, (s = new UndoStack()))
    return s
  }

  private context(): StoringContext | null {
    const info = this.store.get().info
    if (!this.index || !info?.project || !info.annotator) return null
    return {
      author: info.annotator,
      now: new Date().toISOString(),
      text: this.index,
      labels: info.project.labels,
      linkTypes: info.project.linkTypes,
    }
  }

  /** Apply ops locally and to the text on screen; returns what happened, or null if there is no document. */
  private applyLocal(ops: AnnotationOp[], display: SurfaceUpdate = {}): Applied | null {
    const ctx = this.context()
    if (!this.layer || !ctx) return null
    let outcome: Applied
    try {
      outcome = applyOps(this.layer, ops, ctx)
    } catch (e) {
      // The same rules as the host's: a change the host would refuse is refused here, with its sentence.
      if (!(e instanceof DomainError)) throw e
      this.store.set({ hint: { text: e.message, tone: 'error' } })
      return null
    }
    this.layer.apply(outcome.put, outcome.removed)
    this.layer.applyLinks(outcome.linksPut, outcome.linksRemoved)
    if (outcome.suggestions) this.layer.setSuggestions(outcome.suggestions)
    const selected = this.store.get().selectedId
    const gone = selected !== null && outcome.removed.includes(selected)
    this.surface?.update(outcome.put, outcome.removed, gone && display.select === undefined ? { ...display, select: null } : display)
    this.store.set({ layer: this.layer.snapshot(), ...(gone ? { selectedId: null } : {}) })
    return outcome
  }

  /**
   * Make a change: draw it, remember how to undo it, save it. `history: 'undo'` and `'redo'` put
   * the inverse on the matching stack instead of starting a new history branch; `display` says
   * what else the text view should show in the same redraw.
   */
  change(ops: AnnotationOp[], history: 'new' | 'undo' | 'redo' = 'new', display: SurfaceUpdate = {}): Applied | null {
    if (ops.length === 0 || !this.document || this.refusedReadOnly()) return null
    if (history === 'new') this.flushTyping()
    ops = this.asSent(ops)
    // The first tag in a document marked "nothing to tag" makes it in progress (the host's rule);
    // undoing that tag marks it "nothing to tag" again.
    const document = this.document
    const nothingToTag =
      history !== 'undo' &&
      this.layer?.annotations.size === 0 &&
      this.store.get().documents.find((d) => d.id === document)?.state === 'nothing-to-tag'
    const outcome = this.applyLocal(ops, display)
    if (!outcome) return null
    const id = this.nextChange++
    const entry: UndoEntry = {
      change: id,
      ops: outcome.inverse,
      ...(nothingToTag && outcome.put.length > 0 ? { state: 'nothing-to-tag' as const } : {}),
    }
    if (history === 'new') this.stack?.record(entry)
    else if (history === 'undo') this.stack?.recordUndone(entry)
    else this.stack?.recordRedone(entry)
    this.queue.enqueue({ change: id, document: this.document, ops, inverse: outcome.inverse })
    // A passing remark ("Annotation deleted. Ctrl+Z brings it back.") is about the change before this one.
    if (this.store.get().hint?.tone === 'info') this.store.set({ hint: null })
    return outcome
  }

  /**
   * The ops as they are sent. Each `put` of an annotation this window has carries that annotation
   * as it is here before the change (`base`): the host then keeps what another window changed
   * meanwhile in the fields this change did not touch (shared/annotations/merge.ts). A new link
   * carries its time of making, so the host stores the very link this window made (and need not
   * send the layer's links back).
   */
  private asSent(ops: AnnotationOp[]): AnnotationOp[] {
    const layer = this.layer
    if (!layer) return ops
    const seen = new Map<string, AnnotationOp & { op: 'put' }>()
    const now = new Date().toISOString()
    return ops.map((op) => {
      if (op.op === 'link' && op.link.created === undefined) return { ...op, link: { ...op.link, created: now } }
      if (op.op !== 'put' || op.base) return op
      const id = op.annotation.id
      const before = seen.get(id)?.annotation ?? (layer.annotations.has(id) ? draftOf(layer.annotations.get(id)!) : undefined)
      const based = before ? { ...op, base: before } : op
      seen.set(id, based)
      return based
    })
  }

  /**
   * Change an annotation's values while the user types: drawn and kept at once, saved as one
   * change when typing pauses.
   */
  editBuffered(id: string, patch: { attributes?: Record<string, string>; note?: string }): void {
    const current = this.layer?.annotations.get(id)
    if (!current || !this.document || this.refusedReadOnly()) return
    if (this.edit && this.edit.id !== id) this.flush()
    const draft = { ...draftOf(current), ...patch }
    if (!this.edit) this.edit = { document: this.document, id, before: current, deadline: setTimeout(() => this.flush(), MAX_WAIT_MS) }
    clearTimeout(this.edit.quiet)
    this.edit.quiet = setTimeout(() => this.flush(), QUIET_MS)
    this.applyLocal([{ op: 'put', annotation: draft }])
    this.updateSaveState()
  }

  /** True (and the host's sentence shown) when the open document is read-only: its text is damaged. */
  private refusedReadOnly(): boolean {
    const readOnly = this.store.get().doc?.readOnly
    if (readOnly) this.store.set({ hint: { text: READ_ONLY_HINT, tone: 'error' } })
    return Boolean(readOnly)
  }

  /** Save buffered typing now, and send at once what waits for the next paint (the page may be going). */
  flush(): void {
    this.flushTyping()
    this.queue.sendWaiting()
  }

  /** Queue buffered typing (a field's, a memo's) as changes of their own. */
  private flushTyping(): void {
    for (const d of this.drafts.values()) if (d.problem === null) d.send()
    const edit = this.edit
    if (!edit) return
    this.edit = null
    clearTimeout(edit.quiet)
    clearTimeout(edit.deadline)
    const now = edit.document === this.document ? this.layer?.annotations.get(edit.id) : undefined
    if (!now) return this.updateSaveState()
    const id = this.nextChange++
    const inverse: AnnotationOp[] = [{ op: 'put', annotation: draftOf(edit.before), base: draftOf(now) }]
    this.stack?.record({ change: id, ops: inverse })
    this.queue.enqueue({
      change: id,
      document: edit.document,
      ops: [{ op: 'put', annotation: draftOf(now), base: draftOf(edit.before) }],
      inverse,
    })
  }

  /** Undo the last change of the open document; returns false if there was none. */
  undoLast(): (Applied & { gone: Annotation[] }) | null | false {
    this.flush()
    const entry = this.stack?.takeUndo()
    if (!entry) return false
    const document = this.document
    const gone = this.deletedBy(entry.ops)
    const outcome = this.change(entry.ops, 'undo')
    if (outcome && entry.state && document && this.layer?.annotations.size === 0) void this.restoreState(document, entry.state)
    return outcome && { ...outcome, gone }
  }

  /** The annotations these ops delete, as they are before (so what an undo or redo takes away can be shown). */
  private deletedBy(ops: readonly AnnotationOp[]): Annotation[] {
    const layer = this.layer
    if (!layer) return []
    return ops.flatMap((op) => (op.op === 'delete' && layer.annotations.has(op.id) ? [layer.annotations.get(op.id)!] : []))
  }

  /** Once the undo is saved, put the document's status back as it was before the change undone. */
  private async restoreState(document: string, state: DocumentState): Promise<void> {
    await savesSettled(this.store)
    if (this.store.get().save.kind !== 'saved') return
    try {
      const summary = await this.client.call('status.set', { document, state, window: WINDOW_ID })
      this.counted(summary.id, summary.annotationCount, false, null, summary.state)
    } catch {
      // Tagged again meanwhile, or the file is busy: the status stays in progress, as the menu shows.
    }
  }

  /** Redo the last undone change; returns false if there was none. */
  redoLast(): (Applied & { gone: Annotation[] }) | null | false {
    this.flush()
    const entry = this.stack?.takeRedo()
    if (!entry) return false
    const gone = this.deletedBy(entry.ops)
    const outcome = this.change(entry.ops, 'redo')
    return outcome && { ...outcome, gone }
  }

  /**
   * Say that text typed outside the layer (a memo, by `key`) is not saved yet, or that it is (null):
   * until then the header says so, leaving the page asks first, and flush() and Retry send it.
   */
  setDraft(key: string, draft: Draft | null): void {
    if (draft) this.drafts.set(key, draft)
    else this.drafts.delete(key)
    this.updateSaveState()
  }

  /** Send the changes whose save failed again. */
  retry(): void {
    clearTimeout(this.autoRetry)
    for (const d of this.drafts.values()) if (d.problem !== null) d.send()
    if (this.queue.held) this.queue.resume()
    const failed = this.failed
    this.failed = []
    for (const b of failed) {
      if (b.document === this.document) this.change(b.ops)
      else this.queue.enqueue({ ...b, change: this.nextChange++ })
    }
    this.updateSaveState()
  }

  /** Give up the changes whose save failed (they were already taken back on screen). */
  discard(): void {
    clearTimeout(this.autoRetry)
    for (const [key, d] of this.drafts) {
      if (d.problem === null) continue
      this.drafts.delete(key)
      d.discard()
    }
    const held = this.queue.held ? this.queue.drop() : []
    for (const b of held.toReversed()) if (b.document === this.document) this.applyLocal(b.inverse)
    const changes = new Set(held.map((b) => b.change))
    for (const s of this.undo.values()) s.forget(changes)
    this.failed = []
    this.updateSaveState()
  }

  /** True when every change is confirmed saved. */
  get allSaved(): boolean {
    return this.store.get().save.kind === 'saved'
  }

  private saved(batches: Batch[], result: ApplyResult): void {
    const document = batches[0]!.document
    this.counted(document, result.annotationCount, result.changedOnDisk === true, result.notice ?? null, result.state)
    const restored = result.restored?.length ?? 0
    if (restored > 0)
      this.store.set({
        hint: {
          text:
            restored === 1
              ? 'This annotation had been deleted in another window or app; your edit brought it back. Delete it again if it should go.'
              : `${restored} annotations had been deleted in another window or app; your edits brought them back. Delete them again if they should go.`,
          tone: 'info',
        },
      })
    if (document !== this.document || !this.layer) return
    // Keep local copies that later, unconfirmed changes have already replaced.
    const later = new Set<string>(this.edit ? [this.edit.id] : [])
    for (const b of this.queue.pending) {
      for (const op of b.ops) {
        if (op.op === 'put') later.add(op.annotation.id)
        else if (op.op === 'delete') later.add(op.id)
      }
    }
    const fresh = result.annotations.filter((a) => !later.has(a.id) && this.layer!.annotations.has(a.id))
    this.layer.apply(fresh, [])
    this.surface?.update(fresh, [])
    // Without links, the host vouches that this copy's links were its copy's these ops went onto:
    // with them applied here as there, they are the copy the reply names. With links, they are
    // taken when nothing else is pending (else this copy's links are not known to be any host copy).
    if (this.sentFrom !== this.layer) this.layer.hostCopy = null
    else if (!result.links) this.layer.hostCopy = result.layerToken
    else if (this.queue.idle && !this.edit) this.layer.setLinks(result.links, result.layerToken)
    else this.layer.hostCopy = null
    this.store.set({ layer: this.layer.snapshot() })
  }

  /** A conflict keeps the changes queued (shown as not saved); a busy file is retried by itself. */
  private heldSave(error: unknown): boolean {
    if (!isConflict(error)) return false
    this.lastError = error instanceof Error ? error.message : String(error)
    clearTimeout(this.autoRetry)
    const delay = retryDelay(error)
    if (delay !== null) this.autoRetry = setTimeout(() => this.retry(), delay)
    return true
  }

  private failedSave(batches: Batch[], error: unknown): void {
    this.lastError = error instanceof Error ? error.message : String(error)
    // Typing not yet sent may build on what failed: take it back too, and keep it for Retry.
    const edit = this.edit
    if (edit) {
      this.edit = null
      clearTimeout(edit.quiet)
      clearTimeout(edit.deadline)
      const now = edit.document === this.document ? this.layer?.annotations.get(edit.id) : undefined
      if (now) {
        const ops: AnnotationOp[] = [{ op: 'put', annotation: draftOf(now), base: draftOf(edit.before) }]
        batches = [
          ...batches,
          {
            change: this.nextChange++,
            document: edit.document,
            ops,
            inverse: [{ op: 'put', annotation: draftOf(edit.before), base: draftOf(now) }],
          },
        ]
      }
    }
    const changes = new Set(batches.map((b) => b.change))
    for (const b of batches.toReversed()) if (b.document === this.document) this.applyLocal(b.inverse)
    for (const s of this.undo.values()) s.forget(changes)
    this.failed = [...this.failed, ...batches]
    const n = batches.length
    // The host's sentence says why and what to do; the hint adds what the page did about it.
    const them = n === 1 ? 'it' : 'them'
    const why = this.lastError.replace(/\.$/, '')
    const count = n === 1 ? '' : `${n} changes were not saved. `
    this.store.set({ hint: { text: `${count}${why}. The text shows ${them} undone; Retry sends ${them} again.`, tone: 'error' } })
    this.updateSaveState()
  }

  private updateSaveState(): void {
    const draftProblem = [...this.drafts.values()].find((d) => d.problem !== null)?.problem
    const save =
      this.failed.length || this.queue.held
        ? ({ kind: 'error', message: this.lastError } as const)
        : draftProblem
          ? ({ kind: 'error', message: draftProblem } as const)
          : !this.queue.idle || this.edit || this.drafts.size > 0
            ? ({ kind: 'saving' } as const)
            : ({ kind: 'saved' } as const)
    const prev = this.store.get().save
    if (prev.kind !== save.kind || (prev.kind === 'error' && save.kind === 'error' && prev.message !== save.message))
      this.store.set({ save })
  }
}
