/**
 * GraphML (http://graphml.graphdrawing.org/) for Gephi, visone, igraph, networkx and yEd: one
 * <key> per node and edge attribute (network-columns.ts) with its attr.name and attr.type, the
 * graph directed actor → target for a two-mode network and undirected for one-mode networks,
 * and the edge weight as the key `weight` (id and attr.name), which Gephi, igraph and networkx
 * read as the weight. Two graph-level keys say which network and normalisation it is. Every
 * value is escaped (xml.ts); an absent value (an undated edge's first_date) has no <data>.
 */
import type { Network } from './network'
import { edgeColumns, nodeColumns, type Column, type ColumnType } from './network-columns'
import { xmlAttribute, xmlNumber, xmlText } from './xml'

const NAMESPACE = 'http://graphml.graphdrawing.org/xmlns'
const GRAPHML_TYPE: Record<ColumnType, string> = { integer: 'int', double: 'double', string: 'string' }

/** The key id of a node or edge attribute: `weight` for the edge weight, else node_<id> or edge_<id> (ids are unique across both). */
export function graphmlKey(kind: 'node' | 'edge', id: string): string {
  return kind === 'edge' && id === 'weight' ? 'weight' : `${kind}_${id}`
}

/** The network as a GraphML document (UTF-8 text). */
export function toGraphml(network: Network): string {
  const nodeCols = nodeColumns()
  const edgeCols = edgeColumns(network)
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<graphml xmlns="${NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${NAMESPACE} ${NAMESPACE}/1.0/graphml.xsd">`,
    '  <key id="graph_network" for="graph" attr.name="network" attr.type="string"/>',
    '  <key id="graph_normalization" for="graph" attr.name="normalization" attr.type="string"/>',
    ...keys('node', nodeCols),
    ...keys('edge', edgeCols),
    `  <graph id="G" edgedefault="${network.directed ? 'directed' : 'undirected'}">`,
    `    <data key="graph_network">${xmlText(network.mode)}</data>`,
    `    <data key="graph_normalization">${xmlText(network.normalization)}</data>`,
  ]
  for (const n of network.nodes) {
    out.push(`    <node id="${xmlAttribute(n.id)}">`, ...data('node', nodeCols, n), '    </node>')
  }
  for (const e of network.edges) {
    out.push(
      `    <edge id="${xmlAttribute(e.id)}" source="${xmlAttribute(e.source)}" target="${xmlAttribute(e.target)}">`,
      ...data('edge', edgeCols, e),
      '    </edge>',
    )
  }
  out.push('  </graph>', '</graphml>', '')
  return out.join('\n')
}

function keys<T>(kind: 'node' | 'edge', columns: readonly Column<T>[]): string[] {
  return columns.map((c) => `  <key id="${graphmlKey(kind, c.id)}" for="${kind}" attr.name="${c.id}" attr.type="${GRAPHML_TYPE[c.type]}"/>`)
}

function data<T>(kind: 'node' | 'edge', columns: readonly Column<T>[], item: T): string[] {
  const out: string[] = []
  for (const c of columns) {
    const v = c.value(item)
    if (v === null) continue
    out.push(`      <data key="${graphmlKey(kind, c.id)}">${typeof v === 'number' ? xmlNumber(v) : xmlText(v)}</data>`)
  }
  return out
}
