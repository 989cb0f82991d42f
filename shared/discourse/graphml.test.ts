import { describe, expect, it } from 'vitest'
import { defaultLabels } from '../model/labels'
import { debateLayer } from '../testing/discourse-corpus'
import { hostileLayer } from '../testing/discourse-hostile'
import { toGraphml } from './graphml'
import { buildNetwork } from './network'
import { buildStatements } from './statements'

const debate = buildStatements({ labels: defaultLabels, layers: [debateLayer()], properties: { debate: { date: '2023-10-10' } } })

describe('GraphML', () => {
  it('declares a key for every node and edge attribute, with the edge weight as `weight`', () => {
    const xml = toGraphml(buildNetwork(debate, { mode: 'actor-target' }))
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<graphml xmlns="http:\/\/graphml.graphdrawing.org\/xmlns"/)
    expect(xml).toContain('<key id="weight" for="edge" attr.name="weight" attr.type="double"/>')
    expect(xml).toContain('<key id="node_degree" for="node" attr.name="degree" attr.type="int"/>')
    expect(xml).toContain('<key id="edge_signed" for="edge" attr.name="signed" attr.type="int"/>')
    expect(xml).toContain('<key id="edge_first_date" for="edge" attr.name="first_date" attr.type="string"/>')
    expect(xml).toContain('<key id="node_key" for="node" attr.name="key" attr.type="string"/>')
    expect(xml.match(/<key /g)).toHaveLength(2 + 10 + 9)
  })

  it('is directed actor → target for two-mode and undirected for one-mode networks', () => {
    expect(toGraphml(buildNetwork(debate, { mode: 'actor-target' }))).toContain('<graph id="G" edgedefault="directed">')
    const congruence = toGraphml(buildNetwork(debate, { mode: 'congruence', normalization: 'average' }))
    expect(congruence).toContain('<graph id="G" edgedefault="undirected">')
    expect(congruence).toContain('<data key="graph_normalization">average</data>')
    expect(congruence).toContain('<edge id="e0" source="actor:biden" target="actor:kremlin">\n      <data key="weight">0.4</data>')
  })

  it('writes one node and one edge element per node and edge', () => {
    const n = buildNetwork(debate, { mode: 'actor-target' })
    const xml = toGraphml(n)
    expect(xml.match(/<node /g)).toHaveLength(n.nodes.length)
    expect(xml.match(/<edge /g)).toHaveLength(n.edges.length)
  })

  it('escapes every name (control characters never reach it: names drop them)', () => {
    const xml = toGraphml(buildNetwork(buildStatements({ labels: defaultLabels, layers: [hostileLayer()] }), { mode: 'actor-target' }))
    expect(xml).toContain('<data key="node_label">Tom &amp; "Jerry" &lt;co&gt;</data>')
    expect(xml).toContain('<data key="node_label">O\'Brien ]]&gt; x</data>')
    expect(xml).toContain('<data key="node_label">Bell and escape</data>')
    expect(xml).toContain('<node id="target:&lt;script&gt;alert(1)&lt;/script&gt;">')
  })
})
