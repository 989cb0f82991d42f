/**
 * GEXF 1.3 (http://gexf.net/1.3) for Gephi. Node and edge attributes are declared in <attributes>
 * (network-columns.ts; the node label and the edge weight use GEXF's own `label` and `weight`
 * attributes instead). The graph's defaultedgetype is directed for a two-mode network (actor →
 * target) and undirected for one-mode networks.
 *
 * Time: when some statement behind an edge is dated, the graph is mode="dynamic" with
 * timeformat="date", and each such edge has one <spell> per distinct date of its statements
 * (start = end = that day), so Gephi's timeline shows a tie in the days it was stated. An edge
 * with no dated statement has no spells (it exists throughout); nodes have none either. The
 * weight stays the total over the whole period. With no dates the graph is mode="static".
 */
import type { Network } from './network'
import { edgeColumns, hasDates, nodeColumns, type Column } from './network-columns'
import { xmlAttribute, xmlNumber, xmlText } from './xml'

const NAMESPACE = 'http://gexf.net/1.3'

/** Options for the <meta> element. */
export interface GexfOptions {
  /** Shown as the graph's description (for example, the project's name and the filters used). */
  description?: string
  /** yyyy-mm-dd, the meta element's lastmodifieddate; left out when not given (writing stays a pure function). */
  lastModified?: string
}

/** The network as a GEXF 1.3 document (UTF-8 text). */
export function toGexf(network: Network, options: GexfOptions = {}): string {
  const nodeCols = nodeColumns().filter((c) => c.id !== 'label')
  const edgeCols = edgeColumns(network).filter((c) => c.id !== 'weight')
  const dynamic = hasDates(network)
  const modified = options.lastModified ? ` lastmodifieddate="${xmlAttribute(options.lastModified)}"` : ''
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<gexf xmlns="${NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${NAMESPACE} ${NAMESPACE}/gexf.xsd" version="1.3">`,
    `  <meta${modified}>`,
    '    <creator>Marginalia</creator>',
    `    <description>${xmlText(options.description ?? `${network.mode} network, normalization ${network.normalization}`)}</description>`,
    '  </meta>',
    `  <graph defaultedgetype="${network.directed ? 'directed' : 'undirected'}" mode="${dynamic ? 'dynamic' : 'static'}"${dynamic ? ' timeformat="date"' : ''}>`,
    ...declarations('node', nodeCols),
    ...declarations('edge', edgeCols),
    `    <nodes count="${network.nodes.length}">`,
  ]
  for (const n of network.nodes) {
    out.push(`      <node id="${xmlAttribute(n.id)}" label="${xmlAttribute(n.label)}">`, ...values(nodeCols, n), '      </node>')
  }
  out.push('    </nodes>', `    <edges count="${network.edges.length}">`)
  for (const e of network.edges) {
    out.push(
      `      <edge id="${xmlAttribute(e.id)}" source="${xmlAttribute(e.source)}" target="${xmlAttribute(e.target)}" weight="${xmlNumber(e.weight)}">`,
      ...values(edgeCols, e),
    )
    if (dynamic && e.dates.length > 0) {
      out.push('        <spells>', ...e.dates.map((d) => `          <spell start="${d}" end="${d}"/>`), '        </spells>')
    }
    out.push('      </edge>')
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '')
  return out.join('\n')
}

function declarations<T>(kind: 'node' | 'edge', columns: readonly Column<T>[]): string[] {
  return [
    `    <attributes class="${kind}">`,
    ...columns.map((c) => `      <attribute id="${c.id}" title="${c.id}" type="${c.type}"/>`),
    '    </attributes>',
  ]
}

function values<T>(columns: readonly Column<T>[], item: T): string[] {
  const out: string[] = []
  for (const c of columns) {
    const v = c.value(item)
    if (v !== null) out.push(`          <attvalue for="${c.id}" value="${typeof v === 'number' ? xmlNumber(v) : xmlAttribute(v)}"/>`)
  }
  return out.length ? ['        <attvalues>', ...out, '        </attvalues>'] : []
}
