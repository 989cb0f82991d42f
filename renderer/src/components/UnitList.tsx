import { useCallback, useEffect, useMemo } from 'react'
import { filterUnits, type UnitFilter } from '../state/model/review-model'
import { useSession, useSessionState } from '../state/react/use-session'
import { useWindowRows } from '../state/react/use-window-rows'
import { UNIT_ROW_HEIGHT, UnitRow } from './UnitRow'

/** The review units passing the filter, in text order, windowed; the current one is pressed. */
export function UnitList({ filter }: { filter: UnitFilter }) {
  const session = useSession()
  const model = useSessionState((s) => s.review)
  const current = useSessionState((s) => s.unit)
  const units = useMemo(() => (model ? filterUnits(model, filter) : []), [model, filter])
  const { box, first, last, onScroll, showRow } = useWindowRows(units.length, UNIT_ROW_HEIGHT)
  const choose = useCallback((key: string) => session.reviewing.select(key), [session])

  useEffect(() => {
    if (current !== null) showRow(units.findIndex((u) => u.key === current))
  }, [current, units, showRow])

  const rows = []
  for (let i = first; i < last; i++) {
    const u = units[i]!
    if (!model) break
    rows.push(
      <UnitRow
        key={u.key}
        unit={u}
        quote={model.index.slice(u.start, u.end)}
        decision={model.decisions.get(u.key)}
        selected={u.key === current}
        top={i * UNIT_ROW_HEIGHT}
        onChoose={choose}
      />,
    )
  }
  return (
    <div ref={box} className="annotation-list unit-list" onScroll={onScroll}>
      {model && units.length === 0 ? (
        <p className="empty">{model.units.length === 0 ? 'No annotations to compare in this document.' : 'No unit matches this filter.'}</p>
      ) : (
        <ul style={{ height: units.length * UNIT_ROW_HEIGHT }}>{rows}</ul>
      )}
    </div>
  )
}
