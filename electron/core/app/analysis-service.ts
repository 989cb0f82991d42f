/**
 * Who says what about whom, on a project on disk: gathers every layer (each annotator's and the
 * reviewed layer) with the documents' properties, builds the statements once (shared/discourse)
 * and keeps them, with what the view shows that no filter changes, until a layer or project.json
 * changes, then answers the Analysis view (the matrix, a network, the counts over time, cut to what
 * it draws), pages of statements, and every analysis export (always whole):
 * the statements table, the matrix and the counts over time as CSV, TSV or a workbook (the same
 * writers as the spans), and a network as GraphML, GEXF or node and edge lists. Behind the
 * contract's analysis.* methods and `marginalia network`.
 */
import {
  type AnalysisFilter,
  analysisView,
  networkOptions,
  resolveFilter,
  narrowedStatements,
  statementPage,
  REVIEWED,
  type AnalysisView,
  type Narrow,
  type NetworkChoice,
  type OverTimeChoice,
  type StatementPage,
  type ViewBasis,
  viewBasis,
} from '../../../shared/discourse/analysis-view'
import { documentDate } from '../../../shared/discourse/dates'
import { keptStatements, undatedLeftOut, unreviewedLeftOut, type StatementFilter } from '../../../shared/discourse/filter'
import { toGexf } from '../../../shared/discourse/gexf'
import { toGraphml } from '../../../shared/discourse/graphml'
import { buildMatrix, matrixTable } from '../../../shared/discourse/matrix'
import { buildNetwork, type Network } from '../../../shared/discourse/network'
import { edgeTable, nodeTable } from '../../../shared/discourse/network-columns'
import { overTime, overTimeTable } from '../../../shared/discourse/over-time'
import { buildStatements, documentProperties, type StatementSet } from '../../../shared/discourse/statements'
import { statementsTable } from '../../../shared/discourse/statements-table'
import type { Cell } from '../../../shared/csv'
import type { ExportLayer } from '../../../shared/interchange/layer'
import { selectLayers } from '../interchange/export-layers'
import { delimitedTable, exportFileName, tablesWorkbook } from '../interchange/export-tables'
import type { Project } from '../project/project'

/** The statements of a project, and what the filter needs to resolve its default layer. */
export interface ProjectStatements {
  set: StatementSet
  /** Annotators with a layer, sorted. */
  annotators: string[]
  /** Whether a review has settled something in some document (its reviewed layer is then the default). */
  reviewed: boolean
  /** The documents where a review has settled something. */
  reviewedDocuments: ReadonlySet<string>
}

/** What an analysis export holds. */
export type AnalysisTable = 'statements' | 'matrix' | 'over-time' | 'nodes' | 'edges' | 'graphml' | 'gexf'

/** One analysis export, as a file. */
export interface AnalysisFile {
  filename: string
  mediaType: string
  content: string | Uint8Array
  /** Rows written (statements, cells, nodes, edges …). */
  rows: number
}

/** The statements of every layer of the project (annotators' and reviewed), with its documents' properties. */
export async function projectStatements(project: Project): Promise<ProjectStatements> {
  const layers = await selectLayers(project, { annotators: 'all', reviewed: true, replies: false })
  return statementsOf(project, layers, await reviewSettled(project, layers))
}

function statementsOf(project: Project, layers: readonly ExportLayer[], reviewedDocuments: ReadonlySet<string>): ProjectStatements {
  const set = buildStatements({ labels: project.labels, layers, properties: documentProperties(project.documents) })
  const annotators = [...new Set(layers.map((l) => l.annotator).filter((a) => a !== REVIEWED))].sort()
  return { set, annotators, reviewed: reviewedDocuments.size > 0, reviewedDocuments }
}

/**
 * The documents where a review has settled anything: a reviewed layer with an annotation or a
 * decision (every version rejected is a decision too). A reviewed layer whose decisions were all
 * taken back holds nothing, so it does not count (and with none, it is not made the default).
 */
async function reviewSettled(project: Project, layers: readonly ExportLayer[]): Promise<Set<string>> {
  const settled = new Set<string>()
  for (const l of layers) {
    if (l.annotator !== REVIEWED) continue
    if (l.annotations.length > 0 || (await project.reviewedLayer(l.document.id)).data.decisions.length > 0) settled.add(l.document.id)
  }
  return settled
}

/** What a statement set was built from: it is still good while every one of these is the same object. */
function fingerprintOf(project: Project, layers: readonly ExportLayer[]): unknown[] {
  return [project, project.documents, project.labels, ...layers.flatMap((l) => [l.annotations, l.links])]
}

/** The statements of one project, built once and kept while no layer and no project.json changes. */
export class AnalysisService {
  private cached: { statements: ProjectStatements; fingerprint: unknown[] } | null = null
  private basis: { of: ProjectStatements; basis: ViewBasis } | null = null

  constructor(private readonly project: () => Project) {}

  /** The statements, rebuilt only when something they are built from changed (another layer, or the same one saved since). */
  async statements(): Promise<ProjectStatements> {
    const project = this.project()
    const layers = await selectLayers(project, { annotators: 'all', reviewed: true, replies: false })
    const fingerprint = fingerprintOf(project, layers)
    const c = this.cached
    if (c && c.fingerprint.length === fingerprint.length && c.fingerprint.every((x, i) => x === fingerprint[i])) return c.statements
    this.cached = { statements: statementsOf(project, layers, await reviewSettled(project, layers)), fingerprint }
    return this.cached.statements
  }

  /** The Analysis view for a filter, a network and a time unit. */
  async view(filter: AnalysisFilter, network: NetworkChoice, time: OverTimeChoice): Promise<AnalysisView> {
    // The project the statements are built from (statements() takes it before it waits).
    const project = this.project()
    const s = await this.statements()
    // What no filter changes (layers, documents, kinds, dates) is worked out once per statement set.
    if (this.basis?.of !== s) this.basis = { of: s, basis: basisOf(project, s) }
    return viewOf(s, this.basis.basis, filter, network, time)
  }

  /** Statements that pass the filter and the narrowing, a page at a time. */
  async page(filter: AnalysisFilter, narrow: Narrow, offset: number, limit: number): Promise<StatementPage> {
    const s = await this.statements()
    const resolved = resolveFilter(filter, s.annotators, s.reviewed)
    return statementPage(s.set, resolved.filter, filter.duplicates, narrow, offset, limit)
  }

  /** An analysis export as a file. */
  async export(request: AnalysisExportRequest): Promise<AnalysisFile> {
    return analysisFile(this.project(), await this.statements(), request)
  }
}

/** What the view shows of a project that no filter changes: its layers, documents (with their dates) and source kinds. */
export function basisOf(project: Project, s: ProjectStatements): ViewBasis {
  const documents = project.documents.map((d) => ({
    id: d.id,
    title: d.title,
    date: d.properties ? documentDate(d.properties) : null,
  }))
  return viewBasis(s.set, documents, s.reviewed)
}

/** The view of a project's statements (what AnalysisService.view answers), with its basis (basisOf). */
export function viewOf(
  s: ProjectStatements,
  basis: ViewBasis,
  filter: AnalysisFilter,
  network: NetworkChoice,
  time: OverTimeChoice,
): AnalysisView {
  const resolved = resolveFilter(filter, s.annotators, s.reviewed)
  return analysisView(
    s.set,
    basis,
    { filter: resolved.filter, layers: resolved.layers, annotators: s.annotators, reviewedDocuments: s.reviewedDocuments },
    { filter, network, overTime: time },
  )
}

/** What to export, and how. */
export interface AnalysisExportRequest {
  filter: AnalysisFilter
  /** For the statements: the table's narrowing (its search); none when absent. */
  narrow?: Narrow
  table: AnalysisTable
  /** For the tables: csv, tsv or xlsx (GraphML and GEXF have their own). */
  format: 'csv' | 'tsv' | 'xlsx'
  network: NetworkChoice
  overTime: OverTimeChoice
  bom: boolean
  neutralizeFormulas: boolean
}

const MEDIA = {
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  graphml: 'application/graphml+xml',
  gexf: 'application/gexf+xml',
} as const

/** The network a choice and filter give, with the statements behind every edge (for the files). */
export function projectNetwork(s: ProjectStatements, filter: AnalysisFilter, choice: NetworkChoice): Network {
  const resolved = resolveFilter(filter, s.annotators, s.reviewed)
  return buildNetwork(s.set, networkOptions(choice, resolved.filter, filter.duplicates))
}

/** With the reviewed layer alone, how many documents have no settled review, so none of their statements counts (see unreviewedLeftOut). */
export function projectUnreviewed(s: ProjectStatements, filter: AnalysisFilter): number {
  const resolved = resolveFilter(filter, s.annotators, s.reviewed)
  return unreviewedLeftOut(s.set.statements, resolved.filter, s.annotators, s.reviewedDocuments)
}

/** How many statements the filter's date range leaves out for want of a document date (see undatedLeftOut). */
export function projectUndated(s: ProjectStatements, filter: AnalysisFilter): number {
  const resolved = resolveFilter(filter, s.annotators, s.reviewed)
  return undatedLeftOut(s.set.statements, resolved.filter, filter.duplicates)
}

/** An analysis export of a project's statements. */
export async function analysisFile(project: Project, s: ProjectStatements, request: AnalysisExportRequest): Promise<AnalysisFile> {
  const { filter, table } = request
  const resolved: StatementFilter = resolveFilter(filter, s.annotators, s.reviewed).filter
  const base = exportFileName(project.name).replace(/\.csv$/, '')
  const name = (what: string, ending: string) => base.replace(/-annotations-/, `-${what}-`) + ending
  if (table === 'graphml' || table === 'gexf') {
    const network = projectNetwork(s, filter, request.network)
    const content = table === 'graphml' ? toGraphml(network) : toGexf(network)
    return { filename: name(`${network.mode}-network`, `.${table}`), mediaType: MEDIA[table], content, rows: network.edges.length }
  }
  let out: { header: string[]; rows: Cell[][] }
  let what: string = table
  if (table === 'statements') {
    const kept = request.narrow
      ? narrowedStatements(s.set, resolved, filter.duplicates, request.narrow)
      : keptStatements(s.set.statements, resolved, filter.duplicates)
    out = statementsTable(s.set, kept)
  } else if (table === 'matrix') {
    out = matrixTable(buildMatrix(s.set, { filter: resolved, duplicates: filter.duplicates }))
  } else if (table === 'over-time') {
    out = overTimeTable(overTime(s.set, { ...request.overTime, filter: resolved, duplicates: filter.duplicates }))
    what = `over-time-by-${request.overTime.by}`
  } else {
    const network = projectNetwork(s, filter, request.network)
    out = table === 'nodes' ? nodeTable(network) : edgeTable(network)
    what = `${network.mode}-${table}`
  }
  if (request.format === 'xlsx') {
    const bytes = await tablesWorkbook([{ name: sheetName(what), header: out.header, rows: out.rows }])
    return { filename: name(what, '.xlsx'), mediaType: MEDIA.xlsx, content: bytes, rows: out.rows.length }
  }
  const content = delimitedTable(out, { format: request.format, bom: request.bom, neutralizeFormulas: request.neutralizeFormulas })
  return { filename: name(what, `.${request.format}`), mediaType: MEDIA[request.format], content, rows: out.rows.length }
}

/** A sheet name Excel accepts: at most 31 characters. */
function sheetName(what: string): string {
  const words = what.replace(/-/g, ' ')
  return (words.charAt(0).toUpperCase() + words.slice(1)).slice(0, 31)
}
