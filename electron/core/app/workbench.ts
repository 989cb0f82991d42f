/**
 * A running Marginalia: the settings, the open project, and the operations the contract's methods
 * map onto. One Workbench serves one window (desktop) or one browser-mode server; hosts add only
 * what is theirs (dialogs, files, transport).
 */
import { randomUUID } from 'node:crypto'
import { isAbsolute, resolve } from 'node:path'
import type {
  AnnotationImportReport,
  AppInfo,
  ApplyResult,
  BackupInfo,
  DocumentSummary,
  ExportOptions,
  ExportedFile,
  ImportResult,
  OpenedDocument,
  ProjectChanges,
  ProjectSummary,
  RestoreResult,
  StoreRef,
} from '../../../shared/api'
import { DomainError } from '../../../shared/errors'
import { folderTwin, isWindowsReservedName, type AnnotationOp } from '../../../shared/model/annotation'
import type { DocumentEntry, TagMerge } from '../../../shared/model/project'
import type { TagSet } from '../../../shared/model/labels'
import type { TagUsage } from '../../../shared/tagset/tagset'
import type { DocumentState } from '../../../shared/model/status'
import { setState } from './notes-service'
import {
  exportMediaType,
  exportName,
  exportSubject,
  exportProject,
  zipEntries,
  type ExportRequest,
  type ExportResult,
} from '../interchange/export-formats'
import { writeTableFile } from '../interchange/export-tables'
import { checkAnnotators, checkSomethingToExport, selectionFor } from '../interchange/export-layers'
import { refuseOwnFile } from '../project/own-files'
import { importAnnotations } from '../interchange/import-annotations'
import type { BackupPolicy } from '../store/backups'
import { writeFileDurable } from '../store/durable'
import { Project, type IncomingFile } from '../project/project'
import type { StoreFile } from '../../../shared/model/project'
import type { RetrieveFilter, RetrieveGrouping, RetrieveResult } from '../../../shared/retrieve/rows'
import { RetrieveService, rowKey } from './retrieve-service'
import { Settings, suggestedAnnotator } from '../project/settings'
import { watchProject, type DiskChange } from '../project/watch'
import { sentAnnotations } from '../../../shared/annotations/sent-form'

/** Changes remembered for the UI's polling; a UI further behind reloads everything. */
const MAX_CHANGES = 500

export interface WorkbenchOptions {
  configDir: string
  host: 'desktop' | 'browser'
  version: string
  /** How many backups to keep (tests shorten the snapshot interval). */
  backupPolicy?: BackupPolicy
}

/**
 * Tokens naming the copies of layers this host wrote (ApplyResult.layerToken): unique to this run
 * of the host, so a token from an earlier run never names a copy of this one.
 */
const storeTokens = new WeakMap<StoreFile, string>()
const RUN = randomUUID()
let tokens = 0
function tokenOf(store: StoreFile): string {
  let token = storeTokens.get(store)
  if (token === undefined) storeTokens.set(store, (token = `${RUN}:${++tokens}`))
  return token
}

export class Workbench {
  private project: Project | null = null
  private notice: string | null = null
  private failedProject: string | null = null
  /** Completion values in use, by "label.attribute", with how many annotations hold each (a value no annotation holds any more goes). */
  private values: Map<string, Map<string, number>> | null = null
  private retrieval: RetrieveService | null = null
  private stopWatching: (() => void) | null = null
  private revision = 0
  /** Changes for the windows' polls: from the folder's watch, and this host's own saves with the window that made them. */
  private readonly recentChanges: (DiskChange & { revision: number; window?: string })[] = []

  private constructor(
    readonly options: WorkbenchOptions,
    readonly settings: Settings,
  ) {
    this.notice = settings.notice
  }

  static async start(options: WorkbenchOptions): Promise<Workbench> {
    return new Workbench(options, await Settings.open(options.configDir))
  }

  /** The open project, or a DomainError telling the user to open one. */
  get current(): Project {
    if (!this.project) throw new DomainError('unavailable', 'No project is open; open or create a project first.')
    return this.project
  }

  get hasProject(): boolean {
    return this.project !== null
  }

  info(): AppInfo {
    return {
      version: this.options.version,
      host: this.options.host,
      annotator: this.settings.annotator,
      suggestedAnnotator: suggestedAnnotator(),
      project: this.project ? this.summary(this.project) : null,
      recent: this.settings.recent,
      notice: this.notice,
      ...(this.notice && this.failedProject ? { failedProject: this.failedProject } : {}),
      remembered: this.project ? this.settings.memoryOf(this.project.dir) : null,
      preferences: this.settings.preferences,
    }
  }

  /** Change the user's preferences. */
  async setPreferences(patch: { snapToWords?: boolean; theme?: 'system' | 'light' | 'dark'; wholeText?: boolean }): Promise<AppInfo> {
    await this.settings.setPreferences(Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)))
    return this.info()
  }

  /** Remember something of the open project between runs (see Settings.remember). */
  async rememberProject(patch: {
    review?: string[] | null
    document?: string | null
    scroll?: number
    place?: { document: string; offset: number }
    dismissName?: { document: string; name: string }
  }): Promise<null> {
    const project = this.current
    const { dismissName, ...rest } = patch
    if (dismissName) {
      project.document(dismissName.document)
      await this.settings.dismissName(project.dir, dismissName.document, dismissName.name)
    }
    const clean = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined))
    if (Object.keys(clean).length > 0) await this.settings.remember(project.dir, clean)
    return null
  }

  /** The canonical-name proposals the user dismissed in a document of the open project. */
  dismissedNames(document: string): readonly string[] {
    return this.settings.memoryOf(this.current.dir).dismissedNames[document] ?? []
  }

  /** Open a project and make it current; on failure the current project stays open. */
  async open(path: string): Promise<ProjectSummary> {
    fullPath(path)
    const project = await Project.open(path, { backupPolicy: this.options.backupPolicy })
    return this.switchTo(project)
  }

  async create(path: string, name: string): Promise<ProjectSummary> {
    fullPath(path)
    return this.switchTo(await Project.create(path, name, undefined, { backupPolicy: this.options.backupPolicy }))
  }

  /** The kept versions of one file (project.json of any folder, or a layer of the open project). */
  async listBackups(ref: StoreRef): Promise<BackupInfo[]> {
    if (ref.store === 'project') fullPath(ref.path)
    if (ref.store === 'project') return Project.listProjectBackups(ref.path, this.options.backupPolicy)
    return this.current.listBackups(ref)
  }

  /**
   * Put a kept version back; a project.json restore opens that project. The window that asked
   * (`window`) shows the restored file itself; the others hear of it as of any change on disk.
   */
  async restoreBackup(ref: StoreRef, id: string, window?: string): Promise<RestoreResult> {
    if (ref.store === 'project') fullPath(ref.path)
    if (ref.store === 'project') {
      const open = this.project
      if (open && resolve(ref.path) === open.dir) {
        const result = await open.restoreBackup({ store: 'project' }, id)
        this.forgetDerived()
        return { ...result, project: this.summary(open) }
      }
      const result = await Project.restoreProjectBackup(ref.path, id, this.options.backupPolicy)
      return { ...result, project: await this.open(ref.path) }
    }
    const project = this.current
    const result = await project.restoreBackup(ref, id)
    this.forgetDerived()
    if (ref.store !== 'text')
      this.wrote({ layer: ref.store === 'annotations' ? ref.annotator : '_reviewed', document: ref.document }, window)
    return { ...result, project: this.summary(project) }
  }

  /** The user says a pinned copy is not needed (of project.json of any folder, or a layer of the open project). */
  async unpinBackup(ref: StoreRef, id: string): Promise<BackupInfo[]> {
    if (ref.store === 'project') {
      fullPath(ref.path)
      const open = this.project
      if (!open || resolve(ref.path) !== open.dir)
        throw new DomainError('unavailable', 'Open the project first, then say whether its pinned copy is needed.')
      return open.unpinBackup({ store: 'project' }, id)
    }
    return this.current.unpinBackup(ref, id)
  }

  /**
   * Remember a problem met at start-up (such as a project that would not open) for the UI, and
   * the project's folder when its project.json is damaged (the start page offers a restore).
   */
  setNotice(notice: string | null, failedProject: string | null = null): void {
    this.notice = notice
    this.failedProject = failedProject
  }

  async setAnnotator(name: string): Promise<AppInfo> {
    windowsCanHold(name)
    const twin = this.project ? folderTwin(name, await this.project.writers()) : undefined
    if (twin)
      throw new DomainError(
        'invalid',
        `This project already has an annotator "${twin}"; a name that differs from it only in capitals would share that folder on macOS and Windows. Use "${twin}", or a name that differs in more than capitals.`,
      )
    await this.settings.setAnnotator(name)
    return this.info()
  }

  /** The current annotator's name, or a DomainError asking for it. */
  get annotator(): string {
    const name = this.settings.annotator
    if (!name) throw new DomainError('unavailable', 'Tell Marginalia your name as annotator first.')
    return name
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    const project = this.current
    const summaries = await Promise.all(project.documents.map((d) => this.documentSummary(project, d, false)))
    // Which are damaged, in one look for the whole list (after the summaries, which open the layers that find it).
    const annotator = this.settings.annotator
    const damaged = annotator ? await project.damagedLayers(annotator) : new Set<string>()
    return summaries.map((s) => (damaged.has(s.id) ? { ...s, damaged: true } : s))
  }

  /** One document's summary. */
  async summaryOf(id: string): Promise<DocumentSummary> {
    const project = this.current
    return this.documentSummary(project, project.document(id))
  }

  async rename(id: string, title: string): Promise<DocumentSummary> {
    const project = this.current
    return this.documentSummary(project, await project.rename(id, title))
  }

  /** Set or remove some of a document's properties (null or blank removes a key); the others stay as they are. */
  /** How much of the tag set the open project uses. */
  tagUsage(): Promise<{ usage: TagUsage; unreadable: number }> {
    return this.current.tagUsage()
  }

  /** Replace the open project's tag set (Project → Labels…), merging as asked; the new summary. */
  async saveTagSet(
    next: TagSet,
    merges: readonly TagMerge[],
    base: TagSet | null = null,
  ): Promise<ProjectSummary & { layersChanged: number }> {
    const project = this.current
    const { layersChanged } = await project.saveTagSet(next, merges, base)
    this.forgetDerived()
    this.record({ layer: 'project', document: null })
    return { ...this.summary(project), layersChanged }
  }

  async setProperties(id: string, changes: Readonly<Record<string, string | null>>): Promise<DocumentSummary> {
    const project = this.current
    return this.documentSummary(project, await project.setProperties(id, changes))
  }

  /** Import files as documents; files over 20 MB only with confirmLarge (see ImportResult). */
  async importFiles(files: IncomingFile[], confirmLarge = false): Promise<ImportResult> {
    const project = this.current
    const { imported, errors } = await project.importFiles(files, new Date().toISOString(), confirmLarge)
    return { imported: await Promise.all(imported.map((d) => this.documentSummary(project, d))), errors }
  }

  /** What was derived from the layers (completion values, the Retrieve index) is out of date. */
  private forgetDerived(): void {
    this.values = null
    this.retrieval?.clear()
  }

  /** The Retrieve view's rows for a filter (see retrieve-service.ts). */
  retrieve(filter: RetrieveFilter, grouping: RetrieveGrouping, offset: number, limit: number, facets: boolean): Promise<RetrieveResult> {
    const project = this.current
    if (!this.retrieval) this.retrieval = new RetrieveService(project)
    return this.retrieval.query(filter, grouping, offset, limit, facets)
  }

  /** Exactly the rows the Retrieve view's filter keeps, as a file to save. */
  async exportRetrieved(
    filter: RetrieveFilter,
    format: 'csv' | 'tsv' | 'xlsx',
    bom: boolean,
    neutralizeFormulas: boolean,
  ): Promise<ExportedFile> {
    const project = this.current
    if (!this.retrieval) this.retrieval = new RetrieveService(project)
    const kept = await this.retrieval.kept(filter)
    const result = await exportProject(project, {
      annotators: 'all',
      reviewed: true,
      format,
      bom,
      neutralizeFormulas,
      include: (document, layer, id) => kept.has(rowKey(document, layer, id)),
    })
    // Named apart from a whole export of the same day, so one never replaces the other.
    const file = this.fileOf(result, format)
    return { ...file, filename: file.filename.replace(/-annotations-/, '-retrieved-') }
  }

  /** Export in any format as one file to save (brat's folder zipped). */
  async exportAnnotations(options: ExportOptions): Promise<ExportedFile> {
    const result = await exportProject(this.current, await this.exportRequest(options))
    return this.fileOf(result, options.format)
  }

  /** What the export options ask of the open project (the annotator named, if any, checked). */
  private async exportRequest(options: ExportOptions): Promise<ExportRequest> {
    const annotators = options.annotator ? [options.annotator] : null
    if (annotators) await checkAnnotators(this.current, annotators)
    else await checkSomethingToExport(this.current, options.layer, this.annotator, options.documents)
    return {
      ...selectionFor(options.layer, annotators, () => this.annotator),
      documents: options.documents,
      format: options.format,
      bom: options.bom,
      neutralizeFormulas: options.neutralizeFormulas,
      base: options.base,
      table: options.table,
    }
  }

  /** The name an export in this format is offered under (brat's folder as a zip; "-links-" for the links table). */
  exportFileName(options: Pick<ExportOptions, 'format' | 'table' | 'documents' | 'layer' | 'annotator'>): string {
    const { format, table = 'spans', documents = null } = options
    const layers = selectionFor(options.layer, options.annotator ? [options.annotator] : null, () => this.annotator)
    const subject = format === 'zip' ? this.current.name : exportSubject(this.current, documents, layers)
    return offeredName(exportName(subject, format, new Date(), table), format)
  }

  /**
   * Export in any format straight to `path` (the desktop app's save dialog chose it), durably:
   * CSV and TSV written as their rows are made, never built whole; what was written, without it.
   */
  async exportAnnotationsTo(options: ExportOptions, path: string): Promise<Omit<ExportedFile, 'content'>> {
    const project = this.current
    refuseOwnFile(project.dir, path)
    const request = await this.exportRequest(options)
    if (options.format === 'csv' || options.format === 'tsv') {
      const written = await writeTableFile(
        project,
        { ...request, format: options.format, bom: options.bom, neutralizeFormulas: options.neutralizeFormulas },
        path,
      )
      return {
        filename: this.exportFileName(options),
        mediaType: exportMediaType(options.format),
        encoding: 'utf8',
        annotations: written.rows,
        documents: written.documents,
        warnings: [],
      }
    }
    const { content, ...file } = this.fileOf(await exportProject(project, request), options.format)
    await writeFileDurable(path, file.encoding === 'base64' ? Buffer.from(content, 'base64') : content)
    return file
  }

  /** An export as one file to send: text as is, a zip or workbook as base64, brat's folder zipped. */
  private fileOf(result: ExportResult, format: ExportOptions['format']): ExportedFile {
    const single = format !== 'brat' ? result.entries[0]! : null
    const bytes = single ? single.content : zipEntries(result.filename, result.entries)
    const binary = typeof bytes !== 'string'
    return {
      filename: offeredName(result.filename, format),
      mediaType: result.mediaType,
      content: binary ? Buffer.from(bytes).toString('base64') : bytes,
      encoding: binary ? 'base64' : 'utf8',
      annotations: result.annotations,
      documents: result.documents,
      warnings: result.warnings,
    }
  }

  /**
   * A document to annotate: its text, the annotator's layer, what to tell them about the layer (a
   * damaged file set aside, a pinned last good copy), and whether the document is read-only
   * (its text is not the one imported).
   */
  async openDocument(id: string): Promise<OpenedDocument> {
    const project = this.current
    const annotator = this.annotator
    const doc = project.document(id)
    const [text, layer] = await Promise.all([project.textState(id), project.freshLayer(annotator, id)])
    // The annotator's own file damaged on disk since it was read here: kept aside and put back from
    // what was read, now, with the banner saying so (a colleague's file is never written).
    if (!text.problem) await layer.adapter.repairIfDamaged()
    const { notice, pinned, held } = await project.layerNotice({ store: 'annotations', annotator, document: id })
    if (!text.problem) await project.keepTextCopy(id)
    return {
      document: await this.documentSummary(project, doc),
      text: text.index.text,
      sha256: doc.sha256,
      annotator,
      annotations: sentAnnotations(text.index, annotator, layer.annotations),
      links: [...layer.links],
      suggestions: [...layer.suggestions],
      notice,
      pinned,
      ...(held ? { pinnedHeld: true } : {}),
      readOnly: text.problem,
    }
  }

  /** Save changes to the annotator's layer; refused ('read-only') while the document's text is damaged. */
  async apply(documentId: string, ops: AnnotationOp[], window?: string, inStep?: string): Promise<ApplyResult> {
    const project = this.current
    const annotator = this.annotator
    const [text, layer] = await Promise.all([project.text(documentId), project.layer(annotator, documentId)])
    // The annotations this change replaces or deletes, as they were: their completion values are
    // counted out, so a value typed on the way ("Isr" before "Israel") is not offered ever after.
    const ids = this.values
      ? new Set(ops.flatMap((op) => (op.op === 'put' ? [op.annotation.id] : op.op === 'delete' ? [op.id] : [])))
      : null
    const before = ids && ids.size > 0 ? layer.annotations.filter((a) => ids.has(a.id)) : []
    const saved = await layer.apply(ops, text, project.tagSet, new Date().toISOString())
    // The window's links are the host's copy these ops went onto (it says which, by its token, and
    // that copy is still the one here): it applied the same ops with the same rules, so the links
    // need not go back. Anything between (another window, a memo, a change on disk) is a new copy.
    const linksHeld = inStep !== undefined && storeTokens.get(saved.before) === inStep && !saved.changedOnDisk
    this.wrote({ layer: annotator, document: documentId }, window)
    // Changed on disk meanwhile, what was replaced is not known for sure: counted again when next asked.
    if (saved.changedOnDisk) this.values = null
    if (this.values) {
      for (const a of before) this.remember(this.values, a.label, a.attributes, -1)
      for (const a of saved.put) this.remember(this.values, a.label, a.attributes)
    }
    this.retrieval?.changed(documentId, annotator)
    const notice = saved.setAside ? (await project.layerNotice({ store: 'annotations', annotator, document: documentId })).notice : null
    return {
      annotations: saved.put,
      ...(linksHeld ? {} : { links: saved.links }),
      layerToken: tokenOf(saved.after),
      annotationCount: saved.annotationCount,
      savedAt: saved.savedAt,
      changedOnDisk: saved.changedOnDisk,
      notice,
      state: layer.state,
      ...(saved.restored.length > 0 ? { restored: saved.restored } : {}),
    }
  }

  /** Values used so far for each completable text attribute, keyed "label.attribute", sorted. */
  async attributeValues(): Promise<Record<string, string[]>> {
    const project = this.current
    if (!this.values) {
      const values = new Map<string, Map<string, number>>()
      for (const annotator of await project.annotators()) {
        for (const doc of project.documents) {
          if (!(await project.hasLayer(annotator, doc.id))) continue
          for (const a of (await project.layer(annotator, doc.id)).annotations) this.remember(values, a.label, a.attributes)
        }
      }
      this.values = values
    }
    return Object.fromEntries([...this.values].map(([k, v]) => [k, [...v.keys()].sort((a, b) => a.localeCompare(b))]))
  }

  /** Count an annotation's completion values in (+1) or out (-1). */
  private remember(values: Map<string, Map<string, number>>, label: string, attributes: Record<string, string>, by = 1) {
    const def = this.current.labels.find((l) => l.id === label)
    for (const attr of def?.attributes ?? []) {
      const value = attributes[attr.id]
      if (attr.type !== 'text' || !attr.complete || !value) continue
      const key = `${label}.${attr.id}`
      let counts = values.get(key)
      if (!counts) values.set(key, (counts = new Map()))
      const n = (counts.get(value) ?? 0) + by
      if (n > 0) counts.set(value, n)
      else counts.delete(value)
    }
  }

  /** Import a colleague's layers (see import-annotations.ts). */
  async importAnnotations(path: string, as: string | null = null, replace = false): Promise<AnnotationImportReport> {
    fullPath(path)
    if (as !== null) windowsCanHold(as)
    const report = await importAnnotations(this.current, path, this.annotator, as, undefined, replace)
    this.forgetDerived()
    return report
  }

  /**
   * What changed after revision `since` (the UI polls this): files changed on disk by others, and
   * this host's saves for other windows than `window` (see wrote).
   */
  changes(since: number, window?: string): ProjectChanges {
    const changed = this.recentChanges
      .filter((c) => c.revision > since && (window === undefined || c.window !== window))
      .map(({ layer, document }) => ({ layer, document }))
    const complete = since >= this.revision - this.recentChanges.length
    const notice = this.project?.projectNotice ?? null
    return { revision: this.revision, changed, complete, ...(notice ? { notice } : {}) }
  }

  /** The user has read the project's notice (project.json set aside): it goes. */
  dismissProjectNotice(): null {
    if (this.project) this.project.projectNotice = null
    return null
  }

  /** Stop watching the project's files (the host is shutting down). */
  close(): void {
    this.stopWatching?.()
    this.stopWatching = null
  }

  private async switchTo(project: Project): Promise<ProjectSummary> {
    this.close()
    this.stopWatching = watchProject(project, (change) => this.record(change))
    this.project = project
    this.forgetDerived()
    this.retrieval = null
    this.notice = null
    await this.settings.addRecent(project.dir)
    return this.summary(project)
  }

  /**
   * A save this host made for one window (or, without a window, for a caller with none): the other
   * windows hear of it at their next poll as of a change on disk, and reload what it touches before
   * they save over it; the window that made it is not told. Nothing derived is forgotten: the save
   * itself updated what it touches.
   */
  wrote(change: DiskChange, window: string | undefined): void {
    this.revision++
    this.recentChanges.push({ ...change, revision: this.revision, ...(window === undefined ? {} : { window }) })
    if (this.recentChanges.length > MAX_CHANGES) this.recentChanges.shift()
  }

  /** Remember a change for the UI's polling. */
  private record(change: DiskChange): void {
    this.revision++
    this.forgetDerived()
    this.recentChanges.push({ ...change, revision: this.revision })
    if (this.recentChanges.length > MAX_CHANGES) this.recentChanges.shift()
  }

  private summary(project: Project): ProjectSummary {
    return {
      path: project.dir,
      name: project.name,
      labels: project.labels,
      linkTypes: [...project.linkTypes],
      documentCount: project.documents.length,
    }
  }

  /** One document's summary; `lookForDamage` false leaves `damaged` false (the list looks once for all). */
  private async documentSummary(project: Project, doc: DocumentEntry, lookForDamage = true): Promise<DocumentSummary> {
    const annotator = this.settings.annotator
    let annotationCount = 0
    let state: DocumentState = 'not-started'
    if (annotator && (await project.hasStoreFile(annotator, doc.id))) {
      const layer = await project.layer(annotator, doc.id)
      annotationCount = layer.annotations.length
      state = layer.state
    }
    const damaged = annotator && lookForDamage ? await project.layerFoundDamaged(annotator, doc.id) : false
    return {
      id: doc.id,
      title: doc.title,
      length: doc.length,
      importedFrom: doc.importedFrom,
      encoding: doc.encoding ?? null,
      properties: doc.properties ?? {},
      annotationCount,
      state,
      damaged,
    }
  }

  /** Set the current annotator's status of a document; returns its summary. */
  async setState(id: string, state: DocumentState, window?: string): Promise<DocumentSummary> {
    const project = this.current
    // As for annotations: nothing is saved against a text that is not the one imported ('read-only').
    await project.text(id)
    await setState(project, this.annotator, id, state, new Date().toISOString())
    this.wrote({ layer: this.annotator, document: id }, window)
    this.notesChanged(id)
    return this.documentSummary(project, project.document(id))
  }

  /** Statuses, memos or replies of a document changed: what shows them (the Retrieve index) is made again. */
  notesChanged(document: string): void {
    this.retrieval?.changedDocument(document)
  }
}

/**
 * Refuse an annotator name that Windows cannot hold as a folder (CON, NUL, COM1…), whatever this
 * machine is: the project may be opened on Windows later.
 */
function windowsCanHold(name: string): void {
  if (isWindowsReservedName(name)) {
    throw new DomainError(
      'invalid',
      `"${name}" cannot be an annotator's name: Windows reserves it for a device, so a project with that folder would not open there; choose another name.`,
    )
  }
}

/**
 * Refuse a path that is not absolute on this machine: a relative one (C:\x and \\server\x are
 * relative on Linux) would resolve against wherever the host was started, which no user chose.
 */
function fullPath(path: string): void {
  if (!isAbsolute(path)) {
    throw new DomainError(
      'invalid',
      `"${path.slice(0, 200)}" is not a full path on this computer; type the folder's whole path, such as ${process.platform === 'win32' ? 'C:\\Users\\you\\project' : '/home/you/project'}.`,
    )
  }
}

/** The file an export is offered as: its name, or for brat (a folder) the zip of it. */
function offeredName(name: string, format: ExportOptions['format']): string {
  return format === 'brat' ? `${name}.zip` : name
}
