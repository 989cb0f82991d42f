import { useCallback, useLayoutEffect, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react'
import { useSession, useSessionState } from '../state/react/use-session'

/** Where a handle sits in the scroller's content (pixels), and how tall the line it marks is. */
interface Place {
  left: number
  top: number
  height: number
}

/**
 * The two ends of the selected highlight, drawn as handles to drag with the pointer: dropping one
 * moves that end of the annotation there (snapped to words when Whole words is on), as one undo
 * step. The keyboard does the same with Alt(+Shift)+arrows, so the handles are for the pointer
 * only and hidden from assistive technology.
 */
export function BoundaryHandles({ scroller }: { scroller: RefObject<HTMLDivElement | null> }) {
  const session = useSession()
  const selectedId = useSessionState((s) => s.selectedId)
  const version = useSessionState((s) => s.layer?.version ?? 0)
  const readOnly = useSessionState((s) => s.doc?.readOnly ?? null)
  // Measured for one annotation as drawn at one layer version; shown only while that is current.
  const [places, setPlaces] = useState<{ id: string; version: number; start: Place; end: Place } | null>(null)
  const [drag, setDrag] = useState<{ end: 'start' | 'end'; at: Place } | null>(null)

  const measure = useCallback(
    (id: string, drawn: number) => {
      const box = scroller.current
      const parts = box?.querySelectorAll<HTMLElement>('.ProseMirror .mg-selected')
      if (!box || !parts || parts.length === 0) return setPlaces(null)
      const frame = box.getBoundingClientRect()
      const first = parts[0]!.getClientRects()[0]
      const lastRects = parts[parts.length - 1]!.getClientRects()
      const last = lastRects[lastRects.length - 1]
      if (!first || !last) return setPlaces(null)
      const place = (r: DOMRect, x: number): Place => ({
        left: x - frame.left + box.scrollLeft,
        top: r.top - frame.top + box.scrollTop,
        height: r.height,
      })
      setPlaces({ id, version: drawn, start: place(first, first.left), end: place(last, last.right) })
    },
    [scroller],
  )

  useLayoutEffect(() => {
    if (!selectedId || readOnly) return
    // The highlight is redrawn in the same frame as the selection changes: measure after it.
    const again = () => measure(selectedId, version)
    const frame = requestAnimationFrame(again)
    addEventListener('resize', again)
    return () => {
      cancelAnimationFrame(frame)
      removeEventListener('resize', again)
    }
  }, [selectedId, version, readOnly, measure])

  if (!places || !selectedId || readOnly || places.id !== selectedId || places.version !== version) return null
  const start = (end: 'start' | 'end') => (e: ReactPointerEvent<HTMLDivElement>) => {
    e.preventDefault()
    e.currentTarget.setPointerCapture(e.pointerId)
    setDrag({ end, at: places[end] })
  }
  const move = (e: ReactPointerEvent<HTMLDivElement>) => {
    const box = scroller.current
    if (!drag || !box) return
    const frame = box.getBoundingClientRect()
    setDrag({
      ...drag,
      at: { ...drag.at, left: e.clientX - frame.left + box.scrollLeft, top: e.clientY - frame.top + box.scrollTop - drag.at.height / 2 },
    })
  }
  const drop = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!drag) return
    const offset = session.work.surface?.offsetAt(e.clientX, e.clientY) ?? null
    setDrag(null)
    if (offset !== null) session.commands.setBoundary(selectedId, drag.end, offset)
  }
  return (
    <>
      {(['start', 'end'] as const).map((end) => {
        const at = drag?.end === end ? drag.at : places[end]
        return (
          <div
            key={end}
            className={`boundary-handle boundary-${end}${drag?.end === end ? ' dragging' : ''}`}
            aria-hidden="true"
            data-testid={`boundary-${end}`}
            title={end === 'start' ? 'Drag to move the start (Alt+arrows)' : 'Drag to move the end (Alt+Shift+arrows)'}
            style={{ left: at.left, top: at.top, height: at.height }}
            onPointerDown={start(end)}
            onPointerMove={move}
            onPointerUp={drop}
            onPointerCancel={() => setDrag(null)}
          />
        )
      })}
    </>
  )
}
