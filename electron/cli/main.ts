/**
 * The `marginalia` command: init, import and export on a project folder, for scripts and
 * pipelines. Exit codes: 0 done, 1 the command failed (the message says why), 2 wrong usage.
 */
import { promises as fs } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { UserError } from '../../shared/api'
import { AnnotatorName } from '../../shared/model/annotation'
import { formatSchemas } from '../../shared/model/json-schema'
import { agreementCsv, projectAgreement } from '../core/agreement-service'
import { exportCsv } from '../core/export-csv'
import { writeFileDurable } from '../core/durable'
import { Project } from '../core/project'
import { Settings, defaultConfigDir } from '../core/settings'
import { agreementSummary } from './agreement-summary'

const HELP: Record<string, string> = {
  main: `Usage: marginalia <command> [options]

Commands:
  init <projectDir> [--name NAME]     create a new, empty project folder
  import <projectDir> <file>...       import .txt and .md files as documents
  export <projectDir> --format csv    export the tagged spans
  agreement <projectDir>              inter-annotator agreement (kappa, alpha, span F1)
  schema [--out DIR]                  the JSON Schemas of Marginalia's files

Run 'marginalia <command> --help' for a command's options.`,
  init: `Usage: marginalia init <projectDir> [--name NAME]

Creates a Marginalia project in projectDir (created if missing; it must not hold a project yet).
  --name NAME   the project's name (default: the folder's name)`,
  import: `Usage: marginalia import <projectDir> <file>...

Imports plain text (.txt) and Markdown (.md) files as new documents. Each file is decoded
(UTF-8, or UTF-16 with a byte order mark), its byte order mark dropped and its line endings
made LF. Files that are binary, not valid UTF-8, empty or already imported are refused with
a message; the others are imported. Exit code 1 if any file was refused.`,
  agreement: `Usage: marginalia agreement <projectDir> [--annotators a,b] [--document ID] [--json | --csv]

Inter-annotator agreement, per label and overall, for the project (and each document):
token-level Cohen's kappa per pair and Krippendorff's alpha (nominal), span precision, recall
and F1 per pair (exact and overlap matching), stance polarity and source-link agreement.
Definitions: shared/agreement/README.md.
  --annotators a,b   compare these annotators (default: everyone with annotations)
  --document ID      one document only
  --json             the full report as JSON (format "marginalia-agreement")
  --csv              the report as a long table: scope,label,metric,annotator_a,annotator_b,value,n`,
  schema: `Usage: marginalia schema [--out DIR]

Prints the JSON Schemas (draft 2020-12) of project.json and of the annotation stores, or
writes them as project.schema.json and annotations.schema.json into DIR.`,
  export: `Usage: marginalia export <projectDir> --format csv [--out FILE] [options]

Writes one CSV row per annotation (columns in docs/format.md). Offsets are Unicode code
points into the stored text, end exclusive: Python's text[start:end] equals the text column.
  --format csv                 the format (csv)
  --out FILE                   write to FILE (default: standard output)
  --layer all|mine|reviewed    every annotator's layer and the reviewed layer (default), your own
                               layer (the annotator name in your settings), or the reviewed layer
                               (with provenance columns)
  --annotator NAME             only this annotator's layer
  --bom                        start with a UTF-8 byte order mark (for Excel)
  --no-formula-protection      do not prefix cells starting with = + - @ with an apostrophe`,
}

/** Run the command line; resolves to the exit code. */
export async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(HELP.main)
    return command ? 0 : 2
  }
  const commands: Record<string, (args: string[]) => Promise<number>> = { init, import: importCommand, export: exportCommand, agreement, schema }
  const fn = commands[command]
  if (!fn) {
    console.error(`Unknown command "${command}".\n\n${HELP.main}`)
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(HELP[command])
    return 0
  }
  try {
    return await fn(rest)
  } catch (e) {
    if (e instanceof UserError) {
      console.error(e.message)
      return 1
    }
    if (e instanceof TypeError && (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${e.message}\n\n${HELP[command]}`)
      return 2
    }
    console.error(`marginalia ${command} failed: ${(e as Error).message}`)
    return 1
  }
}

function usage(command: string, problem: string): number {
  console.error(`${problem}\n\n${HELP[command]}`)
  return 2
}

async function init(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { name: { type: 'string' } }, allowPositionals: true })
  const dir = positionals[0]
  if (!dir || positionals.length > 1) return usage('init', 'init takes one project folder.')
  const project = await Project.create(dir, values.name ?? basename(resolve(dir)))
  console.log(`Created the project "${project.name}" in ${project.dir}.`)
  return 0
}

async function importCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true })
  const [dir, ...files] = positionals
  if (!dir || files.length === 0) return usage('import', 'import takes a project folder and at least one file.')
  const project = await Project.open(dir)
  const incoming = []
  for (const file of files) {
    try {
      incoming.push({ name: basename(file), bytes: new Uint8Array(await fs.readFile(file)) })
    } catch (e) {
      console.error(`${file} could not be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`)
      return 1
    }
  }
  const { imported, errors } = await project.importFiles(incoming)
  for (const doc of imported) console.log(`Imported ${doc.importedFrom} as "${doc.title}" (${doc.id}, ${doc.length} characters).`)
  for (const err of errors) console.error(err.message)
  return errors.length > 0 ? 1 : 0
}

async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      annotator: { type: 'string' },
      layer: { type: 'string' },
      bom: { type: 'boolean' },
      'no-formula-protection': { type: 'boolean' },
    },
    allowPositionals: true,
  })
  const dir = positionals[0]
  if (!dir || positionals.length > 1) return usage('export', 'export takes one project folder.')
  if (values.format !== 'csv') return usage('export', values.format ? `"${values.format}" is not a format export knows; use --format csv.` : 'Say which format: --format csv.')
  if (values.annotator !== undefined && !AnnotatorName.safeParse(values.annotator).success) {
    return usage('export', `"${values.annotator}" is not a valid annotator name.`)
  }
  const layer = values.layer ?? 'all'
  if (!['all', 'mine', 'reviewed'].includes(layer)) return usage('export', `--layer takes all, mine or reviewed, not "${layer}".`)
  const project = await Project.open(dir)
  let annotator = values.annotator
  if (annotator === undefined && layer === 'mine') {
    const settings = await Settings.open(defaultConfigDir())
    if (!settings.annotator) {
      console.error('Your annotator name is not set yet (open Marginalia once), so --layer mine cannot tell whose layer is yours; use --annotator NAME.')
      return 1
    }
    annotator = settings.annotator
  }
  if (annotator !== undefined && !(await project.annotators()).includes(annotator)) {
    console.error(`There are no annotations by "${annotator}" in this project; annotators: ${(await project.annotators()).join(', ') || 'none yet'}.`)
    return 1
  }
  const selection =
    annotator !== undefined
      ? { annotators: [annotator], reviewed: false }
      : layer === 'reviewed'
        ? { annotators: [], reviewed: true }
        : { annotators: 'all' as const, reviewed: true }
  const { content, rows } = await exportCsv(project, {
    ...selection,
    bom: values.bom ?? false,
    neutralizeFormulas: !values['no-formula-protection'],
  })
  if (values.out) {
    await writeFileDurable(resolve(values.out), content)
    console.error(`Wrote ${rows} annotations to ${resolve(values.out)}.`)
  } else process.stdout.write(content)
  return 0
}

async function schema(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { out: { type: 'string' } }, allowPositionals: true })
  if (positionals.length > 0) return usage('schema', 'schema takes no folder; use --out DIR.')
  const schemas = formatSchemas()
  if (!values.out) {
    console.log(JSON.stringify(schemas, null, 2))
    return 0
  }
  for (const [name, value] of Object.entries(schemas)) {
    await writeFileDurable(join(resolve(values.out), name), `${JSON.stringify(value, null, 2)}\n`)
    console.error(`Wrote ${join(resolve(values.out), name)}.`)
  }
  return 0
}

async function agreement(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { annotators: { type: 'string' }, document: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' } },
    allowPositionals: true,
  })
  const dir = positionals[0]
  if (!dir || positionals.length > 1) return usage('agreement', 'agreement takes one project folder.')
  if (values.json && values.csv) return usage('agreement', 'Choose --json or --csv, not both.')
  const who = values.annotators?.split(',').map((a) => a.trim()).filter(Boolean) ?? null
  if (who && who.some((a) => !AnnotatorName.safeParse(a).success)) return usage('agreement', `"${values.annotators}" is not a list of annotator names.`)
  const project = await Project.open(dir)
  const report = await projectAgreement(project, who, values.document ?? null)
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  else if (values.csv) process.stdout.write(agreementCsv(report))
  else console.log(agreementSummary(report))
  return 0
}
