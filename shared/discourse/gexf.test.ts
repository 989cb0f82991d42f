import { describe, expect, it } from 'vitest'
import { defaultLabels } from '../model/labels'
import { debateLayer } from '../testing/discourse-corpus'
import { hostileLayer } from '../testing/discourse-hostile'
import { toGexf } from './gexf'
import { buildNetwork } from './network'
import { buildStatements } from './statements'

const layers = [debateLayer('oct'), debateLayer('nov')]
const dated = buildStatements({ labels: defaultLabels, layers, properties: { oct: { date: '2023-10-10' }, nov: { date: '2023-11-02' } } })
const undated = buildStatements({ labels: defaultLabels, layers })

describe('GEXF 1.3', () => {
  it('declares its namespace, version and attributes, with label and weight as GEXF’s own', () => {
    const xml = toGexf(buildNetwork(undated, { mode: 'actor-target' }), { description: 'Debate & more', lastModified: '2026-11-01' })
    expect(xml).toContain(
      '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    )
    expect(xml).toContain('<meta lastmodifieddate="2026-11-01">')
    expect(xml).toContain('<description>Debate &amp; more</description>')
    expect(xml).toContain('<attribute id="kind" title="kind" type="string"/>')
    expect(xml).not.toContain('<attribute id="label"')
    expect(xml).not.toContain('<attribute id="weight"')
    expect(xml).toContain('<node id="actor:kremlin" label="Kremlin">')
    expect(xml).toContain('<edge id="e5" source="actor:kremlin" target="target:strikes" weight="4">')
  })

  it('is static without dates, and undirected for one-mode networks', () => {
    const xml = toGexf(buildNetwork(undated, { mode: 'conflict', normalization: 'jaccard' }))
    expect(xml).toContain('<graph defaultedgetype="undirected" mode="static">')
    expect(xml).not.toContain('<spell')
    expect(xml).toContain('<nodes count="4">')
    expect(xml).toContain('<edges count="2">')
  })

  it('is dynamic with dates: one spell per day the tie was stated', () => {
    const xml = toGexf(buildNetwork(dated, { mode: 'actor-target' }))
    expect(xml).toContain('<graph defaultedgetype="directed" mode="dynamic" timeformat="date">')
    expect(xml).toContain(
      '<spells>\n          <spell start="2023-10-10" end="2023-10-10"/>\n          <spell start="2023-11-02" end="2023-11-02"/>\n        </spells>',
    )
    expect(xml.match(/<spells>/g)).toHaveLength(8)
    const october = toGexf(buildNetwork(dated, { mode: 'actor-target', filter: { to: '2023-10-31' } }))
    expect(october.match(/<spell /g)).toHaveLength(8)
  })

  it('escapes names in attributes, tabs included, and removes characters XML 1.0 cannot hold', () => {
    const xml = toGexf(buildNetwork(buildStatements({ labels: defaultLabels, layers: [hostileLayer()] }), { mode: 'actor-target' }), {
      description: 'Filters:\u0007 <none>\u001b',
    })
    expect(xml).toContain('label="Tom &amp; &quot;Jerry&quot; &lt;co&gt;"')
    expect(xml).toContain('label="O&apos;Brien ]]&gt; x"')
    expect(xml).toContain('label="tab here"')
    expect(xml).toContain('<description>Filters: &lt;none&gt;</description>')
  })
})
