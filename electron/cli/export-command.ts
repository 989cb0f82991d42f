/** `marginalia export`: every format, to a file, a folder (brat) or standard output. */
import { promises as fs } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ExportFormat } from '../../shared/api'
import { isBaseIri } from '../../shared/interchange/iris'
import { AnnotatorName, DocumentId } from '../../shared/model/annotation'
import { writeFileDurable } from '../core/store/durable'
import { exportProject, zipEntries } from '../core/interchange/export-formats'
import { checkAnnotators, selectionFor } from '../core/interchange/export-layers'
import { Project } from '../core/project/project'
import { Settings, defaultConfigDir } from '../core/project/settings'
import { list, printJson, usage } from './common'

export async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      annotator: { type: 'string' },
      document: { type: 'string' },
      layer: { type: 'string' },
      bom: { type: 'boolean' },
      base: { type: 'string' },
      'no-formula-protection': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
  })
  const dir = positionals[0]
  if (!dir || positionals.length > 1) return usage('export', 'export takes one project folder.')
  const format = ExportFormat.safeParse(values.format)
  const formats = ExportFormat.options.join(', ')
  if (!format.success)
    return usage(
      'export',
      values.format ? `"${values.format}" is not a format export knows; use ${formats}.` : `Say which format: --format ${formats}.`,
    )
  const annotators = list(values.annotator)
  const bad = annotators.find((a) => !AnnotatorName.safeParse(a).success)
  if (bad !== undefined) return usage('export', `"${bad}" is not a valid annotator name.`)
  const documents = list(values.document)
  const badDoc = documents.find((d) => !DocumentId.safeParse(d).success)
  if (badDoc !== undefined) return usage('export', `"${badDoc}" is not a document id.`)
  const layer = values.layer ?? 'all'
  if (layer !== 'all' && layer !== 'mine' && layer !== 'reviewed')
    return usage('export', `--layer takes all, mine or reviewed, not "${layer}".`)
  const needsOut = { zip: 'a .zip file', brat: 'a folder or .zip file', xlsx: 'an .xlsx file' } as Record<string, string>
  if (needsOut[format.data] && !values.out) return usage('export', `--format ${format.data} needs --out (${needsOut[format.data]}).`)
  if (values.base !== undefined && (format.data !== 'w3c' || !isBaseIri(values.base))) {
    return usage(
      'export',
      format.data !== 'w3c'
        ? '--base applies to --format w3c only.'
        : `"${values.base}" is not an absolute http or https address, such as https://example.org/corpus/.`,
    )
  }
  const project = await Project.open(dir)
  let me: string | null = null
  if (layer === 'mine' && annotators.length === 0) {
    me = (await Settings.open(defaultConfigDir())).annotator
    if (!me) {
      console.error(
        'Your annotator name is not set yet (open Marginalia once), so --layer mine cannot tell whose layer is yours; use --annotator NAME.',
      )
      return 1
    }
  }
  await checkAnnotators(project, me ? [me] : annotators)
  const selection = selectionFor(layer, annotators.length > 0 ? annotators : null, () => me!)
  const result = await exportProject(project, {
    ...selection,
    documents: documents.length > 0 ? documents : null,
    format: format.data,
    bom: values.bom ?? false,
    neutralizeFormulas: !values['no-formula-protection'],
    base: values.base ?? null,
  })
  for (const w of result.warnings) console.error(w)
  if (!values.out) {
    process.stdout.write(result.entries[0]!.content as string)
    return 0
  }
  const out = resolve(values.out)
  const written: string[] = []
  if (format.data === 'brat' && !out.toLowerCase().endsWith('.zip')) {
    for (const e of result.entries) {
      await fs.mkdir(dirname(join(out, e.path)), { recursive: true })
      await writeFileDurable(join(out, e.path), e.content)
      written.push(join(out, e.path))
    }
  } else {
    const content = format.data === 'brat' ? zipEntries(result.filename, result.entries) : result.entries[0]!.content
    await writeFileDurable(out, content)
    written.push(out)
  }
  const what =
    format.data === 'zip'
      ? `the project (${result.documents} documents)`
      : `${result.annotations} annotations of ${result.documents} documents`
  if (values.json)
    printJson({
      format: format.data,
      out,
      files: written,
      annotations: result.annotations,
      documents: result.documents,
      warnings: result.warnings,
    })
  else console.error(`Wrote ${what} to ${out}.`)
  return 0
}
