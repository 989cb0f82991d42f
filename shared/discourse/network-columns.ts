/**
 * The attributes a network's nodes and edges carry in every file written from it: the GraphML
 * keys, the GEXF attributes and the columns of the node list and edge list tables come from these
 * two lists, so the three formats cannot disagree on a name, a type or a value.
 *
 * Nodes: label, key (the name key the statements table's actor_key and target_key hold, so the
 * two join on it as written, formula protection and all), mode (actor/target), kind, degree, and
 * the stances by polarity with their total.
 * Edges: weight (normalised), raw (before normalisation), and the stances behind the edge by
 * polarity; two-mode networks add signed (favor − against) and unset; one-mode networks add
 * targets (how many targets the tie is on); networks with dated documents add first_date and
 * last_date. The edge table also lists the statements behind each edge.
 */
import type { Cell } from '../csv'
import type { Network, NetworkEdge, NetworkNode } from './network'

/** A value's type, named as GEXF names it (GraphML: int, double, string). */
export type ColumnType = 'integer' | 'double' | 'string'

/** One attribute: its id (a name, safe as an XML id), type, and value for an item (null: none). */
export interface Column<T> {
  id: string
  type: ColumnType
  value: (item: T) => string | number | null
}

/** The node attributes (the same for every network). */
export function nodeColumns(): Column<NetworkNode>[] {
  return [
    { id: 'label', type: 'string', value: (n) => n.label },
    { id: 'key', type: 'string', value: (n) => n.key },
    { id: 'mode', type: 'string', value: (n) => n.mode },
    { id: 'kind', type: 'string', value: (n) => n.kind },
    { id: 'degree', type: 'integer', value: (n) => n.degree },
    { id: 'favor', type: 'integer', value: (n) => n.stances.favor },
    { id: 'against', type: 'integer', value: (n) => n.stances.against },
    { id: 'neutral', type: 'integer', value: (n) => n.stances.neutral },
    { id: 'unset', type: 'integer', value: (n) => n.stances.unset },
    { id: 'stances', type: 'integer', value: (n) => n.stances.total },
  ]
}

/** Whether any edge of the network has a dated statement behind it. */
export function hasDates(network: Network): boolean {
  return network.edges.some((e) => e.dates.length > 0)
}

/** The edge attributes of a network. */
export function edgeColumns(network: Network): Column<NetworkEdge>[] {
  const twoMode = network.mode === 'actor-target'
  const columns: Column<NetworkEdge>[] = [
    { id: 'weight', type: 'double', value: (e) => e.weight },
    { id: 'raw', type: 'integer', value: (e) => e.raw },
  ]
  if (twoMode) columns.push({ id: 'signed', type: 'integer', value: (e) => e.signed })
  columns.push(
    { id: 'favor', type: 'integer', value: (e) => e.favor },
    { id: 'against', type: 'integer', value: (e) => e.against },
    { id: 'neutral', type: 'integer', value: (e) => e.neutral },
  )
  if (twoMode) columns.push({ id: 'unset', type: 'integer', value: (e) => e.unset })
  else columns.push({ id: 'targets', type: 'integer', value: (e) => e.targets })
  if (hasDates(network)) {
    columns.push(
      { id: 'first_date', type: 'string', value: (e) => e.dates[0] ?? null },
      { id: 'last_date', type: 'string', value: (e) => e.dates[e.dates.length - 1] ?? null },
    )
  }
  return columns
}

/** The node list: id, then the node attributes. */
export function nodeTable(network: Network): { header: string[]; rows: Cell[][] } {
  const columns = nodeColumns()
  return {
    header: ['id', ...columns.map((c) => c.id)],
    rows: network.nodes.map((n) => [n.id, ...columns.map((c) => c.value(n) ?? '')]),
  }
}

/** The edge list: id, source, target, the edge attributes, and the statements behind the edge (refs separated by spaces). */
export function edgeTable(network: Network): { header: string[]; rows: Cell[][] } {
  const columns = edgeColumns(network)
  return {
    header: ['id', 'source', 'target', ...columns.map((c) => c.id), 'statements'],
    rows: network.edges.map((e) => [e.id, e.source, e.target, ...columns.map((c) => c.value(e) ?? ''), e.statements.join(' ')]),
  }
}
