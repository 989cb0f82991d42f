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
  top: number
  onChoose: (key: string) => void
}

const SETTLED: Record<Decision['action'], string> = { accepted: 'Accepted', edited: 'Edited', rejected: 'Rejected' }

/** One review unit in the list: its kind, whether it is settled, and its text. */
export const UnitRow = memo(function UnitRow({ unit, quote, decision, selected, top, onChoose }: UnitRowProps) {
  return (
    <li className="unit-row" style={{ transform: `translateY(${top}px)`, height: UNIT_ROW_HEIGHT }}>
      <button
        type="button"
        className={decision ? 'row-button unit-button settled' : 'row-button unit-button'}
        aria-pressed={selected}
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
