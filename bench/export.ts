/**
 * CSV export of 100,000 annotations through electron/core/interchange/export-tables.ts: two
 * annotators x 50,000 annotations on the 5 MB text, written to a file as the CLI writes it (rows
 * made and written in pieces, fsynced, renamed into place). "cold" opens the project from disk
 * first (every store read and parsed), as the CLI does; "warm" exports again from the open
 * project; "whole text" is the app's export, which builds the text as one string to hand to the
 * window. The cold time is also split into reading the project's layers and writing the file.
 */
import { execFile } from 'node:child_process'
import { rm, mkdtemp, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { exportCsv, writeTableFile } from '../electron/core/interchange/export-tables'
import { selectLayers } from '../electron/core/interchange/export-layers'
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
  /** Of the cold export: opening the project and reading and checking the two layers. */
  coldRead?: Summary
  /**
   * The cold export in a fresh Node process of its own, as the CLI runs it (bench/export-cold.ts):
   * without this process's heap (the generated texts, the browser's results), whose garbage
   * collection the in-process cold export also pays for.
   */
  coldProcess?: Summary
  /** The app's export from the open project, built as one string. */
  whole?: Summary
}

/**
 * The benchmark project: two annotators x 50,000 annotations on the 5 MB text, made and written
 * here and then let go, so none of it is still in memory when the cold exports open it from disk.
 */
async function makeExportProject(dir: string): Promise<void> {
  const big = CASES.find((c) => c.name === '5mb')!
  const { corpus, spans } = caseData(big)
  const project = await Project.create(dir, 'Benchmark export')
  const { imported } = await project.importFiles([{ name: 'bench.txt', bytes: new TextEncoder().encode(corpus.text) }])
  const doc = imported[0]!
  const text = await project.text(doc.id)
  const now = new Date().toISOString()
  await (await project.layer('bench', doc.id)).apply(putOps(spans, 'b'), text, project.tagSet, now)
  await (await project.layer('colleague', doc.id)).apply(putOps(generateSpans(corpus, 50_000, 99), 'c'), text, project.tagSet, now)
}

/**
 * A full garbage collection, so a cold export does not pay for what the runs before it left (the
 * whole CSV strings, the projects opened before): as the command line starts, with nothing else in
 * memory. V8's gc() is switched on here for the bench's own process only.
 */
const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
})()

/** Median and p95 of `runs` exports of 2 x 50,000 annotations. */
export async function measureExport(runs = 5): Promise<ExportResult> {
  const root = await mkdtemp(join(tmpdir(), 'marginalia-bench-export-'))
  try {
    const dir = join(root, 'p')
    await makeExportProject(dir)
    const options = { format: 'csv', annotators: 'all', reviewed: false, bom: false, neutralizeFormulas: true } as const
    const out = join(root, 'export.csv')
    const cold: number[] = []
    const coldRead: number[] = []
    const warm: number[] = []
    const whole: number[] = []
    let rows = 0
    for (let i = 0; i < runs; i++) {
      collectGarbage()
      let t = performance.now()
      const opened = await Project.open(dir)
      const first = await writeTableFile(opened, options, out)
      cold.push(performance.now() - t)
      t = performance.now()
      await writeTableFile(opened, options, out)
      warm.push(performance.now() - t)
      t = performance.now()
      const built = await exportCsv(opened, options)
      whole.push(performance.now() - t)
      if (built.rows !== first.rows) throw new Error(`the streamed export has ${first.rows} rows, the whole one ${built.rows}`)
      rows = first.rows
      // The read part alone, from a fresh open: what the cold export spends before its first row.
      collectGarbage()
      t = performance.now()
      await selectLayers(await Project.open(dir), options)
      coldRead.push(performance.now() - t)
    }
    const coldProcess: number[] = []
    for (let i = 0; i < runs; i++) {
      const script = join(import.meta.dirname, 'export-cold.ts')
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, dir, out], {
        cwd: join(import.meta.dirname, '..'),
      })
      coldProcess.push(Number(stdout.trim()))
    }
    const bytes = (await stat(out)).size
    return {
      rows,
      megabytes: bytes / 1_048_576,
      cold: summarize(cold),
      warm: summarize(warm),
      coldRead: summarize(coldRead),
      coldProcess: summarize(coldProcess),
      whole: summarize(whole),
    }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}
