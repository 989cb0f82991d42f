/**
 * A project on disk: a folder with project.json (name, label schema, documents), texts/<id>.txt
 * (each imported text, normalised once and never changed) and annotations/<annotator>/<id>.json
 * (one store per annotator per document). Opening reads project.json only; texts and stores are
 * read when needed and kept open, so saving one annotation touches one small file whatever the
 * size of the project.
 */
import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import type { Low } from 'lowdb'
import type { BackupInfo } from '../../../shared/model/backup'
import { DomainError } from '../../../shared/errors'
import { AnnotatorName, DocumentId, isWindowsReservedName, type Annotation, type Link } from '../../../shared/model/annotation'
import { defaultLabels, type LinkTypeDef, type TagSet } from '../../../shared/model/labels'
import {
  MEMO_FORMAT,
  MEMO_VERSION,
  PROJECT_MEMO_DOCUMENT,
  PROJECT_MEMO_FILE,
  ProjectMemoFile,
  isLayerFileName,
} from '../../../shared/model/memos'
import { countsAsLayer } from '../../../shared/model/status'
import { REVIEWED_FOLDER, REVIEW_VERSION, ReviewStoreFile } from '../../../shared/model/review'
import {
  PROJECT_FORMAT,
  PROJECT_VERSION,
  ProjectFile,
  STORE_VERSION,
  type StoreFile,
  StoreFileReader,
  keptProperties,
  propertyNameProblem,
  propertyValue,
  type DocumentEntry,
  type TagMerge,
} from '../../../shared/model/project'
import {
  changeProblems,
  countLayer,
  emptyUsage,
  mergeLayer,
  sameTagSet,
  tagSetProblems,
  type TagUsage,
} from '../../../shared/tagset/tagset'
import { TextIndex, codePointLength } from '../../../shared/offsets'
import { DEFAULT_BACKUP_POLICY, MAX_BACKUP_BYTES, StoreBackups, stampOf, type BackupFile, type BackupPolicy } from '../store/backups'
import { fileExists as exists, makeFolderDurable, saveFailedSentence, sweepLeftovers, writeFileDurable } from '../store/durable'
import { prepareImports, type ImportProblemKind, type ImportRequest } from '../documents/import-files'
import { inNameOrder } from '../../../shared/name-order'
import { documentIdFor, sha256Text, slugOf, titleFor } from '../documents/import-text'
import { DurableJsonFile, UnreadableFileError, openJsonStore, type StoreOptions } from '../store/json-store'
import { DurableTextFile } from '../store/text-store'
import { Layer, emptyStore } from './layer'
import { migrateProject, migrateStore } from './migrations'
import { SkippedFileError, readRegularText } from '../store/regular-file'
import { ReviewedLayer, emptyReviewStore } from './review'
import { keepTextBackup, listTextBackups, putTextBack, readStoredText, restoreText, textProblemSentence } from '../documents/stored-text'
import { plural } from '../../../shared/plural'

export const PROJECT_FILE = 'project.json'
/** The coding guidelines, in Markdown (docs/format.md#guidelinesmd). */
export const GUIDELINES_FILE = 'guidelines.md'

/** How many bytes of texts a project keeps read and indexed (the texts read last). */
const TEXT_CACHE_BYTES = 64 * 1024 * 1024

/** The most properties one document may have. */
export const MAX_PROPERTIES = 100

/** Which of a project's JSON files: project.json, an annotator's layer, or the reviewed layer. */
export type StoreKey =
  | { store: 'project' }
  | { store: 'annotations'; annotator: string; document: string }
  | { store: 'reviewed'; document: string }
  | { store: 'text'; document: string }

/** One of a project's layer stores. */
type LayerKey = Extract<StoreKey, { store: 'annotations' | 'reviewed' }>

export interface ProjectOptions {
  backupPolicy?: BackupPolicy
}

/** A file offered for import: its name and bytes (and, optionally, the user's choices for it). */
export type IncomingFile = ImportRequest

/** The sentence for a folder (or path) with no project in it, wherever Marginalia is asked to open one. */
export function notAProject(dir: string): string {
  return `${dir} is not a Marginalia project (it has no ${PROJECT_FILE}); create a project there or pick another folder.`
}

/** What the user can do about a project.json kept aside while the project was open. */
const PROJECT_SET_ASIDE_HINT =
  'Whatever another program wrote in it is not in the project now; Project › Backups… lists the file’s earlier versions.'

/** An open project folder. */
export class Project {
  /**
   * Set when a change found project.json damaged on disk, kept it aside and saved what was open in
   * its place: one sentence, until the user dismisses it.
   */
  projectNotice: string | null = null
  /** Texts read and found intact, with what their file looked like then (re-read when it changes). */
  private readonly texts = new Map<string, { index: TextIndex; mtimeMs: number; bytes: number }>()
  private textBytes = 0
  private readonly layers = new Map<string, Promise<Layer>>()
  private readonly reviewed = new Map<string, Promise<ReviewedLayer>>()
  private readonly memos = new Map<string, Promise<DurableJsonFile<ProjectMemoFile>>>()

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
      throw new DomainError('conflict', `${abs} already holds a Marginalia project; open it instead.`)
    }
    const data: ProjectFile = {
      format: PROJECT_FORMAT,
      version: PROJECT_VERSION,
      name,
      created: now,
      labels: defaultLabels,
      linkTypes: [],
      documents: [],
    }
    try {
      await makeFolderDurable(join(abs, 'texts'))
      await makeFolderDurable(join(abs, 'annotations'))
      await writeFileDurable(join(abs, PROJECT_FILE), `${JSON.stringify(data, null, 2)}\n`)
    } catch (e) {
      throw new DomainError('failed', saveFailedSentence('The new project', e, abs))
    }
    return Project.open(abs, options)
  }

  /**
   * Open the project in `dir`; a clear DomainError if there is none or it cannot be read (naming
   * the last good copy Marginalia kept, when there is one). An older project.json is migrated.
   */
  static async open(dir: string, options: ProjectOptions = {}): Promise<Project> {
    const abs = resolve(dir)
    const file = join(abs, PROJECT_FILE)
    if (!(await exists(file))) {
      throw new DomainError('not-found', notAProject(abs))
    }
    const policy = options.backupPolicy ?? DEFAULT_BACKUP_POLICY
    const placeholder = {
      format: PROJECT_FORMAT,
      version: PROJECT_VERSION,
      name: '-',
      created: new Date(0).toISOString(),
      labels: defaultLabels,
      linkTypes: [],
      documents: [],
    } satisfies ProjectFile
    let opened
    try {
      opened = await openJsonStore(file, ProjectFile, placeholder, projectStoreOptions(abs, policy))
    } catch (e) {
      if (!(e instanceof UnreadableFileError)) throw e
      const good = (await Project.listProjectBackups(abs, policy)).find((b) => b.restorable)
      const what = good
        ? `restore its last good copy (saved ${readableTime(good.saved)}) from the backups Marginalia keeps, or fix it yourself`
        : 'fix or restore it from your own backup'
      throw new DomainError('invalid', `${file} ${e.problem}, so the project cannot be opened; ${what} (Marginalia has not changed it).`)
    }
    if (!opened.existed) throw new DomainError('not-found', notAProject(abs))
    const project = new Project(abs, opened.db, opened.adapter, policy)
    await project.sweepLeftovers()
    // A tag-set merge that a crash interrupted is finished before anything reads the layers.
    if (project.db.data.pendingMerges?.length) await project.finishMerges().catch(() => undefined)
    return project
  }

  /** The backups of a project's project.json, newest first (the project need not open). */
  static async listProjectBackups(dir: string, policy = DEFAULT_BACKUP_POLICY): Promise<BackupInfo[]> {
    const abs = resolve(dir)
    const adapter = new DurableJsonFile(join(abs, PROJECT_FILE), ProjectFile, projectStoreOptions(abs, policy))
    return describeBackups(
      StoreBackups.of(abs, PROJECT_FILE, policy),
      adapter,
      (p) => `${plural(p.documents.length, 'document')}, “${p.name}”`,
    )
  }

  /**
   * Put a backup of project.json back in place (the project need not open). The file it replaces
   * is kept: as a backup when readable, set aside as `.unreadable-<time>` when not.
   */
  static async restoreProjectBackup(
    dir: string,
    id: string,
    policy = DEFAULT_BACKUP_POLICY,
  ): Promise<{ restored: BackupInfo; notice: string | null }> {
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

  /** The project's link types besides attribution. */
  get linkTypes(): readonly LinkTypeDef[] {
    return this.db.data.linkTypes
  }

  /** The labels and link types, as one value. */
  get tagSet(): TagSet {
    return { labels: this.db.data.labels, linkTypes: this.db.data.linkTypes }
  }

  /**
   * How much of the tag set the project uses, over every annotator's layers and the reviewed
   * layers; `unreadable` counts the layers that could not be read (damaged, of a newer format).
   */
  async tagUsage(): Promise<{ usage: TagUsage; unreadable: number }> {
    const usage = emptyUsage()
    let unreadable = 0
    await this.eachLayer(async (open) => {
      try {
        const data = await open()
        countLayer(usage, data.annotations, data.links)
      } catch {
        unreadable++
      }
    })
    return { usage, unreadable }
  }

  /**
   * Replace the tag set, merging what `merges` names, without orphaning anything: refused in one
   * sentence when the tag set is not well formed or would leave annotations, values or links in
   * use without a home. project.json is written first with the merges marked pending, then every
   * layer that uses what was merged is rewritten, then the mark is cleared; a crash in between is
   * finished the next time the project opens.
   */
  async saveTagSet(next: TagSet, merges: readonly TagMerge[] = [], base: TagSet | null = null): Promise<{ layersChanged: number }> {
    // Made from a tag set that is no longer the project's (Labels… open in two windows): saving would undo the other change.
    const stale = (current: TagSet) =>
      base && !sameTagSet(base, current)
        ? new DomainError(
            'conflict',
            'The labels were changed in another window since you opened Labels…, and saving would undo that change; open Labels… again and make yours there.',
          )
        : null
    const early = stale(this.tagSet)
    if (early) throw early
    const problems = tagSetProblems(next)
    if (problems.length > 0) throw new DomainError('invalid', problems[0]!)
    const { usage, unreadable } = await this.tagUsage()
    const lost = changeProblems(this.tagSet, next, usage, merges)
    if (lost.length > 0) throw new DomainError('invalid', lost[0]!)
    if (merges.length > 0 && unreadable > 0) {
      const n = unreadable === 1 ? '1 layer' : `${unreadable} layers`
      throw new DomainError('invalid', `${n} of this project could not be read, so nothing can be merged until it is restored (Backups…).`)
    }
    await this.update((data) => {
      // Checked again on the file as it is now: another app on this folder may have saved it.
      const late = stale({ labels: data.labels, linkTypes: data.linkTypes })
      if (late) throw late
      data.labels = structuredClone(next.labels) as ProjectFile['labels']
      data.linkTypes = structuredClone(next.linkTypes) as ProjectFile['linkTypes']
      if (merges.length > 0) data.pendingMerges = [...(data.pendingMerges ?? []), ...merges]
    })
    return { layersChanged: merges.length > 0 || this.db.data.pendingMerges?.length ? await this.finishMerges() : 0 }
  }

  /** Carry the pending merges into every layer, then clear them; the number of layers rewritten. */
  async finishMerges(): Promise<number> {
    const merges = this.db.data.pendingMerges ?? []
    if (merges.length === 0) return 0
    let changed = 0
    await this.eachLayer(async (_open, layer) => {
      const adapter = (await layer()).adapter as DurableJsonFile<StoreFile | ReviewStoreFile>
      await adapter.update((current) => {
        const merged = mergeLayer(current.annotations, current.links, merges)
        if (!merged.changed) return current
        changed++
        return { ...current, annotations: merged.annotations, links: merged.links } as typeof current
      })
    })
    await this.update((data) => {
      // Only the merges carried out here: another window may have added more meanwhile.
      const rest = (data.pendingMerges ?? []).slice(merges.length)
      if (rest.length > 0) data.pendingMerges = rest
      else delete data.pendingMerges
    })
    return changed
  }

  /** Visit every layer on disk: annotators' and reviewed; `open` reads it, `layer` gives the open store. */
  private async eachLayer(
    visit: (
      open: () => Promise<{ annotations: readonly Annotation[]; links: readonly Link[] }>,
      layer: () => Promise<Layer | ReviewedLayer>,
    ) => Promise<void>,
  ): Promise<void> {
    for (const folder of await this.layerFolders()) {
      for (const doc of this.documents) {
        if (!(await exists(this.layerPath(folder, doc.id)))) continue
        const layer = () => (folder === REVIEWED_FOLDER ? this.reviewedLayer(doc.id) : this.freshLayer(folder, doc.id))
        const open = async () => {
          const l = await layer()
          if (!(l instanceof Layer)) await l.adapter.readIfChangedByOthers()
          return l instanceof Layer
            ? { annotations: l.annotations, links: l.links }
            : { annotations: l.data.annotations, links: l.data.links }
        }
        await visit(open, layer)
      }
    }
  }

  get documents(): readonly DocumentEntry[] {
    return this.db.data.documents
  }

  /** The document with this id, or a 'not-found' DomainError. */
  document(id: string): DocumentEntry {
    const doc = this.db.data.documents.find((d) => d.id === id)
    if (!doc) throw new DomainError('not-found', `There is no document "${id}" in this project; it may have been removed.`)
    return doc
  }

  /**
   * A document's stored text, indexed for offset conversion, checked against the sha256 recorded at
   * import (texts/<id>.txt must never change). When it differs or cannot be read, `problem` is the
   * sentence for the user and `index` holds what could be read (to show, read-only). With
   * `trustRead`, a text already read and checked is used without looking at the file again.
   */
  async textState(id: string, options: { trustRead?: boolean } = {}): Promise<{ index: TextIndex; problem: string | null }> {
    const doc = this.document(id)
    const cached = this.texts.get(id)
    // A search over every text may use what was read and checked before without looking again;
    // opening a document or saving against it always looks (a text damaged since is caught there).
    if (cached && options.trustRead) return { index: cached.index, problem: null }
    if (cached) {
      const stat = await fs.stat(join(this.dir, doc.file)).catch(() => null)
      if (stat && stat.mtimeMs === cached.mtimeMs && stat.size === cached.bytes) {
        this.texts.delete(id)
        this.texts.set(id, cached)
        return { index: cached.index, problem: null }
      }
      this.texts.delete(id)
      this.textBytes -= cached.bytes
    }
    const read = await readStoredText(this.dir, doc)
    if (!read.ok) {
      const backedUp = (await listTextBackups(this.dir, doc)).some((b) => b.restorable)
      return { index: new TextIndex(read.content ?? ''), problem: textProblemSentence(doc, read.problem, backedUp) }
    }
    const index = new TextIndex(read.text)
    this.texts.set(id, { index, mtimeMs: read.mtimeMs, bytes: read.bytes })
    this.textBytes += read.bytes
    // Keep the texts read last, up to TEXT_CACHE_BYTES in all (a project search reads every text).
    for (const [key, t] of this.texts) {
      if (this.textBytes <= TEXT_CACHE_BYTES || key === id) break
      this.texts.delete(key)
      this.textBytes -= t.bytes
    }
    return { index, problem: null }
  }

  /**
   * Make sure an intact text has its kept copy among the backups (projects made before texts were
   * kept get one the first time the app opens each document). Reading alone never writes.
   */
  async keepTextCopy(id: string): Promise<void> {
    const cached = this.texts.get(id)
    if (cached) await keepTextBackup(this.dir, id, cached.index.text, cached.bytes)
  }

  /**
   * A document's text, for anything that writes against it or computes from it: a 'read-only'
   * DomainError with the sentence when the text is not the one imported.
   */
  async text(id: string): Promise<TextIndex> {
    const { index, problem } = await this.textState(id)
    if (problem) throw new DomainError('read-only', problem)
    return index
  }

  /**
   * Import files as new documents (see import-files.ts for the formats). Refused files, texts
   * already in the project and files over 20 MB (unless `confirmLarge`) come back with one sentence each.
   */
  async importFiles(files: readonly ImportRequest[], now = new Date().toISOString(), confirmLarge = false) {
    const imported: DocumentEntry[] = []
    const known = new Map(this.db.data.documents.map((d) => [d.sha256, d]))
    // The documents of one import follow their file names' order ("part-2" before "part-10").
    const prepared = await prepareImports(inNameOrder(files.map((f) => ({ ...f, name: basename(f.name) }))), confirmLarge)
    const errors: { name: string; message: string; kind?: ImportProblemKind }[] = prepared.problems
    for (const item of prepared.texts) {
      const name = item.importedFrom
      const sha256 = sha256Text(item.text)
      const twin = known.get(sha256)
      if (twin) {
        // The same text as a document whose stored text is damaged: the import puts it back.
        const repaired = !imported.includes(twin) && (await this.textState(twin.id)).problem !== null
        if (repaired) {
          await putTextBack(this.dir, twin, Buffer.from(item.text))
          this.texts.delete(twin.id)
        }
        const message = repaired
          ? `${name} has the same text as "${twin.title}", whose damaged text file it has put back; that document can be annotated again.`
          : `${name} has the same text as "${twin.title}", which is already in the project.`
        errors.push({ name, kind: 'duplicate', message })
        continue
      }
      const title = item.title ?? titleFor(item.text, item.name)
      const properties = item.properties ? keptProperties(item.properties) : null
      const hinted = item.idHint ? slugOf(item.idHint) : ''
      // A CSV id such as "con" or "nul" would be a file name Windows cannot hold: it gets "-doc".
      const base = (hinted && (isWindowsReservedName(hinted) ? `${hinted}-doc` : hinted)) || documentIdFor(title, sha256)
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
        ...(properties && Object.keys(properties).length > 0 ? { properties } : {}),
      }
      try {
        await writeFileDurable(join(this.dir, entry.file), item.text)
      } catch (e) {
        throw new DomainError('failed', saveFailedSentence(`The text of ${name}`, e, join(this.dir, 'texts')))
      }
      await keepTextBackup(this.dir, id, item.text)
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
        if (!added.includes(e))
          errors.push({
            name: e.importedFrom,
            message: `${e.importedFrom} has the same text as a document that was just imported in another window.`,
          })
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

  /**
   * Change some of a document's properties: a key with a value sets it (trimmed), a key with null
   * or a blank value removes it, keys not named stay as they are. Saved with compare-and-swap like
   * a rename, so another window's change to another key, or to another document, is kept.
   */
  async setProperties(id: string, changes: Readonly<Record<string, string | null>>): Promise<DocumentEntry> {
    this.document(id)
    for (const [key, value] of Object.entries(changes)) {
      // A name from a CSV header may be removed or changed whatever it looks like; new names follow the rule.
      const problem = value !== null && !Object.hasOwn(this.document(id).properties ?? {}, key) ? propertyNameProblem(key) : null
      if (problem) throw new DomainError('invalid', problem)
    }
    await this.update((data) => {
      const doc = data.documents.find((d) => d.id === id)
      if (!doc) return
      const next: Record<string, string> = { ...doc.properties }
      for (const [key, value] of Object.entries(changes)) {
        const kept = propertyValue(value)
        if (kept === null) delete next[key]
        else next[key] = kept
      }
      if (Object.keys(next).length > MAX_PROPERTIES)
        throw new DomainError('invalid', `A document can have at most ${MAX_PROPERTIES} properties; remove some before adding more.`)
      if (Object.keys(next).length > 0) doc.properties = next
      else delete doc.properties
    })
    return this.document(id)
  }

  /**
   * The annotators with at least one layer that counts (annotations, or a document marked done; see
   * shared/model/status.ts), sorted. A folder holding only memos and replies is not an annotator's.
   */
  async annotators(): Promise<string[]> {
    const folders = await this.annotatorFolders()
    const withLayers = await Promise.all(folders.map(async (n) => ((await this.countedLayerIn(n)) ? n : null)))
    return withLayers.filter((n): n is string => n !== null)
  }

  /** Whether an annotator's folder holds a layer that counts (stops at the first). */
  private async countedLayerIn(annotator: string): Promise<boolean> {
    const known = new Set(this.db.data.documents.map((d) => d.id))
    const names = (await fs.readdir(join(this.dir, 'annotations', annotator)).catch(() => [] as string[])).filter(isLayerFileName)
    for (const name of names) {
      const id = name.slice(0, -'.json'.length)
      if (known.has(id) && (await this.hasLayer(annotator, id))) return true
    }
    return false
  }

  /** Every annotator folder, sorted, whether or not it holds a layer that counts (memos and replies too). */
  async writers(): Promise<string[]> {
    return this.annotatorFolders()
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
   * Whether this annotator has a layer of this document that counts: a store on disk (made only by
   * their first save there: opening, reading or reviewing writes nothing) holding annotations or
   * marked done. A store that cannot be read counts, so reading it says what is wrong.
   */
  async hasLayer(annotator: string, docId: string): Promise<boolean> {
    if (!(await this.hasStoreFile(annotator, docId))) return false
    try {
      return countsAsLayer((await this.layer(annotator, docId)).db.data)
    } catch {
      return true
    }
  }

  /** Whether this annotator has a store file for this document at all (it may hold only a memo). */
  async hasStoreFile(annotator: string, docId: string): Promise<boolean> {
    return exists(this.layerPath(annotator, docId))
  }

  /** The annotator's project memo file (annotations/<annotator>/_project.json), opened once and kept. */
  projectMemo(annotator: string): Promise<DurableJsonFile<ProjectMemoFile>> {
    if (!AnnotatorName.safeParse(annotator).success)
      return Promise.reject(new DomainError('invalid', `"${annotator}" is not a valid annotator name.`))
    let memo = this.memos.get(annotator)
    if (!memo) {
      const relative = `annotations/${annotator}/${PROJECT_MEMO_FILE}`
      memo = openJsonStore(
        join(this.dir, relative),
        ProjectMemoFile,
        { format: MEMO_FORMAT, version: MEMO_VERSION, annotator },
        {
          describe: `The project memo of ${annotator}`,
          version: MEMO_VERSION,
          backups: StoreBackups.of(this.dir, relative, this.policy),
          onUnreadable: 'set-aside',
          within: this.dir,
        },
      ).then(({ adapter }) => adapter)
      memo.catch(() => this.memos.delete(annotator))
      this.memos.set(annotator, memo)
    }
    return memo
  }

  /** The project's guidelines.md: Markdown the annotators follow, saved by compare-and-swap. */
  get guidelines(): DurableTextFile {
    return new DurableTextFile(join(this.dir, GUIDELINES_FILE), {
      describe: GUIDELINES_FILE,
      within: this.dir,
      maxBytes: 4 * 1024 * 1024,
      backups: StoreBackups.of(this.dir, 'guidelines', this.policy),
    })
  }

  /** Whether an annotator has a project memo file. */
  async hasProjectMemo(annotator: string): Promise<boolean> {
    return exists(join(this.dir, 'annotations', annotator, PROJECT_MEMO_FILE))
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
    if (!AnnotatorName.safeParse(annotator).success) throw new DomainError('invalid', `"${annotator}" is not a valid annotator name.`)
    if (!DocumentId.safeParse(docId).success) throw new DomainError('invalid', `"${docId}" is not a valid document id.`)
    const key = `${annotator}/${docId}`
    let layer = this.layers.get(key)
    if (!layer) {
      const doc = this.document(docId)
      const ref = { store: 'annotations' as const, annotator, document: docId }
      layer = openJsonStore(
        this.layerPath(annotator, docId),
        StoreFileReader,
        emptyStore(docId, doc.sha256, annotator),
        this.storeOptions(ref),
      ).then(({ db, adapter }) => new Layer(db, adapter, annotator))
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
    if (ref.store === 'text') return listTextBackups(this.dir, this.document(ref.document))
    const { adapter, backups } = await this.openStore(ref)
    return describeBackups(backups, adapter, summaryOf)
  }

  /**
   * Put a backup of one of this project's files back in place; what it replaces is kept as a
   * backup in turn (or set aside when unreadable), so a restore can itself be undone. A pinned
   * copy that is restored is pinned no longer (it stays as an earlier version).
   */
  async restoreBackup(ref: StoreKey, id: string): Promise<{ restored: BackupInfo; notice: string | null }> {
    if (ref.store === 'project') {
      const result = await Project.restoreProjectBackup(this.dir, id, this.policy)
      await this.takeProjectChangeFromDisk()
      return result
    }
    if (ref.store === 'text') {
      const result = await restoreText(this.dir, this.document(ref.document), id)
      this.texts.delete(ref.document)
      return result
    }
    const { adapter, backups } = await this.openStore(ref)
    return restoreInto(backups, adapter, id, summaryOf)
  }

  /** The user says a pinned copy is not needed: it becomes an ordinary earlier version. */
  async unpinBackup(ref: StoreKey, id: string): Promise<BackupInfo[]> {
    if (ref.store === 'text') throw new DomainError('not-found', 'A text has no pinned copies.')
    if (ref.store === 'project') {
      await StoreBackups.of(this.dir, PROJECT_FILE, this.policy).unpin(id)
      return this.listBackups(ref)
    }
    const { adapter, backups } = await this.openStore(ref)
    await backups.unpin(id)
    adapter.notice = null
    return this.listBackups(ref)
  }

  /**
   * What to tell the user about a layer: that its file was found damaged and set aside (in this
   * session), and which last good copy of it is pinned — one sentence — and the newest pin.
   */
  async layerNotice(ref: LayerKey): Promise<{ notice: string | null; pinned: BackupInfo | null; held?: boolean }> {
    const { layer, adapter, backups } = await this.openStore(ref)
    const pins = await describeBackups(backups, adapter, summaryOf, (b) => b.kind === 'pinned')
    const pinned = pins[0] ?? null
    const set = adapter.notice?.replace(/\.$/, '') ?? null
    if (!pinned) {
      if (set === null) return { notice: null, pinned: null }
      const good = (await describeBackups(backups, adapter, summaryOf)).find((b) => b.restorable)
      return { notice: good ? `${set}; its last good copy, saved ${readableTime(good.saved)}, can be restored.` : adapter.notice, pinned }
    }
    // What was found (this session's sentence, or when and where from the pin), then the pinned copy.
    const kept = pinned.pinned?.keptAs ? ` (kept as ${pinned.pinned.keptAs})` : ''
    const found = pinned.pinned ? ` on ${readableTime(pinned.pinned.found)}` : ''
    // A pin with no damaged file kept beside it: the file was found gone, or its damaged copy since removed.
    const head = set ?? `${adapter.describe} was found ${kept ? 'damaged' : 'damaged or missing'}${found}${kept}`
    const copy = `its last good copy, saved ${readableTime(pinned.saved)} (${pinned.summary})`
    // Everything in the pinned copy is in the layer now (what was open was saved on): say so.
    if (await this.holdsPinned(backups, pinned.id, layer.db.data))
      return {
        notice: `${head}; ${copy}, is pinned, but the file holds all of it now, with what was saved since: it is likely not needed.`,
        pinned,
        held: true,
      }
    return { notice: `${head}; ${copy}, is pinned: Marginalia keeps it until you restore it or say it is not needed.`, pinned }
  }

  /** Whether `data` (a layer) holds every annotation and link of the pinned backup `id` as they are there. */
  private async holdsPinned(
    backups: StoreBackups,
    id: string,
    current: { annotations: readonly Annotation[]; links: readonly Link[] },
  ): Promise<boolean> {
    const file = await backups.find(id)
    if (!file) return false
    let pinned: { annotations?: unknown; links?: unknown }
    try {
      pinned = JSON.parse(await fs.readFile(file.path, 'utf8')) as typeof pinned
    } catch {
      return false
    }
    if (!Array.isArray(pinned.annotations) || !Array.isArray(pinned.links)) return false
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
    const now = new Map(current.annotations.map((a) => [a.id, a]))
    const links = new Map(current.links.map((l) => [l.id, l]))
    return (
      (pinned.annotations as Annotation[]).every((a) => {
        const here = now.get(a.id)
        return (
          here !== undefined &&
          here.label === a.label &&
          same(here.target.position, a.target?.position) &&
          same(here.attributes, a.attributes) &&
          here.note === a.note
        )
      }) &&
      (pinned.links as Link[]).every((l) => {
        const here = links.get(l.id)
        return here !== undefined && here.from === l.from && here.to === l.to && here.type === l.type
      })
    )
  }

  /**
   * What was found damaged and set aside while this project was open, one sentence each: the
   * layers (an annotator's or the reviewed one) read so far whose file could not be read. A command
   * that read them says so, since what it wrote leaves those layers out.
   */
  async setAsideNotices(): Promise<string[]> {
    const out: string[] = []
    for (const layer of [...this.layers.values(), ...this.reviewed.values()]) {
      const notice = (await layer.catch(() => null))?.adapter.notice
      if (notice) out.push(notice)
    }
    return out
  }

  /**
   * Whether the annotator's file of a document was found damaged and that is not settled: it was
   * set aside in this session, or a last good copy of it is still pinned (until it is restored or
   * said not to be needed). Opens no store that is not open already.
   */
  async layerFoundDamaged(annotator: string, docId: string): Promise<boolean> {
    const open = await this.layers.get(`${annotator}/${docId}`)?.catch(() => null)
    if (open?.adapter.notice) return true
    return StoreBackups.of(this.dir, relativeStorePath({ store: 'annotations', annotator, document: docId }), this.policy).hasPinned()
  }

  /**
   * Layers found damaged in an earlier session and not settled since: a last good copy is still
   * pinned, or (with none to restore) the damaged file is still beside where the layer was and no
   * new layer was started. Annotator and document (of these annotators, or all). What reads the
   * project leaves them out, so it can say so; the ones set aside in this session are in
   * setAsideNotices instead.
   */
  async damagedEarlier(annotators: readonly string[] | null = null): Promise<{ annotator: string; document: string }[]> {
    const out: { annotator: string; document: string }[] = []
    const known = new Set(this.documents.map((d) => d.id))
    for (const annotator of await this.annotatorFolders()) {
      // Only the annotators asked about: each is a look into their folder and their backups.
      if (annotators && !annotators.includes(annotator)) continue
      const found = await this.damagedLayers(annotator)
      const names = await fs.readdir(join(this.dir, 'annotations', annotator)).catch(() => [] as string[])
      for (const name of names) {
        const at = name.indexOf('.json.unreadable-')
        const id = at > 0 ? name.slice(0, at) : ''
        if (known.has(id) && !names.includes(`${id}.json`)) found.add(id)
      }
      for (const document of found) {
        const open = await this.layers.get(`${annotator}/${document}`)?.catch(() => null)
        if (!open?.adapter.notice) out.push({ annotator, document })
      }
    }
    return out
  }

  /**
   * The documents for which layerFoundDamaged holds, for the whole list at once: one look at the
   * annotator's backups folder finds the documents that have backups at all, and only those are
   * looked into for a pin (a document never saved has none), or for a file gone since it was saved. A list of 3,000 documents took
   * ~150 ms with a look per document.
   */
  async damagedLayers(annotator: string): Promise<Set<string>> {
    const out = new Set<string>()
    for (const [key, layer] of this.layers) {
      if (!key.startsWith(`${annotator}/`)) continue
      if ((await layer.catch(() => null))?.adapter.notice) out.add(key.slice(annotator.length + 1))
    }
    const backups = (document: string) =>
      StoreBackups.of(this.dir, relativeStorePath({ store: 'annotations', annotator, document }), this.policy)
    const folder = dirname(backups('_').dir)
    const known = new Set(this.documents.map((d) => d.id))
    const saved = (await fs.readdir(folder).catch(() => [] as string[])).filter((id) => known.has(id) && !out.has(id))
    await Promise.all(
      saved.map(async (id) => {
        if (await backups(id).hasPinned()) out.add(id)
        // Saved here once and gone from disk since: opening it pins its last version and says so.
        else if (!(await this.hasStoreFile(annotator, id)) && (await this.layer(annotator, id).catch(() => null))?.adapter.notice)
          out.add(id)
      }),
    )
    return out
  }

  private async openStore(ref: LayerKey) {
    const layer = ref.store === 'annotations' ? await this.layer(ref.annotator, ref.document) : await this.reviewedLayer(ref.document)
    return {
      layer,
      adapter: layer.adapter as DurableJsonFile<StoreFile | ReviewStoreFile>,
      backups: StoreBackups.of(this.dir, relativeStorePath(ref), this.policy),
    }
  }

  private storeOptions(ref: LayerKey): StoreOptions {
    const doc = this.document(ref.document)
    const describe =
      ref.store === 'annotations'
        ? `The file of ${ref.annotator}’s annotations on “${doc.title}”`
        : `The file of the reviewed annotations of “${doc.title}”`
    return {
      describe,
      version: ref.store === 'annotations' ? STORE_VERSION : REVIEW_VERSION,
      backups: StoreBackups.of(this.dir, relativeStorePath(ref), this.policy),
      onUnreadable: 'set-aside',
      within: this.dir,
      holdsWork: (data) => holdsWork(data as StoreFile | ReviewStoreFile),
      // One annotation, link or reply per line: a third smaller to read and write than indented.
      lists: 'line',
      migrate:
        ref.store === 'annotations'
          ? async (json, version) => migrateStore(json, version, version === 0 ? await this.text(doc.id) : null, doc.sha256)
          : undefined,
    }
  }

  /**
   * A store file changed on disk (a colleague's sync, another window): take in the new content
   * if someone else wrote it. True when this project's view of it changed since the last time this
   * was asked, also when a read in between (a review, a decision) took the change in first.
   */
  async takeChangeFromDisk(folder: string, docId: string): Promise<boolean> {
    const taken = async (adapter: { readIfChangedByOthers(): Promise<unknown>; takeUnannounced(): boolean }) => {
      await adapter.readIfChangedByOthers()
      return adapter.takeUnannounced()
    }
    if (docId === PROJECT_MEMO_DOCUMENT) {
      const open = this.memos.get(folder)
      return !open || (await taken(await open))
    }
    if (!this.db.data.documents.some((d) => d.id === docId)) return false
    if (folder === REVIEWED_FOLDER) {
      const open = this.reviewed.get(docId)
      return !open || (await taken((await open).adapter))
    }
    const open = this.layers.get(`${folder}/${docId}`)
    return !open || (await taken((await open).adapter))
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
      if (e instanceof DomainError) throw e
      throw new DomainError('failed', saveFailedSentence('The imported annotations', e, join(this.dir, 'annotations', annotator)))
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
      layer = openJsonStore(
        this.layerPath(REVIEWED_FOLDER, docId),
        ReviewStoreFile,
        emptyReviewStore(docId, doc.sha256),
        this.storeOptions(ref),
      ).then(({ db, adapter }) => new ReviewedLayer(db, adapter))
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

  /**
   * Change project.json, on top of whatever another window or a sync tool wrote meanwhile. A file
   * found damaged on disk is kept aside and what was open is saved in its place, as for a layer;
   * `projectNotice` says so until the user dismisses it.
   */
  private async update(change: (data: ProjectFile) => void): Promise<void> {
    try {
      const { setAside } = await this.adapter.update((current) => {
        const next = structuredClone(current)
        change(next)
        return next
      })
      if (setAside) this.projectNotice = `${setAside} ${PROJECT_SET_ASIDE_HINT}`
    } catch (e) {
      if (e instanceof DomainError) throw e
      throw new DomainError('failed', saveFailedSentence('The change to project.json', e, this.dir))
    }
  }
}

function projectStoreOptions(dir: string, policy: BackupPolicy): StoreOptions {
  return {
    describe: join(dir, PROJECT_FILE),
    version: PROJECT_VERSION,
    backups: StoreBackups.of(dir, PROJECT_FILE, policy),
    onUnreadable: 'refuse',
    within: dir,
    migrate: (json, version) => migrateProject(json, version, dir),
  }
}

/** A store's file relative to the project folder. */
function relativeStorePath(ref: LayerKey): string {
  return `annotations/${ref.store === 'annotations' ? ref.annotator : REVIEWED_FOLDER}/${ref.document}.json`
}

/** Whether a layer's store holds anything a user made: annotations, links, a memo, replies. */
function holdsWork(data: StoreFile | ReviewStoreFile): boolean {
  const own = data as Partial<StoreFile>
  return data.annotations.length > 0 || data.links.length > 0 || !!own.memo?.text || (own.replies?.length ?? 0) > 0
}

function summaryOf(data: StoreFile | ReviewStoreFile): string {
  const n = data.annotations.length
  const base = `${plural(n, 'annotation')}, ${plural(data.links.length, 'link')}`
  return 'decisions' in data ? `${base}, ${plural(data.decisions.length, 'decision')}` : base
}

/** "2026-11-21 10:00 UTC" */
function readableTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
}

async function describeBackups<T>(
  backups: StoreBackups,
  adapter: DurableJsonFile<T>,
  summary: (data: T) => string,
  which: (b: BackupFile) => boolean = () => true,
): Promise<BackupInfo[]> {
  const out: BackupInfo[] = []
  for (const b of (await backups.list()).filter(which)) {
    const raw = await readRegularText(b.path, { maxBytes: MAX_BACKUP_BYTES, within: backups.dir }).catch(() => null)
    const parsed = raw === null ? { problem: 'cannot be read' } : await adapter.parseContent(raw)
    const ok = 'data' in parsed
    let pinned: BackupInfo['pinned'] = null
    if (b.kind === 'pinned' && b.found) {
      const keptAs = `${basename(adapter.path)}.unreadable-${stampOf(b.found)}`
      pinned = { found: b.found.toISOString(), keptAs: (await exists(join(dirname(adapter.path), keptAs))) ? keptAs : null }
    }
    out.push({
      id: b.id,
      kind: b.kind,
      saved: b.saved.toISOString(),
      bytes: b.bytes,
      summary: ok ? summary(parsed.data) : `This copy ${parsed.problem}.`,
      restorable: ok,
      pinned,
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
  if (!backup)
    throw new DomainError('not-found', `There is no backup "${id}" of this file (any more); list the backups again and pick one.`)
  let raw: string
  try {
    raw = await readRegularText(backup.path, { maxBytes: MAX_BACKUP_BYTES, within: backups.dir })
  } catch (e) {
    if (!(e instanceof SkippedFileError)) throw e
    throw new DomainError('invalid', `That backup ${e.why}, so it cannot be restored; pick another one.`)
  }
  const parsed = await adapter.parseContent(raw)
  if (!('data' in parsed)) throw new DomainError('invalid', `That backup ${parsed.problem}, so it cannot be restored; pick another one.`)
  adapter.notice = null
  await adapter.update(() => parsed.data, parsed.data, { snapshot: true })
  // Restored, so no longer at risk: a pinned copy becomes an ordinary earlier version.
  if (backup.kind === 'pinned') await backups.unpin(backup.id).catch(() => undefined)
  return {
    restored: {
      id: backup.id,
      kind: backup.kind,
      saved: backup.saved.toISOString(),
      bytes: backup.bytes,
      summary: summary(parsed.data),
      restorable: true,
      pinned: null,
    },
    notice: adapter.notice,
  }
}
