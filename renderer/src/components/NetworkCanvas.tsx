import { useEffect, useRef, useState } from 'react'
import type { ViewNetwork } from '../../../shared/discourse/analysis-view'
import { CHART_COLOURS, type AnalysisSelection } from '../state/model/analysis-model'
import { useScheme } from '../state/react/use-scheme'
import {
  fitTransform,
  layoutNetwork,
  nodeAt,
  placeLabels,
  zoomAt,
  type LaidLink,
  type LaidNode,
  type Layout,
  type Transform,
} from '../state/model/network-layout'

const FONT = '12px system-ui, sans-serif'

/**
 * The network, drawn on a canvas: nodes sized by degree (actors blue, targets pink), ties by
 * weight (two-mode ties coloured by their sign: green favor, red against, grey balanced), labels
 * where they fit without overlapping. The wheel (or + and −) zooms, dragging pans, a click on a
 * node selects it (its ties stand out) and shows its statements. The layout settles a few ticks a
 * frame, starting from where the nodes were before.
 */
export function NetworkCanvas({
  network,
  selection,
  onSelect,
}: {
  network: ViewNetwork
  selection: AnalysisSelection | null
  onSelect: (s: AnalysisSelection | null) => void
}) {
  const box = useRef<HTMLDivElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const layout = useRef<Layout | null>(null)
  const transform = useRef<Transform>({ k: 1, x: 0, y: 0 })
  const fitted = useRef(false)
  const hover = useRef<string | null>(null)
  const size = useRef({ width: 600, height: 400 })
  const frame = useRef(0)
  /** A text's width in FONT, measured once (the same function every draw, so placeLabels keeps its cuts). */
  const measure = useRef<(text: string) => number>(null!)
  measure.current ??= measurer()
  const [hidden, setHidden] = useState(0)
  const selected = selection?.kind === 'actor' || selection?.kind === 'target' ? `${selection.kind}:${selection.key}` : null
  const selectedRef = useRef(selected)
  selectedRef.current = selected
  // The colours of the scheme shown; a change of scheme re-renders, and every render redraws.
  const colours = useRef<(typeof CHART_COLOURS)['light' | 'dark']>(CHART_COLOURS.light)
  colours.current = CHART_COLOURS[useScheme()]

  const draw = () => {
    const c = canvas.current
    const l = layout.current
    if (!c || !l) return
    const ctx = c.getContext('2d')
    if (!ctx) return
    const ratio = window.devicePixelRatio || 1
    const { width, height } = size.current
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
    ctx.clearRect(0, 0, width, height)
    const t = transform.current
    const palette = colours.current
    const focus = selectedRef.current ?? hover.current
    const near = new Set<string>()
    if (focus)
      for (const link of l.links)
        if (end(link.source) === focus || end(link.target) === focus) near.add(end(link.source)).add(end(link.target))
    const maxWeight = Math.max(1e-9, ...l.links.map((x) => x.weight))
    for (const link of l.links) {
      const a = link.source as LaidNode
      const b = link.target as LaidNode
      const lit = focus !== null && (a.id === focus || b.id === focus)
      ctx.globalAlpha = focus === null ? 0.55 : lit ? 0.9 : 0.12
      ctx.strokeStyle =
        link.signed === null
          ? palette.tie
          : link.signed > 0
            ? palette.polarity.favor
            : link.signed < 0
              ? palette.polarity.against
              : palette.polarity.neutral
      ctx.lineWidth = 0.8 + 4 * (link.weight / maxWeight)
      ctx.beginPath()
      ctx.moveTo(a.x * t.k + t.x, a.y * t.k + t.y)
      ctx.lineTo(b.x * t.k + t.x, b.y * t.k + t.y)
      ctx.stroke()
    }
    for (const n of l.nodes) {
      ctx.globalAlpha = focus === null || near.has(n.id) || n.id === focus ? 1 : 0.3
      ctx.fillStyle = n.mode === 'actor' ? palette.actor : palette.target
      ctx.beginPath()
      ctx.arc(n.x * t.k + t.x, n.y * t.k + t.y, Math.max(2.5, n.r * Math.sqrt(t.k)), 0, Math.PI * 2)
      ctx.fill()
      if (n.id === focus) {
        ctx.lineWidth = 3
        ctx.strokeStyle = palette.ink
        ctx.stroke()
      }
    }
    ctx.globalAlpha = 1
    ctx.font = FONT
    const always = new Set([focus, ...near].filter((x): x is string => x !== null))
    // Long names are cut with an ellipsis (whole in the node list, and on the canvas when the node
    // is hovered or selected); the focused node's label comes first, then its neighbours', then
    // the best-connected nodes', each where it covers no other label.
    const labels = placeLabels(
      l.nodes.map((n) => ({ ...n, r: Math.max(2.5, n.r * Math.sqrt(t.k)) / t.k })),
      t,
      { width, height, line: 14 },
      measure.current,
      new Set(focus === null ? [] : [focus]),
      { prefer: near, maxWidth: Math.min(160, Math.max(72, width / 5)) },
    )
    // The selected and hovered nodes' labels last, on top of their neighbours'.
    for (const p of labels.toReversed()) {
      ctx.fillStyle = palette.labelBack
      ctx.fillRect(p.x - 2, p.y, p.width + 4, 14)
      ctx.fillStyle = focus === null || always.has(p.node.id) ? palette.ink : palette.faded
      ctx.fillText(p.text, p.x, p.y + 11)
    }
  }

  // A new network: lay it out from where its nodes were, and let it settle.
  useEffect(() => {
    const before = new Map((layout.current?.nodes ?? []).map((n) => [n.id, { x: n.x, y: n.y }]))
    layout.current?.simulation.stop()
    const area = box.current?.getBoundingClientRect()
    const l = layoutNetwork(network, before, area && area.height > 0 ? area.width / area.height : 1)
    layout.current = l
    setHidden(l.hidden)
    // Until the user zooms or pans, the view follows the layout as it settles.
    fitted.current = false
    const step = () => {
      const started = performance.now()
      while (performance.now() - started < 8 && l.simulation.alpha() > 0.02) l.simulation.tick()
      if (!fitted.current) transform.current = fitTransform(l.nodes, size.current.width, size.current.height)
      draw()
      if (l.simulation.alpha() > 0.02) frame.current = requestAnimationFrame(step)
    }
    cancelAnimationFrame(frame.current)
    frame.current = requestAnimationFrame(step)
    return () => cancelAnimationFrame(frame.current)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- draw reads refs only
  }, [network])

  useEffect(() => draw())

  // Size the canvas to its box, sharp on high-density screens.
  useEffect(() => {
    const el = box.current
    const c = canvas.current
    if (!el || !c) return
    const observer = new ResizeObserver(() => {
      const { width, height } = el.getBoundingClientRect()
      size.current = { width, height }
      const ratio = window.devicePixelRatio || 1
      c.width = Math.round(width * ratio)
      c.height = Math.round(height * ratio)
      if (layout.current && !fitted.current) transform.current = fitTransform(layout.current.nodes, width, height)
      draw()
    })
    observer.observe(el)
    return () => observer.disconnect()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- draw reads refs only
  }, [])

  const point = (e: { clientX: number; clientY: number }) => {
    const r = canvas.current!.getBoundingClientRect()
    return { x: e.clientX - r.left, y: e.clientY - r.top }
  }
  const zoom = (factor: number, at?: { x: number; y: number }) => {
    const p = at ?? { x: size.current.width / 2, y: size.current.height / 2 }
    transform.current = zoomAt(transform.current, factor, p.x, p.y)
    fitted.current = true
    draw()
  }
  const drag = useRef<{ x: number; y: number; t: Transform; moved: boolean } | null>(null)

  return (
    <div className="network-stage">
      <div className="network-box" ref={box}>
        <canvas
          ref={canvas}
          className="network-canvas"
          role="img"
          aria-label={`Network of ${network.all.nodes} nodes and ${network.all.edges} ties; the list beside it names them`}
          onWheel={(e) => zoom(Math.exp(-e.deltaY * 0.0015), point(e))}
          onPointerDown={(e) => {
            const p = point(e)
            drag.current = { ...p, t: transform.current, moved: false }
            canvas.current?.setPointerCapture(e.pointerId)
          }}
          onPointerMove={(e) => {
            const p = point(e)
            const d = drag.current
            if (d) {
              if (Math.abs(p.x - d.x) + Math.abs(p.y - d.y) > 3) d.moved = true
              if (d.moved) {
                transform.current = { ...d.t, x: d.t.x + p.x - d.x, y: d.t.y + p.y - d.y }
                fitted.current = true
                draw()
              }
              return
            }
            const over = layout.current ? nodeAt(layout.current.nodes, transform.current, p.x, p.y) : null
            if ((over?.id ?? null) !== hover.current) {
              hover.current = over?.id ?? null
              canvas.current!.style.cursor = over ? 'pointer' : 'grab'
              draw()
            }
          }}
          onPointerUp={(e) => {
            const d = drag.current
            drag.current = null
            if (d?.moved || !layout.current) return
            const p = point(e)
            const n = nodeAt(layout.current.nodes, transform.current, p.x, p.y)
            onSelect(n ? { kind: n.mode, key: n.key, label: n.label } : null)
          }}
        />
        <div className="network-zoom" role="group" aria-label="Zoom">
          <button type="button" className="small" aria-label="Zoom in" onClick={() => zoom(1.4)}>
            +
          </button>
          <button type="button" className="small" aria-label="Zoom out" onClick={() => zoom(1 / 1.4)}>
            −
          </button>
          <button
            type="button"
            className="small"
            onClick={() => {
              if (layout.current) transform.current = fitTransform(layout.current.nodes, size.current.width, size.current.height)
              draw()
            }}
          >
            Fit
          </button>
        </div>
      </div>
      {hidden > 0 && (
        <p className="help">
          The {network.all.nodes - hidden} best-connected of {network.all.nodes} nodes are drawn; the GraphML and GEXF exports hold them
          all.
        </p>
      )}
    </div>
  )
}

function end(n: LaidLink['source']): string {
  return typeof n === 'string' ? n : n.id
}

/** A text's width in pixels in FONT, each text measured once. */
function measurer(): (text: string) => number {
  const ctx = document.createElement('canvas').getContext('2d')
  const widths = new Map<string, number>()
  return (text) => {
    let w = widths.get(text)
    if (w === undefined) {
      if (widths.size > 5000) widths.clear()
      if (ctx) ctx.font = FONT
      widths.set(text, (w = ctx ? ctx.measureText(text).width : 7 * text.length))
    }
    return w
  }
}
