/**
 * Checking a project folder: every JSON file against its schema (the zod models docs/schema/ is
 * generated from, so the two cannot disagree), and everything a schema cannot see — each text
 * exists with the sha256 and length project.json records, each store belongs to its folder and
 * document and refers to that text, each annotation's offsets are inside the text and its quote is
 * the text at those offsets, labels and attributes are the project's, links join annotations of
 * the same layer. Every problem is reported, not just the first. Reads only; changes nothing.
 */
import { linkFits, linkProblem, linkTypeName, singleLink } from '../../../shared/annotations/links'
import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import type { z } from 'zod'
import { AnnotatorName, isWindowsReservedName } from '../../../shared/model/annotation'
import { ATTRIBUTION, valueProblem, type TagSet } from '../../../shared/model/labels'
import { ProjectFile, StoreFileReader, type StoreFile, type DocumentEntry } from '../../../shared/model/project'
import { PROJECT_MEMO_FILE, ProjectMemoFile } from '../../../shared/model/memos'
import { REVIEWED_FOLDER, ReviewStoreFile } from '../../../shared/model/review'
import { TextIndex } from '../../../shared/offsets'
import { MAX_JSON_BYTES } from '../store/json-store'
import { SkippedFileError, readRegularText } from '../store/regular-file'
import { listTextBackups, readStoredText } from '../documents/stored-text'
import { notAProject } from './project'

export interface ValidationProblem {
  /** The file, relative to the project folder. */
  file: string
  /** Where in it (a JSON path such as annotations.3.target.quote), or null for the whole file. */
  at: string | null
  message: string
}

export interface ValidationReport {
  problems: ValidationProblem[]
  checked: { documents: number; stores: number; annotations: number; links: number }
}

async function readJson(path: string, dir: string): Promise<{ json: unknown } | { error: string } | { missing: true; error: string }> {
  let raw: string
  try {
    raw = await readRegularText(path, { maxBytes: MAX_JSON_BYTES, within: dir })
  } catch (e) {
    if (e instanceof SkippedFileError) return e.reason === 'missing' ? { missing: true, error: e.why } : { error: e.why }
    return { error: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` }
  }
  try {
    return { json: JSON.parse(raw) }
  } catch (e) {
    return { error: `is not valid JSON (${(e as Error).message})` }
  }
}

function schemaProblems(file: string, error: z.ZodError): ValidationProblem[] {
  return error.issues.map((i) => ({ file, at: i.path.length ? i.path.join('.') : null, message: i.message }))
}

/** Check a project folder; an empty problems list means it is valid. */
export async function validateProject(dir: string): Promise<ValidationReport> {
  const problems: ValidationProblem[] = []
  const checked = { documents: 0, stores: 0, annotations: 0, links: 0 }
  const read = await readJson(join(dir, 'project.json'), dir)
  if ('missing' in read) return { problems: [{ file: 'project.json', at: null, message: notAProject(dir) }], checked }
  if ('error' in read) return { problems: [{ file: 'project.json', at: null, message: `project.json ${read.error}` }], checked }
  const project = ProjectFile.safeParse(read.json)
  if (!project.success) return { problems: schemaProblems('project.json', project.error), checked }
  const { labels, linkTypes, documents } = project.data
  const texts = new Map<string, TextIndex>()
  const seen = new Set<string>()
  for (const [i, doc] of documents.entries()) {
    checked.documents++
    if (seen.has(doc.id))
      problems.push({ file: 'project.json', at: `documents.${i}.id`, message: `the document id "${doc.id}" is used twice` })
    seen.add(doc.id)
    if (isWindowsReservedName(doc.id))
      problems.push({
        file: 'project.json',
        at: `documents.${i}.id`,
        message: `the document id "${doc.id}" is a file name Windows cannot hold, so this project will not open on Windows`,
      })
    if (doc.file !== `texts/${doc.id}.txt`)
      problems.push({
        file: 'project.json',
        at: `documents.${i}.file`,
        message: `the text of "${doc.id}" should be texts/${doc.id}.txt, not ${doc.file}`,
      })
    const text = await checkText(dir, doc, i, problems)
    if (text) texts.set(doc.id, text)
  }
  const byId = new Map(documents.map((d) => [d.id, d]))
  let folders: string[] = []
  try {
    folders = (await fs.readdir(join(dir, 'annotations'), { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort()
  } catch {
    problems.push({ file: 'annotations', at: null, message: 'the annotations folder is missing' })
  }
  for (const folder of folders) {
    const reviewed = folder === REVIEWED_FOLDER
    if (!reviewed && isWindowsReservedName(folder))
      problems.push({
        file: `annotations/${folder}`,
        at: null,
        message: `"${folder}" is a folder name Windows cannot hold, so this project will not open on Windows; rename the folder (and the annotator in its files)`,
      })
    if (!reviewed && !AnnotatorName.safeParse(folder).success) {
      if (!folder.startsWith('.'))
        problems.push({
          file: `annotations/${folder}`,
          at: null,
          message: `"${folder}" is not a valid annotator name, so Marginalia ignores this folder`,
        })
      continue
    }
    const names = (await fs.readdir(join(dir, 'annotations', folder))).sort()
    // A layer found damaged was set aside beside its new file: until it is restored or removed, the work in it is not in the project.
    for (const name of names.filter((n) => /\.json\.unreadable-/.test(n)))
      problems.push({
        file: `annotations/${folder}/${name}`,
        at: null,
        message: `a damaged copy of ${name.replace(/\.unreadable-.*$/, '')} was set aside here (found ${name.replace(/^.*\.unreadable-/, '').replace(/T(\d\d)-(\d\d)-(\d\d)-\d+Z$/, ' $1:$2 UTC')}); what it held is not in the project: restore a last good copy with Backups…, or delete it once it is not needed`,
      })
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      const file = `annotations/${folder}/${name}`
      const memo = !reviewed && name === PROJECT_MEMO_FILE
      if (!memo) checked.stores++
      const json = await readJson(join(dir, file), dir)
      if ('error' in json) {
        problems.push({ file, at: null, message: `${file} ${json.error}` })
        continue
      }
      if (memo) {
        const parsed = ProjectMemoFile.safeParse(json.json)
        if (!parsed.success) problems.push(...schemaProblems(file, parsed.error))
        else if (parsed.data.annotator !== folder)
          problems.push({
            file,
            at: 'annotator',
            message: `the file is in ${folder}'s folder but says its annotator is "${parsed.data.annotator}"`,
          })
        continue
      }
      const store = (reviewed ? ReviewStoreFile : StoreFileReader).safeParse(json.json)
      if (!store.success) {
        problems.push(...schemaProblems(file, store.error))
        continue
      }
      const data = store.data as StoreFile
      const docId = name.replace(/\.json$/, '')
      const doc = byId.get(docId)
      if (!doc) {
        problems.push({ file, at: null, message: `there is no document "${docId}" in project.json for this file` })
        continue
      }
      if (data.document !== docId)
        problems.push({ file, at: 'document', message: `the file is named for "${docId}" but says it is for "${data.document}"` })
      if (!reviewed && data.annotator !== folder)
        problems.push({ file, at: 'annotator', message: `the file is in ${folder}'s folder but says its annotator is "${data.annotator}"` })
      if (data.sha256 !== doc.sha256)
        problems.push({
          file,
          at: 'sha256',
          message: "its offsets refer to another version of the text (its sha256 differs from the document's)",
        })
      const text = texts.get(docId)
      if (text) checkAnnotations(file, data, text, { labels, linkTypes }, problems, checked)
      if (reviewed) checkSettledOnce(file, store.data as ReviewStoreFile, problems)
      ;(data.replies ?? []).forEach((r, k) => {
        if (!reviewed && r.author !== folder)
          problems.push({ file, at: `replies.${k}.author`, message: `a reply in ${folder}'s file must be ${folder}'s, not "${r.author}"` })
      })
    }
  }
  return { problems, checked }
}

async function checkText(dir: string, doc: DocumentEntry, i: number, problems: ValidationProblem[]): Promise<TextIndex | null> {
  if (doc.file !== `texts/${doc.id}.txt`) return null
  const read = await readStoredText(dir, doc)
  if (!read.ok) {
    const backedUp = (await listTextBackups(dir, doc)).some((b) => b.restorable)
    const remedy = backedUp
      ? `restore it with Backups… in the app or marginalia backups --text ${doc.id}`
      : 'import the original file again or copy it from your own backup'
    const at = read.why === 'differs' ? `documents.${i}.sha256` : null
    problems.push({
      file: read.why === 'differs' ? 'project.json' : doc.file,
      at,
      message: `${doc.file} ${read.problem}, so offsets into it would be wrong and Marginalia opens “${doc.title}” read-only; ${remedy}`,
    })
    const length = read.content === null ? null : new TextIndex(read.content).length
    if (length !== null && length !== doc.length)
      problems.push({
        file: 'project.json',
        at: `documents.${i}.length`,
        message: `${doc.file} has ${length} code points, not ${doc.length}`,
      })
    return null
  }
  const text = read.text
  const index = new TextIndex(text)
  if (index.length !== doc.length)
    problems.push({
      file: 'project.json',
      at: `documents.${i}.length`,
      message: `${doc.file} has ${index.length} code points, not ${doc.length}`,
    })
  if (text.includes('\r') || text.startsWith('\uFEFF'))
    problems.push({ file: doc.file, at: null, message: 'the text has a CR line ending or a byte order mark, which import always removes' })
  return index
}

/**
 * Each annotator's annotation is settled into the reviewed layer once: two reviewed annotations
 * from the same one (a unit decided, then decided again after an annotator regrouped the units, by a
 * Marginalia before 2026-12-04) count the same words twice in every export of the reviewed layer.
 */
function checkSettledOnce(file: string, store: ReviewStoreFile, problems: ValidationProblem[]) {
  const from = new Map<string, number>()
  store.annotations.forEach((a, k) => {
    for (const s of a.provenance.sources) {
      const key = `${s.annotator}:${s.id}`
      const first = from.get(key)
      if (first === undefined) from.set(key, k)
      else if (first !== k)
        problems.push({
          file,
          at: `annotations.${k}.provenance.sources`,
          message: `annotations ${first} and ${k} were both settled from ${s.annotator}'s annotation "${s.id}", so the reviewed layer counts it twice; in Review, decide that unit again (the new decision replaces both)`,
        })
    }
  })
}

function checkAnnotations(
  file: string,
  store: StoreFile,
  text: TextIndex,
  tagSet: TagSet,
  problems: ValidationProblem[],
  checked: ValidationReport['checked'],
) {
  const ids = new Map<string, string>()
  store.annotations.forEach((a, k) => {
    checked.annotations++
    const at = `annotations.${k}`
    if (ids.has(a.id)) problems.push({ file, at: `${at}.id`, message: `the id "${a.id}" is used twice` })
    ids.set(a.id, a.label)
    const { start, end } = a.target.position
    if (end <= start) problems.push({ file, at: `${at}.target.position`, message: `the span ${start}–${end} is empty or reversed` })
    else if (end > text.length)
      problems.push({
        file,
        at: `${at}.target.position`,
        message: `the span ${start}–${end} runs past the end of the text (${text.length} code points)`,
      })
    else {
      const exact = text.slice(start, end)
      if (exact !== a.target.quote.exact)
        problems.push({
          file,
          at: `${at}.target.quote.exact`,
          message: `the quote is not the text at ${start}–${end} (the text there is ${JSON.stringify(exact.slice(0, 60))})`,
        })
      if (text.slice(Math.max(0, start - Array.from(a.target.quote.prefix).length), start) !== a.target.quote.prefix)
        problems.push({ file, at: `${at}.target.quote.prefix`, message: 'the prefix is not the text before the span' })
      if (text.slice(end, Math.min(text.length, end + Array.from(a.target.quote.suffix).length)) !== a.target.quote.suffix)
        problems.push({ file, at: `${at}.target.quote.suffix`, message: 'the suffix is not the text after the span' })
    }
    const label = tagSet.labels.find((l) => l.id === a.label)
    if (!label) {
      problems.push({ file, at: `${at}.label`, message: `"${a.label}" is not a label of this project` })
      return
    }
    for (const [id, value] of Object.entries(a.attributes)) {
      const def = label.attributes.find((d) => d.id === id)
      if (!def) problems.push({ file, at: `${at}.attributes.${id}`, message: `a ${label.name} has no attribute "${id}"` })
      else {
        const problem = valueProblem(def, value)
        if (problem) problems.push({ file, at: `${at}.attributes.${id}`, message: problem.replace(/\.$/, '') })
      }
    }
  })
  const linkIds = new Set<string>()
  const attributed = new Set<string>()
  store.links.forEach((l, k) => {
    checked.links++
    const at = `links.${k}`
    if (linkIds.has(l.id)) problems.push({ file, at: `${at}.id`, message: `the link id "${l.id}" is used twice` })
    linkIds.add(l.id)
    const from = ids.get(l.from)
    const to = ids.get(l.to)
    if (from === undefined)
      problems.push({ file, at: `${at}.from`, message: `the link starts from "${l.from}", which is not an annotation of this file` })
    if (to === undefined)
      problems.push({ file, at: `${at}.to`, message: `the link points to "${l.to}", which is not an annotation of this file` })
    if (from !== undefined && to !== undefined && !linkFits(tagSet, l.type, from, to))
      problems.push({ file, at, message: (linkProblem(tagSet, l.type, { label: from }, { label: to }) ?? '').replace(/\.$/, '') })
    if (singleLink(tagSet, l.type)) {
      const key = `${l.type}\u0000${l.from}`
      if (attributed.has(key))
        problems.push({
          file,
          at: `${at}.from`,
          message:
            l.type === ATTRIBUTION
              ? `"${l.from}" is attributed to more than one source`
              : `"${l.from}" has more than one “${linkTypeName(tagSet, l.type)}” link`,
        })
      attributed.add(key)
    }
  })
}
