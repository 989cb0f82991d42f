/**
 * "Import annotations…": bring a colleague's layers in from their project folder, or from one
 * exported store file (annotations/<annotator>/<document>.json). Each layer lands as that
 * colleague's layer in this project, never in anyone else's: a layer under the current user's own
 * name is imported as "<name>-imported", and a colleague's earlier layer that is replaced is kept
 * aside first. Documents are matched by their text's sha256; when the texts differ (matched then
 * by title or original file name), every annotation is re-anchored by its quote and context, and
 * what cannot be placed is listed.
 */
import { promises as fs } from 'node:fs'
import { basename, join } from 'node:path'
import { UserError, type AnnotationImportReport } from '../../shared/api'
import { placeQuote } from '../../shared/anchoring/match-quote'
import { AnnotatorName, type Annotation, type Link } from '../../shared/model/annotation'
import { ProjectFile, StoreFile, type DocumentEntry } from '../../shared/model/project'
import { quoteAt } from '../../shared/offsets'
import { writeFileDurable } from './durable'
import type { Project } from './project'

/** One layer's outcome, as the contract reports it. */
export type ImportedLayer = AnnotationImportReport['layers'][number]

interface Incoming {
  store: StoreFile
  /** The source's document entry, when the source is a project folder. */
  entry: DocumentEntry | null
  file: string
}

/** Import every layer found at `source` (a project folder or a store file). */
export async function importAnnotations(project: Project, source: string, currentAnnotator: string): Promise<AnnotationImportReport> {
  const errors: string[] = []
  const incoming = await readSource(source, errors)
  const layers: ImportedLayer[] = []
  for (const item of incoming) {
    const layer = await importLayer(project, item, currentAnnotator).catch((e: Error) => {
      errors.push(e.message)
      return null
    })
    if (layer) layers.push(layer)
  }
  return { layers, errors }
}

async function readSource(source: string, errors: string[]): Promise<Incoming[]> {
  let stat
  try {
    stat = await fs.stat(source)
  } catch {
    throw new UserError('not-found', `${source} does not exist; pick a colleague's project folder or an annotations .json file.`)
  }
  if (stat.isFile()) {
    const store = await readStore(source, errors)
    return store ? [{ store, entry: null, file: source }] : []
  }
  let projectFile: ProjectFile
  try {
    projectFile = ProjectFile.parse(JSON.parse(await fs.readFile(join(source, 'project.json'), 'utf8')))
  } catch {
    throw new UserError('invalid', `${source} is not a Marginalia project folder (no readable project.json); pick the colleague's project folder or one annotations file.`)
  }
  const out: Incoming[] = []
  const root = join(source, 'annotations')
  for (const annotator of (await fs.readdir(root).catch(() => [] as string[])).sort()) {
    if (!AnnotatorName.safeParse(annotator).success) continue
    for (const name of (await fs.readdir(join(root, annotator)).catch(() => [] as string[])).sort()) {
      if (!name.endsWith('.json')) continue
      const file = join(root, annotator, name)
      const store = await readStore(file, errors)
      if (store) out.push({ store, entry: projectFile.documents.find((d) => d.id === store.document) ?? null, file })
    }
  }
  if (out.length === 0 && errors.length === 0) errors.push(`${source} has no annotations to import.`)
  return out
}

async function readStore(file: string, errors: string[]): Promise<StoreFile | null> {
  try {
    return StoreFile.parse(JSON.parse(await fs.readFile(file, 'utf8')))
  } catch {
    errors.push(`${basename(file)} is not a Marginalia annotations file, so it was not imported.`)
    return null
  }
}

function matchDocument(project: Project, item: Incoming): DocumentEntry | undefined {
  const docs = project.documents
  return (
    docs.find((d) => d.sha256 === item.store.sha256) ??
    docs.find((d) => d.id === item.store.document) ??
    (item.entry ? docs.find((d) => d.title === item.entry!.title) ?? docs.find((d) => d.importedFrom === item.entry!.importedFrom) : undefined)
  )
}

async function importLayer(project: Project, item: Incoming, currentAnnotator: string): Promise<ImportedLayer> {
  const { store } = item
  const doc = matchDocument(project, item)
  const title = item.entry?.title ?? store.document
  if (!doc) throw new UserError('not-found', `No document in this project matches "${title}" (${store.annotator}'s annotations); import that text first.`)
  const as = store.annotator === currentAnnotator ? `${store.annotator}-imported` : store.annotator
  const text = await project.text(doc.id)
  const sameText = doc.sha256 === store.sha256
  const placed: Annotation[] = []
  const unplaced: ImportedLayer['unplaced'] = []
  let reanchored = 0
  for (const a of store.annotations) {
    const { start, end } = a.target.position
    if (sameText && end <= text.length && text.slice(start, end) === a.target.quote.exact) {
      placed.push(a)
      continue
    }
    const where = placeQuote(text, { ...a.target.quote, start })
    if (where.start === null) {
      unplaced.push({ id: a.id, exact: a.target.quote.exact, reason: where.reason === 'ambiguous' ? 'the quote occurs several times with the same context' : 'the quote is not in this text' })
      continue
    }
    if (!where.exactPosition) reanchored++
    const quote = quoteAt(text, where.start, where.end)
    placed.push({ ...a, target: { position: { type: 'TextPositionSelector', start: where.start, end: where.end }, quote: { type: 'TextQuoteSelector', ...quote } } })
  }
  const ids = new Set(placed.map((a) => a.id))
  const links: Link[] = store.links.filter((l) => ids.has(l.from) && ids.has(l.to))
  const base = { from: store.annotator, as, document: doc.id, title: doc.title, imported: placed.length, reanchored, unplaced }
  const next: StoreFile = { ...store, document: doc.id, sha256: doc.sha256, annotator: as, annotations: placed, links }
  let keptAside: string | null = null
  if (await project.hasLayer(as, doc.id)) {
    const existing = await project.layer(as, doc.id)
    if (JSON.stringify(existing.db.data.annotations) === JSON.stringify(next.annotations) && JSON.stringify(existing.db.data.links) === JSON.stringify(next.links)) {
      return { ...base, imported: 0, skipped: 'already up to date', keptAside: null }
    }
    const file = join(project.dir, 'annotations', as, `${doc.id}.json`)
    keptAside = `${file}.before-import-${new Date().toISOString().replace(/[:.]/g, '-')}`
    await writeFileDurable(keptAside, await fs.readFile(file))
  }
  await project.replaceLayer(as, doc.id, next)
  return { ...base, skipped: null, keptAside: keptAside ? basename(keptAside) : null }
}
