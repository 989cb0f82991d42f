/**
 * Status, memos, replies and guidelines: the calls that read and change them, and the state the
 * components show. Every change goes to the current annotator's own files on the host; what comes
 * back (everyone's notes on the document) replaces what is shown. Actions started from a form
 * return the error sentence (or null) so the form shows it beside the field and keeps the text.
 */
import type { Client, DocumentSummary } from '../../../../shared/api'
import type { DocumentState } from '../../../../shared/model/status'
import { messageOf } from '../model/errors'
import { withRetries } from '../model/retry'
import type { SessionState, SidePanel } from '../model/session-state'
import { WINDOW_ID } from '../model/window-id'
import type { Store } from '../model/store'

export class Noting {
  private loading = 0
  /**
   * Replies typed and not sent yet, by document, layer and annotation: kept while the user looks at
   * another annotation or document (the field is drawn anew there), until sent or cleared. In this
   * window's memory only, as a message typed but not sent is in a mail program.
   */
  private readonly replyDrafts = new Map<string, string>()

  /** The reply typed and not sent on an annotation ('' when none). */
  replyDraft(document: string, layer: string, annotation: string): string {
    return this.replyDrafts.get(`${document}\u0000${layer}\u0000${annotation}`) ?? ''
  }

  /** Whether a reply is typed and not sent on any annotation (leaving the page asks first). */
  get replyDrafted(): boolean {
    for (const text of this.replyDrafts.values()) if (text.trim() !== '') return true
    return false
  }

  /** Keep (or, empty, forget) the reply being typed on an annotation. */
  setReplyDraft(document: string, layer: string, annotation: string, text: string): void {
    const key = `${document}\u0000${layer}\u0000${annotation}`
    if (text === '') this.replyDrafts.delete(key)
    else this.replyDrafts.set(key, text)
  }

  constructor(
    private readonly store: Store<SessionState>,
    private readonly client: Client,
    /** A document's summary changed (its status): the list shows the new one. */
    private readonly summarised: (summary: DocumentSummary) => void,
  ) {}

  /** Show a panel beside the text (the view's own, the memos, the guidelines). */
  show(side: SidePanel): void {
    this.store.set({ side })
    if (side === 'memos' && this.store.get().projectMemos === null) void this.loadProject()
    if (side === 'guidelines') void this.loadGuidelines()
  }

  /** Load everyone's status, memo and replies on a document (the open one). */
  async loadDocument(document: string | null): Promise<void> {
    const ticket = ++this.loading
    if (!document) return this.store.set({ notes: null })
    try {
      const notes = await this.client.call('notes.document', { document })
      if (ticket === this.loading) this.store.set({ notes })
    } catch {
      // Notes are shown beside the work; without them annotating goes on.
      if (ticket === this.loading) this.store.set({ notes: null })
    }
  }

  /** Set the current annotator's status of a document; returns the error sentence, or null. */
  async setState(document: string, state: DocumentState): Promise<string | null> {
    try {
      this.summarised(await withRetries(() => this.client.call('status.set', { document, state, window: WINDOW_ID })))
      if (this.store.get().doc?.id === document) void this.loadDocument(document)
      return null
    } catch (e) {
      return messageOf(e)
    }
  }

  /** Save the current annotator's memo on a document; returns the error sentence, or null. */
  async setMemo(document: string, text: string): Promise<string | null> {
    return this.taking(document, () => withRetries(() => this.client.call('notes.setMemo', { document, text, window: WINDOW_ID })))
  }

  /** Reply to an annotation of any layer of the document; returns the error sentence, or null. */
  async reply(document: string, on: { layer: string; annotation: string }, text: string): Promise<string | null> {
    return this.taking(document, () => withRetries(() => this.client.call('notes.reply', { document, on, text, window: WINDOW_ID })))
  }

  /** Remove one of the current annotator's replies; returns the error sentence, or null. */
  async removeReply(document: string, id: string): Promise<string | null> {
    return this.taking(document, () => withRetries(() => this.client.call('notes.removeReply', { document, id, window: WINDOW_ID })))
  }

  /** Load every annotator's project memo. */
  async loadProject(): Promise<void> {
    try {
      this.store.set({ projectMemos: await this.client.call('notes.project', {}) })
    } catch {
      // Shown when it comes; the panel says nothing is there meanwhile.
    }
  }

  /** Save the current annotator's project memo; returns the error sentence, or null. */
  async setProjectMemo(text: string): Promise<string | null> {
    try {
      this.store.set({ projectMemos: await withRetries(() => this.client.call('notes.setProjectMemo', { text })) })
      return null
    } catch (e) {
      return messageOf(e)
    }
  }

  /** Read guidelines.md (again). */
  async loadGuidelines(): Promise<void> {
    try {
      this.store.set({ guidelines: await this.client.call('guidelines.read', {}) })
    } catch {
      // Without guidelines the labels simply show no definitions.
    }
  }

  /** Start editing guidelines.md from the version shown (the draft lives in the session, so switching panels keeps it). */
  editGuidelines(): void {
    const g = this.store.get().guidelines
    this.store.set({ guidelinesDraft: { text: g?.text ?? '', base: g?.sha256 ?? null } })
  }

  /** The text being edited changed. */
  setGuidelinesDraft(text: string): void {
    const draft = this.store.get().guidelinesDraft
    if (draft) this.store.set({ guidelinesDraft: { ...draft, text } })
  }

  /** Whether guidelines.md is being edited and the text differs from the saved one. */
  get guidelinesChanged(): boolean {
    const { guidelinesDraft: draft, guidelines } = this.store.get()
    return draft !== null && draft.text !== (guidelines?.text ?? '')
  }

  /** Stop editing without saving. */
  cancelGuidelines(): void {
    this.store.set({ guidelinesDraft: null })
  }

  /**
   * Save the draft over the version the editing started from — never over one read since, which
   * the user has not seen. Returns the error sentence (the draft is kept), or null.
   */
  async saveGuidelines(): Promise<string | null> {
    const draft = this.store.get().guidelinesDraft
    if (!draft) return null
    try {
      const guidelines = await this.client.call('guidelines.save', { text: draft.text, base: draft.base })
      this.store.set({ guidelines, guidelinesDraft: null })
      return null
    } catch (e) {
      return messageOf(e)
    }
  }

  /** Forget what was shown of the last project. */
  reset(): void {
    this.loading++
    this.store.set({ notes: null, projectMemos: null, guidelines: null, guidelinesDraft: null })
  }

  private async taking(document: string, call: () => Promise<SessionState['notes']>): Promise<string | null> {
    try {
      const notes = await call()
      if (this.store.get().doc?.id === document) this.store.set({ notes })
      return null
    } catch (e) {
      return messageOf(e)
    }
  }
}
