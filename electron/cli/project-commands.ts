/** `marginalia validate` and `marginalia stats`. */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { Project } from '../core/project/project'
import { projectStats, statsSummary } from '../core/app/project-stats'
import { validateProject } from '../core/project/validate-project'
import { printJson, saidDamaged, usage } from './common'
import { plural } from '../../shared/plural'

export async function validateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true })
  const dir = positionals[0]
  if (!dir || positionals.length > 1) return usage('validate', 'validate takes one project folder.')
  const report = await validateProject(resolve(dir))
  const valid = report.problems.length === 0
  if (values.json) printJson({ valid, ...report })
  else {
    for (const p of report.problems) console.log(`${p.file}${p.at ? ` (${p.at})` : ''}: ${p.message}`)
    const { documents, stores, annotations, links } = report.checked
    const summary = `${plural(documents, 'document')}, ${plural(stores, 'annotation file')}, ${plural(annotations, 'annotation')} and ${plural(links, 'link')} checked`
    // The verdict is the command's answer, on standard output with the problems it sums up.
    console.log(valid ? `Valid: ${summary}.` : `${plural(report.problems.length, 'problem')} found (${summary}).`)
  }
  return valid ? 0 : 1
}

export async function statsCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true })
  const dir = positionals[0]
  if (!dir || positionals.length > 1) return usage('stats', 'stats takes one project folder.')
  const project = await Project.open(dir)
  const stats = await projectStats(project)
  if (values.json) printJson(stats)
  else console.log(statsSummary(stats))
  return saidDamaged(project, 0, {}, 'counted')
}
