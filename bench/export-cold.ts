/**
 * One cold CSV export in a process of its own, as `marginalia export --out` runs it: open the
 * project, read and check its layers, write the file. Run by bench/export.ts; prints the time in
 * milliseconds from opening the project to the file in place (not the process's start-up).
 */
import { writeTableFile } from '../electron/core/interchange/export-tables'
import { Project } from '../electron/core/project/project'

const [dir, out] = process.argv.slice(2)
if (!dir || !out) throw new Error('usage: export-cold.ts <project folder> <out.csv>')
const options = { format: 'csv', annotators: 'all', reviewed: false, bom: false, neutralizeFormulas: true } as const
const t = performance.now()
await writeTableFile(await Project.open(dir), options, out)
process.stdout.write(`${performance.now() - t}\n`)
