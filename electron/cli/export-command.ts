/** `marginalia export`: every format, to a file, a folder (brat) or standard output. */
import { once } from 'node:events'
import { promises as fs } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { ExportOptions } from '../../shared/api'
import { DomainError } from '../../shared/errors'
import { ExportFormat } from '../../shared/interchange/formats'
import { AnnotatorName } from '../../shared/model/annotation'
import { saveFailedSentence, writeFileDurable } from '../core/store/durable'
import { exportProject, zipEntries } from '../core/interchange/export-formats'
import { tableChunks, writeTableFile, type TableExportOptions } from '../core/interchange/export-tables'
import { checkAnnotators, checkSomethingToExport, selectionFor } from '../core/interchange/export-layers'
import { Project } from '../core/project/project'
import { refuseOwnFile } from '../core/project/own-files'
import { checkOutFolder, list, printJson, saidDamaged, settingsAnnotator, usage } from './common'
import { plural } from '../../shared/plural'

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
      table: { type: 'string' },
      'no-formula-protection': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
  })
  const dir = positionals[0]
  if (!dir || positionals.length > 1) return usage('export', 'export takes one project folder.')
  const documents = list(values.document)
  const raw = {
    format: values.format,
    layer: values.layer ?? 'all',
    annotators: list(values.annotator),
    documents: documents.length > 0 ? documents : null,
    bom: values.bom ?? false,
    neutralizeFormulas: !values['no-formula-protection'],
    base: values.base ?? null,
    table: values.table ?? 'spans',
  }
  const parsed = CliExportOptions.safeParse(raw)
  if (!parsed.success) return usage('export', problemSentence(parsed.error, raw))
  const { format, layer, annotators, base } = parsed.data
  // --annotator names whose layers: with --layer mine or reviewed it would quietly win over them.
  if (values.layer !== undefined && layer !== 'all' && annotators.length > 0)
    return usage('export', `--layer ${layer} and --annotator cannot be combined: --annotator already says whose layers to export.`)
  const needsOut = { zip: 'a .zip file', brat: 'a folder or .zip file', xlsx: 'an .xlsx file' } as Record<string, string>
  if (needsOut[format] && !values.out) return usage('export', `--format ${format} needs --out (${needsOut[format]}).`)
  if (base !== null && format !== 'w3c') return usage('export', '--base applies to --format w3c only.')
  if ((values.bom || values['no-formula-protection']) && format !== 'csv' && format !== 'tsv')
    return usage('export', `--${values.bom ? 'bom' : 'no-formula-protection'} applies to --format csv and tsv only.`)
  if (values.table !== undefined && format !== 'csv' && format !== 'tsv')
    return usage('export', '--table applies to --format csv and tsv only (the workbook has both tables as sheets).')
  const project = await Project.open(dir)
  if (values.out) refuseOwnFile(project.dir, resolve(values.out))
  let me: string | null = null
  if (layer === 'mine' && annotators.length === 0) {
    me = await settingsAnnotator()
    if (!me) {
      console.error(
        'Your annotator name is not set yet (open Marginalia once), so --layer mine cannot tell whose layer is yours; use --annotator NAME.',
      )
      return 1
    }
  }
  await checkAnnotators(project, me ? [me] : annotators)
  if (layer === 'reviewed' && annotators.length === 0)
    await checkSomethingToExport(project, 'reviewed', '', parsed.data.documents, {
      mine: '--layer mine',
      reviewed: '--layer reviewed',
      all: 'use --layer all',
    })
  const selection = selectionFor(layer, annotators.length > 0 ? annotators : null, () => me!)
  const scope = { annotators: selection.annotators === 'all' ? null : selection.annotators, documents: parsed.data.documents }
  if (format === 'csv' || format === 'tsv')
    return saidDamaged(project, await writeTable(project, { ...parsed.data, ...selection, format }, values.out, values.json), scope)
  const result = await exportProject(project, { ...parsed.data, ...selection })
  for (const w of result.warnings) console.error(w)
  if (!values.out) {
    process.stdout.write(result.entries[0]!.content as string)
    return saidDamaged(project, 0, scope)
  }
  const out = resolve(values.out)
  // A brat folder is read whole (brat, import-annotations): what an earlier export left there would come back with it.
  if (format === 'brat' && !out.toLowerCase().endsWith('.zip') && (await fs.readdir(out).catch(() => [])).length > 0) {
    console.error(
      `The folder ${out} is not empty: a brat export writes annotation.conf, visual.conf and a folder per layer, and what is there already would be read with them; choose a new or empty folder, or a .zip file.`,
    )
    return 1
  }
  const written: string[] = []
  await saying(out, async () => {
    if (format === 'brat' && !out.toLowerCase().endsWith('.zip')) {
      for (const e of result.entries) {
        await fs.mkdir(dirname(join(out, e.path)), { recursive: true })
        await writeFileDurable(join(out, e.path), e.content)
        written.push(join(out, e.path))
      }
    } else {
      const content = format === 'brat' ? zipEntries(result.filename, result.entries) : result.entries[0]!.content
      await writeFileDurable(out, content)
      written.push(out)
    }
  })
  const what =
    format === 'zip'
      ? `the project (${plural(result.documents, 'document')})`
      : `${plural(result.annotations, 'annotation')} of ${plural(result.documents, 'document')}`
  if (values.json)
    printJson({
      format: format,
      out,
      files: written,
      annotations: result.annotations,
      documents: result.documents,
      warnings: result.warnings,
    })
  else console.error(`Wrote ${what} to ${out}.`)
  return saidDamaged(project, 0, scope)
}

/** CSV and TSV are written as their rows are made, to the file (durably) or to standard output. */
async function writeTable(
  project: Project,
  options: TableExportOptions,
  outPath: string | undefined,
  json: boolean | undefined,
): Promise<number> {
  if (!outPath) {
    const { chunks } = await tableChunks(project, options)
    for (const chunk of chunks) if (!process.stdout.write(chunk)) await once(process.stdout, 'drain')
    return 0
  }
  const out = resolve(outPath)
  const { rows, documents } = await saying(out, () => writeTableFile(project, options, out))
  const links = options.table === 'links'
  if (json)
    printJson({
      format: options.format,
      table: links ? 'links' : 'spans',
      out,
      files: [out],
      [links ? 'links' : 'annotations']: rows,
      documents,
      warnings: [],
    })
  else console.error(`Wrote ${plural(rows, links ? 'link' : 'annotation')} of ${plural(documents, 'document')} to ${out}.`)
  return 0
}

/** Write to `out`; a failure of the disk or the path (not a folder, no such place, full) in one sentence. */
async function saying<T>(out: string, write: () => Promise<T>): Promise<T> {
  await checkOutFolder(out)
  try {
    return await write()
  } catch (e) {
    if (typeof (e as NodeJS.ErrnoException).code !== 'string' || e instanceof DomainError) throw e
    throw new DomainError('failed', saveFailedSentence(`The export to ${out}`, e, dirname(out)))
  }
}

/** The contract's export options, with the CLI's list of annotators (the app names one at most). */
const CliExportOptions = ExportOptions.omit({ annotator: true }).extend({ annotators: z.array(AnnotatorName) })

/** The sentence for the first option the contract's schema refused, naming the value as typed. */
function problemSentence(
  error: z.ZodError,
  raw: { format?: string; layer: string; annotators: string[]; documents: string[] | null; base: string | null; table: string },
): string {
  const issue = error.issues[0]!
  const [option, index] = issue.path
  const at = typeof index === 'number' ? index : 0
  switch (option) {
    case 'format': {
      const formats = ExportFormat.options.join(', ')
      return raw.format ? `"${raw.format}" is not a format export knows; use ${formats}.` : `Say which format: --format ${formats}.`
    }
    case 'layer':
      return `--layer takes all, mine or reviewed, not "${raw.layer}".`
    case 'annotators':
      return `"${raw.annotators[at]}" is not a valid annotator name.`
    case 'documents':
      return `"${raw.documents?.[at]}" is not a document id.`
    case 'table':
      return `--table takes spans or links, not "${raw.table}".`
    case 'base':
      return /[?#]/.test(raw.base ?? '')
        ? `"${raw.base}" has a query or a fragment (? or #); --base takes a plain http or https address, such as https://example.org/corpus/.`
        : `"${raw.base}" is not an absolute http or https address, such as https://example.org/corpus/.`
    default:
      return `--${String(option)}: ${issue.message}.`
  }
}
