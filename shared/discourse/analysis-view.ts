/**
 * What the Analysis view and `marginalia network` ask of a project's statements, and what they get
 * back: the filter as the contract validates it, the layer chosen by default, and the view (the
 * matrix, a network and the counts over time, made from one filtered list of statements, without
 * the statement references behind each cell and edge, which can run to hundreds of thousands, and
 * cut to what the view draws, with the whole's sizes counted), and pages of statement rows
 * narrowed to a cell, a node or the unlinked stances. Pure: the core
 * (electron/core/app/analysis-service.ts) builds the statement set from the project and calls
 * these; the exports build the whole matrix and network themselves.
 */
import { foldForMatching } from '../search/folded-text'
import { z } from 'zod'
import { DomainError } from '../errors'
import { AnnotatorName, DocumentId } from '../model/annotation'
import { checkDateRange, keptStatements, undatedLeftOut, unreviewedLeftOut, type StatementFilter } from './filter'
import { matrixCountsOf, type KindGroup, type MatrixCounts, type MatrixRow } from './matrix'
import { networkTiesOf, type Network, type NetworkNode, type NetworkOptions, type NetworkTie, type NetworkTies } from './network'
import { overTimeOf, type OverTime } from './over-time'
import type { Statement, StanceCounts, StatementSet, Target } from './statements'

/** The reviewed layer's name among the layers. */
export const REVIEWED = '_reviewed'

/** A layer: an annotator's name, or "_reviewed". */
export const LayerName = z.union([AnnotatorName, z.literal(REVIEWED)])

/** A day as yyyy-mm-dd (checked as a calendar date by checkDateRange, with a sentence). */
const Day = z.string().max(40)

/** Which statements to analyse. */
export const AnalysisFilter = z
  .object({
    /** Layers: annotator names and/or "_reviewed"; null for the default (the reviewed layer once a review has settled something, else every annotator's). */
    layers: z.array(LayerName).min(1).max(200).nullable().default(null),
    /** These documents only (all when null). */
    documents: z.array(DocumentId).max(100_000).nullable().default(null),
    /** First and last day, yyyy-mm-dd, both included; with either, undated documents are left out. */
    from: Day.nullable().default(null),
    to: Day.nullable().default(null),
    /** Label ids (claim, stance); all statement labels when null. */
    labels: z.array(z.string().min(1).max(100)).max(100).nullable().default(null),
    /** Source kinds ('' for sources with no kind); unlinked statements are always kept. All when null. */
    sourceKinds: z.array(z.string().max(200)).max(200).nullable().default(null),
    /** DNA's duplicates: 'document' counts a stance repeated in one document once. */
    duplicates: z.enum(['include', 'document']).default('include'),
  })
  .strict()
export type AnalysisFilter = z.output<typeof AnalysisFilter>

/** Which network: the mode and a normalisation that mode has (docs/analysis.md). */
export const NetworkChoice = z
  .object({
    mode: z.enum(['actor-target', 'congruence', 'conflict']).default('actor-target'),
    normalization: z.enum(['none', 'activity', 'prominence', 'average', 'jaccard']).default('none'),
    /** Also actors and targets with no tie (DNA's "include isolates"). */
    isolates: z.boolean().default(false),
  })
  .strict()
export type NetworkChoice = z.output<typeof NetworkChoice>

/** How to count over time. */
export const OverTimeChoice = z
  .object({ by: z.enum(['actor', 'target']).default('actor'), unit: z.enum(['week', 'month', 'year']).default('month') })
  .strict()
export type OverTimeChoice = z.output<typeof OverTimeChoice>

/** Statements narrowed to what the user clicked: a cell, a node, the unlinked stances, or a search. */
export const Narrow = z
  .object({
    /** An actor key; null for statements with no source (unlinked); absent for any. */
    actor: z.string().max(2000).nullable().optional(),
    /** A target key; null for stances with no target; absent for any. */
    target: z.string().max(2000).nullable().optional(),
    /** Stances only (no claims). */
    stances: z.boolean().default(false),
    /** Statements whose quote, target, actor, source or document title holds this text (any case). */
    search: z.string().max(500).default(''),
  })
  .strict()
export type Narrow = z.output<typeof Narrow>

const NORMALIZATIONS = {
  'actor-target': ['none', 'activity', 'prominence'],
  congruence: ['none', 'average', 'jaccard'],
  conflict: ['none', 'average', 'jaccard'],
} as const

/** The network options for a choice; a DomainError ('invalid') when the normalisation is not one of the mode's. */
export function networkOptions(choice: NetworkChoice, filter: StatementFilter, duplicates: AnalysisFilter['duplicates']): NetworkOptions {
  const allowed: readonly string[] = NORMALIZATIONS[choice.mode]
  if (!allowed.includes(choice.normalization)) {
    throw new DomainError(
      'invalid',
      `The ${choice.mode} network has no "${choice.normalization}" normalisation; use ${allowed.join(', ')}.`,
    )
  }
  return { mode: choice.mode, normalization: choice.normalization, filter, duplicates, isolates: choice.isolates } as NetworkOptions
}

/** The layers a statement set has: annotators' (by name) then the reviewed layer, each with its statements. */
export function layersOf(set: StatementSet): { name: string; statements: number }[] {
  const counts = new Map<string, number>()
  for (const s of set.statements) counts.set(s.layer, (counts.get(s.layer) ?? 0) + 1)
  return [...counts]
    .map(([name, statements]) => ({ name, statements }))
    .sort((a, b) => Number(a.name === REVIEWED) - Number(b.name === REVIEWED) || (a.name < b.name ? -1 : 1))
}

/**
 * The filter the modules take, with the layers resolved: as asked, or by default the reviewed
 * layer when the project has one, else every annotator's layer. `annotators` are the project's
 * annotators with a layer; a layer the project does not have is refused in one sentence.
 */
export function resolveFilter(
  filter: AnalysisFilter,
  annotators: readonly string[],
  hasReviewed: boolean,
): { filter: StatementFilter; layers: string[] } {
  const known = new Set([...annotators, ...(hasReviewed ? [REVIEWED] : [])])
  for (const l of filter.layers ?? []) {
    if (!known.has(l)) {
      const what = l === REVIEWED ? 'No document has a reviewed layer yet' : `There are no annotations by "${l}" in this project`
      throw new DomainError('not-found', `${what}; layers: ${[...known].join(', ') || 'none yet'}.`)
    }
  }
  const layers = filter.layers ? [...filter.layers] : hasReviewed ? [REVIEWED] : [...annotators]
  const out: StatementFilter = { layers }
  if (filter.documents) out.documents = filter.documents
  if (filter.from !== null) out.from = filter.from
  if (filter.to !== null) out.to = filter.to
  if (filter.labels) out.labels = filter.labels
  if (filter.sourceKinds) out.sourceKinds = filter.sourceKinds
  checkDateRange(out)
  return { filter: out, layers }
}

/** The most target columns the matrix shows (those with the most stances); the matrix export holds them all. */
export const SHOWN_COLUMNS = 40

/** The most nodes the network draws (the best-connected: bestConnected); the network exports hold them all. */
export const DRAWN_NODES = 400

/** The most series the chart over time draws (those with the most stances); the over-time export holds them all. */
export const SHOWN_SERIES = 12

/** A matrix cell without its statements (they come page by page, narrowed to the cell). */
export interface ViewCell {
  row: number
  column: number
  counts: StanceCounts
}

/**
 * The matrix as the view draws it: every actor's row, the SHOWN_COLUMNS targets with the most
 * stances, and the cells in those columns; `all` and `fullest` count the whole matrix.
 */
export interface ViewMatrix {
  rows: MatrixRow[]
  columns: { target: Target; counts: StanceCounts; unlinked: StanceCounts }[]
  groups: KindGroup[]
  cells: ViewCell[]
  total: StanceCounts
  unlinked: StanceCounts
  untargeted: StanceCounts
  /** The whole matrix's targets and non-empty cells (the matrix export's), whether shown or not. */
  all: { columns: number; cells: number }
  /** The most stances in one cell of the whole matrix (a cell's colour is relative to it). */
  fullest: number
}

/** A tie as the view draws it: without the statements and dates behind it. */
export type ViewEdge = NetworkTie

/**
 * A network as the view draws it: its DRAWN_NODES best-connected nodes (best first) and the ties
 * among them; `all` counts the whole network (what the GraphML, GEXF and CSV exports hold).
 */
export interface ViewNetwork {
  mode: Network['mode']
  normalization: Network['normalization']
  directed: boolean
  nodes: NetworkNode[]
  edges: ViewEdge[]
  /** The whole network's nodes and edges, drawn or not. */
  all: { nodes: number; edges: number }
  /** Stances in the network, and those set aside (setAsideSentence in network.ts says them). */
  stances: number
  used: number
  unlinked: number
  untargeted: number
  unpolarized: number
}

/** Counts over time as the view draws them: the SHOWN_SERIES series with the most stances (`all` counts them all), and the untargeted stances counted. */
export type ViewOverTime = Omit<OverTime, 'untargeted'> & { untargeted: number; all: { series: number } }

/** What the view shows that no filter changes: the project's layers, documents, source kinds and dates. */
export interface ViewBasis {
  /** Every layer of the project with statements, and how many. */
  layers: { name: string; statements: number }[]
  /** Whether some document has a reviewed layer. */
  reviewed: boolean
  /** Every document: id, title and date (yyyy-mm-dd or null), in project order. */
  documents: { id: string; title: string; date: string | null }[]
  /** The source kinds statements name ('' for sources with no kind), in code unit order. */
  kinds: string[]
  /** The first and last document date, or null when no document is dated. */
  dates: { first: string; last: string } | null
}

/** Everything the Analysis view shows for one filter. */
export interface AnalysisView extends ViewBasis {
  /** The layers this view counts (the default resolved). */
  used: string[]
  /**
   * Statements that pass the filter: all, claims and stances, and those without a source; and the
   * stances whose polarity is a value other than favor, against and neutral (counted as unset), by value.
   */
  counts: {
    statements: number
    stances: number
    unlinked: number
    unlinkedStances: number
    untargeted: number
    otherPolarities: { value: string; stances: number }[]
    /** With a date range: the statements that pass every other filter but are left out because their document has no date. */
    undated: number
    /** With the reviewed layer alone: documents passing the filter with annotators' statements but no settled review (none of theirs counted). */
    unreviewed: number
  }
  matrix: ViewMatrix
  network: ViewNetwork
  overTime: ViewOverTime
}

/** The part of the view that depends on the statement set and the documents only, not the filter: worked out once per set. */
export function viewBasis(set: StatementSet, documents: ViewBasis['documents'], reviewed: boolean): ViewBasis {
  const kinds = new Set<string>()
  for (const s of set.statements) if (s.source) kinds.add(s.source.kind)
  let dates: ViewBasis['dates'] = null
  for (const { date } of documents) {
    if (date === null) continue
    if (!dates) dates = { first: date, last: date }
    else if (date < dates.first) dates.first = date
    else if (date > dates.last) dates.last = date
  }
  return { layers: layersOf(set), reviewed, documents, kinds: [...kinds].sort(), dates }
}

/**
 * The view of a statement set under a filter (layers already resolved), with its basis
 * (viewBasis). The statements are
 * filtered once, and the matrix, the network and the counts over time are all made from that one
 * list; the reply holds only what the view draws (SHOWN_COLUMNS, DRAWN_NODES, SHOWN_SERIES), with
 * the whole's sizes counted exactly.
 */
export function analysisView(
  set: StatementSet,
  basis: ViewBasis,
  context: { filter: StatementFilter; layers: string[]; annotators?: readonly string[]; reviewedDocuments?: ReadonlySet<string> },
  choice: { filter: AnalysisFilter; network: NetworkChoice; overTime: OverTimeChoice },
): AnalysisView {
  const { filter } = context
  const duplicates = choice.filter.duplicates
  const kept = keptStatements(set.statements, filter, duplicates)
  const counts = { statements: kept.length, stances: 0, unlinked: 0, unlinkedStances: 0, untargeted: 0 }
  const others = new Map<string, number>()
  for (const s of kept) {
    if (s.actorKey === null) counts.unlinked++
    if (!s.stance) continue
    counts.stances++
    if (s.actorKey === null) counts.unlinkedStances++
    if (s.targetKey === null) counts.untargeted++
    if (s.otherPolarity !== '') others.set(s.otherPolarity, (others.get(s.otherPolarity) ?? 0) + 1)
  }
  const otherPolarities = [...others]
    .map(([value, stances]) => ({ value, stances }))
    .sort((a, b) => b.stances - a.stances || (a.value < b.value ? -1 : 1))
  // A date range leaves undated documents out; how many statements that was, so the view can say so.
  const undated = undatedLeftOut(set.statements, filter, duplicates)
  const unreviewed = unreviewedLeftOut(set.statements, filter, context.annotators ?? [], context.reviewedDocuments ?? new Set())
  return {
    ...basis,
    used: context.layers,
    counts: { ...counts, otherPolarities, undated, unreviewed },
    matrix: viewMatrix(matrixCountsOf(set, kept)),
    network: viewNetwork(networkTiesOf(set, kept, networkOptions(choice.network, filter, duplicates))),
    overTime: viewOverTime(overTimeOf(set, kept, choice.overTime)),
  }
}

/** The matrix as the view draws it: cells without statements, only the shown columns. */
export function viewMatrix(matrix: MatrixCounts): ViewMatrix {
  let fullest = 0
  const cells: ViewCell[] = []
  for (const c of matrix.cells) {
    if (c.counts.total > fullest) fullest = c.counts.total
    if (c.column < SHOWN_COLUMNS) cells.push({ row: c.row, column: c.column, counts: c.counts })
  }
  return {
    rows: matrix.rows,
    columns: matrix.columns.slice(0, SHOWN_COLUMNS).map((c) => ({ target: c.target, counts: c.counts, unlinked: c.unlinked.counts })),
    groups: matrix.groups,
    cells,
    total: matrix.total,
    unlinked: matrix.unlinked.counts,
    untargeted: matrix.untargeted.counts,
    all: { columns: matrix.columns.length, cells: matrix.cells.length },
    fullest,
  }
}

/**
 * Nodes best-connected first (most ties, then most stances, then by id), the first `max` of them.
 * When the nodes are of two modes (actors and targets), each mode gets a share of `max` in
 * proportion to its number of nodes, at least one: ranked together, the few targets everyone
 * takes a position on would fill every place, and an actor–target network would be drawn with no
 * actor and so no tie.
 */
export function bestConnected<T extends Pick<NetworkNode, 'id' | 'degree' | 'stances' | 'mode'>>(nodes: readonly T[], max: number): T[] {
  const order = (a: T, b: T) => b.degree - a.degree || b.stances.total - a.stances.total || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const sorted = [...nodes].sort(order)
  if (sorted.length <= max) return sorted
  const actors = sorted.filter((n) => n.mode === 'actor')
  const targets = sorted.filter((n) => n.mode !== 'actor')
  if (actors.length === 0 || targets.length === 0 || max < 2) return sorted.slice(0, max)
  const forActors = Math.min(actors.length, Math.max(1, Math.round((max * actors.length) / sorted.length)), max - 1)
  const forTargets = Math.min(targets.length, max - forActors)
  return [...actors.slice(0, max - forTargets), ...targets.slice(0, forTargets)].sort(order)
}

/** The network as the view draws it: the DRAWN_NODES best-connected nodes and the ties among them, without statements. */
export function viewNetwork(network: NetworkTies): ViewNetwork {
  const nodes = bestConnected(network.nodes, DRAWN_NODES)
  const drawn = new Set(nodes.map((n) => n.id))
  const edges = network.edges.filter((e) => drawn.has(e.source) && drawn.has(e.target))
  return {
    mode: network.mode,
    normalization: network.normalization,
    directed: network.directed,
    nodes,
    edges,
    all: { nodes: network.nodes.length, edges: network.edges.length },
    stances: network.summary.stances,
    used: network.summary.used,
    unlinked: network.summary.unlinked.length,
    untargeted: network.summary.untargeted.length,
    unpolarized: network.summary.unpolarized.length,
  }
}

/** The counts over time as the view draws them: the first SHOWN_SERIES series (they come by most stances). */
export function viewOverTime(time: OverTime): ViewOverTime {
  return { ...time, series: time.series.slice(0, SHOWN_SERIES), untargeted: time.untargeted.length, all: { series: time.series.length } }
}

/** One statement as a row of the view's tables. */
export interface StatementRow {
  ref: string
  documentId: string
  documentTitle: string
  date: string | null
  layer: string
  id: string
  label: string
  start: number
  end: number
  quote: string
  /** Whether it is a stance (its label has a target attribute). */
  stance: boolean
  polarity: Statement['polarity']
  /** The polarity as written when it is none of favor, against and neutral (counted as unset); '' otherwise. */
  otherPolarity: string
  /** The target as written. */
  target: string
  targetKey: string | null
  actorKey: string | null
  /** The actor's label (its most frequent spelling), or null when unlinked. */
  actor: string | null
  /** The source's text and kind, or null when unlinked. */
  sourceText: string | null
  sourceKind: string | null
}

/** A page of statement rows, and how many there are in all. */
export interface StatementPage {
  total: number
  offset: number
  rows: StatementRow[]
}

/** The statements that pass the filter and the narrowing, rows offset … offset + limit. */
/** The statements that pass the filter and the narrowing, in order: what the statements table shows and exports. */
export function narrowedStatements(
  set: StatementSet,
  filter: StatementFilter,
  duplicates: AnalysisFilter['duplicates'],
  narrow: Narrow,
): Statement[] {
  const actorLabel = new Map(set.actors.map((a) => [a.key, a.label]))
  const needle = foldForMatching(narrow.search.trim())
  return keptStatements(set.statements, filter, duplicates).filter(
    (s) =>
      (!narrow.stances || s.stance) &&
      (narrow.actor === undefined || s.actorKey === narrow.actor) &&
      (narrow.target === undefined || (s.stance && s.targetKey === narrow.target)) &&
      (needle === '' || searchable(s, actorLabel).includes(needle)),
  )
}

export function statementPage(
  set: StatementSet,
  filter: StatementFilter,
  duplicates: AnalysisFilter['duplicates'],
  narrow: Narrow,
  offset: number,
  limit: number,
): StatementPage {
  const actorLabel = new Map(set.actors.map((a) => [a.key, a.label]))
  const all = narrowedStatements(set, filter, duplicates, narrow)
  return {
    total: all.length,
    offset,
    rows: all.slice(offset, offset + limit).map((s) => ({
      ref: s.ref,
      documentId: s.documentId,
      documentTitle: s.documentTitle,
      date: s.date,
      layer: s.layer,
      id: s.id,
      label: s.label,
      start: s.start,
      end: s.end,
      quote: s.quote,
      stance: s.stance,
      polarity: s.polarity,
      otherPolarity: s.otherPolarity,
      target: s.target,
      targetKey: s.targetKey,
      actorKey: s.actorKey,
      actor: s.actorKey === null ? null : (actorLabel.get(s.actorKey) ?? s.actorKey),
      sourceText: s.source?.text ?? null,
      sourceKind: s.source?.kind ?? null,
    })),
  }
}

/** Each statement's searchable text, folded once (a statement belongs to one set, whose actor labels do not change). */
const SEARCHABLE = new WeakMap<Statement, string>()

/**
 * What the search looks in: the quote, target, actor (and the source's text), document, label,
 * polarity and layer (the annotator), folded as Retrieve's words are (case, diacritics and the
 * kind of space ignored), so "zoe" finds Zoé in both.
 */
function searchable(s: Statement, actorLabel: ReadonlyMap<string, string>): string {
  let text = SEARCHABLE.get(s)
  if (text === undefined) {
    const actor = s.actorKey === null ? '' : (actorLabel.get(s.actorKey) ?? '')
    const layer = s.layer === REVIEWED ? 'reviewed' : s.layer
    text = foldForMatching(
      `${s.quote}\n${s.target}\n${actor}\n${s.source?.text ?? ''}\n${s.documentTitle}\n${s.label}\n${s.polarity ?? ''}\n${layer}`,
    )
    SEARCHABLE.set(s, text)
  }
  return text
}
