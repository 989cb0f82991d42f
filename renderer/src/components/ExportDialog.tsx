import { useId, useState } from 'react'
import { messageOf, type ExportOutcome } from '../state/session'
import { useSession, useSessionState } from '../state/use-session'
import { Modal } from './Modal'

/** Export every document's annotations as one CSV file. */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const session = useSession()
  const annotator = useSessionState((s) => s.info?.annotator ?? null)
  const desktop = useSessionState((s) => s.info?.host === 'desktop')
  const [who, setWho] = useState<'all' | 'me'>('all')
  const [bom, setBom] = useState(false)
  const [neutralize, setNeutralize] = useState(true)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<ExportOutcome | null>(null)
  const [error, setError] = useState<string | null>(null)
  const ids = { who: useId(), bom: useId(), formulas: useId(), help: useId() }

  const run = async () => {
    setBusy(true)
    setError(null)
    setDone(null)
    try {
      const outcome = await session.exportCsv({ layer: who === 'me' ? 'mine' : 'all', bom, neutralizeFormulas: neutralize })
      if (outcome) setDone(outcome)
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal title="Export CSV" onClose={onClose}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault()
          void run()
        }}
      >
        <div className="field-row">
          <label htmlFor={ids.who}>Annotations of</label>
          <select id={ids.who} value={who} onChange={(e) => setWho(e.target.value as 'all' | 'me')}>
            <option value="all">All annotators</option>
            {annotator && <option value="me">{annotator} only</option>}
          </select>
        </div>
        <div className="check">
          <input id={ids.bom} type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} />
          <label htmlFor={ids.bom}>Add a byte order mark (for Excel)</label>
        </div>
        <div className="check">
          <input id={ids.formulas} type="checkbox" checked={neutralize} aria-describedby={ids.help} onChange={(e) => setNeutralize(e.target.checked)} />
          <label htmlFor={ids.formulas}>Protect against spreadsheet formulas</label>
        </div>
        <p id={ids.help} className="help">
          Cells starting with = + - or @ get a leading apostrophe, so a spreadsheet shows them instead of running them.
        </p>
        <p className="result" aria-live="polite">
          {done && `Exported ${done.rows} row${done.rows === 1 ? '' : 's'} ${desktop ? 'to' : 'as'} ${done.where}.`}
        </p>
        {error && <p className="error">{error}</p>}
        <div className="actions">
          <button type="button" onClick={onClose}>
            {done ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </form>
    </Modal>
  )
}
