import { useEffect, useId, useRef, useState } from 'react'
import type { ExportFormat, ExportTable } from '../../../shared/api'
import { isBaseIri } from '../../../shared/interchange/iris'
import {
  FORMAT_OPTIONS,
  TABLE_OPTIONS,
  choosesContent,
  chosenDocuments,
  exportedSentence,
  hasSpreadsheetOptions,
} from '../state/model/export-formats'
import { messageOf, type ExportOutcome } from '../state/controllers/session'
import { useSession, useSessionState } from '../state/react/use-session'
import { ExportDocumentChoice } from './ExportDocumentChoice'
import { ExportLayerChoice, type ExportLayer } from './ExportLayerChoice'
import { HintedChoice } from './HintedChoice'
import { Modal } from './Modal'

/**
 * Export annotations as one file: a format (CSV, JSON Lines, W3C Web Annotation, brat, or the
 * whole project as a zip), which layers, all documents or some, and for CSV the spreadsheet
 * options. Says what was written and what the format could not carry (the export's warnings).
 */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const session = useSession()
  const annotator = useSessionState((s) => s.info?.annotator ?? null)
  const desktop = useSessionState((s) => s.info?.host === 'desktop')
  const documents = useSessionState((s) => s.documents)
  const openId = useSessionState((s) => s.doc?.id ?? null)
  const [format, setFormat] = useState<ExportFormat>('csv')
  const [layer, setLayer] = useState<ExportLayer>('all')
  const [table, setTable] = useState<ExportTable>('spans')
  const [some, setSome] = useState(false)
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(openId ? [openId] : []))
  const [bom, setBom] = useState(false)
  const [neutralize, setNeutralize] = useState(true)
  const [base, setBase] = useState('')
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<{ outcome: ExportOutcome; format: ExportFormat; table: ExportTable } | null>(null)
  const [error, setError] = useState<string | null>(null)
  // The dialog may be taller than the window: what the export did (or why it failed) is brought into view.
  const outcomeRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (done || error) outcomeRef.current?.scrollIntoView({ block: 'nearest' })
  }, [done, error])
  const ids = { bom: useId(), formulas: useId(), help: useId(), base: useId(), baseHelp: useId() }
  const picked = chosenDocuments(documents, some && choosesContent(format), chosen)
  const nothingPicked = picked !== null && picked.length === 0
  const givenBase = format === 'w3c' ? base.trim() : ''
  const badBase = givenBase !== '' && !isBaseIri(givenBase)
  const delimited = hasSpreadsheetOptions(format)

  const run = async () => {
    setBusy(true)
    setError(null)
    setDone(null)
    try {
      const outcome = await session.exportAnnotations({
        format,
        layer,
        documents: picked,
        bom,
        neutralizeFormulas: neutralize,
        base: givenBase || null,
        table: delimited ? table : 'spans',
      })
      if (outcome) setDone({ outcome, format, table: delimited ? table : 'spans' })
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal title="Export annotations" onClose={onClose}>
      <form
        className="stack export-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (!nothingPicked && !badBase) void run()
        }}
      >
        <HintedChoice legend="Format" className="choice export-formats" options={FORMAT_OPTIONS} value={format} onChange={setFormat} />
        {delimited && <HintedChoice legend="Table" options={TABLE_OPTIONS} value={table} onChange={setTable} />}
        {choosesContent(format) ? (
          <>
            <ExportLayerChoice value={layer} annotator={annotator} onChange={setLayer} />
            <ExportDocumentChoice documents={documents} some={some} chosen={chosen} onSome={setSome} onChosen={setChosen} />
          </>
        ) : (
          <p className="help">
            The archive holds the whole project folder: every text, every layer (the reviewed one too) and the labels. Unzip it and open the
            folder.
          </p>
        )}
        {delimited && (
          <div className="stack tight">
            <div className="check">
              <input id={ids.bom} type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} />
              <label htmlFor={ids.bom}>Add a byte order mark (for Excel)</label>
            </div>
            <div className="check">
              <input
                id={ids.formulas}
                type="checkbox"
                checked={neutralize}
                aria-describedby={ids.help}
                onChange={(e) => setNeutralize(e.target.checked)}
              />
              <label htmlFor={ids.formulas}>Protect against spreadsheet formulas</label>
            </div>
            <p id={ids.help} className="help">
              Cells starting with = + - or @ get a leading apostrophe, so a spreadsheet shows them instead of running them.
            </p>
          </div>
        )}
        {format === 'w3c' && (
          <div className="stack tight">
            <label htmlFor={ids.base}>Base address (optional)</label>
            <input
              id={ids.base}
              type="url"
              value={base}
              placeholder="https://example.org/corpus/"
              aria-describedby={ids.baseHelp}
              aria-invalid={badBase}
              onChange={(e) => setBase(e.target.value)}
            />
            <p id={ids.baseHelp} className={badBase ? 'error' : 'help'}>
              {badBase
                ? 'Give an address starting with http:// or https://, or leave it empty.'
                : 'Where you will publish the project: every annotation and text is named under it. Left empty, they get stable names of their own (urn:marginalia:…).'}
            </p>
          </div>
        )}
        <div ref={outcomeRef} className="export-outcome">
          <p className="result" aria-live="polite">
            {done && exportedSentence(done.outcome.file, done.format, done.outcome.where, desktop, done.table)}
          </p>
          {done && done.outcome.file.warnings.length > 0 && (
            <div className="export-warnings" role="note" aria-label="Export warnings">
              <p>What this format could not carry exactly:</p>
              <ul>
                {done.outcome.file.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            </div>
          )}
          {nothingPicked && <p className="error">Choose at least one document, or export all of them.</p>}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="actions">
          <button type="button" onClick={onClose}>
            {done ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="primary" disabled={busy || nothingPicked || badBase}>
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </form>
    </Modal>
  )
}
