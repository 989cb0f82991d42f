/**
 * Find, tag-all and retrieve (issue 12), timed in Node on the code the app runs:
 * - find in the 5 MB text: the first query (which folds the text once) and a literal word after,
 *   next to the floor — JavaScript's own indexOf counting the same word in the raw text;
 * - tag-all: 1,000 hits tagged as one change, applied and durably saved by the core;
 * - project search over 3,000 documents of about 10 kB;
 * - the Retrieve view over 100,000 annotations: the first query (which builds the index) and a
 *   filter change after, as each keystroke costs the host.
 * Painting is not measured here: the find hits and a tag-all's highlights are drawn only near the
 * viewport, like every highlight (the browser tables measure that path).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TextIndex } from '../shared/offsets'
import { EVERY_ROW } from '../shared/retrieve/rows'
import { DEFAULT_QUERY, Searchable, findAll } from '../shared/search/find'
import { Workbench } from '../electron/core/app/workbench'
import { searchProject } from '../electron/core/app/search-service'
import { Project } from '../electron/core/project/project'
import { generateSpans, generateText } from './corpus'
import { CASES, caseData, putOps } from './projects'
import { summarize, type Summary } from './stats'

export interface FindBench {
  /** The word searched and how many hits it has in the 5 MB text. */
  word: string
  hits: number
  firstFindMs: number
  findMs: Summary
  floorMs: Summary
  tagAllMs: Summary
  projectSearch: { documents: number; hits: number; ms: Summary }
  retrieve: { annotations: number; coldMs: number; firstMs: number; filterMs: Summary }
}

const time = async (f: () => unknown) => {
  const t = performance.now()
  await f()
  return performance.now() - t
}

export async function measureFind(runs = 7): Promise<FindBench> {
  const root = await mkdtemp(join(tmpdir(), 'marginalia-bench-find-'))
  try {
    const big = CASES.find((c) => c.name === '5mb')!
    const { corpus, spans } = caseData(big)
    const index = new TextIndex(corpus.text)
    const word = 'minister'
    const searchable = new Searchable(index)
    const query = { ...DEFAULT_QUERY, text: word }
    const firstFindMs = await time(() => findAll(searchable, query))
    const found = findAll(searchable, query)
    const hits = 'hits' in found ? found.hits.length : 0
    const find: number[] = []
    const floor: number[] = []
    for (let i = 0; i < runs; i++) {
      find.push(await time(() => findAll(searchable, query)))
      floor.push(
        await time(() => {
          let n = 0
          for (let at = corpus.text.indexOf(word); at >= 0; at = corpus.text.indexOf(word, at + 1)) n++
          return n
        }),
      )
    }

    // Tag-all of 1,000 hits: one batch of puts, applied and saved durably.
    const dir = join(root, 'p')
    const project = await Project.create(dir, 'Benchmark find')
    const { imported } = await project.importFiles([{ name: 'bench.txt', bytes: new TextEncoder().encode(corpus.text) }])
    const doc = imported[0]!
    const text = await project.text(doc.id)
    const tagAll: number[] = []
    const thousand = generateSpans(corpus, 1000, 7)
    for (let i = 0; i < Math.min(runs, 5); i++) {
      const layer = await project.layer(`tagger${i}`, doc.id)
      tagAll.push(await time(() => layer.apply(putOps(thousand, `t${i}-`), text, project.tagSet, new Date().toISOString())))
    }

    // The Retrieve view over 2 x 50,000 annotations.
    const now = new Date().toISOString()
    await (await project.layer('bench', doc.id)).apply(putOps(spans, 'b'), text, project.tagSet, now)
    await (await project.layer('colleague', doc.id)).apply(putOps(generateSpans(corpus, 50_000, 99), 'c'), text, project.tagSet, now)
    const wb = await Workbench.start({ configDir: join(root, 'config'), host: 'browser', version: 'bench' })
    await wb.setAnnotator('reader')
    await wb.open(dir)
    let annotations = 0
    // Cold: the project just opened, every store still to read from disk; then, as after any save, with the stores open.
    const coldMs = await time(async () => (annotations = (await wb.retrieve(EVERY_ROW, 'none', 0, 200, true)).all))
    await wb.apply(doc.id, [{ op: 'put', annotation: { id: 'bench-new', label: 'claim', start: 0, end: 5, attributes: {}, note: '' } }])
    const firstMs = await time(() => wb.retrieve(EVERY_ROW, 'none', 0, 200, true))
    const filter: number[] = []
    const typed = ['m', 'mi', 'min', 'mini', 'minister']
    for (let i = 0; i < runs; i++) {
      for (const t of typed)
        filter.push(await time(() => wb.retrieve({ ...EVERY_ROW, labels: ['claim'], text: `${t}${i}` }, 'source', 0, 200, false)))
    }
    wb.close()

    // Project search over 3,000 documents of about 10 kB.
    const many = await Project.create(join(root, 'many'), 'Benchmark search')
    const files = Array.from({ length: 3000 }, (_, i) => ({
      name: `d${i}.txt`,
      bytes: new TextEncoder().encode(generateText(10_000, `d${i}`, 1000 + i).text),
    }))
    for (let i = 0; i < files.length; i += 500) await many.importFiles(files.slice(i, i + 500))
    const search: number[] = []
    let projectHits = 0
    await searchProject(many, query) // reads and folds every text once, as the first search does
    for (let i = 0; i < runs; i++)
      search.push(await time(async () => (projectHits = (await searchProject(many, query, { maxHits: 10_000 })).total)))

    return {
      word,
      hits,
      firstFindMs,
      findMs: summarize(find),
      floorMs: summarize(floor),
      tagAllMs: summarize(tagAll),
      projectSearch: { documents: many.documents.length, hits: projectHits, ms: summarize(search) },
      retrieve: { annotations, coldMs, firstMs, filterMs: summarize(filter) },
    }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

/** The find results as markdown, with the targets. */
export function findTable(r: FindBench): string {
  const ms = (n: number) => n.toFixed(1)
  const met = (ok: boolean) => (ok ? 'met' : 'MISSED')
  return [
    '\n### Find, tag-all and retrieve (issue 12)\n',
    '| measure | median ms | p95 ms | target |',
    '|---|---|---|---|',
    `| find "${r.word}" in the 5 MB text (${r.hits.toLocaleString('en-US')} hits, all counted) | ${ms(r.findMs.median)} | ${ms(r.findMs.p95)} | ≤ 50 first hits, ≤ 150 all: ${met(r.findMs.median <= 50)} |`,
    `| the same, first query (folds the text once) | ${ms(r.firstFindMs)} | — | ≤ 150: ${met(r.firstFindMs <= 150)} |`,
    `| floor: indexOf counting the word in the raw text | ${ms(r.floorMs.median)} | ${ms(r.floorMs.p95)} | ratio ${(r.findMs.median / r.floorMs.median).toFixed(1)}× |`,
    `| tag-all: 1,000 hits applied and saved (durably) | ${ms(r.tagAllMs.median)} | ${ms(r.tagAllMs.p95)} | ≤ 500 with painting: ${met(r.tagAllMs.median <= 500)} (paint not measured here) |`,
    `| project search: ${r.projectSearch.documents.toLocaleString('en-US')} documents of 10 kB (${r.projectSearch.hits.toLocaleString('en-US')} hits) | ${ms(r.projectSearch.ms.median)} | ${ms(r.projectSearch.ms.p95)} | ≤ 300: ${met(r.projectSearch.ms.median <= 300)} |`,
    `| Retrieve: opening over ${r.retrieve.annotations.toLocaleString('en-US')} annotations, stores open (builds the index, as after any save) | ${ms(r.retrieve.firstMs)} | — | ≤ 500: ${met(r.retrieve.firstMs <= 500)} |`,
    `| Retrieve: the same right after the project opened (every store read from disk first) | ${ms(r.retrieve.coldMs)} | — | (reading 100,000 annotations dominates) |`,
    `| Retrieve: a filter change (label, words, grouped by source) | ${ms(r.retrieve.filterMs.median)} | ${ms(r.retrieve.filterMs.p95)} | ≤ 100: ${met(r.retrieve.filterMs.median <= 100)} |`,
  ].join('\n')
}
