import { useCallback, useLayoutEffect, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react'
import { useSession, useSessionState } from '../state/react/use-session'

/** Where a handle sits in the scroller's content (pixels), and how tall the line it marks is. */
interface Place {
  left: number
  top: number
  height: number
}

/**
 * The two ends of the selected highlight (or, with no annotation selected, of the picked
 * suggestion), drawn as handles to drag with the pointer: dropping one moves that end there
 * (snapped to words when Whole words is on): for an annotation as one undo step, for a suggestion
 * before it is accepted. The keyboard does the same with Alt(+Shift)+arrows, so the handles are for
 * the pointer only and hidden from assistive technology.
 */
export function BoundaryHandles({ scroller }: { scroller: RefObject<HTMLDivElement | null> }) {
  const session = useSession()
  const selectedId = useSessionState((s) => s.selectedId)
  const version = useSessionState((s) => s.layer?.version ?? 0)
  const readOnly = useSessionState((s) => s.doc?.readOnly ?? null)
  // The picked suggestion and its boundaries as drawn (they change when its ends are moved).
  const picked = useSessionState((s) => {
    const g = s.suggest
    if (selectedId !== null || !g || g.document !== s.doc?.id || g.current === null) return null
    const edit = g.edits[g.current]
    return `${g.current}@${edit ? `${edit.start}-${edit.end}` : ''}`
  })
  // What the handles are on: the selected annotation at one layer version, or the picked suggestion.
  const target = selectedId !== null ? `annotation:${selectedId}:${version}` : picked !== null ? `suggestion:${picked}:${version}` : null
  // Measured for one target as drawn; shown only while that is current.
  const [places, setPlaces] = useState<{ target: string; start: Place; end: Place } | null>(null)
  const [drag, setDrag] = useState<{ end: 'start' | 'end'; at: Place } | null>(null)

  const measure = useCallback(
    (drawn: string) => {
      const box = scroller.current
      const selector = drawn.startsWith('annotation:') ? '.ProseMirror .mg-selected' : '.ProseMirror .mg-suggestion-current'
      const parts = box?.querySelectorAll<HTMLElement>(selector)
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
      setPlaces({ target: drawn, start: place(first, first.left), end: place(last, last.right) })
    },
    [scroller],
  )

  useLayoutEffect(() => {
    if (!target || readOnly) return
    // The highlight is redrawn in the same frame as the selection changes: measure after it.
    const again = () => measure(target)
    const frame = requestAnimationFrame(again)
    addEventListener('resize', again)
    return () => {
      cancelAnimationFrame(frame)
      removeEventListener('resize', again)
    }
  }, [target, readOnly, measure])

  if (!places || !target || readOnly || places.target !== target) return null
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
    if (offset === null) return
    if (selectedId !== null) session.commands.setBoundary(selectedId, drag.end, offset)
    else session.suggesting.setBoundary(drag.end, offset)
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
