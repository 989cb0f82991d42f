import { useId, useState } from 'react'
import { UNIT_KINDS, type UnitKind } from '../../../shared/review/units'
import { openCounts, type UnitFilter } from '../state/model/review-model'
import { useSession, useSessionState } from '../state/react/use-session'
import { SidePanel } from './SidePanel'
import { UnitList } from './UnitList'
import { plural } from '../../../shared/plural'

const KIND_OPTIONS: Record<UnitKind, string> = {
  'label-differs': 'Label differs',
  'boundaries-differ': 'Boundaries differ',
  'attributes-differ': 'Attributes differ',
  'only-some': 'Only some marked it',
  agreed: 'Agreed',
}

/** The right column in review mode: progress, Accept all agreed, the filter and the units (or the memos, or the guidelines). */
export function ReviewPanel() {
  const session = useSession()
  const model = useSessionState((s) => s.review)
  const stale = useSessionState((s) => s.stale !== null)
  const [filter, setFilter] = useState<UnitFilter>({ kind: 'all', showAgreed: false, showSettled: true })
  const ids = { kind: useId(), progress: useId() }
  const settled = model?.reviewed.settled ?? 0
  const total = model?.reviewed.total ?? 0
  const open = model ? openCounts(model) : { disagreements: 0, agreed: 0 }
  return (
    <SidePanel name="Units" label="Review units" className="annotations review-units">
      <div className="review-summary">
        <h2 className="pane-title">
          Review units <span className="count">{total}</span>
        </h2>
        <p className="progress-line">
          <label htmlFor={ids.progress} data-testid="review-progress">
            {settled} / {total} settled
          </label>
          <progress id={ids.progress} max={Math.max(total, 1)} value={settled} />
        </p>
        <p className="help">
          {plural(open.disagreements, 'open disagreement')}, {plural(open.agreed, 'agreed unit')} to accept.
        </p>
        <button
          type="button"
          disabled={!model || open.agreed === 0 || stale}
          onClick={() => session.reviewing.acceptAgreed()}
          title="Accept every agreed unit not yet settled, in one step"
        >
          Accept all agreed
        </button>
      </div>
      <div className="unit-filter">
        <div className="field-row">
          <label htmlFor={ids.kind}>Show</label>
          <select id={ids.kind} value={filter.kind} onChange={(e) => setFilter({ ...filter, kind: e.target.value as UnitFilter['kind'] })}>
            <option value="all">Every kind</option>
            {UNIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_OPTIONS[k]}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={filter.showAgreed}
            disabled={filter.kind !== 'all'}
            onChange={(e) => setFilter({ ...filter, showAgreed: e.target.checked })}
          />
          Agreed units
        </label>
        <label className="check">
          <input type="checkbox" checked={filter.showSettled} onChange={(e) => setFilter({ ...filter, showSettled: e.target.checked })} />
          Settled units
        </label>
      </div>
      <UnitList filter={filter} />
    </SidePanel>
  )
}
