import { memo } from 'react'
import type { Decision } from '../../../shared/model/review'
import type { ReviewUnit } from '../../../shared/review/units'
import { truncate } from '../state/model/describe'
import { kindName } from '../state/model/review-model'

/** Height of one unit row in pixels (fixed, so the list can be windowed). */
export const UNIT_ROW_HEIGHT = 58

interface UnitRowProps {
  unit: ReviewUnit
  /** The unit's text. */
  quote: string
  decision: Decision | undefined
  selected: boolean
  /** The list's one Tab stop (roving tabindex): the current unit, or the first when it is not listed. */
  tabbable: boolean
  /** Its place in the list, from 1, and the list's length (only some rows are in the page). */
  position: number
  count: number
  top: number
  onChoose: (key: string) => void
}

const SETTLED: Record<Decision['action'], string> = { accepted: 'Accepted', edited: 'Edited', rejected: 'Rejected' }

/** One review unit in the list: its kind, whether it is settled, and its text. */
export const UnitRow = memo(function UnitRow({ unit, quote, decision, selected, tabbable, position, count, top, onChoose }: UnitRowProps) {
  return (
    <li
      className="unit-row"
      style={{ transform: `translateY(${top}px)`, height: UNIT_ROW_HEIGHT }}
      aria-posinset={position}
      aria-setsize={count}
    >
      <button
        type="button"
        className={decision ? 'row-button unit-button settled' : 'row-button unit-button'}
        aria-pressed={selected}
        tabIndex={tabbable ? 0 : -1}
        data-unit={unit.key}
        onClick={() => onChoose(unit.key)}
      >
        <span className="row-label">
          <span className={`kind-badge kind-${unit.kind}`}>{kindName(unit)}</span>
          <span className={decision ? 'unit-status done' : 'unit-status'}>{decision ? `✓ ${SETTLED[decision.action]}` : 'Open'}</span>
        </span>
        <span className="row-quote" dir="auto">
          {truncate(quote, 140)}
        </span>
      </button>
    </li>
  )
})
