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
 * Lay a network out, starting each node where it was before (by id) when it was there, for a box
 * `aspect` times as wide as it is high; the simulation is stopped: the caller ticks it (a few ticks
 * a frame) until it settles.
 */
export function layoutNetwork(network: ViewNetwork, before: ReadonlyMap<string, { x: number; y: number }> = new Map(), aspect = 1): Layout {
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
  const stretch = Math.min(3, Math.max(1 / 3, Number.isFinite(aspect) && aspect > 0 ? aspect : 1))
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
    // The pull to the middle, weaker along the box's long side: a wide box gets a wide network.
    .force('x', forceX<LaidNode>(0).strength(0.04 / Math.sqrt(stretch)))
    .force('y', forceY<LaidNode>(0).strength(0.04 * Math.sqrt(stretch)))
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
 * Which labels to draw: those of `always` (the selected and hovered nodes) first, then by degree.
 * Each is put right of its node, or else left of it, below or above, wherever it lies on screen and
 * covers neither a label already placed nor another node; a hub (degree 2 or more) with no such
 * place may cover a node, never a label; any other label with no place is left out (one of
 * `always` is then drawn right of its node all the same). `measure` gives a text's width in
 * pixels; a node's radius on screen is r × k.
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
  const discs = nodes.map((n) => ({ id: n.id, x: n.x * t.k + t.x, y: n.y * t.k + t.y, r: n.r * t.k }))
  const placed: PlacedLabel[] = []
  const line = size.line
  /** Whether a label box at (x, y) lies on screen and clear of the placed labels and (`clearOfNodes`) of every node but its own. */
  const free = (id: string, x: number, y: number, width: number, clearOfNodes: boolean) =>
    x >= 0 &&
    x + width <= size.width &&
    y >= 0 &&
    y + line <= size.height &&
    !placed.some((p) => x < p.x + p.width + 4 && p.x < x + width + 4 && y < p.y + line && p.y < y + line) &&
    !(
      clearOfNodes &&
      discs.some((d) => {
        if (d.id === id) return false
        // The distance from the disc's centre to the nearest point of the box.
        const dx = Math.max(x - d.x, 0, d.x - (x + width))
        const dy = Math.max(y - d.y, 0, d.y - (y + line))
        return dx * dx + dy * dy < (d.r + 1) ** 2
      })
    )
  for (const node of order) {
    const sx = node.x * t.k + t.x
    const sy = node.y * t.k + t.y
    const r = node.r * t.k
    const width = measure(node.label)
    const candidates: [number, number][] = [
      [sx + r + 4, sy - line / 2],
      [sx - r - 4 - width, sy - line / 2],
      [sx - width / 2, sy + r + 2],
      [sx - width / 2, sy - r - 2 - line],
    ]
    // A hub (tied twice or more) in a crowd may cover a node rather than go unnamed; never another label.
    const spot =
      candidates.find(([x, y]) => free(node.id, x, y, width, true)) ??
      (node.degree >= 2 ? candidates.find(([x, y]) => free(node.id, x, y, width, false)) : undefined)
    if (spot) placed.push({ node, x: spot[0], y: spot[1], width })
    else if (always.has(node.id)) placed.push({ node, x: candidates[0]![0], y: candidates[0]![1], width })
    if (placed.length >= 200) break
  }
  return placed
}
