import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useSession, useSessionState } from '../state/use-session'
import { AnnotationRow, ROW_HEIGHT } from './AnnotationRow'
const OVERSCAN = 6

/**
 * The document's annotations in text order. Only the rows in view (and a few around them) are in
 * the page, so a document with thousands of annotations scrolls and updates as fast as one with
 * ten; rows are memoised and re-render only when their own annotation changes.
 */
export function AnnotationList() {
  const session = useSession()
  const layer = useSessionState((s) => s.layer)
  const selectedId = useSessionState((s) => s.selectedId)
  const labels = useSessionState((s) => s.info?.project?.labels)
  const box = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [height, setHeight] = useState(400)
  const choose = useCallback((id: string) => session.commands.select(id, true), [session])

  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    const observer = new ResizeObserver(() => setHeight(el.clientHeight))
    observer.observe(el)
    setHeight(el.clientHeight)
    return () => observer.disconnect()
  }, [])

  // Keep the selected annotation's row in view when it is selected from the text.
  const order = layer?.order
  useEffect(() => {
    const el = box.current
    if (!el || selectedId === null || !order) return
    const i = order.findIndex((a) => a.id === selectedId)
    if (i < 0) return
    const top = i * ROW_HEIGHT
    if (top < el.scrollTop) el.scrollTop = top
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight
  }, [selectedId, order])

  const rows = []
  const total = layer?.order.length ?? 0
  if (layer && labels) {
    const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN)
    const last = Math.min(total, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN)
    for (let i = first; i < last; i++) {
      const a = layer.order[i]!
      const link = layer.attribution.get(a.id)
      rows.push(
        <AnnotationRow
          key={a.id}
          annotation={a}
          source={link ? layer.byId.get(link.to) : undefined}
          label={labels.find((l) => l.id === a.label)}
          selected={a.id === selectedId}
          top={i * ROW_HEIGHT}
          onChoose={choose}
        />,
      )
    }
  }
  return (
    <div ref={box} className="annotation-list" onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      {layer && total === 0 ? (
        <p className="empty">No annotations yet. Select text, then press 1, 2 or 3 (or click a label above).</p>
      ) : (
        <ul style={{ height: total * ROW_HEIGHT }}>{rows}</ul>
      )}
    </div>
  )
}
