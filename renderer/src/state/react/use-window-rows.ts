/**
 * Windowing for long lists of fixed-height rows: only the rows in view (and a few around them)
 * are rendered, so a list of thousands scrolls and updates as fast as one of ten. The hook
 * tracks the scroller's height and scroll position, and can bring a row into view. It never
 * reads the scroller's geometry right after a render (that would lay out the whole page, text view
 * included, before the frame does): heights come from a ResizeObserver, the scroll position from
 * scroll events, and bringing a row into view waits for the next frame.
 */
import { useCallback, useLayoutEffect, useRef, useState, type RefObject, type UIEvent } from 'react'

const OVERSCAN = 6

/** The rows to render and what the scroller needs. */
export interface WindowRows {
  box: RefObject<HTMLDivElement | null>
  /** First and last (exclusive) row to render. */
  first: number
  last: number
  onScroll: (e: UIEvent<HTMLDivElement>) => void
  /** Scroll just enough to show row `i`. */
  showRow: (i: number) => void
}

/** Window `total` rows of `rowHeight` pixels. */
export function useWindowRows(total: number, rowHeight: number): WindowRows {
  const box = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  // The tallest the scroller has been: rows are kept for it, so a list that shrinks and grows back
  // as a panel above it comes and goes (the annotation editor, on every tag and delete) keeps its
  // rows instead of making and laying out new ones each time.
  const [tallest, setTallest] = useState(400)
  // The last known scroll position and height, for showRow (kept without reading the DOM).
  const known = useRef({ scrollTop: 0, height: 400 })
  const frame = useRef(0)

  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    const observer = new ResizeObserver((entries) => {
      const h = entries[entries.length - 1]?.contentBoxSize?.[0]?.blockSize ?? el.clientHeight
      known.current.height = h
      setTallest((t) => Math.max(t, h))
    })
    observer.observe(el)
    return () => {
      observer.disconnect()
      cancelAnimationFrame(frame.current)
    }
  }, [])

  const showRow = useCallback(
    (i: number) => {
      if (!box.current || i < 0) return
      const top = i * rowHeight
      const { scrollTop: at, height: h } = known.current
      let next: number | null = null
      if (top < at) next = top
      else if (top + rowHeight > at + h) next = top + rowHeight - h
      if (next === null) return
      const to = next
      known.current.scrollTop = to
      cancelAnimationFrame(frame.current)
      // Written in the next frame, where the layout it needs is done anyway.
      frame.current = requestAnimationFrame(() => {
        if (box.current) box.current.scrollTop = to
      })
    },
    [rowHeight],
  )

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN)
  const last = Math.min(total, Math.ceil((scrollTop + tallest) / rowHeight) + OVERSCAN)
  return {
    box,
    first,
    last,
    onScroll: (e) => {
      known.current.scrollTop = e.currentTarget.scrollTop
      setScrollTop(known.current.scrollTop)
    },
    showRow,
  }
}
