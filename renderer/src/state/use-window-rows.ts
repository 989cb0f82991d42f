/**
 * Windowing for long lists of fixed-height rows: only the rows in view (and a few around them)
 * are rendered, so a list of thousands scrolls and updates as fast as one of ten. The hook
 * tracks the scroller's height and scroll position, and can bring a row into view.
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
  const [height, setHeight] = useState(400)

  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    const observer = new ResizeObserver(() => setHeight(el.clientHeight))
    observer.observe(el)
    setHeight(el.clientHeight)
    return () => observer.disconnect()
  }, [])

  const showRow = useCallback(
    (i: number) => {
      const el = box.current
      if (!el || i < 0) return
      const top = i * rowHeight
      if (top < el.scrollTop) el.scrollTop = top
      else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight
    },
    [rowHeight],
  )

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN)
  const last = Math.min(total, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN)
  return { box, first, last, onScroll: (e) => setScrollTop(e.currentTarget.scrollTop), showRow }
}
