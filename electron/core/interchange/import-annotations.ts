/**
 * "Import annotations…": bring layers in from a colleague's project folder or one exported store
 * file (annotations/<annotator>/<document>.json), or from an export in another format — JSON
 * Lines, W3C Web Annotation JSON-LD, or brat standoff (a folder, or one .ann file). Each layer
 * lands as that annotator's layer in this project, never in anyone else's: a layer under the
 * current user's own name is imported as "<name>-imported", and an earlier layer that is replaced
 * is kept aside first. Formats that name no annotator (brat, W3C without creators) go into the
 * layer the user names (`as`).
 *
 * Documents are matched by their text's sha256, then id, then title, then original file name or
 * source. Every annotation is checked against this project's labels and attributes, and placed
 * where its offsets hold its quote; where they do not (the texts differ), the quote and its
 * context re-anchor it (shared/anchoring/match-quote.ts). What cannot be placed or does not fit
 * the schema is listed with the reason, never dropped silently or put somewhere else.
 */
import { promises as fs } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, extname, join } from 'node:path'
import type { AnnotationImportReport } from '../../../shared/interchange/import-report'
import { DomainError } from '../../../shared/errors'
import { linkFits, linkProblem, linkTypeName, singleLink } from '../../../shared/annotations/links'
import { placeQuote } from '../../../shared/anchoring/match-quote'
import { readBratAnn } from '../../../shared/interchange/brat'
import { repliesNotImported, type IncomingAnnotation, type IncomingLayer } from '../../../shared/interchange/incoming'
import { parseJsonl } from '../../../shared/interchange/jsonl'
import { looksLikeWebAnnotations, readWebAnnotations } from '../../../shared/interchange/web-annotation-read'
import { AnnotatorName, IsoTime, folderTwin, isWindowsReservedName, type Annotation, type Link } from '../../../shared/model/annotation'
import { ATTRIBUTION, valueFrom, valueProblem, type LabelSchema, type TagSet } from '../../../shared/model/labels'
import { isLayerFileName } from '../../../shared/model/memos'
import { ProjectFile, STORE_FORMAT, STORE_VERSION, parseStoreFile, type StoreFile, type DocumentEntry } from '../../../shared/model/project'
import { quoteAt, type TextIndex } from '../../../shared/offsets'
import { fileExists as exists, writeFileDurable } from '../store/durable'
import { sha256Text } from '../documents/import-text'
import type { Project } from '../project/project'
import { unpackArchive } from './export-archive'
import { SkippedFileError, readRegularFile, readRegularText, skippedSentence } from '../store/regular-file'
import { REVIEWED_LAYER_NAME } from '../../../shared/csv'
import { plural } from '../../../shared/plural'

/** One layer's outcome, and the whole report: the contract's types. */
export type ImportedLayer = AnnotationImportReport['layers'][number]
export type { AnnotationImportReport }

/** Import every layer found at `source`; `as` names the layer for formats that name no annotator. */
export async function importAnnotations(
  project: Project,
  source: string,
  currentAnnotator: string,
  as: string | null = null,
  now = new Date().toISOString(),
  replaceNewer = false,
): Promise<AnnotationImportReport> {
  const errors: string[] = []
  const notes: string[] = []
  const incoming = await readSource(project.labels, source, errors, notes)
  const layers: ImportedLayer[] = []
  const ownNames = new Set<string>()
  for (const item of incoming) {
    // The layer named for the import takes a layer the file names none for, and one whose name
    // cannot be an annotator's: the reviewed layer (made by reviewing, never imported as such), a
    // name with characters a folder cannot hold.
    const usable = item.annotator !== null && AnnotatorName.safeParse(item.annotator).success
    const annotator = usable ? item.annotator : (as ?? item.annotator)
    if (usable && as !== null && item.annotator !== as) ownNames.add(item.annotator!)
    if (!annotator) {
      errors.push(`${basename(source)} does not say whose annotations these are; name the layer to import them into (as).`)
      break
    }
    if (annotator === REVIEWED_LAYER_NAME && (await isOwnReviewedLayer(project, item))) {
      // An export of this project brought back: nothing to import, and nothing wrong.
      notes.push(
        `The reviewed layer of "${item.document.title ?? item.document.id ?? 'a document'}" is this project's own as it is now, so there was nothing to import.`,
      )
      continue
    }
    if (!AnnotatorName.safeParse(annotator).success) {
      errors.push(
        annotator === REVIEWED_LAYER_NAME
          ? `The reviewed layer (${plural(item.annotations.length, 'annotation')}) was not imported: a reviewed layer is made by reviewing in this project (send the project archive to share one); to compare it, import it into a layer you name.`
          : `"${annotator}" is not an annotator name Marginalia can use, so that layer (${plural(item.annotations.length, 'annotation')}) was not imported; import it into a layer you name.`,
      )
      continue
    }
    const layer = await importLayer(project, { ...item, annotator }, currentAnnotator, now, replaceNewer).catch((e: Error) => {
      errors.push(e.message)
      return null
    })
    if (layer) layers.push(layer)
  }
  // The name given for the import was not used where the file says whose the annotations are: say so.
  if (ownNames.size > 0)
    notes.push(
      `${basename(source)} names whose annotations these are (${[...ownNames].sort().join(', ')}), so each went into that annotator's layer, not into "${as}".`,
    )
  return { layers, errors, notes }
}

/** Whether a reviewed layer in a file is this project's reviewed layer of that document as it is: the same annotations, labels and offsets. */
async function isOwnReviewedLayer(project: Project, item: IncomingLayer): Promise<boolean> {
  const doc = await matchDocument(project, item)
  if (!doc || !(await project.hasReviewedLayer(doc.id))) return false
  const own = new Map((await project.reviewedLayer(doc.id)).data.annotations.map((a) => [a.id, a]))
  return (
    own.size === item.annotations.length &&
    item.annotations.every((a) => {
      const mine = own.get(a.id)
      return (
        mine !== undefined &&
        mine.target.position.start === a.start &&
        mine.target.position.end === a.end &&
        mine.label === (labelOf(project.labels, a.label)?.id ?? a.label)
      )
    })
  )
}

/** The largest single file "Import annotations…" reads (a 10,000-annotation store is about 5 MB). */
const MAX_SOURCE_BYTES = 200_000_000

/**
 * Read a file found in the chosen place: a regular file only (a link only to one inside `within`),
 * bounded in size and time. Null, with one sentence naming it and why in `errors`, when it is skipped.
 */
async function readFound(path: string, within: string, errors: string[], name = basename(path)): Promise<string | null> {
  try {
    return await readRegularText(path, { maxBytes: MAX_SOURCE_BYTES, within })
  } catch (e) {
    if (!(e instanceof SkippedFileError)) throw e
    errors.push(skippedSentence(name, e))
    return null
  }
}

async function readSource(labels: LabelSchema, source: string, errors: string[], notes: string[]): Promise<IncomingLayer[]> {
  let stat
  try {
    stat = await fs.stat(source)
  } catch {
    throw new DomainError(
      'not-found',
      `${source} does not exist; pick a colleague's project folder, an annotations file, or an export (.jsonl, .jsonld, brat).`,
    )
  }
  if (stat.isDirectory()) {
    if (await exists(join(source, 'project.json'))) return readProjectFolder(source, errors)
    const brat = await readBratFolder(labels, source, errors)
    if (brat) return brat
    throw new DomainError(
      'invalid',
      `${source} is neither a Marginalia project folder nor a brat folder (.ann files); pick the colleague's project folder or an export.`,
    )
  }
  const name = basename(source)
  if (extname(source).toLowerCase() === '.zip') return readZip(labels, source, errors)
  let content: string
  try {
    // The file itself was chosen: a link is followed wherever it leads, but only to a regular file.
    content = await readRegularText(source, { maxBytes: MAX_SOURCE_BYTES })
  } catch (e) {
    if (!(e instanceof SkippedFileError)) throw e
    const code = e.reason === 'missing' ? 'not-found' : 'invalid'
    throw new DomainError(
      code,
      `${name} was not read because it ${e.why}; pick a colleague's project folder, an annotations file, or an export (.jsonl, .jsonld, brat).`,
    )
  }
  const ext = extname(source).toLowerCase()
  if (ext === '.ann') return readBratFile(labels, source, content, dirname(source), errors)
  if (ext === '.jsonl' || ext === '.ndjson') return readJsonl(name, content, errors, notes)
  let json: unknown
  try {
    json = JSON.parse(content)
  } catch {
    if (content.trimStart().startsWith('{') && content.includes('\n{')) return readJsonl(name, content, errors, notes)
    errors.push(`${name} is not JSON, so it was not imported.`)
    return []
  }
  const store = parseStoreFile(json)
  if (store.success) return [fromStore(store.data, null)]
  if ((json as { format?: unknown })?.format === STORE_FORMAT) {
    errors.push(`${name} is a Marginalia annotations file that does not validate, so it was not imported.`)
    return []
  }
  if (looksLikeWebAnnotations(json)) {
    const read = readWebAnnotations(json)
    if ('error' in read) errors.push(`${name} ${read.error}.`)
    else {
      errors.push(...read.errors.map((e) => `${name}: ${e}.`))
      if (read.replies > 0) notes.push(`${name}: ${repliesNotImported(read.replies)}.`)
      return read.layers
    }
    return []
  }
  errors.push(`${name} is not a Marginalia annotations file, so it was not imported.`)
  return []
}

/**
 * A zip as the app saves an export or an archive: brat's folder (one folder per annotator) or a
 * project archive, unpacked into a temporary folder (no path may leave it) and read from there.
 */
async function readZip(labels: LabelSchema, source: string, errors: string[]): Promise<IncomingLayer[]> {
  const name = basename(source)
  const bytes = await readRegularFile(source, { maxBytes: MAX_SOURCE_BYTES }).catch((e: unknown) => {
    if (!(e instanceof SkippedFileError)) throw e
    throw new DomainError(e.reason === 'missing' ? 'not-found' : 'invalid', `${name} was not read because it ${e.why}.`)
  })
  const dir = await fs.mkdtemp(join(tmpdir(), 'marginalia-import-'))
  try {
    try {
      await unpackArchive(new Uint8Array(bytes), dir)
    } catch (e) {
      throw new DomainError(
        'invalid',
        `${name} is not a zip Marginalia can read (${e instanceof Error ? e.message : String(e)}), so nothing was imported.`,
      )
    }
    // One folder at the top (an archive's project, or an export's own folder): read inside it.
    const top = await fs.readdir(dir, { withFileTypes: true })
    const root = top.length === 1 && top[0]!.isDirectory() ? join(dir, top[0]!.name) : dir
    if (await exists(join(root, 'project.json'))) return await readProjectFolder(root, errors)
    const brat = await readBratFolder(labels, root, errors)
    if (brat) return brat
    throw new DomainError(
      'invalid',
      `${name} holds neither a Marginalia project nor brat annotations (.ann files); pick the export or archive itself.`,
    )
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}

function fromStore(store: StoreFile, entry: DocumentEntry | null): IncomingLayer {
  return {
    annotator: store.annotator,
    document: { id: store.document, sha256: store.sha256, title: entry?.title ?? null, source: entry?.importedFrom ?? null },
    text: null,
    annotations: store.annotations.map((a) => ({
      id: a.id,
      label: a.label,
      start: a.target.position.start,
      end: a.target.position.end,
      ...a.target.quote,
      attributes: a.attributes,
      note: a.note,
      author: a.author,
      created: a.created,
      modified: a.modified,
    })),
    links: store.links.map((l) => ({ id: l.id, type: l.type, from: l.from, to: l.to, author: l.author, created: l.created })),
    unreadable: [],
    notes: { status: store.status, memo: store.memo, replies: store.replies, deleted: store.deleted },
  }
}

async function readProjectFolder(source: string, errors: string[]): Promise<IncomingLayer[]> {
  let projectFile: ProjectFile
  try {
    projectFile = ProjectFile.parse(
      JSON.parse(await readRegularText(join(source, 'project.json'), { maxBytes: MAX_SOURCE_BYTES, within: source })),
    )
  } catch (e) {
    const why = e instanceof SkippedFileError ? `its project.json ${e.why}` : 'it has no readable project.json'
    throw new DomainError(
      'invalid',
      `${source} cannot be imported as a Marginalia project folder (${why}); pick the colleague's project folder or one annotations file.`,
    )
  }
  const out: IncomingLayer[] = []
  const root = join(source, 'annotations')
  for (const annotator of (await fs.readdir(root).catch(() => [] as string[])).sort()) {
    if (!AnnotatorName.safeParse(annotator).success) continue
    for (const name of (await fs.readdir(join(root, annotator)).catch(() => [] as string[])).sort()) {
      // Layer stores only: not the annotator's project memo (_project.json).
      if (!isLayerFileName(name)) continue
      const path = join(root, annotator, name)
      const content = await readFound(path, source, errors, `annotations/${annotator}/${name}`)
      if (content === null) continue
      try {
        const json = JSON.parse(content) as { version?: unknown }
        if (typeof json.version === 'number' && json.version > STORE_VERSION) {
          errors.push(
            `${name} was written by a newer Marginalia (format version ${json.version}), so it was not imported; update Marginalia to import it.`,
          )
          continue
        }
        const parsed = parseStoreFile(json)
        if (!parsed.success) throw parsed.error
        const store = parsed.data
        out.push(fromStore(store, projectFile.documents.find((d) => d.id === store.document) ?? null))
      } catch {
        errors.push(`${name} is not a Marginalia annotations file, so it was not imported.`)
      }
    }
  }
  if (out.length === 0 && errors.length === 0) errors.push(`${source} has no annotations to import.`)
  return out
}

function readJsonl(name: string, content: string, errors: string[], notes: string[]): IncomingLayer[] {
  const { lines, errors: bad } = parseJsonl(content)
  errors.push(...bad.map((e) => `${name}: ${e}, so it was not imported.`))
  const layers = new Map<string, IncomingLayer>()
  const replies = lines.reduce((n, line) => n + (line.replies?.length ?? 0), 0)
  if (replies > 0) notes.push(`${name}: ${repliesNotImported(replies)}.`)
  for (const line of lines) {
    const key = `${line.annotator}\u0000${line.document}`
    let layer = layers.get(key)
    if (!layer) {
      layer = {
        annotator: line.annotator,
        document: { id: line.document, sha256: line.sha256, title: line.title, source: null },
        text: null,
        annotations: [],
        links: [],
        unreadable: [],
      }
      layers.set(key, layer)
    }
    layer.annotations.push({
      id: line.id,
      label: line.label,
      start: line.target.position.start,
      end: line.target.position.end,
      ...line.target.quote,
      attributes: line.attributes,
      note: line.note,
      author: line.author,
      created: line.created,
      modified: line.modified,
    })
    for (const l of line.links) layer.links.push({ id: l.id, type: l.type, from: line.id, to: l.to, author: l.author, created: l.created })
  }
  return [...layers.values()]
}

/** One .ann file (already read) and the .txt beside it, if there is a readable one inside `within`. */
async function readBratFile(
  labels: LabelSchema,
  file: string,
  ann: string,
  within: string,
  errors: string[],
  annotator: string | null = null,
): Promise<IncomingLayer[]> {
  const txtPath = file.replace(/\.ann$/i, '.txt')
  const text = (await exists(txtPath)) ? await readFound(txtPath, within, errors) : null
  const id = basename(file).replace(/\.ann$/i, '')
  const { layer, errors: bad } = readBratAnn(labels, ann, text, {
    id,
    sha256: text === null ? null : sha256Text(text),
    title: null,
    source: basename(file),
  })
  errors.push(...bad.map((e) => `${basename(file)}, ${e}.`))
  return [{ ...layer, annotator }]
}

/** A brat folder: .ann files in it (one layer, named by the user) or in one folder per annotator (as Marginalia exports). */
async function readBratFolder(labels: LabelSchema, dir: string, errors: string[]): Promise<IncomingLayer[] | null> {
  const entries = await fs.readdir(dir, { withFileTypes: true })
  const own = entries
    .filter((e) => !e.isDirectory() && e.name.endsWith('.ann'))
    .map((e) => e.name)
    .sort()
  const out: IncomingLayer[] = []
  const readAnn = async (path: string, name: string, annotator: string | null) => {
    const ann = await readFound(path, dir, errors, name)
    if (ann !== null) out.push(...(await readBratFile(labels, path, ann, dir, errors, annotator)))
  }
  for (const name of own) await readAnn(join(dir, name), name, null)
  for (const sub of entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()) {
    const anns = (await fs.readdir(join(dir, sub))).filter((n) => n.endsWith('.ann')).sort()
    if (anns.length === 0) continue
    for (const name of anns) await readAnn(join(dir, sub, name), `${sub}/${name}`, sub)
  }
  return out.length > 0 || own.length > 0 ? out : null
}

/**
 * The project's document a layer annotates: by its text's sha256, id, title or file name; for a
 * text named only by another tool's address, the document that holds the most of the layer's
 * quotes (at least half of them).
 */
async function matchDocument(project: Project, layer: IncomingLayer): Promise<DocumentEntry | undefined> {
  const docs = project.documents
  const ref = layer.document
  const named =
    (ref.sha256 ? docs.find((d) => d.sha256 === ref.sha256) : undefined) ??
    (ref.id ? docs.find((d) => d.id === ref.id) : undefined) ??
    (ref.title ? docs.find((d) => d.title === ref.title) : undefined) ??
    (ref.source ? docs.find((d) => d.importedFrom === ref.source || d.file === ref.source) : undefined)
  if (named) return named
  const quotes = [...new Set(layer.annotations.map((a) => a.exact).filter((q) => q.length >= 3))]
  if (quotes.length === 0) return undefined
  let best: { doc: DocumentEntry; found: number } | undefined
  for (const doc of docs) {
    const text = (await project.text(doc.id)).text
    const found = quotes.filter((q) => text.includes(q)).length
    if (found > (best?.found ?? 0)) best = { doc, found }
  }
  return best && best.found * 2 >= quotes.length ? best.doc : undefined
}

/** The project's label an incoming annotation names: by id, or by the label's name in any case (another tool's "Claim"). */
function labelOf(labels: LabelSchema, name: string) {
  const folded = name.trim().toLowerCase()
  return labels.find((l) => l.id === name) ?? labels.find((l) => l.id === folded || l.name.toLowerCase() === folded)
}

/** A time from another tool (any ISO 8601 form Date reads) as Marginalia stores times, or null. */
function storedTime(time: string | null): string | null {
  if (!time) return null
  if (time.endsWith('Z') && IsoTime.safeParse(time).success) return time
  const parsed = /^\d{4}-\d{2}-\d{2}T/.test(time) ? new Date(time) : null
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed.toISOString() : null
}

/**
 * The annotation's attribute values as this project stores them (a choice by its option's name or
 * value, yes/no, a number: labels.ts valueFrom), or why it does not fit the label schema.
 */
function fitToSchema(labels: LabelSchema, a: IncomingAnnotation): { attributes: Record<string, string> } | { problem: string } {
  const label = labels.find((l) => l.id === a.label)
  if (!label) return { problem: `its label "${a.label}" is not a label of this project` }
  const attributes: Record<string, string> = {}
  for (const [id, value] of Object.entries(a.attributes)) {
    const def = label.attributes.find((d) => d.id === id)
    if (!def) return { problem: `a ${label.name} has no attribute "${id}" in this project` }
    const stored = valueFrom(def, value)
    if (stored === null) return { problem: (valueProblem(def, value) ?? `"${value}" is not a ${def.name} value`).replace(/\.$/, '') }
    if (stored !== '') attributes[id] = stored
  }
  return { attributes }
}

/** The project's link type an incoming link names: attribution, or a link type by id or name (brat's capitalised id too). */
function linkTypeOf(tagSet: TagSet, name: string): string | null {
  const folded = name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '')
  if (['attribution', 'attributedto'].includes(folded)) return ATTRIBUTION
  const hit = tagSet.linkTypes.find((t) => t.id.replace(/_/g, '') === folded || t.name.toLowerCase().replace(/[\s_-]+/g, '') === folded)
  return hit?.id ?? null
}

type Placed = { start: number; end: number; moved: boolean } | { reason: string }

function place(text: TextIndex, a: IncomingAnnotation, sameText: boolean): Placed {
  const inRange = a.start >= 0 && a.end > a.start && a.end <= text.length
  if (a.fragments && a.fragmentText !== undefined && inRange) {
    const joined = a.fragments.map(([s, e]) => text.slice(s, e)).join(' ')
    if (joined === a.fragmentText && (a.exact === '' || text.slice(a.start, a.end) === a.exact))
      return { start: a.start, end: a.end, moved: false }
  }
  if (a.exact === '') {
    if (inRange && sameText) return { start: a.start, end: a.end, moved: false }
    return { reason: 'it has no quote to check its position against, and this text may differ from the one it was made on' }
  }
  if (inRange && text.slice(a.start, a.end) === a.exact) return { start: a.start, end: a.end, moved: false }
  const where = placeQuote(text, { exact: a.exact, prefix: a.prefix, suffix: a.suffix, start: Math.max(0, a.start) })
  if (where.start === null)
    return {
      reason:
        where.reason === 'ambiguous'
          ? 'the quote occurs several times with the same context'
          : where.reason === 'elsewhere'
            ? 'its words are in this text only among other words than they were (another mention, not this one)'
            : 'the quote is not in this text',
    }
  return { start: where.start, end: where.end, moved: !where.exactPosition }
}

async function importLayer(
  project: Project,
  item: IncomingLayer & { annotator: string },
  currentAnnotator: string,
  now: string,
  replaceNewer: boolean,
): Promise<ImportedLayer> {
  const doc = await matchDocument(project, item)
  const title = item.document.title ?? item.document.id ?? item.document.source ?? 'an unnamed document'
  if (!doc)
    throw new DomainError(
      'not-found',
      `No document in this project matches "${title}" (${item.annotator}'s annotations); import that text first.`,
    )
  // Never into the current user's own layer; never a folder Windows cannot hold (CON, NUL, COM1…).
  const as = item.annotator === currentAnnotator || isWindowsReservedName(item.annotator) ? `${item.annotator}-imported` : item.annotator
  // "Jonas" beside "jonas" would be one folder on macOS and Windows: one annotator's files would be the other's.
  const twin = folderTwin(as, await project.writers())
  if (twin)
    throw new DomainError(
      'invalid',
      `${as}'s layer of "${title}" was not imported: this project has an annotator "${twin}", a name that differs only in capitals, and both would share one folder on macOS and Windows. Rename one of them first.`,
    )
  const text = await project.text(doc.id)
  const annotations = item.annotations.map((a) => ({ ...a, label: labelOf(project.labels, a.label)?.id ?? a.label }))
  // Offsets are trusted without a quote when the text is the same, or when every annotation with both sits exactly at its offsets.
  const checkable = annotations.filter((a) => a.exact !== '' && a.start >= 0)
  const offsetsHold = checkable.length > 0 && checkable.every((a) => a.end <= text.length && text.slice(a.start, a.end) === a.exact)
  const sameText = item.document.sha256 === doc.sha256 || (item.text !== null && sha256Text(item.text) === doc.sha256) || offsetsHold
  const placed: Annotation[] = []
  const unplaced: ImportedLayer['unplaced'] = [...item.unreadable]
  const ids = new Set<string>()
  let reanchored = 0
  for (const a of annotations) {
    const fitted = fitToSchema(project.labels, a)
    const where = 'problem' in fitted ? { reason: fitted.problem } : place(text, a, sameText)
    if ('reason' in where) {
      unplaced.push({ id: a.id, exact: a.exact || a.fragmentText || '', reason: where.reason })
      continue
    }
    if (ids.has(a.id)) {
      unplaced.push({ id: a.id, exact: a.exact, reason: 'another annotation of this layer has the same id' })
      continue
    }
    ids.add(a.id)
    if (where.moved) reanchored++
    const quote = quoteAt(text, where.start, where.end)
    const author = a.author && AnnotatorName.safeParse(a.author).success ? a.author : as
    const created = storedTime(a.created) ?? now
    placed.push({
      id: a.id,
      label: a.label,
      target: {
        position: { type: 'TextPositionSelector', start: where.start, end: where.end },
        quote: { type: 'TextQuoteSelector', ...quote },
      },
      attributes: 'attributes' in fitted ? fitted.attributes : {},
      note: a.note,
      author,
      created,
      modified: storedTime(a.modified) ?? created,
    })
  }
  const byId = new Map(placed.map((a) => [a.id, a]))
  const links: Link[] = []
  for (const l of item.links) {
    const from = byId.get(l.from)
    const to = byId.get(l.to)
    const type = linkTypeOf(project.tagSet, l.type)
    if (!from || !to) unplaced.push({ id: l.id, exact: '', reason: `this link's ${from ? 'target' : 'start'} was not imported` })
    else if (type === null) unplaced.push({ id: l.id, exact: '', reason: `its type "${l.type}" is not a link type of this project` })
    else if (!linkFits(project.tagSet, type, from.label, to.label))
      unplaced.push({ id: l.id, exact: '', reason: (linkProblem(project.tagSet, type, from, to) ?? 'it does not fit').replace(/\.$/, '') })
    else if (singleLink(project.tagSet, type) && links.some((k) => k.type === type && k.from === l.from))
      unplaced.push({
        id: l.id,
        exact: '',
        reason:
          type === ATTRIBUTION
            ? `${l.from} is already attributed to another source`
            : `${l.from} already has a “${linkTypeName(project.tagSet, type)}” link`,
      })
    else {
      links.push({
        id: l.id,
        type,
        from: l.from,
        to: l.to,
        author: l.author && AnnotatorName.safeParse(l.author).success ? l.author : as,
        created: storedTime(l.created) ?? now,
      })
    }
  }
  const base = { from: item.annotator, as, document: doc.id, title: doc.title, imported: placed.length, reanchored, unplaced }
  // The status, memo and replies come with a Marginalia store; other formats keep the layer's own.
  const existing = (await project.hasStoreFile(as, doc.id)) ? await project.layer(as, doc.id) : null
  // A format without ids and times (brat: T1, R1…) brings back this project's own annotations
  // under new names: each is known again by its label and span and keeps its id and times, so an
  // export imported back changes nothing, and review decisions and replies still find it.
  const known =
    existing?.db.data ??
    (item.annotator === currentAnnotator && (await project.hasStoreFile(item.annotator, doc.id))
      ? (await project.layer(item.annotator, doc.id)).db.data
      : null)
  const undated = new Set(item.annotations.filter((a) => storedTime(a.created) === null).map((a) => a.id))
  if (known && undated.size > 0) reidentify(placed, links, known, undated, now)
  const notes = item.notes ?? existing?.db.data ?? {}
  const next: StoreFile = {
    format: STORE_FORMAT,
    version: STORE_VERSION,
    document: doc.id,
    sha256: doc.sha256,
    annotator: as,
    annotations: placed,
    links,
    ...(notes.status ? { status: notes.status } : {}),
    ...(notes.memo ? { memo: notes.memo } : {}),
    ...(notes.replies?.length ? { replies: notes.replies.map((r) => ({ ...r, author: as })) } : {}),
    // The import's last deletion, so that a later import still knows when this copy last changed.
    ...(item.notes?.deleted ? { deleted: item.notes.deleted } : {}),
  }
  // Your own layer, come back unchanged (an archive you sent, imported again): nothing new to keep
  // as "<you>-imported", a layer that would count as a second annotator in agreement and statistics.
  if (as !== item.annotator && item.annotator === currentAnnotator && (await project.hasStoreFile(item.annotator, doc.id))) {
    const own = (await project.layer(item.annotator, doc.id)).db.data
    const ownSame = (k: 'annotations' | 'links') => canonical(own[k], true) === canonical(next[k], true)
    if (ownSame('annotations') && ownSame('links')) return { ...base, imported: 0, skipped: 'the same as your own layer', keptAside: null }
  }
  let keptAside: string | null = null
  if (existing) {
    // The same content in another order (an export lists annotations in text order, a layer in the
    // order they were made) is the same layer: nothing to replace, nothing to keep aside.
    const same = (k: 'annotations' | 'links' | 'status' | 'memo' | 'replies') =>
      canonical(existing.db.data[k] ?? null, k === 'annotations' || k === 'links') ===
      canonical(next[k] ?? null, k === 'annotations' || k === 'links')
    if (same('annotations') && same('links') && same('status') && same('memo') && same('replies')) {
      return { ...base, imported: 0, skipped: 'already up to date', keptAside: null }
    }
    // An older copy never replaces newer work unasked: a layer changed here after everything the import holds stays.
    const newer = replaceNewer ? null : newerHere(existing.db.data, next)
    if (newer) {
      // Work on both sides: say what the import holds that this layer lacks, not only why it waits.
      const here = new Map(existing.db.data.annotations.map((a) => [a.id, canonical(a)]))
      const theirs = next.annotations.filter((a) => here.get(a.id) !== canonical(a)).length
      const also =
        theirs === 0
          ? ''
          : `; the import has ${theirs === 1 ? 'an annotation' : `${theirs} annotations`} this layer lacks or holds otherwise, which only replacing it brings in (this layer is then kept aside)`
      return {
        ...base,
        imported: 0,
        skipped: `this project's layer has changes from ${newer.replace('T', ' ').slice(0, 16)} UTC, newer than anything in the import, which would replace them${also}`,
        skippedNewer: true,
        keptAside: null,
      }
    }
    const file = join(project.dir, 'annotations', as, `${doc.id}.json`)
    if (await exists(file)) {
      keptAside = `${file}.before-import-${now.replace(/[:.]/g, '-')}`
      await writeFileDurable(keptAside, await readRegularFile(file, { maxBytes: MAX_SOURCE_BYTES, within: project.dir }))
    }
  }
  await project.replaceLayer(as, doc.id, next)
  return { ...base, skipped: null, keptAside: keptAside ? basename(keptAside) : null }
}

/**
 * Give the annotations (and links) an import made without ids or times of their own back the ids
 * and times they have in `known`, matched by label and span (each once); one that holds otherwise
 * than its match (another attribute, note) keeps the id and is dated `now` as changed. Links are
 * renamed with their ends, and a link `known` has between the same ends keeps its id and time.
 */
function reidentify(placed: Annotation[], links: Link[], known: StoreFile, undated: ReadonlySet<string>, now: string): void {
  const bySpan = new Map<string, Annotation[]>()
  for (const a of known.annotations) {
    const key = `${a.label}\u0000${a.target.position.start}\u0000${a.target.position.end}`
    const list = bySpan.get(key)
    if (list) list.push(a)
    else bySpan.set(key, [a])
  }
  const taken = new Set(placed.filter((a) => !undated.has(a.id)).map((a) => a.id))
  const renamed = new Map<string, string>()
  placed.forEach((a, i) => {
    if (!undated.has(a.id)) return
    const candidates = bySpan.get(`${a.label}\u0000${a.target.position.start}\u0000${a.target.position.end}`) ?? []
    const match = candidates.find((k) => !taken.has(k.id))
    if (!match) return
    taken.add(match.id)
    renamed.set(a.id, match.id)
    const same = canonical(a.attributes) === canonical(match.attributes) && a.note === match.note
    placed[i] = {
      ...a,
      id: match.id,
      author: match.author,
      created: match.created,
      modified: same ? match.modified : now,
    }
  })
  if (renamed.size === 0) return
  const knownLinks = new Map(known.links.map((l) => [`${l.type}\u0000${l.from}\u0000${l.to}`, l]))
  links.forEach((l, i) => {
    const from = renamed.get(l.from) ?? l.from
    const to = renamed.get(l.to) ?? l.to
    const match = knownLinks.get(`${l.type}\u0000${from}\u0000${to}`)
    links[i] = match ? { ...l, id: match.id, from, to, author: match.author, created: match.created } : { ...l, from, to }
  })
}

/**
 * When this project's layer holds work the import would replace that is newer than anything the
 * import holds, the time of the newest such change; else null. Work the import would replace: an
 * annotation, link or reply it lacks or holds otherwise, a memo or status it holds otherwise, an
 * annotation or link deleted here (the store's `deleted` time; none before this was recorded).
 */
export function newerHere(here: StoreFile, incoming: StoreFile): string | null {
  const times = [
    ...incoming.annotations.flatMap((a) => [a.created, a.modified]),
    ...incoming.links.map((l) => l.created),
    ...(incoming.replies ?? []).map((r) => r.created),
    ...(incoming.memo ? [incoming.memo.modified] : []),
    ...(incoming.status ? [incoming.status.changed] : []),
    // A deletion there is a change there: newer than what it removed here, it is the newer work.
    ...(incoming.deleted ? [incoming.deleted] : []),
  ]
  const newestThere = Math.max(-Infinity, ...times.map((t) => Date.parse(t)))
  let newest = -Infinity
  const consider = (time: string) => {
    const t = Date.parse(time)
    if (t > newestThere && t > newest) newest = t
  }
  const replaced = <T extends { id: string }>(mine: readonly T[], theirs: readonly T[], time: (x: T) => string) => {
    const there = new Map(theirs.map((x) => [x.id, canonical(x)]))
    for (const x of mine) if (there.get(x.id) !== canonical(x)) consider(time(x))
  }
  replaced(here.annotations, incoming.annotations, (a) => (a.modified > a.created ? a.modified : a.created))
  replaced(here.links, incoming.links, (l) => l.created)
  replaced(here.replies ?? [], incoming.replies ?? [], (r) => r.created)
  if (here.memo && canonical(here.memo) !== canonical(incoming.memo ?? null)) consider(here.memo.modified)
  if (here.status && canonical(here.status) !== canonical(incoming.status ?? null)) consider(here.status.changed)
  // A deletion here (an annotation or link the import would bring back) counts by when it was made.
  if (here.deleted) consider(here.deleted)
  return newest === -Infinity ? null : new Date(newest).toISOString()
}

/**
 * A value as JSON with every object's keys in order, and (`byId`) a list's items in order of
 * their ids: two layers that differ only in the order of their annotations, links or keys give the
 * same text.
 */
function canonical(value: unknown, byId = false): string {
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted)
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
      )
    return v
  }
  const items =
    byId && Array.isArray(value) ? [...(value as { id: string }[])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) : value
  return JSON.stringify(sorted(items))
}
