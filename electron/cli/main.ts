/**
 * The `marginalia` command: init, import, export, agreement, network, suggest, validate and stats on a project
 * folder, for scripts and pipelines (each command in a module beside this one). Exit codes: 0
 * done, 1 the command failed or found problems (the message says why), 2 wrong usage.
 */
import { basename, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DomainError } from '../../shared/errors'
import { AnnotatorName } from '../../shared/model/annotation'
import { formatSchemas } from '../../shared/model/json-schema'
import { agreementCsv, projectAgreement } from '../core/app/agreement-service'
import { saveFailedSentence, writeFileDurable } from '../core/store/durable'
import { Project } from '../core/project/project'
import { agreementSummary } from './agreement-summary'
import { backupsCommand } from './backups-command'
import { list, printJson, saidDamaged, usage } from './common'
import { exportCommand } from './export-command'
import { HELP } from './help'
import { importAnnotationsCommand, importCommand } from './import-command'
import { networkCommand } from './network-command'
import { statsCommand, validateCommand } from './project-commands'
import { suggestCommand } from './suggest-command'

/** Run the command line; resolves to the exit code. */
export async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(HELP.main)
    return command ? 0 : 2
  }
  const commands: Record<string, (args: string[]) => Promise<number>> = {
    init,
    import: importCommand,
    'import-annotations': importAnnotationsCommand,
    export: exportCommand,
    agreement,
    network: networkCommand,
    suggest: suggestCommand,
    validate: validateCommand,
    stats: statsCommand,
    backups: backupsCommand,
    schema,
  }
  const fn = commands[command]
  if (!fn) {
    console.error(`Unknown command "${command}".\n\n${HELP.main}`)
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(HELP[command])
    return 0
  }
  // Every option is given once: parseArgs would keep the last silently (a .csv named file holding TSV).
  const repeated = repeatedOption(rest)
  if (repeated) {
    return usage(command, `${repeated} is given more than once; give it once.`)
  }
  // An empty list of documents would read as "all of them" to one command and "none" to another.
  const emptyList = emptyDocumentList(rest)
  if (emptyList) return usage(command, `${emptyList} needs one or more document ids, joined by commas (id,id).`)
  try {
    return await fn(rest)
  } catch (e) {
    if (e instanceof DomainError) {
      console.error(e.message)
      return 1
    }
    if (e instanceof TypeError && (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      // Node's own text for an unknown option suggests "--" quoting that is rarely what was meant.
      const code = (e as NodeJS.ErrnoException).code
      const option = /'(-[^' ]*)/.exec(e.message)?.[1]
      return usage(command, parseProblem(command, code, option, e.message, rest))
    }
    console.error(`marginalia ${command} failed: ${(e as Error).message}`)
    return 1
  }
}

/** --document (or --documents) given an empty value, or only commas: which of the two, else null. */
function emptyDocumentList(args: readonly string[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '--') break
    const [name, inline] =
      a.startsWith('--document=') || a.startsWith('--documents=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined]
    if (name !== '--document' && name !== '--documents') continue
    // The value after it when it is not inline (one starting with - is another option: parseArgs says so).
    const value = inline ?? args[i + 1]
    if (value !== undefined && (inline !== undefined || !value.startsWith('-')) && list(value).length === 0) return name
  }
  return null
}

/** The first long option named twice before a "--", or null. */
function repeatedOption(args: readonly string[]): string | null {
  const seen = new Set<string>()
  for (const a of args) {
    if (a === '--') break
    if (!a.startsWith('--')) continue
    const name = a.split('=')[0]!.replace(/^--no-/, '--')
    if (seen.has(name)) return name
    seen.add(name)
  }
  return null
}

async function init(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { name: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
  })
  const dir = positionals[0]
  if (!dir || positionals.length > 1) return usage('init', 'init takes one project folder.')
  const project = await Project.create(dir, values.name ?? basename(resolve(dir)))
  if (values.json) printJson({ path: project.dir, name: project.name })
  else console.log(`Created the project "${project.name}" in ${project.dir}.`)
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
    const path = join(resolve(values.out), name)
    try {
      await writeFileDurable(path, `${JSON.stringify(value, null, 2)}\n`)
    } catch (e) {
      // The path's trouble (not a folder, no permission, a full disk) in one sentence.
      if (typeof (e as NodeJS.ErrnoException).code !== 'string') throw e
      throw new DomainError('failed', saveFailedSentence(`The schema ${path}`, e, resolve(values.out)))
    }
    console.error(`Wrote ${path}.`)
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
  const who =
    values.annotators
      ?.split(',')
      .map((a) => a.trim())
      .filter(Boolean) ?? null
  if (who && who.some((a) => !AnnotatorName.safeParse(a).success))
    return usage('agreement', `"${values.annotators}" is not a list of annotator names.`)
  const project = await Project.open(dir)
  const report = await projectAgreement(project, who, values.document ?? null)
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  else if (values.csv) process.stdout.write(agreementCsv(report))
  else console.log(agreementSummary(report))
  return saidDamaged(project, 0, { annotators: who, documents: values.document ? [values.document] : null }, 'counted')
}

/** Node's parseArgs error as one plain sentence (its own text quotes usage patterns such as '--out <value>'). */
function parseProblem(
  command: string,
  code: string | undefined,
  option: string | undefined,
  message: string,
  args: readonly string[],
): string {
  if (!option) return message
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `${option} is not an option of marginalia ${command}.`
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // A value missing ("--out" last) or taken for another option ("--out --json"), or given to a switch ("--json=x").
    if (args.some((a) => a.startsWith(`${option}=`))) return `${option} takes no value; give it alone.`
    return `${option} needs a value after it (as in ${option} VALUE); a value starting with - is given as ${option}=VALUE.`
  }
  return message
}
