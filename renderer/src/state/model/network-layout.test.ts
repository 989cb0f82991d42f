import { describe, expect, it } from 'vitest'
import type { ViewNetwork } from '../../../../shared/discourse/analysis-view'
import { MAX_NODES, fitTransform, layoutNetwork, nodeAt, placeLabels, shortenLabel, zoomAt } from './network-layout'

function network(actors: number, targets: number, ties: [number, number][]): ViewNetwork {
  const stances = { favor: 1, against: 0, neutral: 0, unset: 0, total: 1 }
  const node = (mode: 'actor' | 'target', i: number) => ({
    id: `${mode}:${mode}${i}`,
    key: `${mode}${i}`,
    label: `${mode === 'actor' ? 'Actor' : 'Target'} ${i}`,
    mode,
    kind: '',
    degree: ties.filter(([a, t]) => (mode === 'actor' ? a : t) === i).length,
    stances,
  })
  return {
    mode: 'actor-target',
    normalization: 'none',
    directed: true,
    nodes: [...Array.from({ length: actors }, (_, i) => node('actor', i)), ...Array.from({ length: targets }, (_, i) => node('target', i))],
    all: { nodes: actors + targets, edges: ties.length },
    edges: ties.map(([a, t], i) => ({
      id: `e${i}`,
      source: `actor:actor${a}`,
      target: `target:target${t}`,
      weight: 1,
      raw: 1,
      signed: 1,
      favor: 1,
      against: 0,
      neutral: 0,
      unset: 0,
      targets: 1,
    })),
    stances: ties.length,
    used: ties.length,
    unlinked: 0,
    untargeted: 0,
    unpolarized: 0,
  }
}

describe('the network layout', () => {
  it('settles tied nodes closer than untied ones, sizes them by degree, and keeps positions it had', () => {
    const n = network(3, 2, [
      [0, 0],
      [1, 0],
      [2, 1],
    ])
    const layout = layoutNetwork(n)
    for (let i = 0; i < 300; i++) layout.simulation.tick()
    const at = new Map(layout.nodes.map((x) => [x.id, x]))
    const d = (a: string, b: string) => Math.hypot(at.get(a)!.x - at.get(b)!.x, at.get(a)!.y - at.get(b)!.y)
    expect(d('actor:actor0', 'target:target0')).toBeLessThan(d('actor:actor0', 'target:target1'))
    expect(at.get('target:target0')!.r).toBeGreaterThan(at.get('target:target1')!.r)
    const again = layoutNetwork(n, new Map(layout.nodes.map((x) => [x.id, { x: x.x, y: x.y }])))
    expect(again.nodes.map((x) => [x.x, x.y])).toEqual(layout.nodes.map((x) => [x.x, x.y]))
  })

  it('draws at most MAX_NODES, the best connected, and counts the others', () => {
    const ties: [number, number][] = Array.from({ length: 50 }, (_, i) => [i, 0])
    const layout = layoutNetwork(network(MAX_NODES + 50, 1, ties))
    expect(layout.nodes).toHaveLength(MAX_NODES)
    expect(layout.hidden).toBe(51)
    expect(layout.nodes[0]!.id).toBe('target:target0')
    expect(layout.links).toHaveLength(50)
  })

  it('zooms about the pointer, finds the node under it, and fits every node in the box', () => {
    const t = zoomAt({ k: 1, x: 0, y: 0 }, 2, 100, 50)
    expect(t).toEqual({ k: 2, x: -100, y: -50 })
    const nodes = [{ id: 'a', key: 'a', label: 'A', mode: 'actor' as const, kind: '', degree: 1, stances: 1, r: 5, x: 10, y: 10 }]
    expect(nodeAt(nodes, t, 10 * 2 - 100 + 3, 10 * 2 - 50)?.id).toBe('a')
    expect(nodeAt(nodes, t, 200, 200)).toBeNull()
    const fit = fitTransform([...nodes, { ...nodes[0]!, id: 'b', x: 110, y: 60 }], 400, 300)
    for (const [x, y] of [
      [10, 10],
      [110, 60],
    ]) {
      expect(x! * fit.k + fit.x).toBeGreaterThan(0)
      expect(x! * fit.k + fit.x).toBeLessThan(400)
      expect(y! * fit.k + fit.y).toBeGreaterThan(0)
      expect(y! * fit.k + fit.y).toBeLessThan(300)
    }
  })

  it('places labels that overlap neither each other nor (but a hub’s, in a crowd) another node, the selected node’s first', () => {
    const mk = (id: string, x: number, degree: number, y = 0) => ({
      id,
      key: id,
      label: `Label ${id}`,
      mode: 'actor' as const,
      kind: '',
      degree,
      stances: 1,
      r: 4,
      x,
      y,
    })
    const size = { width: 600, height: 200, line: 14 }
    const measure = (s: string) => s.length * 7
    const clear = (placed: ReturnType<typeof placeLabels>, nodes: ReturnType<typeof mk>[], t: { k: number; x: number; y: number }) => {
      for (const p of placed) {
        expect(p.x).toBeGreaterThanOrEqual(0)
        expect(p.x + p.width).toBeLessThanOrEqual(size.width)
        for (const q of placed)
          if (q !== p) expect(p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + 14 && q.y < p.y + 14).toBe(false)
        // A hub's label may cover a node when it has no other place; a leaf's never does.
        for (const n of p.node.degree >= 2 ? [] : nodes) {
          if (n.id === p.node.id) continue
          const [cx, cy] = [n.x * t.k + t.x, n.y * t.k + t.y]
          const dx = Math.max(p.x - cx, 0, cx - (p.x + p.width))
          const dy = Math.max(p.y - cy, 0, cy - (p.y + 14))
          expect(dx * dx + dy * dy).toBeGreaterThanOrEqual((n.r * t.k) ** 2)
        }
      }
    }
    // b sits right of a: a's label goes to its left instead of over b.
    const nodes = [mk('a', 0, 3), mk('b', 5, 2), mk('c', 300, 1)]
    const t = { k: 1, x: 100, y: 100 }
    const placed = placeLabels(nodes, t, size, measure)
    expect(placed.map((p) => p.node.id)).toEqual(['a', 'b', 'c'])
    expect(placed[0]!.x + placed[0]!.width).toBeLessThan(100)
    clear(placed, nodes, t)
    const chosen = placeLabels(nodes, t, size, measure, new Set(['b']))
    expect(chosen.map((p) => p.node.id)).toEqual(['b', 'a', 'c'])
    clear(chosen, nodes, t)
    // Hemmed in at the left edge (no room left, above or below on a short canvas), a leaf's label
    // is left out rather than drawn over its neighbour; chosen, it is drawn all the same; a hub's
    // is drawn right of it, over the neighbour.
    const edge = { k: 1, x: 10, y: 7 }
    const leaves = [mk('a', 0, 1), mk('b', 5, 1), mk('c', 300, 1)]
    expect(placeLabels(leaves, edge, size, measure).map((p) => p.node.id)).toEqual(['b', 'c'])
    expect(placeLabels(leaves, edge, size, measure, new Set(['a'])).map((p) => p.node.id)).toEqual(['a', 'c'])
    const hub = placeLabels(nodes, edge, size, measure)
    expect(hub.map((p) => p.node.id)).toEqual(['a', 'c'])
    expect(hub[0]!.x).toBeGreaterThan(10)
    // A crowd: every label drawn is clear of the others and of every other node.
    const crowd = Array.from({ length: 60 }, (_, i) => mk(`n${i}`, (i * 37) % 220, (i * 7) % 5, (i * 53) % 150))
    const crowded = placeLabels(crowd, { k: 1.5, x: 40, y: 20 }, { width: 400, height: 260, line: 14 }, measure)
    expect(crowded.length).toBeGreaterThan(5)
    expect(crowded.some((p) => p.node.degree < 2)).toBe(true)
    clear(crowded, crowd, { k: 1.5, x: 40, y: 20 })
  })

  it('cuts a long label with an ellipsis to fit, on whole graphemes, and places labels apart, the same every time', () => {
    const measure = (s: string) => Array.from(s).length * 7
    expect(shortenLabel('Sergey Lavrov', 200, measure)).toBe('Sergey Lavrov')
    const long = 'The Israeli Institute for Strategic and Security Studies, Middle East desk'
    const cut = shortenLabel(long, 140, measure)
    expect(cut).toBe('The Israeli Institu…')
    expect(measure(cut)).toBeLessThanOrEqual(140)
    // No half of a surrogate pair or of a combining sequence is left before the ellipsis.
    expect(shortenLabel('Zoe\u0301 Nguye\u0302\u0303n 😀😀😀 spokeswoman', 56, measure)).toBe('Zoe\u0301 Ng…')

    // A crowd of nodes with long names: no two label boxes overlap, long ones are cut, and a
    // second run gives the same labels in the same places.
    const nodes = Array.from({ length: 120 }, (_, i) => ({
      id: `n${i}`,
      key: `n${i}`,
      label: i % 3 === 0 ? `${long} ${i}` : `Actor ${i}`,
      mode: 'actor' as const,
      kind: '',
      degree: (i * 7) % 11,
      stances: 1,
      r: 3 + ((i * 5) % 7),
      x: (i * 97) % 700,
      y: (i * 61) % 480,
    }))
    const place = () =>
      placeLabels(nodes, { k: 1, x: 10, y: 10 }, { width: 720, height: 500, line: 14 }, measure, new Set(['n3']), {
        prefer: new Set(['n6']),
        maxWidth: 120,
      })
    const placed = place()
    expect(placed.length).toBeGreaterThan(20)
    for (const p of placed)
      for (const q of placed)
        if (q !== p) expect(p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + 14 && q.y < p.y + 14).toBe(false)
    const cutOnes = placed.filter((p) => p.node.label.startsWith('The Israeli') && p.node.id !== 'n3')
    expect(cutOnes.length).toBeGreaterThan(0)
    for (const p of cutOnes) {
      expect(p.text.endsWith('…')).toBe(true)
      expect(p.width).toBeLessThanOrEqual(120)
    }
    // The focused node comes first, whole; its neighbour next.
    expect(placed[0]!.node.id).toBe('n3')
    expect(placed[0]!.text).toBe(`${long} 3`)
    expect(placed.slice(1).some((p) => p.node.id === 'n6')).toBe(true)
    expect(place()).toEqual(placed)
  })
})
