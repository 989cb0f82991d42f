/**
 * A project on disk: a folder with project.json (name, label schema, documents), texts/<id>.txt
 * (each imported text, normalised once and never changed) and annotations/<annotator>/<id>.json
 * (one store per annotator per document). Opening reads project.json only; texts and stores are
 * read when needed and kept open, so saving one annotation touches one small file whatever the
 * size of the project.
 */
import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import type { Low } from 'lowdb'
import { UserError, type BackupInfo } from '../../shared/api'
import { AnnotatorName, DocumentId } from '../../shared/model/annotation'
import { defaultLabels } from '../../shared/model/labels'
import { REVIEWED_FOLDER, REVIEW_VERSION, ReviewStoreFile } from '../../shared/model/review'
import {
  PROJECT_FORMAT,
  PROJECT_VERSION,
  ProjectFile,
  STORE_VERSION,
  StoreFile,
  type DocumentEntry,
} from '../../shared/model/project'
import { TextIndex, codePointLength } from '../../shared/offsets'
import { DEFAULT_BACKUP_POLICY, StoreBackups, type BackupPolicy } from './backups'
import { fileExists as exists, sweepLeftovers, writeFileDurable } from './durable'
import { prepareImports, type ImportProblemKind, type ImportRequest } from './import-files'
import { documentIdFor, sha256Text, slugOf, titleFor } from './import-text'
import { DurableJsonFile, UnreadableFileError, openJsonStore, type StoreOptions } from './json-store'
import { Layer, emptyStore } from './layer'
import { migrateProject, migrateStore } from './migrations'
import { ReviewedLayer, emptyReviewStore } from './review'

export const PROJECT_FILE = 'project.json'

/** Which of a project's JSON files: project.json, an annotator's layer, or the reviewed layer. */
export type StoreKey =
  | { store: 'project' }
  | { store: 'annotations'; annotator: string; document: string }
  | { store: 'reviewed'; document: string }

export interface ProjectOptions {
  backupPolicy?: BackupPolicy
}

/** A file offered for import: its name and bytes (and, optionally, the user's choices for it). */
export type IncomingFile = ImportRequest

/** An open project folder. */
export class Project {
  private readonly texts = new Map<string, TextIndex>()
  private readonly layers = new Map<string, Promise<Layer>>()
  private readonly reviewed = new Map<string, Promise<ReviewedLayer>>()

  private constructor(
    readonly dir: string,
    private readonly db: Low<ProjectFile>,
    private readonly adapter: DurableJsonFile<ProjectFile>,
    private readonly policy: BackupPolicy,
  ) {}

  /** Create a new, empty project in `dir` (which may exist but must not hold a project). */
  static async create(dir: string, name: string, now = new Date().toISOString(), options: ProjectOptions = {}): Promise<Project> {
    const abs = resolve(dir)
    if (await exists(join(abs, PROJECT_FILE))) {
      throw new UserError('conflict', `${abs} already holds a Marginalia project; open it instead.`)
    }
    await fs.mkdir(join(abs, 'texts'), { recursive: true })
    await fs.mkdir(join(abs, 'annotations'), { recursive: true })
    const data: ProjectFile = { format: PROJECT_FORMAT, version: PROJECT_VERSION, name, created: now, labels: defaultLabels, documents: [] }
    await writeFileDurable(join(abs, PROJECT_FILE), `${JSON.stringify(data, null, 2)}\n`)
    return Project.open(abs, options)
  }

  /**
   * Open the project in `dir`; a clear UserError if there is none or it cannot be read (naming
   * the last good copy Marginalia kept, when there is one). An older project.json is migrated.
   */
  static async open(dir: string, options: ProjectOptions = {}): Promise<Project> {
    const abs = resolve(dir)
    const file = join(abs, PROJECT_FILE)
    if (!(await exists(file))) {
      throw new UserError('not-found', `${abs} is not a Marginalia project (it has no ${PROJECT_FILE}); create a project there or pick another folder.`)
    }
    const policy = options.backupPolicy ?? DEFAULT_BACKUP_POLICY
    const placeholder = { format: PROJECT_FORMAT, version: PROJECT_VERSION, name: '-', created: new Date(0).toISOString(), labels: defaultLabels, documents: [] } as ProjectFile
    let opened
    try {
      opened = await openJsonStore(file, ProjectFile, placeholder, projectStoreOptions(abs, policy))
    } catch (e) {
      if (!(e instanceof UnreadableFileError)) throw e
      const good = (await Project.listProjectBackups(abs, policy)).find((b) => b.restorable)
      const what = good
        ? `restore its last good copy (saved ${readableTime(good.saved)}) from the backups Marginalia keeps, or fix it yourself`
        : 'fix or restore it from your own backup'
      throw new UserError('invalid', `${file} ${e.problem}, so the project cannot be opened; ${what} (Marginalia has not changed it).`)
    }
    if (!opened.existed) throw new UserError('not-found', `${abs} is not a Marginalia project (it has no ${PROJECT_FILE}); create a project there or pick another folder.`)
    const project = new Project(abs, opened.db, opened.adapter, policy)
    await project.sweepLeftovers()
    return project
  }

  /** The backups of a project's project.json, newest first (the project need not open). */
  static async listProjectBackups(dir: string, policy = DEFAULT_BACKUP_POLICY): Promise<BackupInfo[]> {
    const abs = resolve(dir)
    const adapter = new DurableJsonFile(join(abs, PROJECT_FILE), ProjectFile, projectStoreOptions(abs, policy))
    return describeBackups(StoreBackups.of(abs, PROJECT_FILE, policy), adapter, (p) => `${p.documents.length} document${p.documents.length === 1 ? '' : 's'}, “${p.name}”`)
  }

  /**
   * Put a backup of project.json back in place (the project need not open). The file it replaces
   * is kept: as a backup when readable, set aside as `.unreadable-<time>` when not.
   */
  static async restoreProjectBackup(dir: string, id: string, policy = DEFAULT_BACKUP_POLICY): Promise<{ restored: BackupInfo; notice: string | null }> {
    const abs = resolve(dir)
    const adapter = new DurableJsonFile(join(abs, PROJECT_FILE), ProjectFile, projectStoreOptions(abs, policy))
    return restoreInto(StoreBackups.of(abs, PROJECT_FILE, policy), adapter, id, (p) => `${p.documents.length} documents`)
  }

  /** Remove temporary files a killed Marginalia left beside the project's files (see durable.ts). */
  private async sweepLeftovers(): Promise<void> {
    const folders = [this.dir, join(this.dir, 'texts'), ...(await this.layerFolders()).map((f) => join(this.dir, 'annotations', f))]
    await Promise.all(folders.map((f) => sweepLeftovers(f)))
  }

  get name(): string {
    return this.db.data.name
  }

  /**
   * The project's id in exported IRIs (urn:marginalia:<id>:…): a UUID-shaped digest of when the
   * project was created and its name, so every copy of a project names its annotations alike.
   */
  get iriId(): string {
    const hex = createHash('sha256').update(`marginalia-project\n${this.db.data.created}\n${this.db.data.name}`).digest('hex')
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
  }

  get labels() {
    return this.db.data.labels
  }

  get documents(): readonly DocumentEntry[] {
    return this.db.data.documents
  }

  /** The document with this id, or a 'not-found' UserError. */
  document(id: string): DocumentEntry {
    const doc = this.db.data.documents.find((d) => d.id === id)
    if (!doc) throw new UserError('not-found', `There is no document "${id}" in this project; it may have been removed.`)
    return doc
  }

  /** The stored text of a document, indexed for offset conversion (cached). */
  async text(id: string): Promise<TextIndex> {
    const cached = this.texts.get(id)
    if (cached) return cached
    const doc = this.document(id)
    const text = await fs.readFile(join(this.dir, doc.file), 'utf8')
    const index = new TextIndex(text)
    if (this.texts.size > 32) this.texts.delete(this.texts.keys().next().value!)
    this.texts.set(id, index)
    return index
  }

  /**
   * Import files as new documents (see import-files.ts for the formats). Refused files, texts
   * already in the project and files over 20 MB (unless `confirmLarge`) come back with one sentence each.
   */
  async importFiles(files: readonly ImportRequest[], now = new Date().toISOString(), confirmLarge = false) {
    const imported: DocumentEntry[] = []
    const known = new Map(this.db.data.documents.map((d) => [d.sha256, d]))
    const prepared = await prepareImports(files.map((f) => ({ ...f, name: basename(f.name) })), confirmLarge)
    const errors: { name: string; message: string; kind?: ImportProblemKind }[] = prepared.problems
    for (const item of prepared.texts) {
      const name = item.importedFrom
      const sha256 = sha256Text(item.text)
      const twin = known.get(sha256)
      if (twin) {
        errors.push({ name, kind: 'duplicate', message: `${name} has the same text as "${twin.title}", which is already in the project.` })
        continue
      }
      const title = item.title ?? titleFor(item.text, item.name)
      const base = (item.idHint && slugOf(item.idHint)) || documentIdFor(title, sha256)
      let id = base
      for (let n = 2; this.db.data.documents.some((d) => d.id === id) || imported.some((d) => d.id === id); n++) id = `${base}-${n}`
      const entry: DocumentEntry = {
        id,
        title: Array.from(title).slice(0, 300).join(''),
        file: `texts/${id}.txt`,
        sha256,
        length: codePointLength(item.text),
        importedFrom: name.slice(0, 500),
        imported: now,
        ...(item.encoding ? { encoding: item.encoding } : {}),
        ...(item.metadata ? { metadata: item.metadata } : {}),
      }
      await writeFileDurable(join(this.dir, entry.file), item.text)
      imported.push(entry)
      known.set(sha256, entry)
    }
    let added = imported
    if (imported.length > 0) {
      // Another window may have imported some of the same texts meanwhile: keep theirs.
      await this.update((data) => {
        added = imported.filter((e) => !data.documents.some((d) => d.id === e.id || d.sha256 === e.sha256))
        data.documents.push(...added)
      })
      for (const e of imported) {
        if (!added.includes(e)) errors.push({ name: e.importedFrom, message: `${e.importedFrom} has the same text as a document that was just imported in another window.` })
      }
    }
    return { imported: added, errors }
  }

  /** Give a document a new title. */
  async rename(id: string, title: string): Promise<DocumentEntry> {
    this.document(id)
    await this.update((data) => {
      const doc = data.documents.find((d) => d.id === id)
      if (doc) doc.title = title
    })
    return this.document(id)
  }

  /** The annotators with at least one layer (a store file under annotations/<name>/), sorted. */
  async annotators(): Promise<string[]> {
    const folders = await this.annotatorFolders()
    const withLayers = await Promise.all(
      folders.map(async (n) => ((await fs.readdir(join(this.dir, 'annotations', n)).catch(() => [])).some((f) => f.endsWith('.json')) ? n : null)),
    )
    return withLayers.filter((n): n is string => n !== null)
  }

  /** The folders under annotations/ named like annotators, sorted (some may hold no layer yet). */
  private async annotatorFolders(): Promise<string[]> {
    try {
      return (await fs.readdir(join(this.dir, 'annotations'))).filter((n) => AnnotatorName.safeParse(n).success).sort()
    } catch {
      return []
    }
  }

  /** Every folder under annotations/ that may hold layers: annotators' and the reviewed layer's. */
  async layerFolders(): Promise<string[]> {
    const annotators = await this.annotatorFolders()
    return (await exists(join(this.dir, 'annotations', REVIEWED_FOLDER))) ? [...annotators, REVIEWED_FOLDER] : annotators
  }

  /**
   * Whether this annotator has a layer of this document: a store on disk, which exists only once
   * they saved something there. A store opened to read (opening a document, a review) is not one.
   */
  async hasLayer(annotator: string, docId: string): Promise<boolean> {
    return exists(this.layerPath(annotator, docId))
  }

  /** The annotator's store for a document, opened once and kept (rejects, never throws). */
  layer(annotator: string, docId: string): Promise<Layer> {
    try {
      return this.openLayer(annotator, docId)
    } catch (e) {
      return Promise.reject(e as Error)
    }
  }

  private openLayer(annotator: string, docId: string): Promise<Layer> {
    if (!AnnotatorName.safeParse(annotator).success) throw new UserError('invalid', `"${annotator}" is not a valid annotator name.`)
    if (!DocumentId.safeParse(docId).success) throw new UserError('invalid', `"${docId}" is not a valid document id.`)
    const key = `${annotator}/${docId}`
    let layer = this.layers.get(key)
    if (!layer) {
      const doc = this.document(docId)
      const ref = { store: 'annotations' as const, annotator, document: docId }
      layer = openJsonStore(this.layerPath(annotator, docId), StoreFile, emptyStore(docId, doc.sha256, annotator), this.storeOptions(ref)).then(
        async ({ db, adapter }) => new Layer(db, adapter, annotator, await this.withBackupHint(ref, adapter)),
      )
      layer.catch(() => this.layers.delete(key))
      this.layers.set(key, layer)
    }
    return layer
  }

  /**
   * The annotator's store as it is on disk now: what another window or a sync tool wrote is taken
   * in even before the watcher reports it (for reads the user sees: opening a document, a review).
   */
  async freshLayer(annotator: string, docId: string): Promise<Layer> {
    const layer = await this.layer(annotator, docId)
    await layer.adapter.readIfChangedByOthers()
    return layer
  }

  /** The backups of one of this project's files, newest first. */
  async listBackups(ref: StoreKey): Promise<BackupInfo[]> {
    if (ref.store === 'project') return Project.listProjectBackups(this.dir, this.policy)
    const { adapter, backups } = await this.openStore(ref)
    return describeBackups(backups, adapter, summaryOf)
  }

  /**
   * Put a backup of one of this project's files back in place; what it replaces is kept as a
   * backup in turn (or set aside when unreadable), so a restore can itself be undone.
   */
  async restoreBackup(ref: StoreKey, id: string): Promise<{ restored: BackupInfo; notice: string | null }> {
    if (ref.store === 'project') {
      const result = await Project.restoreProjectBackup(this.dir, id, this.policy)
      await this.takeProjectChangeFromDisk()
      return result
    }
    const { adapter, backups, layer } = await this.openStore(ref)
    const result = await restoreInto(backups, adapter, id, summaryOf)
    layer.notice = null
    return result
  }

  private async openStore(ref: Exclude<StoreKey, { store: 'project' }>) {
    const layer = ref.store === 'annotations' ? await this.layer(ref.annotator, ref.document) : await this.reviewedLayer(ref.document)
    return { layer, adapter: layer.adapter as DurableJsonFile<StoreFile | ReviewStoreFile>, backups: StoreBackups.of(this.dir, relativeStorePath(ref), this.policy) }
  }

  private storeOptions(ref: Exclude<StoreKey, { store: 'project' }>): StoreOptions {
    const doc = this.document(ref.document)
    const describe = ref.store === 'annotations' ? `The annotations of ${ref.annotator} on “${doc.title}”` : `The reviewed annotations of “${doc.title}”`
    return {
      describe,
      version: ref.store === 'annotations' ? STORE_VERSION : REVIEW_VERSION,
      backups: StoreBackups.of(this.dir, relativeStorePath(ref), this.policy),
      onUnreadable: 'set-aside',
      migrate: ref.store === 'annotations' ? async (json, version) => migrateStore(json, version, await this.text(doc.id), doc.sha256) : undefined,
    }
  }

  /** A set-aside notice, with the last good copy named when there is one to restore. */
  private async withBackupHint<T extends StoreFile | ReviewStoreFile>(
    ref: Exclude<StoreKey, { store: 'project' }>,
    adapter: DurableJsonFile<T>,
  ): Promise<string | null> {
    if (!adapter.notice) return null
    const backups = await describeBackups(StoreBackups.of(this.dir, relativeStorePath(ref), this.policy), adapter, summaryOf)
    const good = backups.find((b) => b.restorable)
    return good ? `${adapter.notice.replace(/\.$/, '')}; its last good copy, saved ${readableTime(good.saved)}, can be restored.` : adapter.notice
  }

  /**
   * A store file changed on disk (a colleague's sync, another window): take in the new content
   * if someone else wrote it. True when this project's view of it changed.
   */
  async takeChangeFromDisk(folder: string, docId: string): Promise<boolean> {
    if (!this.db.data.documents.some((d) => d.id === docId)) return false
    if (folder === REVIEWED_FOLDER) {
      const open = this.reviewed.get(docId)
      if (!open) return true
      return (await (await open).adapter.readIfChangedByOthers()) !== null
    }
    const open = this.layers.get(`${folder}/${docId}`)
    if (!open) return true
    return (await (await open).adapter.readIfChangedByOthers()) !== null
  }

  /** project.json changed on disk: take in the new documents and titles if someone else wrote it. */
  async takeProjectChangeFromDisk(): Promise<boolean> {
    return (await this.adapter.readIfChangedByOthers()) !== null
  }

  /** Replace an annotator's whole layer of a document (an import), durably. */
  async replaceLayer(annotator: string, docId: string, data: StoreFile): Promise<void> {
    const layer = await this.layer(annotator, docId)
    try {
      await layer.adapter.write(data)
    } catch (e) {
      if (e instanceof UserError) throw e
      throw new UserError('failed', `The imported annotations could not be saved (${(e as Error).message}); check the disk and try again.`)
    }
  }

  /** The reviewed layer of a document, opened once and kept (rejects, never throws). */
  reviewedLayer(docId: string): Promise<ReviewedLayer> {
    try {
      return this.openReviewedLayer(docId)
    } catch (e) {
      return Promise.reject(e as Error)
    }
  }

  private openReviewedLayer(docId: string): Promise<ReviewedLayer> {
    let layer = this.reviewed.get(docId)
    if (!layer) {
      const doc = this.document(docId)
      const ref = { store: 'reviewed' as const, document: docId }
      layer = openJsonStore(this.layerPath(REVIEWED_FOLDER, docId), ReviewStoreFile, emptyReviewStore(docId, doc.sha256), this.storeOptions(ref)).then(
        async ({ db, adapter }) => new ReviewedLayer(db, adapter, await this.withBackupHint(ref, adapter)),
      )
      layer.catch(() => this.reviewed.delete(docId))
      this.reviewed.set(docId, layer)
    }
    return layer
  }

  /** Whether a document has a reviewed layer: a store on disk, made by the first decision. */
  async hasReviewedLayer(docId: string): Promise<boolean> {
    return exists(this.layerPath(REVIEWED_FOLDER, docId))
  }

  private layerPath(annotator: string, docId: string): string {
    return join(this.dir, 'annotations', annotator, `${docId}.json`)
  }

  /** Change project.json, on top of whatever another window or a sync tool wrote meanwhile. */
  private async update(change: (data: ProjectFile) => void): Promise<void> {
    try {
      await this.adapter.update((current) => {
        const next = structuredClone(current)
        change(next)
        return next
      })
    } catch (e) {
      if (e instanceof UserError) throw e
      throw new UserError('failed', `project.json could not be saved (${(e as Error).message}); check the disk and try again.`)
    }
  }
}

function projectStoreOptions(dir: string, policy: BackupPolicy): StoreOptions {
  return {
    describe: join(dir, PROJECT_FILE),
    version: PROJECT_VERSION,
    backups: StoreBackups.of(dir, PROJECT_FILE, policy),
    onUnreadable: 'refuse',
    migrate: (json, version) => migrateProject(json, version, dir),
  }
}

/** A store's file relative to the project folder. */
function relativeStorePath(ref: Exclude<StoreKey, { store: 'project' }>): string {
  return `annotations/${ref.store === 'annotations' ? ref.annotator : REVIEWED_FOLDER}/${ref.document}.json`
}

function summaryOf(data: StoreFile | ReviewStoreFile): string {
  const n = data.annotations.length
  const base = `${n} annotation${n === 1 ? '' : 's'}, ${data.links.length} link${data.links.length === 1 ? '' : 's'}`
  return 'decisions' in data ? `${base}, ${data.decisions.length} decision${data.decisions.length === 1 ? '' : 's'}` : base
}

/** "2026-11-21 10:00 UTC" */
function readableTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
}

async function describeBackups<T>(backups: StoreBackups, adapter: DurableJsonFile<T>, summary: (data: T) => string): Promise<BackupInfo[]> {
  const out: BackupInfo[] = []
  for (const b of await backups.list()) {
    const raw = await fs.readFile(b.path, 'utf8').catch(() => null)
    const parsed = raw === null ? { problem: 'cannot be read' } : await adapter.parseContent(raw)
    const ok = 'data' in parsed
    out.push({
      id: b.id,
      kind: b.kind,
      saved: b.saved.toISOString(),
      bytes: b.bytes,
      summary: ok ? summary(parsed.data) : `This copy ${parsed.problem}.`,
      restorable: ok,
    })
  }
  return out
}

async function restoreInto<T>(
  backups: StoreBackups,
  adapter: DurableJsonFile<T>,
  id: string,
  summary: (data: T) => string,
): Promise<{ restored: BackupInfo; notice: string | null }> {
  const backup = await backups.find(id)
  if (!backup) throw new UserError('not-found', `There is no backup "${id}" of this file (any more); list the backups again and pick one.`)
  const raw = await fs.readFile(backup.path, 'utf8')
  const parsed = await adapter.parseContent(raw)
  if (!('data' in parsed)) throw new UserError('invalid', `That backup ${parsed.problem}, so it cannot be restored; pick another one.`)
  adapter.notice = null
  await adapter.update(() => parsed.data, parsed.data, { snapshot: true })
  return {
    restored: { id: backup.id, kind: backup.kind, saved: backup.saved.toISOString(), bytes: backup.bytes, summary: summary(parsed.data), restorable: true },
    notice: adapter.notice,
  }
}
