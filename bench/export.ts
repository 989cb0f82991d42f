/**
 * CSV export of 100,000 annotations through electron/core/interchange/export-tables.ts, as the app and the CLI
 * run it: two annotators x 50,000 annotations on the 5 MB text. "cold" opens the project from
 * disk first (every store read and parsed), as the CLI does; "warm" exports again from the open
 * project, as the app does after the first export.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { exportCsv } from '../electron/core/interchange/export-tables'
import { Project } from '../electron/core/project/project'
import { generateSpans } from './corpus'
import { CASES, caseData, putOps } from './projects'
import { summarize, type Summary } from './stats'

/** Export timings: cold and warm, with the row count and CSV size. */
export interface ExportResult {
  rows: number
  megabytes: number
  cold: Summary
  warm: Summary
}

/** Median and p95 of `runs` exports of 2 x 50,000 annotations. */
export async function measureExport(runs = 5): Promise<ExportResult> {
  const root = await mkdtemp(join(tmpdir(), 'marginalia-bench-export-'))
  try {
    const big = CASES.find((c) => c.name === '5mb')!
    const { corpus, spans } = caseData(big)
    const dir = join(root, 'p')
    const project = await Project.create(dir, 'Benchmark export')
    const { imported } = await project.importFiles([{ name: 'bench.txt', bytes: new TextEncoder().encode(corpus.text) }])
    const doc = imported[0]!
    const text = await project.text(doc.id)
    const now = new Date().toISOString()
    await (await project.layer('bench', doc.id)).apply(putOps(spans, 'b'), text, project.tagSet, now)
    await (await project.layer('colleague', doc.id)).apply(putOps(generateSpans(corpus, 50_000, 99), 'c'), text, project.tagSet, now)
    const options = { annotators: 'all', reviewed: false, bom: false, neutralizeFormulas: true } as const
    const cold: number[] = []
    const warm: number[] = []
    let rows = 0
    let bytes = 0
    for (let i = 0; i < runs; i++) {
      let t = performance.now()
      const opened = await Project.open(dir)
      const first = await exportCsv(opened, options)
      cold.push(performance.now() - t)
      t = performance.now()
      await exportCsv(opened, options)
      warm.push(performance.now() - t)
      rows = first.rows
      bytes = Buffer.byteLength(first.content)
    }
    return { rows, megabytes: bytes / 1_048_576, cold: summarize(cold), warm: summarize(warm) }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}
