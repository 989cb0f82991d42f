/**
 * A project on disk: a folder with project.json (name, label schema, documents), texts/<id>.txt
 * (each imported text, normalised once and never changed) and annotations/<annotator>/<id>.json
 * (one store per annotator per document). Opening reads project.json only; texts and stores are
 * read when needed and kept open, so saving one annotation touches one small file whatever the
 * size of the project.
 */
import { promises as fs } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import type { Low } from 'lowdb'
import { UserError } from '../../shared/api'
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
import { writeFileDurable } from './durable'
import { decodeImport, documentIdFor, sha256Text, titleFor } from './import-text'
import { openJsonStore, type DurableJsonFile } from './json-store'
import { Layer, emptyStore } from './layer'
import { ReviewedLayer, emptyReviewStore } from './review'

export const PROJECT_FILE = 'project.json'

/** A file offered for import: its name and bytes. */
export interface IncomingFile {
  name: string
  bytes: Uint8Array
}

/** An open project folder. */
export class Project {
  private readonly texts = new Map<string, TextIndex>()
  private readonly layers = new Map<string, Promise<Layer>>()
  private readonly reviewed = new Map<string, Promise<ReviewedLayer>>()

  private constructor(
    readonly dir: string,
    private readonly db: Low<ProjectFile>,
  ) {}

  /** Create a new, empty project in `dir` (which may exist but must not hold a project). */
  static async create(dir: string, name: string, now = new Date().toISOString()): Promise<Project> {
    const abs = resolve(dir)
    if (await exists(join(abs, PROJECT_FILE))) {
      throw new UserError('conflict', `${abs} already holds a Marginalia project; open it instead.`)
    }
    await fs.mkdir(join(abs, 'texts'), { recursive: true })
    await fs.mkdir(join(abs, 'annotations'), { recursive: true })
    const data: ProjectFile = { format: PROJECT_FORMAT, version: PROJECT_VERSION, name, created: now, labels: defaultLabels, documents: [] }
    await writeFileDurable(join(abs, PROJECT_FILE), `${JSON.stringify(data, null, 2)}\n`)
    return Project.open(abs)
  }

  /** Open the project in `dir`; a clear UserError if there is none or it cannot be read. */
  static async open(dir: string): Promise<Project> {
    const abs = resolve(dir)
    const file = join(abs, PROJECT_FILE)
    if (!(await exists(file))) {
      throw new UserError('not-found', `${abs} is not a Marginalia project (it has no ${PROJECT_FILE}); create a project there or pick another folder.`)
    }
    let raw: unknown
    try {
      raw = JSON.parse(await fs.readFile(file, 'utf8'))
    } catch {
      throw new UserError('invalid', `${file} is not valid JSON, so the project cannot be opened; restore it from a backup (Marginalia has not changed it).`)
    }
    const version = (raw as { version?: unknown })?.version
    if (typeof version === 'number' && version > PROJECT_VERSION) {
      throw new UserError('conflict', `${file} was written by a newer Marginalia (format version ${version}); update Marginalia to open it.`)
    }
    const parsed = ProjectFile.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue ? `${issue.path.join('.')}: ${issue.message}` : 'unexpected structure'
      throw new UserError('invalid', `${file} is not a valid project file (${where}); fix or restore it (Marginalia has not changed it).`)
    }
    const { db } = await openJsonStore(file, ProjectFile, parsed.data, 'project.json', PROJECT_VERSION)
    db.data = parsed.data
    return new Project(abs, db)
  }

  get name(): string {
    return this.db.data.name
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

  /** Import files as new documents; refused files come back with one sentence each. */
  async importFiles(files: readonly IncomingFile[], now = new Date().toISOString()) {
    const imported: DocumentEntry[] = []
    const errors: { name: string; message: string }[] = []
    const known = new Map(this.db.data.documents.map((d) => [d.sha256, d]))
    for (const file of files) {
      const name = basename(file.name)
      const decoded = decodeImport(name, file.bytes)
      if (decoded.error !== null) {
        errors.push({ name, message: decoded.error })
        continue
      }
      const sha256 = sha256Text(decoded.text)
      const twin = known.get(sha256)
      if (twin) {
        errors.push({ name, message: `${name} has the same text as "${twin.title}", which is already in the project.` })
        continue
      }
      const title = titleFor(decoded.text, name)
      let id = documentIdFor(title, sha256)
      for (let n = 2; this.db.data.documents.some((d) => d.id === id) || imported.some((d) => d.id === id); n++) {
        id = `${documentIdFor(title, sha256)}-${n}`
      }
      const entry: DocumentEntry = {
        id,
        title,
        file: `texts/${id}.txt`,
        sha256,
        length: codePointLength(decoded.text),
        importedFrom: name,
        imported: now,
      }
      await writeFileDurable(join(this.dir, entry.file), decoded.text)
      imported.push(entry)
      known.set(sha256, entry)
    }
    if (imported.length > 0) await this.update((data) => data.documents.push(...imported))
    return { imported, errors }
  }

  /** Give a document a new title. */
  async rename(id: string, title: string): Promise<DocumentEntry> {
    this.document(id)
    await this.update((data) => {
      const doc = data.documents.find((d) => d.id === id)!
      doc.title = title
    })
    return this.document(id)
  }

  /** The folders under annotations/ that are annotators' layers, sorted. */
  async annotators(): Promise<string[]> {
    let entries: string[]
    try {
      entries = await fs.readdir(join(this.dir, 'annotations'))
    } catch {
      return []
    }
    return entries.filter((n) => AnnotatorName.safeParse(n).success).sort()
  }

  /** Every folder under annotations/ that holds layers: annotators' and the reviewed layer's. */
  async layerFolders(): Promise<string[]> {
    const annotators = await this.annotators()
    return (await exists(join(this.dir, 'annotations', REVIEWED_FOLDER))) ? [...annotators, REVIEWED_FOLDER] : annotators
  }

  /** Whether this annotator has a store for this document on disk (or open). */
  async hasLayer(annotator: string, docId: string): Promise<boolean> {
    return this.layers.has(`${annotator}/${docId}`) || exists(this.layerPath(annotator, docId))
  }

  /** The annotator's store for a document, opened once and kept. */
  layer(annotator: string, docId: string): Promise<Layer> {
    if (!AnnotatorName.safeParse(annotator).success) throw new UserError('invalid', `"${annotator}" is not a valid annotator name.`)
    if (!DocumentId.safeParse(docId).success) throw new UserError('invalid', `"${docId}" is not a valid document id.`)
    const key = `${annotator}/${docId}`
    let layer = this.layers.get(key)
    if (!layer) {
      const doc = this.document(docId)
      const path = this.layerPath(annotator, docId)
      layer = openJsonStore(path, StoreFile, emptyStore(docId, doc.sha256, annotator), `The annotations of ${annotator} on "${doc.title}"`, STORE_VERSION).then(
        ({ db, notice }) => new Layer(db, annotator, notice),
      )
      layer.catch(() => this.layers.delete(key))
      this.layers.set(key, layer)
    }
    return layer
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
      const layer = await open
      const data = await (layer.db.adapter as DurableJsonFile<ReviewStoreFile>).readIfChangedByOthers()
      if (data) layer.db.data = data
      return data !== null
    }
    const open = this.layers.get(`${folder}/${docId}`)
    if (!open) return true
    const layer = await open
    const data = await (layer.db.adapter as DurableJsonFile<StoreFile>).readIfChangedByOthers()
    if (data) layer.db.data = data
    return data !== null
  }

  /** project.json changed on disk: take in the new documents and titles if someone else wrote it. */
  async takeProjectChangeFromDisk(): Promise<boolean> {
    const data = await (this.db.adapter as DurableJsonFile<ProjectFile>).readIfChangedByOthers()
    if (data) this.db.data = data
    return data !== null
  }

  /** Replace an annotator's whole layer of a document (an import), durably. */
  async replaceLayer(annotator: string, docId: string, data: StoreFile): Promise<void> {
    const layer = await this.layer(annotator, docId)
    const previous = layer.db.data
    layer.db.data = data
    try {
      await layer.db.write()
    } catch (e) {
      layer.db.data = previous
      throw new UserError('failed', `The imported annotations could not be saved (${(e as Error).message}); check the disk and try again.`)
    }
  }

  /** The reviewed layer of a document, opened once and kept. */
  reviewedLayer(docId: string): Promise<ReviewedLayer> {
    let layer = this.reviewed.get(docId)
    if (!layer) {
      const doc = this.document(docId)
      layer = openJsonStore(this.layerPath(REVIEWED_FOLDER, docId), ReviewStoreFile, emptyReviewStore(docId, doc.sha256), `The reviewed annotations of "${doc.title}"`, REVIEW_VERSION).then(
        ({ db, notice }) => new ReviewedLayer(db, notice),
      )
      layer.catch(() => this.reviewed.delete(docId))
      this.reviewed.set(docId, layer)
    }
    return layer
  }

  /** Whether a document has a reviewed layer on disk (or open). */
  async hasReviewedLayer(docId: string): Promise<boolean> {
    return this.reviewed.has(docId) || exists(this.layerPath(REVIEWED_FOLDER, docId))
  }

  private layerPath(annotator: string, docId: string): string {
    return join(this.dir, 'annotations', annotator, `${docId}.json`)
  }

  private async update(change: (data: ProjectFile) => void): Promise<void> {
    const previous = structuredClone(this.db.data)
    change(this.db.data)
    try {
      await this.db.write()
    } catch (e) {
      this.db.data = previous
      throw new UserError('failed', `project.json could not be saved (${(e as Error).message}); check the disk and try again.`)
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.access(path)
    return true
  } catch {
    return false
  }
}
