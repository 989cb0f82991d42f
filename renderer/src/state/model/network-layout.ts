/**
 * Where the network view puts its nodes: a force-directed layout (d3-force: links pull tied
 * actors and targets together, every node pushes the others away, nothing overlaps), kept warm
 * between filters so nodes that stay keep their place; and the geometry the drawing needs,
 * pure: zooming about a point, finding the node under the pointer, and which labels fit without
 * overlapping. Big networks are cut to their best-connected nodes (MAX_NODES; the host sends no
 * more) so the view stays fluid; the exports always hold the whole network.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type Simulation } from 'd3-force'
import { DRAWN_NODES, bestConnected, type ViewNetwork } from '../../../../shared/discourse/analysis-view'

/** The most nodes drawn (the host's DRAWN_NODES); the rest of the network's are counted in `hidden`. */
export const MAX_NODES = DRAWN_NODES

/** A node as laid out. */
export interface LaidNode {
  id: string
  key: string
  label: string
  mode: 'actor' | 'target'
  kind: string
  degree: number
  stances: number
  /** Radius in layout units, by degree. */
  r: number
  x: number
  y: number
  vx?: number
  vy?: number
  fx?: number | null
  fy?: number | null
  index?: number
}

/** A tie as laid out (ends resolved to nodes by d3-force). */
export interface LaidLink {
  id: string
  source: LaidNode | string
  target: LaidNode | string
  weight: number
  /** Two-mode: favor − against (for the colour); null one-mode. */
  signed: number | null
}

/** A pan and zoom: screen = world × k + (x, y). */
export interface Transform {
  k: number
  x: number
  y: number
}

/** The layout of one network: nodes, links, and how many nodes were left out. */
export interface Layout {
  nodes: LaidNode[]
  links: LaidLink[]
  hidden: number
  simulation: Simulation<LaidNode, LaidLink>
}

/** A node's radius by degree: 4 for an isolate, growing with the square root of the degree. */
export function radiusOf(degree: number, maxDegree: number): number {
  return 4 + 14 * Math.sqrt(degree / Math.max(1, maxDegree))
}

/**
 * Lay a network out, starting each node where it was before (by id) when it was there; the
 * simulation is stopped: the caller ticks it (a few ticks a frame) until it settles.
 */
export function layoutNetwork(network: ViewNetwork, before: ReadonlyMap<string, { x: number; y: number }> = new Map()): Layout {
  const kept = bestConnected(network.nodes, MAX_NODES)
  const keptIds = new Set(kept.map((n) => n.id))
  const maxDegree = Math.max(1, ...kept.map((n) => n.degree))
  const nodes: LaidNode[] = kept.map((n, i) => {
    const at = before.get(n.id)
    // New nodes start on a spiral (deterministic, so the same network always looks the same).
    const angle = i * 2.399963
    const radius = 12 * Math.sqrt(i + 1)
    return {
      id: n.id,
      key: n.key,
      label: n.label,
      mode: n.mode,
      kind: n.kind,
      degree: n.degree,
      stances: n.stances.total,
      r: radiusOf(n.degree, maxDegree),
      x: at ? at.x : radius * Math.cos(angle),
      y: at ? at.y : radius * Math.sin(angle),
    }
  })
  const links: LaidLink[] = network.edges
    .filter((e) => keptIds.has(e.source) && keptIds.has(e.target))
    .map((e) => ({ id: e.id, source: e.source, target: e.target, weight: e.weight, signed: e.signed }))
  const maxWeight = Math.max(1e-9, ...links.map((l) => l.weight))
  const simulation = forceSimulation<LaidNode, LaidLink>(nodes)
    .force(
      'link',
      forceLink<LaidNode, LaidLink>(links)
        .id((n) => n.id)
        .distance(60)
        .strength((l) => 0.2 + 0.5 * (l.weight / maxWeight)),
    )
    .force('charge', forceManyBody<LaidNode>().strength(-160).distanceMax(600))
    .force(
      'collide',
      forceCollide<LaidNode>((n) => n.r + 6),
    )
    .force('x', forceX<LaidNode>(0).strength(0.04))
    .force('y', forceY<LaidNode>(0).strength(0.04))
    .stop()
  if (before.size > 0 && nodes.every((n) => before.has(n.id))) simulation.alpha(0.15)
  return { nodes, links, hidden: network.all.nodes - kept.length, simulation }
}

/** The transform that shows every node inside a width × height box, with a margin. */
export function fitTransform(nodes: readonly LaidNode[], width: number, height: number, margin = 40): Transform {
  if (nodes.length === 0 || width <= 0 || height <= 0) return { k: 1, x: width / 2, y: height / 2 }
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const n of nodes) {
    x0 = Math.min(x0, n.x - n.r)
    y0 = Math.min(y0, n.y - n.r)
    x1 = Math.max(x1, n.x + n.r)
    y1 = Math.max(y1, n.y + n.r)
  }
  const k = Math.min(2, (width - 2 * margin) / Math.max(1, x1 - x0), (height - 2 * margin) / Math.max(1, y1 - y0))
  return { k, x: width / 2 - ((x0 + x1) / 2) * k, y: height / 2 - ((y0 + y1) / 2) * k }
}

/** Zoom by `factor` keeping the point (px, py) on screen where it is; the scale stays within 0.05–20. */
export function zoomAt(t: Transform, factor: number, px: number, py: number): Transform {
  const k = Math.min(20, Math.max(0.05, t.k * factor))
  const f = k / t.k
  return { k, x: px - (px - t.x) * f, y: py - (py - t.y) * f }
}

/** The node under the screen point (px, py), the topmost (last drawn) first, with a few pixels to spare. */
export function nodeAt(nodes: readonly LaidNode[], t: Transform, px: number, py: number): LaidNode | null {
  const wx = (px - t.x) / t.k
  const wy = (py - t.y) / t.k
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i]!
    const reach = n.r + 4 / t.k
    if ((n.x - wx) ** 2 + (n.y - wy) ** 2 <= reach * reach) return n
  }
  return null
}

/** A label placed on screen. */
export interface PlacedLabel {
  node: LaidNode
  x: number
  y: number
  width: number
}

/**
 * Which labels to draw: those of `always` (the selected and hovered nodes) first, then by degree,
 * each placed right of its node where it overlaps no label already placed and lies on screen.
 * `measure` gives a text's width in pixels.
 */
export function placeLabels(
  nodes: readonly LaidNode[],
  t: Transform,
  size: { width: number; height: number; line: number },
  measure: (text: string) => number,
  always: ReadonlySet<string> = new Set(),
): PlacedLabel[] {
  const order = [...nodes].sort(
    (a, b) => Number(always.has(b.id)) - Number(always.has(a.id)) || b.degree - a.degree || b.stances - a.stances,
  )
  const placed: PlacedLabel[] = []
  for (const node of order) {
    const sx = node.x * t.k + t.x
    const sy = node.y * t.k + t.y
    const x = sx + node.r * t.k + 4
    const y = sy - size.line / 2
    const width = measure(node.label)
    if (!always.has(node.id) && (x > size.width || x + width < 0 || y > size.height || y + size.line < 0)) continue
    const clash = placed.some((p) => x < p.x + p.width + 4 && p.x < x + width + 4 && y < p.y + size.line && p.y < y + size.line)
    if (clash && !always.has(node.id)) continue
    placed.push({ node, x, y, width })
    if (placed.length >= 200) break
  }
  return placed
}
