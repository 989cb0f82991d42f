import { useLayoutEffect, useRef, useState, type ReactNode } from 'react'

/**
 * A figures table that may be wider than the window (one column per attribute, long document
 * titles): it scrolls sideways on its own, so the page never does; while it does, it takes the
 * keyboard focus, so its hidden columns can be scrolled to without a mouse.
 */
export function FiguresScroll({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null)
  const [wide, setWide] = useState(false)
  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    const check = () => setWide(el.scrollWidth > el.clientWidth)
    check()
    const observer = new ResizeObserver(check)
    observer.observe(el)
    if (el.firstElementChild) observer.observe(el.firstElementChild)
    return () => observer.disconnect()
  }, [])
  return (
    <div ref={box} className="figures-scroll" tabIndex={wide ? 0 : undefined}>
      {children}
    </div>
  )
}
