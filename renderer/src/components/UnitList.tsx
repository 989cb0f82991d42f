import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from 'react'
import { filterUnits, type UnitFilter } from '../state/model/review-model'
import { useSession, useSessionState } from '../state/react/use-session'
import { useWindowRows } from '../state/react/use-window-rows'
import { UNIT_ROW_HEIGHT, UnitRow } from './UnitRow'

/**
 * The review units passing the filter, in text order, windowed; the current one is pressed.
 * The list is one Tab stop (a roving tabindex): the current unit's row, or the first row when the
 * current unit is not listed. In the list ↑ and ↓ choose the previous and next unit, Home and End
 * the first and last, Page Up and Page Down a page away; choosing is a click's (the text shows the
 * unit), and the focus goes with it. Review's own keys (n, p, 1–9, x, e, r) work there as anywhere.
 */
export function UnitList({ filter }: { filter: UnitFilter }) {
  const session = useSession()
  const model = useSessionState((s) => s.review)
  const current = useSessionState((s) => s.unit)
  const units = useMemo(() => (model ? filterUnits(model, filter) : []), [model, filter])
  const { box, first, last, onScroll, showRow } = useWindowRows(units.length, UNIT_ROW_HEIGHT)
  const choose = useCallback((key: string) => session.reviewing.select(key), [session])
  const at = useMemo(() => (current === null ? -1 : units.findIndex((u) => u.key === current)), [current, units])
  const stop = at >= 0 ? at : 0

  useEffect(() => {
    if (current !== null) showRow(units.findIndex((u) => u.key === current))
  }, [current, units, showRow])

  // The focus follows the current unit while it is in the list (arrow keys, and n / p or a
  // decision made from the list, which go on to another unit), and stays in the list when its row
  // goes (settled with settled units hidden): it is on the Tab stop's row, never on a row gone by.
  const focusedRow = useRef<HTMLElement | null>(null)
  useEffect(() => {
    const list = box.current
    if (!list) return
    const active = document.activeElement
    const gone = focusedRow.current
    const lost = gone !== null && !gone.isConnected && (active === null || active === document.body)
    const inRows = active instanceof HTMLElement && active.classList.contains('unit-button') && list.contains(active)
    if (!lost && !inRows) return
    const row = list.querySelector<HTMLElement>('.unit-button[tabindex="0"]')
    if (row === active) return
    // Scrolling is showRow's, in the next frame.
    if (row) row.focus({ preventScroll: true })
    else if (lost) list.focus({ preventScroll: true })
  })

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || units.length === 0) return
    const from = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('.unit-button') : null
    const i = from ? units.findIndex((u) => u.key === from.dataset.unit) : -1
    if (i < 0) return
    const page = Math.max(1, Math.floor((box.current?.clientHeight ?? 0) / UNIT_ROW_HEIGHT) - 1)
    const moves: Record<string, number> = {
      ArrowDown: i + 1,
      ArrowUp: i - 1,
      Home: 0,
      End: units.length - 1,
      PageDown: i + page,
      PageUp: i - page,
    }
    const to = moves[e.key]
    if (to === undefined) return
    // Held at the ends, as a list box is (the page does not scroll instead).
    e.preventDefault()
    const next = Math.min(units.length - 1, Math.max(0, to))
    if (next !== i || units[next]!.key !== current) choose(units[next]!.key)
  }

  // The rows in view, and the Tab stop's wherever it is (so Tab can always reach the list), in
  // list order: rows kept from one render to the next never move in the page, which would drop the focus.
  const shown: number[] = []
  if (stop < first && stop < units.length) shown.push(stop)
  for (let i = first; i < last; i++) shown.push(i)
  if (stop >= last && stop < units.length) shown.push(stop)
  const rows = []
  for (const i of shown) {
    const u = units[i]!
    if (!model) break
    rows.push(
      <UnitRow
        key={u.key}
        unit={u}
        quote={model.index.slice(u.start, u.end)}
        decision={model.decisions.get(u.key)}
        selected={u.key === current}
        tabbable={i === stop}
        position={i + 1}
        count={units.length}
        top={i * UNIT_ROW_HEIGHT}
        onChoose={choose}
      />,
    )
  }
  return (
    <div
      ref={box}
      className="annotation-list unit-list"
      tabIndex={-1}
      onScroll={onScroll}
      onFocus={(e) => (focusedRow.current = e.target.classList.contains('unit-button') ? e.target : null)}
      onBlur={(e) => {
        // Focus moved on (not a row taken away under it): nothing to put back.
        if (e.relatedTarget !== null) focusedRow.current = null
      }}
    >
      {model && units.length === 0 ? (
        <p className="empty">{model.units.length === 0 ? 'No annotations to compare in this document.' : 'No unit matches this filter.'}</p>
      ) : (
        <ul style={{ height: units.length * UNIT_ROW_HEIGHT }} onKeyDown={onKeyDown}>
          {rows}
        </ul>
      )}
    </div>
  )
}
