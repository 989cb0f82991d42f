/**
 * `marginalia suggest`: the suggestion engine (shared/suggest) over a project's documents, read
 * only. Without --evaluate it prints what it proposes (sources, claims, links, canonical names);
 * with --evaluate it compares the proposals with an annotator's layer or the reviewed layer and
 * prints precision, recall and F1 per label (exact and overlap) and for links. Documents the
 * compared layer does not cover are left out of the figures (missing, not empty).
 */
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { formatFigure } from '../../shared/agreement/figure'
import type { AgreementLayer } from '../../shared/agreement/layer'
import { DomainError } from '../../shared/errors'
import { parseCueSet, type CueSet } from '../../shared/suggest/cue-set'
import { evaluateSuggestions, type EvaluationDocument, type EvaluationScores } from '../../shared/suggest/evaluate'
import { suggest, type Suggestions } from '../../shared/suggest/suggest'
import { Project } from '../core/project/project'
import { list, printJson } from './common'
import { HELP } from './help'
import { plural } from '../../shared/plural'

const SUGGEST_HELP = HELP.suggest!

function wrongUsage(problem: string): number {
  console.error(`${problem}\n\n${SUGGEST_HELP}`)
  return 2
}

/** Run `marginalia suggest` with its arguments (after the command name); resolves to the exit code. */
export async function suggestCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      // --document, as every other command names it; --documents, as this one did first, still works.
      document: { type: 'string' },
      documents: { type: 'string' },
      json: { type: 'boolean' },
      evaluate: { type: 'boolean' },
      against: { type: 'string' },
      fold: { type: 'string' },
      cues: { type: 'string' },
      'min-confidence': { type: 'string' },
    },
    allowPositionals: true,
  })
  const dir = positionals[0]
  if (!dir || positionals.length > 1) return wrongUsage('suggest takes one project folder.')
  const minConfidence = values['min-confidence'] === undefined ? 0 : Number(values['min-confidence'])
  if (!(minConfidence >= 0 && minConfidence <= 1))
    return wrongUsage(`--min-confidence takes a number from 0 to 1, not "${values['min-confidence']}".`)
  const fold: Record<string, string> = {}
  for (const pair of list(values.fold)) {
    const [from, to] = pair.split('=')
    if (!from || !to) return wrongUsage(`--fold takes label=label pairs, such as stance=claim, not "${pair}".`)
    fold[from] = to
  }
  if (values.document !== undefined && values.documents !== undefined)
    return wrongUsage('Give --document once, with the ids joined by commas.')
  if (values.evaluate && !values.against) return wrongUsage('--evaluate needs --against with an annotator or "reviewed".')
  if (!values.evaluate && (values.against || values.fold)) return wrongUsage('--against and --fold go with --evaluate.')
  const cues = values.cues ? await readCues(values.cues) : undefined
  const project = await Project.open(dir)
  const wanted = list(values.document ?? values.documents)
  for (const id of wanted) project.document(id)
  const documents = wanted.length > 0 ? wanted.map((id) => project.document(id)) : project.documents
  const run = async (id: string) => suggest((await project.text(id)).text, { ...(cues ? { cues } : {}), minConfidence })

  if (!values.evaluate) {
    const out: { id: string; title: string; suggestions: Suggestions }[] = []
    for (const d of documents) out.push({ id: d.id, title: d.title, suggestions: await run(d.id) })
    if (values.json) printJson({ format: 'marginalia-suggestions', version: 1, documents: out })
    else for (const d of out) console.log(describe(d.id, d.title, d.suggestions))
    return 0
  }

  const against = values.against!
  if (against !== 'reviewed' && !(await project.annotators()).includes(against)) {
    throw new DomainError(
      'not-found',
      `There are no annotations by "${against}" in this project; annotators: ${(await project.annotators()).join(', ') || 'none yet'}.`,
    )
  }
  const compared: EvaluationDocument[] = []
  const skipped: string[] = []
  for (const d of documents) {
    const gold = await goldLayer(project, against, d.id)
    if (!gold) skipped.push(d.id)
    else compared.push({ id: d.id, suggestions: await run(d.id), gold })
  }
  if (compared.length === 0)
    throw new DomainError(
      'not-found',
      `${against === 'reviewed' ? 'No document has a reviewed layer' : `${against} has annotated none of these documents`}, so there is nothing to compare with.`,
    )
  const report = evaluateSuggestions(compared, { fold, minConfidence })
  if (values.json) printJson({ ...report, against, skipped })
  else console.log(evaluationTable(report, against, skipped))
  return 0
}

async function readCues(file: string): Promise<CueSet> {
  let value: unknown
  try {
    value = JSON.parse(await readFile(file, 'utf8'))
  } catch (e) {
    throw new DomainError('invalid', `${file} could not be read as JSON (${(e as Error).message}); check the path and the file.`)
  }
  const parsed = parseCueSet(value)
  if ('problem' in parsed) throw new DomainError('invalid', `${file}: ${parsed.problem}`)
  return parsed.cues
}

/** The layer to compare with, or null when it does not exist for this document. */
async function goldLayer(project: Project, against: string, id: string): Promise<AgreementLayer | null> {
  if (against === 'reviewed') {
    if (!(await project.hasReviewedLayer(id))) return null
    const { annotations, links } = (await project.reviewedLayer(id)).data
    return { annotations, links }
  }
  if (!(await project.hasLayer(against, id))) return null
  const layer = await project.layer(against, id)
  return { annotations: layer.annotations, links: layer.links }
}

function describe(id: string, title: string, s: Suggestions): string {
  const sources = s.spans.filter((x) => x.label === 'source').length
  const lines = [`${title} (${id}): ${sources} sources, ${s.spans.length - sources} claims, ${s.links.length} links`]
  const byId = new Map(s.spans.map((x) => [x.id, x]))
  const linkOf = new Map(s.links.map((l) => [l.from, byId.get(l.to)]))
  for (const x of s.spans) {
    const text = x.text.replace(/\s+/g, ' ')
    const short = text.length > 90 ? `${text.slice(0, 87)}…` : text
    const extra =
      x.label === 'source'
        ? [x.attributes.kind, x.attributes.name].filter(Boolean).join(', ')
        : linkOf.get(x.id)
          ? `→ ${linkOf.get(x.id)!.text}`
          : x.speakerIsPronoun
            ? '(pronoun speaker)'
            : '(no source)'
    lines.push(
      `  ${x.label.padEnd(6)} ${String(x.start).padStart(6)}–${String(x.end).padEnd(6)} ${x.confidence.toFixed(2)} ${x.cue.pattern.padEnd(19)} “${short}” ${extra}`,
    )
  }
  for (const n of s.names.filter((k) => k.mentions.length > 1))
    lines.push(`  name   ${n.name}: ${n.mentions.map((m) => m.text).join(' | ')}`)
  return lines.join('\n')
}

/** The evaluation as a plain-text table. */
export function evaluationTable(r: EvaluationScores, against: string, skipped: readonly string[]): string {
  const f = (x: number | null) => formatFigure(x).padStart(5)
  const lines = [
    `Suggestions against ${against}, ${plural(r.documents, 'document')}${skipped.length ? ` (${skipped.length} without that layer left out)` : ''}:`,
    '',
    'label    match     P     R    F1    tp   fp   fn',
  ]
  for (const [match, rows] of [
    ['exact', r.exact],
    ['overlap', r.overlap],
  ] as const) {
    for (const s of rows)
      lines.push(
        `${s.label.padEnd(8)} ${match.padEnd(7)} ${f(s.precision)} ${f(s.recall)} ${f(s.f1)} ${String(s.tp).padStart(5)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}`,
      )
  }
  const l = r.links
  lines.push(
    `link     overlap ${f(l.precision)} ${f(l.recall)} ${f(l.f1)} ${String(l.tp).padStart(5)} ${String(l.fp).padStart(4)} ${String(l.fn).padStart(4)}`,
    '',
  )
  for (const a of r.attributes)
    lines.push(`source ${a.attribute}: ${formatFigure(a.accuracy)} of ${a.n} matched sources the same (${a.unset} not proposed)`)
  return lines.join('\n')
}
