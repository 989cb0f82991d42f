/**
 * Finding text in a document or the whole project, on the stored texts (shared/search). Plain
 * queries run here, on each text's folded copy (made once per text and kept while the text is).
 * Regular expressions run in a worker thread that is stopped after a time limit, so a pattern that
 * backtracks for ever ("(a+)+$") costs the user one sentence, never a hung window: JavaScript
 * cannot interrupt a regular expression otherwise.
 */
import { Worker } from 'node:worker_threads'
import { DomainError } from '../../../shared/errors'
import {
  EMPTY_MATCH,
  MAX_HITS,
  Searchable,
  compileQuery,
  findAll,
  hitsOf,
  inContext,
  paragraphOf,
  type Hit,
  type Query,
} from '../../../shared/search/find'
import type { TextIndex } from '../../../shared/offsets'
import type { Project } from '../project/project'

/** How long a regular expression may search before it is stopped. */
export const REGEX_TIME_LIMIT_MS = 2000

/** One document's hits, each with its context. */
export interface DocumentHits {
  document: string
  title: string
  hits: (Hit & { before: string; match: string; after: string; paragraph: number })[]
  truncated: boolean
}

const searchables = new WeakMap<TextIndex, Searchable>()

/** The searchable form of a text, made once and kept as long as the text is. */
function searchable(index: TextIndex): Searchable {
  let s = searchables.get(index)
  if (!s) searchables.set(index, (s = new Searchable(index)))
  return s
}

/** The hits of a query in one document (no context). */
export async function searchDocument(
  project: Project,
  documentId: string,
  query: Query,
  maxHits = MAX_HITS,
): Promise<{ hits: Hit[]; truncated: boolean }> {
  const { index } = await project.textState(documentId)
  const [result] = await findIn([index], query, maxHits)
  return result!
}

/**
 * The hits of a query in every document (or the given ones), grouped by document, with up to
 * `maxHits` hits in all; documents without a hit are left out.
 */
export async function searchProject(
  project: Project,
  query: Query,
  options: { documents?: readonly string[] | null; maxHits?: number; context?: number } = {},
): Promise<{ documents: DocumentHits[]; total: number; truncated: boolean }> {
  const maxHits = options.maxHits ?? 10_000
  const docs = options.documents ? options.documents.map((id) => project.document(id)) : project.documents
  const indexes = await Promise.all(docs.map(async (d) => (await project.textState(d.id, { trustRead: true })).index))
  const results = await findIn(indexes, query, maxHits)
  const out: DocumentHits[] = []
  let total = 0
  let truncated = false
  for (const [i, result] of results.entries()) {
    if (result.hits.length === 0) continue
    const room = maxHits - total
    const hits = result.hits.slice(0, Math.max(0, room))
    truncated ||= result.truncated || hits.length < result.hits.length
    total += hits.length
    if (hits.length > 0) {
      const index = indexes[i]!
      out.push({
        document: docs[i]!.id,
        title: docs[i]!.title,
        hits: hits.map((h) => ({ ...h, ...inContext(index, h, options.context ?? 40), paragraph: paragraphOf(index, h.start) })),
        truncated: result.truncated,
      })
    }
    if (total >= maxHits) {
      truncated ||= results.slice(i + 1).some((r) => r.hits.length > 0)
      break
    }
  }
  return { documents: out, total, truncated }
}

/** Hits in each text; a problem with the query (a bad pattern, one too slow) is a DomainError. */
async function findIn(indexes: readonly TextIndex[], query: Query, maxHits: number): Promise<{ hits: Hit[]; truncated: boolean }[]> {
  if (query.mode !== 'regex') {
    return indexes.map((index) => {
      const found = findAll(searchable(index), query, maxHits)
      if ('problem' in found) throw new DomainError('invalid', found.problem.message)
      return found
    })
  }
  const re = compileQuery(query)
  if (!(re instanceof RegExp)) throw new DomainError('invalid', re.message)
  const matches = await regexInWorker(
    indexes.map((i) => i.text),
    re,
    maxHits,
  )
  return matches.map((m, i) => {
    const found = hitsOf(searchable(indexes[i]!), query, m, maxHits)
    if ('problem' in found) throw new DomainError('invalid', found.problem.message)
    return found
  })
}

/**
 * The worker's whole program: the loop of shared/search/find.ts `regexMatches`, over each text,
 * posting the UTF-16 matches back (or 'empty' when the pattern matches empty text).
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const { texts, source, flags, max } = workerData
function scan() {
  const re = new RegExp(source, flags)
  const all = []
  for (const text of texts) {
    const out = []
    re.lastIndex = 0
    for (let m = re.exec(text); m && out.length <= max; m = re.exec(text)) {
      if (m[0].length === 0) return 'empty'
      out.push([m.index, m.index + m[0].length])
    }
    all.push(out)
  }
  return all
}
parentPort.postMessage(scan())
`

/** Run a regular expression over texts in a worker, stopped after REGEX_TIME_LIMIT_MS. */
function regexInWorker(texts: string[], re: RegExp, max: number): Promise<[number, number][][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { texts, source: re.source, flags: re.flags, max } })
    const timer = setTimeout(() => {
      void worker.terminate()
      reject(
        new DomainError(
          'invalid',
          `This pattern takes too long to search (over ${REGEX_TIME_LIMIT_MS / 1000} s), so it was stopped; make it more specific, for example without a repeated group inside a repeat such as (a+)+.`,
        ),
      )
    }, REGEX_TIME_LIMIT_MS)
    worker.once('message', (message: [number, number][][] | 'empty') => {
      clearTimeout(timer)
      void worker.terminate()
      if (message === 'empty') reject(new DomainError('invalid', EMPTY_MATCH.message))
      else resolve(message)
    })
    worker.once('error', (e) => {
      clearTimeout(timer)
      reject(new DomainError('invalid', `This pattern could not be searched (${e.message}).`))
    })
  })
}
