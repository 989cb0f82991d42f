/**
 * The session: who is annotating, which project and document are open, and the calls that change
 * them. It owns the Store the components read and the Annotating part for the open document.
 * Actions that the user starts from a form return the error sentence (or null) so the form can
 * show it next to the field; the rest put their message in the hint line.
 */
import { WINDOW_ID } from '../model/window-id'
import {
  ApiError,
  pathProblem,
  type AppInfo,
  type ArgsOf,
  type BackupInfo,
  type Client,
  type ExportedFile,
  type ProjectSummary,
  type RestoreResult,
  type StoreRef,
} from '../../../../shared/api'
import { AnnotatorName } from '../../../../shared/model/annotation'
import { Analysis } from './analysis'
import { Annotating } from './annotating'
import { appCommands, type AppCommand, type AppCommandOptions } from './app-commands'
import { firstPinned, firstRestorable } from '../model/backups'
import { isConflict, withRetries } from '../model/retry'
import { Commands } from './commands'
import { messageOf } from '../model/errors'
import { ChangeWatch } from './change-watch'
import { Finding } from './finding'
import { Noting } from './noting'
import { Retrieving } from './retrieving'
import { savesSettled, takeFreshLayer } from './layer-reload'
import { ReviewMode } from './review-mode'
import { Reviewing } from './reviewing'
import { saveFile } from './save-file'
import { Shell } from './shell'
import { Suggesting } from './suggesting'
import { initialRetrieve, initialState, type SessionState } from '../model/session-state'
import { Store } from '../model/store'
import { TextImport } from './text-import'
import type { TagSet } from '../../../../shared/model/labels'
import type { TagMerge } from '../../../../shared/model/project'
import type { TagUsage } from '../../../../shared/tagset/tagset'
import { REVIEWED_LAYER_NAME } from '../../../../shared/csv'
import { afterPaint } from '../model/after-paint'

export { messageOf } from '../model/errors'

/** What an export produced. */
export interface ExportOutcome {
  file: Omit<ExportedFile, 'content'>
  /** Where it went: a path on desktop, the file name downloaded in browser mode. */
  where: string
}

/** The whole UI session. */
export class Session {
  readonly store = new Store<SessionState>(initialState)
  readonly work: Annotating
  readonly commands: Commands
  readonly reviewing: Reviewing
  readonly mode: ReviewMode
  readonly watch: ChangeWatch
  readonly imports: TextImport
  readonly finding: Finding
  readonly suggesting: Suggesting
  readonly retrieving: Retrieving
  readonly noting: Noting
  readonly shell: Shell
  /** The menu commands (menu bar, native menu, their keys), with what the app passed in for them. */
  readonly appCommands: readonly AppCommand[]
  /** The document the host remembers as open, so reopening it does not forget where it was scrolled. */
  private rememberedDocument: string | null = null
  /** Where the user was in each document opened lately (the host keeps them between runs). */
  private places = new Map<string, number>()
  readonly analysis: Analysis

  constructor(
    readonly client: Client,
    commandOptions: AppCommandOptions = {},
  ) {
    this.appCommands = appCommands(commandOptions)
    this.work = new Annotating(this.store, client, (id, count, changedOnDisk, notice, state) => {
      const documents = this.store.get().documents.map((d) => (d.id === id ? { ...d, annotationCount: count, state: state ?? d.state } : d))
      this.store.set({ documents })
      // The save found the layer's file damaged on disk and set it aside: say so, with the pinned copy.
      if (notice) void this.layerDamaged(id, notice)
      // Someone else had changed this layer on disk: show their changes once ours are saved.
      if (changedOnDisk) this.watch.note('Changes from another window were merged.')
      if (changedOnDisk && id === this.store.get().doc?.id) void this.reloadOwnLayer()
    })
    this.commands = new Commands(this.store, this.work)
    this.noting = new Noting(this.store, client, (summary) =>
      this.store.set({ documents: this.store.get().documents.map((d) => (d.id === summary.id ? summary : d)) }),
    )
    const hint = (text: string | null, tone: 'info' | 'error' = 'info') => this.commands.hint(text, tone)
    this.reviewing = new Reviewing(this.store, client, hint)
    this.mode = new ReviewMode(this.store, client, this.reviewing, {
      document: () => this.store.get().doc?.id ?? null,
      text: () => (this.work.index && this.work.sha256 ? { index: this.work.index, sha256: this.work.sha256 } : null),
      saved: () => this.saved(),
      saving: () => {
        this.work.flush()
        return this.store.get().save.kind === 'saving'
      },
      hint,
    })
    this.finding = new Finding(this.store, client, this.work, async (document, hit) => {
      this.mode.setView('annotate')
      await this.openDocument(document)
      this.finding.documentOpened(hit)
    })
    this.suggesting = new Suggesting(this.store, client, this.work)
    this.work.attached = () => {
      this.finding.attached()
      this.suggesting.redraw(true)
      this.work.showPendingReveal()
    }
    this.retrieving = new Retrieving(this.store, client, (row) => this.openAnnotation(row.document, row.layer, row.id, row))
    this.imports = new TextImport(this.store, client, (id) => void this.openDocument(id))
    this.analysis = new Analysis(client, {
      documents: () => this.store.get().documents,
      host: () => this.info?.host,
      saved: () => this.saved(),
    })
    this.watch = new ChangeWatch(this.store, client, {
      reloadProject: async () => this.store.set({ info: await client.call('app.info', {}) }),
      reloadDocuments: () => this.loadDocuments(),
      reloadOwnLayer: () => this.reloadOwnLayer(),
      reloadReview: () => this.mode.openReview(),
      reloadProgress: () => this.mode.loadProgress(),
      reloadNotes: () => this.noting.loadDocument(this.store.get().doc?.id ?? null),
      reloadProjectMemos: () => this.noting.loadProject(),
      reloadGuidelines: () => this.noting.loadGuidelines(),
    })
    this.shell = new Shell(this.store, {
      setTheme: (theme) => this.setPreferences({ theme }),
      openProject: (path) => this.openProject(path),
    })
  }

  /** Show that a save found the open layer damaged on disk (set aside, its last good copy pinned). */
  /** Mark a document in the list as having (or no longer having) a damaged file of this annotator's. */
  private markDamaged(id: string, damaged: boolean): void {
    this.store.set({ documents: this.store.get().documents.map((d) => (d.id === id && d.damaged !== damaged ? { ...d, damaged } : d)) })
  }

  private async layerDamaged(id: string, notice: string): Promise<void> {
    this.markDamaged(id, true)
    const doc = this.store.get().doc
    const annotator = this.info?.annotator
    if (!doc || doc.id !== id || !annotator) return
    this.store.set({ doc: { ...doc, notice } })
    // What the layer holds now is what was saved into the new file: show that, not what was set aside.
    void this.reloadOwnLayer()
    const backups = await this.client.call('backups.list', { store: { store: 'annotations', annotator, document: id } }).catch(() => [])
    const now = this.store.get().doc
    if (now?.id === id) this.store.set({ doc: { ...now, pinned: firstPinned(backups) } })
  }

  /**
   * Open a document at an annotation, with the annotation panel beside it: the annotator's own is
   * selected; another layer's (a colleague's, the reviewed one) has its text selected, so it stays
   * marked and a label's key tags it in the annotator's own layer.
   */
  async openAnnotation(document: string, layer: string, id: string, span: { start: number; end: number }): Promise<void> {
    this.mode.setView('annotate')
    await this.openDocument(document)
    if (this.store.get().doc?.id !== document) return
    this.noting.show('main')
    if (layer === this.info?.annotator && this.work.layer?.annotations.has(id)) this.work.revealWhenShown = { select: id }
    else {
      this.work.revealWhenShown = { span }
      const whose = layer === REVIEWED_LAYER_NAME ? 'the reviewed layer' : layer
      this.commands.hint(`The text of ${whose}’s annotation is selected: a label’s key tags it in your layer.`)
    }
    if (this.work.surface) this.work.attached()
  }

  /** Change the user's preferences (snapping to words, the theme); returns the error sentence, or null. */
  async setPreferences(patch: ArgsOf<'settings.setPreferences'>): Promise<string | null> {
    // Shown at once (a checkbox that flips back until the host replies reads as not taken);
    // taken back if the host cannot keep it.
    const before = this.store.get().info
    if (before) this.store.set({ info: { ...before, preferences: { ...before.preferences, ...patch } } })
    try {
      this.store.set({ info: await this.client.call('settings.setPreferences', patch) })
      return null
    } catch (e) {
      const now = this.store.get().info
      if (before && now) this.store.set({ info: { ...now, preferences: before.preferences } })
      return messageOf(e)
    }
  }

  /**
   * Remember where the user is in the open document: the code point at the top of the view (the
   * text view says so when scrolling pauses, and as the page goes), so the same text comes back
   * whatever the window's size.
   */
  rememberScroll(offset: number, document?: string): void {
    const doc = this.store.get().doc
    const id = document ?? doc?.id
    if (!id) return
    this.places.set(id, Math.round(offset))
    // The document already left (another was opened right after a scroll): its place, not the open one's.
    const patch = id === doc?.id ? { scroll: Math.round(offset) } : { place: { document: id, offset: Math.round(offset) } }
    void this.client.call('settings.remember', patch).catch(() => undefined)
  }

  /**
   * Give up the changes whose save failed (Discard), then show the layer as it is on disk: what
   * refused them (another window deleted the annotation a link was made to) may have changed it,
   * and the page's copy would otherwise keep showing what is gone.
   */
  discardUnsaved(): void {
    this.work.discard()
    void this.reloadOwnLayer()
  }

  /** Take in the open document's own layer from disk, once the annotator's own changes are saved. */
  async reloadOwnLayer(): Promise<void> {
    const id = this.store.get().doc?.id
    if (!id) return
    await this.saved()
    if (this.store.get().save.kind !== 'saved' || this.store.get().doc?.id !== id) return
    try {
      takeFreshLayer(this.work, this.store, await this.client.call('documents.open', { id }))
    } catch (e) {
      this.commands.hint(messageOf(e), 'error')
    }
  }

  /** Forms with changes that only their own Save keeps (the Labels dialog), by name. */
  private readonly changedForms = new Set<string>()

  /** Say whether a form (by name) holds changes that only its own Save keeps; leaving the page asks first while one does. */
  formChanged(form: string, changed: boolean): void {
    if (changed) this.changedForms.add(form)
    else this.changedForms.delete(form)
  }

  /**
   * Nothing typed is at risk on leaving: every change saved, no memo waiting, no form or guidelines
   * draft with unsaved changes, no reply typed and not sent.
   */
  get allSaved(): boolean {
    return this.work.allSaved && this.changedForms.size === 0 && !this.noting.guidelinesChanged && !this.noting.replyDrafted
  }

  /** Resolves once the annotator's own changes are saved (or their save failed). */
  saved(): Promise<void> {
    this.work.flush()
    return savesSettled(this.store)
  }

  /** Ask the host who we are and what is open. */
  async start(): Promise<void> {
    try {
      const info = await this.client.call('app.info', {})
      this.store.set({ phase: 'ready', info, askAnnotator: info.annotator === null })
      this.mode.projectOpened(info.remembered?.review ?? null)
      this.rememberedDocument = info.remembered?.document ?? null
      this.places = new Map(Object.entries(info.remembered?.places ?? {}))
      if (info.notice) this.commands.hint(info.notice, 'error')
      if (info.project) await this.watch.start()
      if (info.project) void this.noting.loadGuidelines()
      if (info.project) await this.loadDocuments()
      if (info.project) void this.mode.loadProgress()
    } catch (e) {
      this.store.set({ phase: 'failed', problem: messageOf(e) })
    }
  }

  /** Save the annotator's name; returns the error sentence, or null. */
  async setAnnotator(name: string): Promise<string | null> {
    try {
      this.work.flush()
      const before = this.store.get().info?.annotator
      const typed = name.trim().normalize('NFC')
      // Said in the user's words here (the schema's own description), not as the contract's refusal of its arguments.
      const checked = AnnotatorName.safeParse(typed)
      if (!checked.success) return `Use ${checked.error.issues[0]!.message}, such as “Zoë Müller”.`
      const info = await this.client.call('settings.setAnnotator', { name: typed })
      this.store.set({ info, askAnnotator: false })
      if (info.project) await this.loadDocuments(before !== info.annotator)
      return null
    } catch (e) {
      return messageOf(e)
    }
  }

  /** Show the annotator dialog again (to change the name). */
  askAnnotator(ask: boolean): void {
    this.store.set({ askAnnotator: ask })
  }

  private async projectOpened(project: ProjectSummary | null): Promise<void> {
    if (!project) return
    const info = this.store.get().info
    const recent = [project.path, ...(info?.recent ?? []).filter((p) => p !== project.path)].slice(0, 10)
    this.work.unload()
    this.reviewing.reset()
    this.noting.reset()
    this.analysis.reset()
    // What the host remembers of this project (whom the review compares, where the user was).
    const fresh = await this.client.call('app.info', {}).catch(() => null)
    this.mode.projectOpened(fresh?.remembered?.review ?? null)
    this.rememberedDocument = fresh?.remembered?.document ?? null
    this.places = new Map(Object.entries(fresh?.remembered?.places ?? {}))
    this.store.set({
      info: fresh ?? (info ? { ...info, project, recent } : info),
      doc: null,
      documents: [],
      documentDetails: {},
      imported: null,
      hint: null,
      view: 'annotate',
      progress: null,
      annotators: null,
      // Another project's filters (its annotators, labels, documents) mean nothing here.
      retrieve: { ...initialRetrieve, version: this.store.get().retrieve.version + 1 },
    })
    await this.watch.start()
    void this.noting.loadGuidelines()
    await this.loadDocuments()
    void this.mode.loadProgress()
  }

  /**
   * Put a kept version of a file back (docs/format.md#backups), once the annotator's own changes
   * are saved, then show it: a project.json restore opens that project; a layer is re-read.
   */
  async restoreBackup(store: StoreRef, backup: string): Promise<RestoreResult> {
    await this.saved()
    const result = await this.client.call('backups.restore', { store, backup, window: WINDOW_ID })
    if (store.store === 'project') await this.projectOpened(result.project)
    else if ((store.store === 'annotations' || store.store === 'text') && store.document === this.store.get().doc?.id)
      await this.openDocument(store.document, true)
    else if (store.store === 'annotations') await this.loadDocuments()
    else if (store.store === 'reviewed') void this.mode.openReview()
    return result
  }

  /** The user has read the host's sentence about project.json: it goes, here and at the host. */
  async dismissProjectNotice(): Promise<void> {
    this.store.set({ projectNotice: null })
    await this.client.call('project.dismissNotice', {})
  }

  /** The user says a pinned copy is not needed; the banner about it goes. Returns the backups as they are now. */
  async unpinBackup(store: StoreRef, backup: string): Promise<BackupInfo[]> {
    const backups = await this.client.call('backups.unpin', { store, backup })
    if (store.store === 'annotations' && store.annotator === this.info?.annotator)
      this.markDamaged(store.document, firstPinned(backups) !== null)
    const doc = this.store.get().doc
    if (store.store === 'annotations' && doc?.id === store.document && doc.pinned?.id === backup) {
      const pinned = firstPinned(backups)
      this.store.set({ doc: { ...doc, pinned, notice: pinned ? doc.notice : null } })
    }
    return backups
  }

  /** Open a project folder, by path or (desktop) through the native dialog; returns the error sentence, or null. */
  async openProject(path?: string): Promise<string | null> {
    try {
      const project =
        path === undefined ? await this.client.call('host.openProjectDialog', {}) : await this.client.call('project.open', { path })
      await this.projectOpened(project)
      return null
    } catch (e) {
      return messageOf(e)
    }
  }

  /**
   * Open a project folder by path. When its project.json cannot be read ('invalid'), also the
   * newest kept version that can be put back, to offer restoring it; null when it opened.
   */
  async openProjectAt(path: string): Promise<{ problem: string; offer: BackupInfo | null } | null> {
    const typed = pathProblem(path)
    if (typed) return { problem: typed, offer: null }
    try {
      await this.projectOpened(await this.client.call('project.open', { path }))
      return null
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 'invalid') return { problem: messageOf(e), offer: null }
      return { problem: messageOf(e), offer: await this.projectOffer(path) }
    }
  }

  /** The newest good copy Marginalia kept of the project.json of a project that would not open (null: none). */
  async projectOffer(path: string): Promise<BackupInfo | null> {
    return this.client.call('backups.list', { store: { store: 'project', path } }).then(firstRestorable, () => null)
  }

  /** Create a project, in a folder given by path or (desktop) chosen in the native dialog. */
  async createProject(name: string, path?: string): Promise<string | null> {
    const typed = path === undefined ? null : pathProblem(path)
    if (typed) return typed
    try {
      const project =
        path === undefined
          ? await this.client.call('host.createProjectDialog', { name })
          : await this.client.call('project.create', { path, name })
      await this.projectOpened(project)
      return null
    } catch (e) {
      return messageOf(e)
    }
  }

  /**
   * Refresh the document list. The open document stays open (re-read when `reopen`, e.g. after the
   * annotator changed); without one, the first document opens, once the annotator is known.
   */
  async loadDocuments(reopen = false): Promise<void> {
    try {
      const documents = await this.client.call('documents.list', {})
      this.store.set({ documents })
      if (!this.info?.annotator) return
      const current = this.store.get().doc?.id
      const remembered = this.info?.remembered
      if (current !== undefined && documents.some((d) => d.id === current)) {
        if (reopen) await this.openDocument(current, true)
      } else if (remembered?.document && documents.some((d) => d.id === remembered.document)) {
        // Back where the user was: the document open last time, scrolled as it was.
        await this.openDocument(remembered.document)
        if (remembered.scroll > 0 && !this.work.revealWhenShown) this.work.revealWhenShown = { offset: remembered.scroll }
        if (this.work.surface) this.work.showPendingReveal()
      } else if (documents[0]) await this.openDocument(documents[0].id)
    } catch (e) {
      this.commands.hint(messageOf(e), 'error')
    }
  }

  /** Open a document: its text and this annotator's layer (`again` re-reads an open one). */
  async openDocument(id: string, again = false): Promise<void> {
    const { doc, opening } = this.store.get()
    if (opening === id || (!again && doc?.id === id && opening === null)) return
    this.work.flush()
    this.store.set({ opening: id })
    try {
      const opened = await this.client.call('documents.open', { id })
      if (this.store.get().opening !== id) return
      this.work.load(opened)
      // Another document comes back where the user left it (unless the caller shows something in it).
      const place = id === this.rememberedDocument ? 0 : (this.places.get(id) ?? 0)
      if (place > 0 && !this.work.revealWhenShown) this.work.revealWhenShown = { offset: place }
      this.store.set({
        doc: {
          id,
          text: opened.text,
          notice: opened.notice,
          pinned: opened.pinned,
          pinnedHeld: opened.pinnedHeld === true,
          readOnly: opened.readOnly,
        },
        opening: null,
        hint: null,
      })
      const documents = this.store.get().documents.map((d) => (d.id === id ? opened.document : d))
      this.store.set({ documents })
      this.finding.documentOpened()
      this.afterOpened(id, place)
    } catch (e) {
      this.store.set({ opening: null })
      this.commands.hint(messageOf(e), 'error')
    }
  }

  /**
   * What the text of a document just opened does not need is asked for once it has been painted:
   * each request costs the page its serialising and sending, and the host its work, on the
   * machine's few cores. (A method of its own, so the requests' callbacks do not keep the opened
   * document's reply, its rows and links, alive until they are answered.)
   */
  private afterOpened(id: string, place: number): void {
    afterPaint(() => {
      if (this.store.get().doc?.id !== id) return
      // The host remembers this one as open now, at its place; the one it remembered keeps where it was until scrolled.
      if (id !== this.rememberedDocument) void this.client.call('settings.remember', { document: id, scroll: place }).catch(() => undefined)
      this.rememberedDocument = id
      void this.loadValues()
      void this.noting.loadDocument(id)
      void this.mode.openReview()
    })
  }

  /** Fetch the completion values used across the project. */
  async loadValues(): Promise<void> {
    try {
      this.store.set({ values: await this.client.call('annotations.values', {}) })
    } catch {
      // Completion is a convenience; without it the fields still work.
    }
  }

  /** Rename a document; returns the error sentence, or null. */
  async renameDocument(id: string, title: string): Promise<string | null> {
    try {
      // A busy project.json is tried again by itself, a few times (the host says when it may succeed soon).
      const renamed = await withRetries(() => this.client.call('documents.rename', { id, title }))
      this.store.set({ documents: this.store.get().documents.map((d) => (d.id === id ? renamed : d)) })
      return null
    } catch (e) {
      return isConflict(e) ? `Not saved: ${messageOf(e)}` : messageOf(e)
    }
  }

  /** Set or remove some of a document's properties (null removes); returns the error sentence, or null. */
  async setDocumentProperties(id: string, changes: Record<string, string | null>): Promise<string | null> {
    try {
      const changed = await withRetries(() => this.client.call('documents.setProperties', { id, properties: changes }))
      this.store.set({ documents: this.store.get().documents.map((d) => (d.id === id ? changed : d)) })
      return null
    } catch (e) {
      return isConflict(e) ? `Not saved: ${messageOf(e)}` : messageOf(e)
    }
  }

  /** How much of the tag set the project uses (the tag-set editor's counts). */
  tagUsage(): Promise<{ usage: TagUsage; unreadable: number }> {
    return this.client.call('tagset.usage', {})
  }

  /**
   * Save a changed tag set (Project → Labels…): every view follows at once; when merges rewrote
   * layers, the open document and the progress are read again. A sentence when it was refused.
   */
  async saveTagSet(next: TagSet, merges: readonly TagMerge[], base: TagSet | null = null): Promise<string | null> {
    try {
      const saved = await withRetries(() =>
        this.client.call('tagset.save', {
          labels: [...next.labels],
          linkTypes: [...next.linkTypes],
          merges: [...merges],
          base: base ? { labels: [...base.labels], linkTypes: [...base.linkTypes] } : null,
        }),
      )
      this.watch.ownProjectChange()
      const info = this.store.get().info
      const { layersChanged, ...project } = saved
      if (info) this.store.set({ info: { ...info, project } })
      if (layersChanged > 0 && this.store.get().doc) await this.reloadOwnLayer()
      if (layersChanged > 0) void this.mode.loadProgress()
      return null
    } catch (e) {
      return isConflict(e) ? `Not saved: ${messageOf(e)}` : messageOf(e)
    }
  }

  /** Import texts (picked or dropped): questions, progress and the report go through the store. */
  importFiles(files: readonly File[]): Promise<void> {
    return this.imports.run(files)
  }

  /** Clear the import report. */
  dismissImport(): void {
    this.store.set({ imported: null })
  }

  /**
   * Export annotations in any format: a download in browser mode; on desktop the save dialog, and
   * the host writes the file itself (null if cancelled).
   */
  async exportAnnotations(options: ArgsOf<'export.annotations'>): Promise<ExportOutcome | null> {
    this.work.flush()
    await this.saved()
    if (this.info?.host === 'desktop') {
      const written = await this.client.call('host.exportToFile', options)
      if (written === null) return null
      const { path, ...file } = written
      return { file, where: path }
    }
    const { content, ...file } = await this.client.call('export.annotations', options)
    const where = await saveFile(this.client, this.info?.host, { ...file, content })
    return where === null ? null : { file, where }
  }

  /** The latest app info. */
  get info(): AppInfo | null {
    return this.store.get().info
  }
}
