import { useId, useState } from 'react'
import { messageOf, type ExportOutcome } from '../state/session'
import { useSession, useSessionState } from '../state/use-session'
import { Modal } from './Modal'

type Layer = 'all' | 'mine' | 'reviewed'

/** Export every document's annotations as one CSV file: everyone's layers, the user's own, or the reviewed layer. */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const session = useSession()
  const annotator = useSessionState((s) => s.info?.annotator ?? null)
  const desktop = useSessionState((s) => s.info?.host === 'desktop')
  const [layer, setLayer] = useState<Layer>('all')
  const [bom, setBom] = useState(false)
  const [neutralize, setNeutralize] = useState(true)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<ExportOutcome | null>(null)
  const [error, setError] = useState<string | null>(null)
  const ids = { bom: useId(), formulas: useId(), help: useId() }

  const run = async () => {
    setBusy(true)
    setError(null)
    setDone(null)
    try {
      const outcome = await session.exportCsv({ layer, bom, neutralizeFormulas: neutralize })
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
        <fieldset className="choice">
          <legend>Layers</legend>
          {(
            [
              ['all', 'All layers (everyone + reviewed)'],
              ['mine', annotator ? `Mine only (${annotator})` : 'Mine only'],
              ['reviewed', 'Reviewed layer only'],
            ] as const
          ).map(([value, text]) => (
            <label key={value} className="check">
              <input type="radio" name="layer" value={value} checked={layer === value} disabled={value === 'mine' && !annotator} onChange={() => setLayer(value)} />
              {text}
            </label>
          ))}
        </fieldset>
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
