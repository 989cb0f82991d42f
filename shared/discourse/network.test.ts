import { describe, expect, it } from 'vitest'
import { defaultLabels } from '../model/labels'
import { debateLayer } from '../testing/discourse-corpus'
import { discourseLayer, source, stance } from '../testing/discourse-layers'
import { buildNetwork, setAsideSentence, type Network, type NetworkOptions } from './network'
import { buildStatements } from './statements'

// The debate (shared/testing/discourse-corpus.ts) as DNA's array x[actor][target][polarity]:
//   kremlin:   ceasefire favor 1, strikes against 2, israel neutral 1      activity 4
//   netanyahu: ceasefire against 1, strikes favor 1                        activity 2
//   hamas:     ceasefire favor 1 (and israel with no polarity)             activity 1
//   biden:     israel neutral 1                                            activity 1
// Nodes come in key order: biden, hamas, kremlin, netanyahu; targets ceasefire, israel, strikes.
const set = buildStatements({ labels: defaultLabels, layers: [debateLayer()], properties: { debate: { date: '2023-10-10' } } })
const network = (options: NetworkOptions) => buildNetwork(set, options)
const edges = (n: Network) => n.edges.map((e) => [e.source.replace(/^\w+:/, ''), e.target.replace(/^\w+:/, ''), e.weight])

describe('the two-mode actor–target network', () => {
  const n = network({ mode: 'actor-target' })

  it('has one directed edge per actor and target, weighted by the number of stances', () => {
    expect(n.directed).toBe(true)
    expect(edges(n)).toEqual([
      ['biden', 'israel', 1],
      ['hamas', 'ceasefire', 1],
      ['hamas', 'israel', 1],
      ['kremlin', 'ceasefire', 1],
      ['kremlin', 'israel', 1],
      ['kremlin', 'strikes', 2],
      ['netanyahu', 'ceasefire', 1],
      ['netanyahu', 'strikes', 1],
    ])
  })

  it('signs each edge (favor +1, against −1, neutral and unset 0) and keeps the counts by polarity', () => {
    expect(n.edges.map((e) => e.signed)).toEqual([0, 1, 0, 1, 0, -2, -1, 1])
    expect(n.edges[5]).toMatchObject({
      id: 'e5',
      raw: 2,
      favor: 0,
      against: 2,
      neutral: 0,
      unset: 0,
      targets: 1,
      statements: ['debate/maria/a2', 'debate/maria/a3'],
      dates: ['2023-10-10'],
    })
    expect(n.edges[2]).toMatchObject({ unset: 1, signed: 0 })
  })

  it('gives nodes their label, mode, kind, degree and stance counts', () => {
    expect(n.nodes.map((x) => [x.id, x.label, x.mode, x.kind, x.degree])).toEqual([
      ['actor:biden', 'Biden', 'actor', 'person', 1],
      ['actor:hamas', 'Hamas', 'actor', 'organization', 2],
      ['actor:kremlin', 'Kremlin', 'actor', 'government', 3],
      ['actor:netanyahu', 'Netanyahu', 'actor', 'person', 2],
      ['target:ceasefire', 'ceasefire', 'target', '', 3],
      ['target:israel', 'Israel', 'target', '', 3],
      ['target:strikes', 'Strikes', 'target', '', 2],
    ])
    expect(n.nodes[2]!.stances).toEqual({ favor: 1, against: 2, neutral: 1, unset: 0, total: 4 })
    expect(n.nodes[5]!.stances).toEqual({ favor: 0, against: 0, neutral: 2, unset: 1, total: 3 })
  })

  it('lists what it set aside: the unlinked stance and the one with no target', () => {
    expect(n.summary).toEqual({
      statements: 12,
      stances: 11,
      used: 9,
      unlinked: ['debate/maria/u1'],
      untargeted: ['debate/maria/b3'],
      unpolarized: [],
    })
  })

  it('says what it set aside once per stance, however many reasons a stance has', () => {
    const counts = { stances: 11, used: 9, unlinked: 1, untargeted: 1, unpolarized: 0 }
    expect(setAsideSentence(counts)).toBe('2 stances set aside: 1 with no source, 1 with no target')
    // One stance with neither a source nor a target is one stance set aside, not two.
    expect(setAsideSentence({ stances: 3, used: 2, unlinked: 1, untargeted: 1, unpolarized: 0 })).toBe(
      '1 stance set aside: 1 with no source, 1 with no target (1 has neither)',
    )
    expect(setAsideSentence({ stances: 1200, used: 0, unlinked: 1100, untargeted: 1050, unpolarized: 0 })).toBe(
      '1,200 stances set aside: 1,100 with no source, 1,050 with no target (950 have neither)',
    )
    expect(setAsideSentence({ stances: 4, used: 4, unlinked: 0, untargeted: 0, unpolarized: 0 })).toBeNull()
  })

  it('normalises by activity (the actor’s stances) or prominence (the target’s stances)', () => {
    // Actors' stances: biden 1, hamas 2, kremlin 4, netanyahu 2; targets': 3 each.
    expect(network({ mode: 'actor-target', normalization: 'activity' }).edges.map((e) => e.weight)).toEqual([
      1, 0.5, 0.5, 0.25, 0.25, 0.5, 0.5, 0.5,
    ])
    expect(network({ mode: 'actor-target', normalization: 'prominence' }).edges.map((e) => e.weight)).toEqual([
      1 / 3,
      1 / 3,
      1 / 3,
      1 / 3,
      1 / 3,
      2 / 3,
      1 / 3,
      1 / 3,
    ])
  })
})

describe('the one-mode congruence network', () => {
  it('ties actors taking the same polarity on the same target (neutral with neutral too)', () => {
    const n = network({ mode: 'congruence' })
    expect(n.directed).toBe(false)
    // ceasefire: kremlin and hamas both favor (1·1); israel: kremlin and biden both neutral (1·1).
    expect(edges(n)).toEqual([
      ['biden', 'kremlin', 1],
      ['hamas', 'kremlin', 1],
    ])
    expect(n.edges[1]).toMatchObject({
      raw: 1,
      signed: null,
      favor: 2,
      against: 0,
      targets: 1,
      statements: ['debate/maria/c1', 'debate/maria/a1'],
    })
    expect(n.nodes.map((x) => [x.key, x.degree])).toEqual([
      ['biden', 1],
      ['hamas', 1],
      ['kremlin', 2],
      ['netanyahu', 0],
    ])
    expect(n.summary.unpolarized).toEqual(['debate/maria/c2'])
  })

  it('normalises by average activity and by Jaccard', () => {
    // average: 1 / ((1 + 4) / 2) = 0.4 for both ties.
    expect(edges(network({ mode: 'congruence', normalization: 'average' })).map((e) => e[2])).toEqual([0.4, 0.4])
    // Jaccard, biden–kremlin: m10 = 0, m01 = 1 + 2 (kremlin's ceasefire and strikes), m11 = 1 → 1 / 4.
    expect(edges(network({ mode: 'congruence', normalization: 'jaccard' })).map((e) => e[2])).toEqual([0.25, 0.25])
  })
})

describe('the one-mode conflict network', () => {
  it('ties actors taking favor and against on the same target, counting stance pairs', () => {
    const n = network({ mode: 'conflict' })
    // ceasefire: netanyahu against, kremlin and hamas favor; strikes: netanyahu favor, kremlin against twice (1·2).
    expect(edges(n)).toEqual([
      ['hamas', 'netanyahu', 1],
      ['kremlin', 'netanyahu', 3],
    ])
    expect(n.edges[1]).toMatchObject({ raw: 3, targets: 2, favor: 2, against: 3, neutral: 0 })
    // Target by target (ceasefire, then strikes), the Kremlin's stances before Netanyahu's.
    expect(n.edges[1]!.statements).toEqual(['debate/maria/a1', 'debate/maria/b1', 'debate/maria/a2', 'debate/maria/a3', 'debate/maria/b2'])
  })

  it('normalises by average activity and by Jaccard', () => {
    // average: hamas–netanyahu 1 / ((1 + 2) / 2); kremlin–netanyahu 3 / ((4 + 2) / 2).
    expect(edges(network({ mode: 'conflict', normalization: 'average' })).map((e) => e[2])).toEqual([2 / 3, 1])
    // Jaccard: no cell (target, polarity) is shared, so the denominator is all their stances: 1 + 2 and 4 + 2.
    expect(edges(network({ mode: 'conflict', normalization: 'jaccard' })).map((e) => e[2])).toEqual([1 / 3, 0.5])
  })
})

describe('edge cases', () => {
  it('makes no self-loops: an actor for and against one target, or repeating a stance, is not tied to itself', () => {
    const text = 'Iran backs Hamas. Iran condemns Hamas. Iran praises Hamas.'
    const layer = discourseLayer({
      document: 'iran',
      annotator: 'maria',
      text,
      marks: [
        source('iran', 'Iran', 'government'),
        stance('s1', 'backs Hamas', 'favor', 'Hamas', 'iran'),
        stance('s2', 'condemns Hamas', 'against', 'Hamas', 'iran'),
        stance('s3', 'praises Hamas', 'favor', 'Hamas', 'iran'),
      ],
    })
    const own = buildStatements({ labels: defaultLabels, layers: [layer] })
    for (const mode of ['congruence', 'conflict'] as const) {
      const n = buildNetwork(own, { mode, normalization: 'jaccard' })
      expect(n.edges).toEqual([])
      expect(n.nodes.map((x) => [x.key, x.degree])).toEqual([['iran', 0]])
    }
  })

  it('leaves out actors with no stance, or keeps them as isolates when asked', () => {
    expect(network({ mode: 'actor-target' }).nodes.some((x) => x.key === 'the un')).toBe(false)
    const withIsolates = network({ mode: 'actor-target', isolates: true })
    expect(withIsolates.nodes.find((x) => x.key === 'the un')).toMatchObject({
      label: 'The UN',
      kind: 'organization',
      degree: 0,
      stances: { total: 0 },
    })
    expect(withIsolates.edges).toHaveLength(8)
  })

  it('filters by layer and date range, and dates each edge by its statements', () => {
    const two = buildStatements({
      labels: defaultLabels,
      layers: [debateLayer('oct', 'maria'), debateLayer('nov', 'maria'), debateLayer('nov', '_reviewed')],
      properties: { oct: { date: '2023-10-10' }, nov: { date: '2023-11-02' } },
    })
    const all = buildNetwork(two, { mode: 'actor-target' })
    expect(all.edges[5]).toMatchObject({ source: 'actor:kremlin', target: 'target:strikes', raw: 6, dates: ['2023-10-10', '2023-11-02'] })
    const reviewed = buildNetwork(two, { mode: 'actor-target', filter: { layers: ['_reviewed'] } })
    expect(reviewed.edges[5]).toMatchObject({ raw: 2, dates: ['2023-11-02'], statements: ['nov/_reviewed/a2', 'nov/_reviewed/a3'] })
    const october = buildNetwork(two, { mode: 'conflict', filter: { to: '2023-10-31' } })
    expect(october.edges.map((e) => e.raw)).toEqual([1, 3])
    // One stance per actor, target and polarity per document: x = 2 (oct and nov) in every cell, so
    // hamas–netanyahu = 2·2 on ceasefire, kremlin–netanyahu = 2·2 on ceasefire + 2·2 on strikes.
    expect(buildNetwork(two, { mode: 'conflict', duplicates: 'document' }).edges.map((e) => e.raw)).toEqual([4, 8])
  })
})
