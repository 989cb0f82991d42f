/**
 * `marginalia network`: a discourse network of the project (docs/analysis.md) as GraphML, GEXF,
 * or a node list and an edge list (CSV), with the Analysis view's filters. The options are
 * checked by one zod schema, and the sentence for a refused option names that option and its value.
 */
import { promises as fs } from 'node:fs'
import { extname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { strToU8, zipSync } from 'fflate'
import { z } from 'zod'
import { AnalysisFilter, NetworkChoice, OverTimeChoice, REVIEWED } from '../../shared/discourse/analysis-view'
import { isoDate } from '../../shared/discourse/dates'
import { edgeTable, nodeTable } from '../../shared/discourse/network-columns'
import { setAsideSentence } from '../../shared/discourse/network'
import { AnnotatorName, DocumentId } from '../../shared/model/annotation'
import { findLabel } from '../../shared/model/labels'
import { analysisFile, projectNetwork, projectStatements, projectUndated, projectUnreviewed } from '../core/app/analysis-service'
import { delimitedTable } from '../core/interchange/export-tables'
import { Project } from '../core/project/project'
import { refuseOwnFile } from '../core/project/own-files'
import { writeFileDurable } from '../core/store/durable'
import { checkOutFolder, list, printJson, saidDamaged, usage } from './common'
import { plural } from '../../shared/plural'

const MODES = ['actor-target', 'congruence', 'conflict'] as const
const NORMALIZATIONS = ['none', 'activity', 'prominence', 'average', 'jaccard'] as const
const FORMATS = ['graphml', 'gexf', 'csv'] as const

/** A yyyy-mm-dd day that is a calendar date. */
const Day = z.string().refine((d) => isoDate(d) === d, 'a date')

/** The command's options as typed, checked. */
const NetworkOptions = z.object({
  mode: z.enum(MODES),
  normalization: z.enum(NORMALIZATIONS),
  layer: z.union([z.literal('all'), z.literal('reviewed'), z.array(AnnotatorName).min(1)]).nullable(),
  from: Day.nullable(),
  to: Day.nullable(),
  documents: z.array(DocumentId).nullable(),
  labels: z.array(z.string().min(1).max(100)).nullable(),
  kinds: z.array(z.string().max(200)).nullable(),
  duplicates: z.enum(['include', 'document']),
  isolates: z.boolean(),
  format: z.enum(FORMATS),
  out: z.string().min(1),
})

export async function networkCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      mode: { type: 'string' },
      normalization: { type: 'string' },
      layer: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      document: { type: 'string' },
      label: { type: 'string' },
      kind: { type: 'string' },
      duplicates: { type: 'string' },
      isolates: { type: 'boolean' },
      format: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      'no-formula-protection': { type: 'boolean' },
    },
    allowPositionals: true,
  })
  const dir = positionals[0]
  if (!dir || positionals.length > 1) return usage('network', 'network takes one project folder.')
  const layer =
    values.layer === undefined ? null : values.layer === 'all' || values.layer === 'reviewed' ? values.layer : list(values.layer)
  const raw = {
    mode: values.mode ?? 'actor-target',
    normalization: values.normalization ?? 'none',
    layer,
    from: values.from ?? null,
    to: values.to ?? null,
    documents: values.document === undefined ? null : list(values.document),
    labels: values.label === undefined ? null : list(values.label),
    kinds: values.kind === undefined ? null : values.kind.split(',').map((k) => k.trim()),
    duplicates: values.duplicates ?? 'include',
    isolates: values.isolates ?? false,
    format: values.format,
    out: values.out,
  }
  const parsed = NetworkOptions.safeParse(raw)
  if (!parsed.success) return usage('network', problemSentence(parsed.error, raw))
  const o = parsed.data
  // A file named for the other format would be opened as that one by Gephi and the like.
  const ending = extname(o.out).toLowerCase()
  const named = ending === '.graphml' ? 'graphml' : ending === '.gexf' ? 'gexf' : ending === '.zip' || ending === '.csv' ? 'csv' : null
  if (named !== null && named !== o.format)
    return usage(
      'network',
      `--out ${o.out} is named as ${named} but --format is ${o.format}; name it for the format, or choose --format ${named}.`,
    )
  const neutralizeFormulas = !values['no-formula-protection']
  const fits: Record<(typeof MODES)[number], readonly string[]> = {
    'actor-target': ['none', 'activity', 'prominence'],
    congruence: ['none', 'average', 'jaccard'],
    conflict: ['none', 'average', 'jaccard'],
  }
  if (!fits[o.mode].includes(o.normalization))
    return usage('network', `--normalization ${o.normalization} does not apply to --mode ${o.mode}; use ${fits[o.mode].join(', ')}.`)
  if (o.from !== null && o.to !== null && o.from > o.to)
    return usage('network', `--to ${o.to} is before --from ${o.from}; the range runs from the earlier date to the later.`)

  const project = await Project.open(dir)
  refuseOwnFile(project.dir, resolve(o.out), 'the network')
  const statements = await projectStatements(project)
  // A document, label or source kind the project does not have would only give an empty network without a word.
  const unknownDocument = o.documents?.find((id) => !project.documents.some((d) => d.id === id))
  if (unknownDocument !== undefined) {
    console.error(`There is no document "${unknownDocument}" in this project; 'marginalia stats' lists the documents' ids.`)
    return 1
  }
  const unknownLabel = o.labels?.find((l) => !findLabel(project.labels, l))
  if (unknownLabel !== undefined) {
    console.error(`There is no label "${unknownLabel}" in this project; labels: ${project.labels.map((l) => l.id).join(', ')}.`)
    return 1
  }
  if (o.kinds) {
    const known = new Set([''])
    for (const s of statements.set.statements) if (s.source) known.add(s.source.kind)
    for (const l of project.labels)
      for (const a of l.attributes) if (a.id === 'kind' && a.type === 'choice') for (const option of a.options) known.add(option.value)
    const unknown = o.kinds.find((k) => !known.has(k))
    if (unknown !== undefined) {
      const kinds = [...known].filter((k) => k !== '').sort()
      console.error(`There is no source kind "${unknown}" in this project; kinds: ${kinds.join(', ') || 'none yet'}.`)
      return 1
    }
  }
  const layers = o.layer === 'all' ? statements.annotators : o.layer === 'reviewed' ? [REVIEWED] : o.layer
  if (layers && layers.length === 0) {
    console.error('No one has annotated this project yet, so there is no layer to build a network from.')
    return 1
  }
  const filter = AnalysisFilter.parse({
    layers,
    documents: o.documents,
    from: o.from,
    to: o.to,
    labels: o.labels,
    sourceKinds: o.kinds,
    duplicates: o.duplicates,
  })
  const choice = NetworkChoice.parse({ mode: o.mode, normalization: o.normalization, isolates: o.isolates })
  const network = projectNetwork(statements, filter, choice)
  const out = resolve(o.out)
  await checkOutFolder(out)
  const written: string[] = []
  if (o.format === 'csv') {
    const options = { format: 'csv' as const, bom: false, neutralizeFormulas }
    const files = { 'nodes.csv': delimitedTable(nodeTable(network), options), 'edges.csv': delimitedTable(edgeTable(network), options) }
    if (out.toLowerCase().endsWith('.zip')) {
      const mtime = new Date(1980, 0, 1)
      await writeFileDurable(
        out,
        zipSync(Object.fromEntries(Object.entries(files).map(([n, c]) => [n, [strToU8(c), { mtime }]])), { mtime }),
      )
      written.push(out)
    } else {
      await fs.mkdir(out, { recursive: true })
      for (const [name, content] of Object.entries(files)) {
        await writeFileDurable(join(out, name), content)
        written.push(join(out, name))
      }
    }
  } else {
    const file = await analysisFile(project, statements, {
      filter,
      table: o.format,
      format: 'csv',
      network: choice,
      overTime: OverTimeChoice.parse({}),
      bom: false,
      neutralizeFormulas,
    })
    await writeFileDurable(out, file.content)
    written.push(out)
  }
  const used = layers ?? (statements.reviewed ? [REVIEWED] : statements.annotators)
  const set = network.summary
  if (values.json) {
    printJson({
      mode: network.mode,
      normalization: network.normalization,
      layers: used,
      format: o.format,
      files: written,
      nodes: network.nodes.length,
      edges: network.edges.length,
      stances: set.used,
      unlinked: set.unlinked.length,
      untargeted: set.untargeted.length,
      unpolarized: set.unpolarized.length,
      undated: projectUndated(statements, filter),
      unreviewed: projectUnreviewed(statements, filter),
    })
  } else {
    const aside = setAsideSentence({
      stances: set.stances,
      used: set.used,
      unlinked: set.unlinked.length,
      untargeted: set.untargeted.length,
      unpolarized: set.unpolarized.length,
    })
    const undated = projectUndated(statements, filter)
    const unreviewed = projectUnreviewed(statements, filter)
    console.error(
      `Wrote the ${network.mode} network (${plural(network.nodes.length, 'node')}, ${plural(network.edges.length, 'edge')}, from ${plural(set.used, 'stance')} of ${used.join(', ')}) to ${written.join(' and ')}.` +
        (aside ? ` ${aside[0]!.toUpperCase()}${aside.slice(1)}.` : '') +
        (undated > 0
          ? ` ${plural(undated, 'statement')} left out by --from/--to: ${undated === 1 ? 'its document has' : 'their documents have'} no yyyy-mm-dd date.`
          : '') +
        (unreviewed > 0
          ? ` ${unreviewed === 1 ? '1 document has' : `${unreviewed} documents have`} no settled review yet, so nothing of ${unreviewed === 1 ? 'it' : 'theirs'} is counted; --layer all counts every annotator's work.`
          : ''),
    )
  }
  return saidDamaged(project, 0, { annotators: o.layer === 'all' ? null : layers, documents: o.documents })
}

/** The sentence for the first option the schema refused, naming it and the value as typed. */
function problemSentence(error: z.ZodError, raw: Record<string, unknown>): string {
  const issue = error.issues[0]!
  const [option, index] = issue.path
  const value = (name: string) => {
    const v = raw[name]
    return Array.isArray(v) ? String(v[typeof index === 'number' ? index : 0]) : String(v)
  }
  switch (option) {
    case 'mode':
      return `--mode takes ${MODES.join(', ')}, not "${value('mode')}".`
    case 'normalization':
      return `--normalization takes ${NORMALIZATIONS.join(', ')}, not "${value('normalization')}".`
    case 'layer':
      return `--layer takes all, reviewed or annotator names separated by commas; "${value('layer')}" is not an annotator's name.`
    case 'from':
    case 'to':
      return `--${option} takes a date written yyyy-mm-dd, such as 2023-10-01, not "${value(option)}".`
    case 'documents':
      return `--document takes document ids separated by commas; "${value('documents')}" is not a document id.`
    case 'labels':
      return '--label takes label ids separated by commas, such as stance or claim,stance.'
    case 'kinds':
      return '--kind takes source kinds separated by commas, such as person,government.'
    case 'duplicates':
      return `--duplicates takes include or document, not "${value('duplicates')}".`
    case 'format':
      return raw.format === undefined
        ? `Say which format: --format ${FORMATS.join(', ')}.`
        : `--format takes ${FORMATS.join(', ')}, not "${value('format')}".`
    case 'out':
      return raw.format === 'csv'
        ? 'Say where to write: --out FOLDER (nodes.csv and edges.csv) or --out FILE.zip.'
        : 'Say where to write: --out FILE.'
    default:
      return `--${String(option)}: ${issue.message}.`
  }
}
