/**
 * Discourse networks from statements, as the Discourse Network Analyzer (DNA, Leifeld) defines
 * them: the two-mode actor–target network (two-mode.ts) and the one-mode actor congruence and
 * conflict networks (one-mode.ts); docs/analysis.md gives every formula with a worked example.
 * A network is plain data (arrays, strings, numbers) that the matrix view, the GraphML and GEXF
 * writers and the node and edge tables all read; the same call gives the same network anywhere.
 * The Analysis view takes it without the statements behind each edge (networkTiesOf), which is
 * quicker to make; the files take them too (buildNetwork, networkOf).
 *
 * Which stances count: those that pass the filter (filter.ts), after the duplicates setting, that
 * have an actor (a source) and a target; one-mode networks also need a polarity. The others are
 * listed in the summary (unlinked, untargeted, unpolarized), never dropped silently.
 */
import { keptStatements, type Duplicates, type StatementFilter } from './filter'
import { ties, type OneModeNormalization } from './one-mode'
import { stanceGrid, type GridCell } from './stance-grid'
import { countStance, noStances, type StanceCounts, type Statement, type StatementSet } from './statements'
import { affiliations, type TwoModeNormalization } from './two-mode'
import { plural } from '../plural'

/** The normalisations of each mode, defined in one-mode.ts and two-mode.ts. */
export type { OneModeNormalization } from './one-mode'
export type { TwoModeNormalization } from './two-mode'

/** actor-target: the two-mode network; congruence and conflict: one-mode actor networks. */
export type NetworkMode = 'actor-target' | 'congruence' | 'conflict'

interface CommonOptions {
  filter?: StatementFilter
  /** DNA's duplicates setting (default 'include'). */
  duplicates?: Duplicates
  /** Also every actor of the statement set (and, two-mode, every target) with no tie, as DNA's "include isolates" (default false). */
  isolates?: boolean
}

/** How to build a network: the mode, with the normalisations that mode has. */
export type NetworkOptions =
  | (CommonOptions & { mode: 'actor-target'; normalization?: TwoModeNormalization })
  | (CommonOptions & { mode: 'congruence' | 'conflict'; normalization?: OneModeNormalization })

/** An actor or a target. */
export interface NetworkNode {
  /** "actor:<key>" or "target:<key>". */
  id: string
  key: string
  label: string
  mode: 'actor' | 'target'
  /** The actor's kind ('' for targets and actors with none). */
  kind: string
  /** Number of edges it has (ties to distinct nodes). */
  degree: number
  /** The stances it took (actor) or that were taken on it (target) among the network's stances. */
  stances: StanceCounts
}

/** A tie: actor → target (two-mode), or between two actors (one-mode), without the statements behind it. */
export interface NetworkTie {
  id: string
  /** Node ids: two-mode from the actor to the target; one-mode the actor first in node order. */
  source: string
  target: string
  /** The normalised weight (equal to `raw` with normalization 'none'). */
  weight: number
  /** Two-mode: the number of stances; one-mode: ω, the number of agreeing (or conflicting) stance pairs. */
  raw: number
  /** Two-mode: favor − against; null in one-mode networks. */
  signed: number | null
  /** The stances behind the edge, by polarity. */
  favor: number
  against: number
  neutral: number
  unset: number
  /** How many targets the edge is on (1 in two-mode networks). */
  targets: number
}

/** A tie with the statements behind it. */
export interface NetworkEdge extends NetworkTie {
  /** The statements behind it (Statement.ref). */
  statements: string[]
  /** The distinct dates of those statements, in order (empty when none is dated). */
  dates: string[]
}

/** What went into a network and what was set aside. */
export interface NetworkSummary {
  /** Statements after the filter and duplicates. */
  statements: number
  /** Of which stances. */
  stances: number
  /** Stances that are in the network. */
  used: number
  /** Stances with no source (Statement.ref). */
  unlinked: string[]
  /** Stances with no target. */
  untargeted: string[]
  /** One-mode only: stances with an actor and a target but no polarity, which cannot agree or conflict. */
  unpolarized: string[]
}

/** How many stances went into a network and why the others did not, as counts. */
export interface SetAsideCounts {
  stances: number
  used: number
  unlinked: number
  untargeted: number
  unpolarized: number
}

/**
 * The stances left out of a network, in words, for the Analysis view and the command line alike:
 * "3 stances set aside: 2 with no source, 2 with no target (1 has neither)". The reasons may add
 * up to more than the stances, since a stance can lack both a source and a target; the sentence
 * says how many do. Null when every stance is in the network.
 */
export function setAsideSentence(c: SetAsideCounts): string | null {
  const aside = c.stances - c.used
  if (aside <= 0) return null
  const reasons = [
    c.unlinked > 0 && `${c.unlinked.toLocaleString('en')} with no source`,
    c.untargeted > 0 && `${c.untargeted.toLocaleString('en')} with no target`,
    c.unpolarized > 0 && `${c.unpolarized.toLocaleString('en')} with no polarity`,
  ].filter(Boolean)
  const both = c.unlinked + c.untargeted + c.unpolarized - aside
  return `${plural(aside, 'stance')} set aside: ${reasons.join(', ')}${both > 0 ? ` (${both.toLocaleString('en')} ${both === 1 ? 'has' : 'have'} neither)` : ''}`
}

/** A network, as plain data: what the view draws and the GraphML, GEXF and CSV writers write. */
export interface Network {
  mode: NetworkMode
  normalization: TwoModeNormalization | OneModeNormalization
  /** Two-mode networks are directed, actor → target; one-mode networks are undirected. */
  directed: boolean
  /** Actors (by key), then, two-mode, targets (by key). */
  nodes: NetworkNode[]
  /** By source, then target, in node order. */
  edges: NetworkEdge[]
  summary: NetworkSummary
}

/** A network whose edges are ties without the statements behind them (what the Analysis view draws). */
export type NetworkTies = Omit<Network, 'edges'> & { edges: NetworkTie[] }

/** The network of a statement set's stances, as `options` say. */
export function buildNetwork(set: StatementSet, options: NetworkOptions): Network {
  return networkOf(set, keptStatements(set.statements, options.filter, options.duplicates), options)
}

/** The network of statements already filtered (keptStatements; `options.filter` and `duplicates` are not applied again). */
export function networkOf(set: StatementSet, statements: readonly Statement[], options: NetworkOptions): Network {
  return network(set, statements, options, true) as Network
}

/** The same network without the statements and dates behind each edge (quicker to make: the Analysis view draws without them). */
export function networkTiesOf(set: StatementSet, statements: readonly Statement[], options: NetworkOptions): NetworkTies {
  return network(set, statements, options, false)
}

/** The network, its edges with their statements and dates when `refs` is true (a Network then). */
function network(set: StatementSet, statements: readonly Statement[], options: NetworkOptions, refs: boolean): NetworkTies {
  const oneMode = options.mode !== 'actor-target'
  const summary: NetworkSummary = { statements: statements.length, stances: 0, used: 0, unlinked: [], untargeted: [], unpolarized: [] }
  const used: Statement[] = []
  for (const s of statements) {
    if (!s.stance) continue
    summary.stances++
    if (s.actorKey === null) summary.unlinked.push(s.ref)
    if (s.targetKey === null) summary.untargeted.push(s.ref)
    if (s.actorKey === null || s.targetKey === null) continue
    if (oneMode && s.polarity === null) summary.unpolarized.push(s.ref)
    else used.push(s)
  }
  summary.used = used.length
  const grid = stanceGrid(used)

  const actorOf = new Map(set.actors.map((a) => [a.key, a]))
  const targetOf = new Map(set.targets.map((t) => [t.key, t]))
  const actorKeys = options.isolates ? set.actors.map((a) => a.key) : grid.actors
  const targetKeys = oneMode ? [] : options.isolates ? set.targets.map((t) => t.key) : grid.targets
  const nodes: NetworkNode[] = [
    ...actorKeys.map((key): NetworkNode => ({
      id: `actor:${key}`,
      key,
      label: actorOf.get(key)?.label ?? key,
      mode: 'actor',
      kind: actorOf.get(key)?.kind ?? '',
      degree: 0,
      stances: noStances(),
    })),
    ...targetKeys.map((key): NetworkNode => ({
      id: `target:${key}`,
      key,
      label: targetOf.get(key)?.label ?? key,
      mode: 'target',
      kind: '',
      degree: 0,
      stances: noStances(),
    })),
  ]
  const actorNode = new Map(nodes.filter((n) => n.mode === 'actor').map((n) => [n.key, n]))
  const targetNode = new Map(nodes.filter((n) => n.mode === 'target').map((n) => [n.key, n]))
  // Ties come by grid index (actors, then targets, by key), which is the nodes' order too: edges
  // are in node order without sorting.
  const actorAt = grid.actors.map((k) => actorNode.get(k)!)
  const targetAt = grid.targets.map((k) => targetNode.get(k)!)
  // The grid's cells hold every stance used, each once: a node's stances are its cells'.
  for (const c of grid.cells) {
    countStance(actorAt[c.actor]!.stances, c.polarity, c.count)
    if (!oneMode) countStance(targetAt[c.target]!.stances, c.polarity, c.count)
  }
  const edges: NetworkTie[] = []
  const edge = (
    source: NetworkNode,
    target: NetworkNode,
    weight: number,
    raw: number,
    signed: number | null,
    targets: number,
    cells: readonly GridCell[],
    first: number,
    end: number,
  ) => {
    source.degree++
    target.degree++
    edges.push(edgeOf(edges.length, source.id, target.id, weight, raw, signed, targets, refs ? grid.stances : null, cells, first, end))
  }
  if (options.mode === 'actor-target') {
    for (const t of affiliations(grid, options.normalization))
      edge(actorAt[t.actor]!, targetAt[t.target]!, t.weight, t.count, t.signed, 1, grid.cells, t.first, t.end)
  } else {
    for (const t of ties(grid, options.mode, options.normalization))
      edge(actorAt[t.a]!, actorAt[t.b]!, t.weight, t.raw, null, t.targets, t.cells, 0, t.cells.length)
  }
  return { mode: options.mode, normalization: options.normalization ?? 'none', directed: !oneMode, nodes, edges, summary }
}

/** An edge from its grid cells cells[first] … cells[end - 1]; with `stances` (the grid's), the statements and dates behind it too. */
function edgeOf(
  index: number,
  source: string,
  target: string,
  weight: number,
  raw: number,
  signed: number | null,
  targets: number,
  stances: readonly Statement[] | null,
  cells: readonly GridCell[],
  first: number,
  end: number,
): NetworkTie | NetworkEdge {
  let favor = 0
  let against = 0
  let neutral = 0
  let unset = 0
  for (let i = first; i < end; i++) {
    const cell = cells[i]!
    if (cell.polarity === 'favor') favor += cell.count
    else if (cell.polarity === 'against') against += cell.count
    else if (cell.polarity === 'neutral') neutral += cell.count
    else unset += cell.count
  }
  const id = `e${index}`
  if (!stances) return { id, source, target, weight, raw, signed, favor, against, neutral, unset, targets }
  const refs: string[] = []
  const dates: string[] = []
  for (let i = first; i < end; i++) {
    const cell = cells[i]!
    for (let k = cell.first; k < cell.first + cell.count; k++) {
      const s = stances[k]!
      refs.push(s.ref)
      if (s.date !== null && !dates.includes(s.date)) dates.push(s.date)
    }
  }
  const sorted = dates.length > 1 ? dates.sort() : dates
  return { id, source, target, weight, raw, signed, favor, against, neutral, unset, targets, statements: refs, dates: sorted }
}
