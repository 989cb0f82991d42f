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

/** How much of a label's estimated width (in pixels, at most 160) widens its node's collision radius. */
export const LABEL_ROOM = 0.12

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
    // Room for a node and some of its label (labels are cut to about 160 px; 6.5 px a character
    // is an estimate), so a crowd leaves space to name more of its nodes.
    .force(
      'collide',
      forceCollide<LaidNode>((n) => n.r + 6 + LABEL_ROOM * Math.min(160, 6.5 * n.label.length)),
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

/** A label placed on screen: `text` is the node's label, or its start and an ellipsis when that is too wide. */
export interface PlacedLabel {
  node: LaidNode
  text: string
  x: number
  y: number
  width: number
}

const ELLIPSIS = '\u2026'
/** Text whose every character is a grapheme of its own (Latin, Greek and Cyrillic with no combining marks), split without Intl.Segmenter, which is slow. */
const SIMPLE = /^[\x20-\x7e\xa0-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027]*$/
const graphemes = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null

/**
 * `text` if `measure` gives it at most `maxWidth` pixels, else its longest start (whole graphemes,
 * trailing spaces and punctuation dropped) that fits with an ellipsis after it; at least one
 * grapheme and the ellipsis.
 */
export function shortenLabel(text: string, maxWidth: number, measure: (text: string) => number): string {
  if (measure(text) <= maxWidth) return text
  // Cuts are kept per measure (a caller that keeps its measure, as the canvas does, cuts each label once).
  let cuts = shortened.get(measure)
  if (!cuts) shortened.set(measure, (cuts = new Map()))
  const key = `${maxWidth}\u0000${text}`
  let cut = cuts.get(key)
  if (cut === undefined) {
    if (cuts.size > 5000) cuts.clear()
    cuts.set(key, (cut = cutToWidth(text, maxWidth, measure)))
  }
  return cut
}

const shortened = new WeakMap<(text: string) => number, Map<string, string>>()

function cutToWidth(text: string, maxWidth: number, measure: (text: string) => number): string {
  // Only the start that can fit is split into graphemes (splitting is slow): up to the first code
  // unit whose start is too wide, found by bisection; its last grapheme may be cut, so is dropped.
  let [lo, hi] = [1, text.length]
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (measure(text.slice(0, mid)) > maxWidth) hi = mid
    else lo = mid + 1
  }
  const head = text.slice(0, lo + 1)
  const split = (s: string) => (graphemes && !SIMPLE.test(s) ? Array.from(graphemes.segment(s), (g) => g.segment) : Array.from(s))
  let parts = split(head)
  if (head.length < text.length && parts.length > 1) parts = parts.slice(0, -1)
  const cut = (n: number) => {
    const start = parts.slice(0, n).join('')
    return (start.replace(/[\s\p{P}]+$/u, '') || start) + ELLIPSIS
  }
  // The most graphemes that fit, by bisection: cut(lo) fits (or is one grapheme), cut(hi + 1) does not.
  ;[lo, hi] = [1, head.length < text.length ? parts.length : parts.length - 1]
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (measure(cut(mid)) <= maxWidth) lo = mid
    else hi = mid - 1
  }
  return cut(lo)
}

/**
 * Which labels to draw, and where: a greedy placement in priority order — the nodes of `always`
 * (the selected or hovered node) first, then those of `prefer` (its neighbours), then by degree,
 * stances and id. Each label is cut to `maxWidth` pixels with an ellipsis (`always`'s to the
 * canvas's width: the focused node shows its whole name) and put right of its node, or else left
 * of it, below or above, wherever it lies on screen and covers neither a label already placed nor
 * another node; failing that, the same cut shorter (about half as wide). A hub (degree 2 or more)
 * with no such place may cover one node, never a label; any other label with no place is left out,
 * but a node of `always` is labelled right of it all the same. No two placed labels overlap, and
 * the same input gives the same labels. `measure` gives a text's width in pixels; a node's radius
 * on screen is r × k.
 */
export function placeLabels(
  nodes: readonly LaidNode[],
  t: Transform,
  size: { width: number; height: number; line: number },
  measure: (text: string) => number,
  always: ReadonlySet<string> = new Set(),
  options: { prefer?: ReadonlySet<string>; maxWidth?: number } = {},
): PlacedLabel[] {
  const prefer = options.prefer ?? new Set<string>()
  const maxWidth = options.maxWidth ?? Infinity
  const rank = (n: LaidNode) => (always.has(n.id) ? 2 : prefer.has(n.id) ? 1 : 0)
  const order = [...nodes].sort(
    (a, b) => rank(b) - rank(a) || b.degree - a.degree || b.stances - a.stances || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
  // The nodes on screen, in a grid of CELL-pixel squares (each in every cell its disc touches), so
  // a label box is checked against the nodes near it only.
  const CELL = 48
  const grid = new Map<number, { id: string; x: number; y: number; r: number }[]>()
  const cellKey = (cx: number, cy: number) => cx * 65536 + cy
  for (const n of nodes) {
    const d = { id: n.id, x: n.x * t.k + t.x, y: n.y * t.k + t.y, r: n.r * t.k + 1 }
    if (d.x + d.r < 0 || d.y + d.r < 0 || d.x - d.r > size.width || d.y - d.r > size.height) continue
    for (let cx = Math.floor((d.x - d.r) / CELL); cx <= Math.floor((d.x + d.r) / CELL); cx++)
      for (let cy = Math.floor((d.y - d.r) / CELL); cy <= Math.floor((d.y + d.r) / CELL); cy++) {
        const cell = grid.get(cellKey(cx, cy))
        if (cell) cell.push(d)
        else grid.set(cellKey(cx, cy), [d])
      }
  }
  const placed: PlacedLabel[] = []
  const line = size.line
  /** How many nodes but its own a label box at (x, y) covers (counting stops past `most`). */
  const covered = (id: string, x: number, y: number, width: number, most: number) => {
    const seen: string[] = []
    for (let cx = Math.floor(x / CELL); cx <= Math.floor((x + width) / CELL); cx++)
      for (let cy = Math.floor(y / CELL); cy <= Math.floor((y + line) / CELL); cy++)
        for (const d of grid.get(cellKey(cx, cy)) ?? []) {
          if (d.id === id || seen.includes(d.id)) continue
          // The distance from the disc's centre to the nearest point of the box.
          const dx = Math.max(x - d.x, 0, d.x - (x + width))
          const dy = Math.max(y - d.y, 0, d.y - (y + line))
          if (dx * dx + dy * dy < d.r * d.r) {
            seen.push(d.id)
            if (seen.length > most) return seen.length
          }
        }
    return seen.length
  }
  /** Whether a label box at (x, y) lies on screen, clear of the placed labels and covering at most `most` other nodes. */
  const free = (id: string, x: number, y: number, width: number, most: number) =>
    x >= 0 &&
    x + width <= size.width &&
    y >= 0 &&
    y + line <= size.height &&
    !placed.some((p) => x < p.x + p.width + 4 && p.x < x + width + 4 && y < p.y + line && p.y < y + line) &&
    covered(id, x, y, width, most) <= most
  const spots = (sx: number, sy: number, r: number, width: number): [number, number][] => [
    [sx + r + 4, sy - line / 2],
    [sx - r - 4 - width, sy - line / 2],
    [sx - width / 2, sy + r + 2],
    [sx - width / 2, sy - r - 2 - line],
  ]
  for (const node of order) {
    const sx = node.x * t.k + t.x
    const sy = node.y * t.k + t.y
    const r = node.r * t.k
    const chosen = always.has(node.id)
    const long = shortenLabel(node.label, chosen ? Math.max(maxWidth, size.width - 8) : maxWidth, measure)
    let short: string | null | undefined
    const tries = function* () {
      yield long
      // The shorter cut only when needed (it is the costly part).
      if (chosen) return
      short ??= shortenLabel(node.label, Math.max(48, Math.min(maxWidth, measure(long)) * 0.55), measure)
      if (short !== long && short.length > 2) yield short
    }
    let spot: PlacedLabel | undefined
    // Clear of every other node, at full length, then shorter; a hub (tied twice or more) in a
    // crowd may then cover one node rather than go unnamed; never another label.
    for (const most of node.degree >= 2 ? [0, 1] : [0]) {
      for (const text of tries()) {
        const width = measure(text)
        const at = spots(sx, sy, r, width).find(([x, y]) => free(node.id, x, y, width, most))
        if (at) {
          spot = { node, text, x: at[0], y: at[1], width }
          break
        }
      }
      if (spot) break
    }
    if (!spot && chosen) {
      const width = measure(long)
      const [x, y] = spots(sx, sy, r, width)[0]!
      spot = { node, text: long, x, y, width }
    }
    if (spot) placed.push(spot)
    if (placed.length >= 200) break
  }
  return placed
}
