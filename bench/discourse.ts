/**
 * Discourse analysis timings (issue 14's bars: the statements table and the actor–target network
 * for 100,000 annotations, 2 annotators × 50,000, in under 500 ms; a filter change in the Analysis
 * view, the statements built, in at most 200 ms on the host). The layers are synthetic and
 * deterministic: 100 documents per annotator, each with 150 sources (2,000 actors, named by a
 * canonical name or only by their text, in varying case and spacing), 150 claims and 200 stances
 * (500 targets, written in varying case and spacing; a tenth unlinked, some with no polarity),
 * dated across 2023, passed through JSON as if read from the layers' files. Run alone with
 * `npx tsx bench/discourse.ts`.
 */
import { cpus, loadavg } from 'node:os'
import { pathToFileURL } from 'node:url'
import { AnalysisFilter, NetworkChoice, OverTimeChoice, analysisView, viewBasis } from '../shared/discourse/analysis-view'
import type { StatementFilter } from '../shared/discourse/filter'
import { buildMatrix } from '../shared/discourse/matrix'
import { buildNetwork } from '../shared/discourse/network'
import { buildStatements, type DocumentProperties, type StatementsInput } from '../shared/discourse/statements'
import { statementsTable } from '../shared/discourse/statements-table'
import type { ExportLayer, LayerAnnotation } from '../shared/interchange/layer'
import type { Link } from '../shared/model/annotation'
import { defaultLabels } from '../shared/model/labels'
import { seededIntegers } from '../shared/testing/seeded'

const KINDS = ['person', 'organization', 'media', 'government', 'document', 'unnamed']
const POLARITIES = ['favor', 'against', 'neutral', '']
const STAMP = '2026-11-01T10:00:00.000Z'

/** The same name as annotators type it: other case, extra spaces. */
function spelled(name: string, random: (n: number) => number): string {
  const r = random(10)
  return r === 0 ? name.toUpperCase() : r === 1 ? name.toLowerCase() : r === 2 ? ` ${name.replace(' ', '  ')} ` : name
}

/** The benchmark's input: `annotators` × `documents` × 500 annotations. */
export function syntheticDiscourse(annotators = 2, documents = 100): StatementsInput {
  const layers: ExportLayer[] = []
  const properties: Record<string, DocumentProperties> = {}
  for (let d = 0; d < documents; d++) {
    const id = `doc-${d}`
    properties[id] = {
      date: `2023-${String(1 + (d % 12)).padStart(2, '0')}-${String(1 + (d % 28)).padStart(2, '0')}`,
      outlet: `Outlet ${d % 7}`,
    }
    for (let w = 0; w < annotators; w++) {
      const random = seededIntegers(1 + d * 31 + w * 7919)
      const author = `annotator${w}`
      const annotations: LayerAnnotation[] = []
      const links: Link[] = []
      const add = (n: number, label: string, quote: string, attributes: Record<string, string>) => {
        const start = n * 40
        annotations.push({
          id: `${label}-${n}`,
          label,
          target: {
            position: { type: 'TextPositionSelector', start, end: start + quote.length },
            quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
          },
          attributes,
          note: '',
          author,
          created: STAMP,
          modified: STAMP,
        })
      }
      for (let i = 0; i < 150; i++) {
        const actor = `Actor ${random(2000)}`
        const named = random(3) > 0
        add(i, 'source', named ? `the spokesman of ${actor}` : spelled(actor, random), {
          kind: KINDS[random(KINDS.length)]!,
          ...(named ? { name: spelled(actor, random) } : {}),
        })
      }
      for (let i = 150; i < 300; i++) {
        add(i, 'claim', `claim number ${i} in the text`, {})
        if (random(5) > 0)
          links.push({ id: `l-${i}`, type: 'attribution', from: `claim-${i}`, to: `source-${random(150)}`, author, created: STAMP })
      }
      for (let i = 300; i < 500; i++) {
        const polarity = POLARITIES[random(POLARITIES.length)]!
        add(i, 'stance', `a stance taken in sentence ${i}`, {
          target: spelled(`Target ${random(500)}`, random),
          ...(polarity ? { polarity } : {}),
        })
        if (random(10) > 0)
          links.push({ id: `l-${i}`, type: 'attribution', from: `stance-${i}`, to: `source-${random(150)}`, author, created: STAMP })
      }
      layers.push({
        document: { id, title: `Document ${d}`, sha256: '0'.repeat(64), file: `texts/${id}.txt` },
        annotator: author,
        annotations,
        links,
      })
    }
  }
  // Through JSON, as the core reads layers from their files (flat strings, fresh objects).
  return JSON.parse(JSON.stringify({ labels: defaultLabels, layers, properties })) as StatementsInput
}

export interface DiscourseTiming {
  name: string
  runs: number
  /** Wall time of the first run (nothing warmed up), then median and p95 of the others. */
  firstMs: number
  medianMs: number
  p95Ms: number
  /** Median CPU time of the process (all its threads, the garbage collector's included) over the runs after the first: what the work costs when it has the machine to itself. */
  cpuMedianMs: number
}

function timed(name: string, runs: number, work: () => unknown): DiscourseTiming {
  const times: number[] = []
  const cpu: number[] = []
  for (let i = 0; i <= runs; i++) {
    const start = performance.now()
    const before = process.cpuUsage()
    work()
    const used = process.cpuUsage(before)
    times.push(performance.now() - start)
    cpu.push((used.user + used.system) / 1000)
  }
  const [firstMs, ...rest] = times as [number, ...number[]]
  rest.sort((a, b) => a - b)
  const cpuRest = cpu.slice(1).sort((a, b) => a - b)
  return {
    name,
    runs,
    firstMs,
    medianMs: rest[Math.floor(runs / 2)]!,
    p95Ms: rest[Math.min(runs - 1, Math.floor(runs * 0.95))]!,
    cpuMedianMs: cpuRest[Math.floor(runs / 2)]!,
  }
}

/** The row of the Analysis view over every statement: what a filter change costs the host (issue 14: at most 200 ms). */
export const FILTER_CHANGE =
  'Analysis view from statements (matrix, actor–target network, months, as JSON: what a filter change costs the host)'

/** Every discourse timing over 2 annotators × 50,000 annotations. */
export function measureDiscourse(runs = 11): {
  annotations: number
  statements: number
  actors: number
  targets: number
  /** The Analysis view's reply over every statement, in JSON characters. */
  viewBytes: number
  timings: DiscourseTiming[]
} {
  const input = syntheticDiscourse()
  const annotations = input.layers.reduce((n, l) => n + l.annotations.length, 0)
  const set = buildStatements(input)
  const documents = input.layers
    .filter((l, i, all) => all.findIndex((x) => x.document.id === l.document.id) === i)
    .map((l) => ({ id: l.document.id, title: l.document.title, date: input.properties?.[l.document.id]?.date ?? null }))
  // What the host does for a filter change, the statements built: the view as JSON (its basis, which no filter changes, is kept).
  const basis = viewBasis(set, documents, false)
  const filterChange = (filter: StatementFilter & { layers: string[] }) => {
    const view = analysisView(
      set,
      basis,
      { filter, layers: filter.layers },
      { filter: AnalysisFilter.parse({}), network: NetworkChoice.parse({}), overTime: OverTimeChoice.parse({}) },
    )
    return JSON.stringify(view).length
  }
  let viewBytes = 0
  const timings = [
    timed('statements table + actor–target network (the issue’s bar: 500 ms)', runs, () =>
      buildNetwork(buildStatements(input), { mode: 'actor-target' }),
    ),
    timed('statements (buildStatements)', runs, () => buildStatements(input)),
    timed('statements table rows (statementsTable)', runs, () => statementsTable(set)),
    timed('actor–target network from statements', runs, () => buildNetwork(set, { mode: 'actor-target' })),
    timed('actor × target matrix from statements', runs, () => buildMatrix(set)),
    timed(FILTER_CHANGE, runs, () => (viewBytes = filterChange({ layers: ['annotator0', 'annotator1'] }))),
    timed('the same, narrowed to one annotator and the first half of 2023', runs, () =>
      filterChange({ layers: ['annotator0'], to: '2023-06-30' }),
    ),
    timed('congruence network, average activity', 3, () => buildNetwork(set, { mode: 'congruence', normalization: 'average' })),
    timed('conflict network, Jaccard', 3, () => buildNetwork(set, { mode: 'conflict', normalization: 'jaccard' })),
  ]
  return { annotations, statements: set.statements.length, actors: set.actors.length, targets: set.targets.length, viewBytes, timings }
}

/** The timings as a markdown table, with what they were measured on. */
export function discourseTable(r: ReturnType<typeof measureDiscourse>): string {
  const lines = [
    `\n${r.annotations.toLocaleString('en')} annotations, ${r.statements.toLocaleString('en')} statements, ${r.actors} actors, ${r.targets} targets; ` +
      `the Analysis view's reply ${(r.viewBytes / 1e6).toFixed(1)} MB of JSON\n`,
    '| discourse analysis | first ms | median ms | p95 ms | CPU median ms |',
    '|---|---|---|---|---|',
  ]
  for (const t of r.timings)
    lines.push(`| ${t.name} | ${t.firstMs.toFixed(0)} | ${t.medianMs.toFixed(0)} | ${t.p95Ms.toFixed(0)} | ${t.cpuMedianMs.toFixed(0)} |`)
  return lines.join('\n')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const before = loadavg()[0]!
  const r = measureDiscourse()
  const after = loadavg()[0]!
  console.log(`${cpus().length} cores, load ${before.toFixed(2)} → ${after.toFixed(2)}`)
  console.log(discourseTable(r))
  const change = r.timings.find((t) => t.name === FILTER_CHANGE)!
  console.log(
    `\nA filter change at most 200 ms on the host: ${change.medianMs <= 200 ? 'met' : 'missed'} (median ${change.medianMs.toFixed(0)} ms).`,
  )
}
