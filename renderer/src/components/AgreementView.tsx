import { useEffect, useId, useRef, useState } from 'react'
import { messageOf } from '../state/model/errors'
import { saveTextFile } from '../state/controllers/save-file'
import { useAgreementReport } from '../state/react/use-agreement'
import { useSession, useSessionState } from '../state/react/use-session'
import { AgreementFigures } from './AgreementFigures'

/**
 * The Agreement view: for the project or one document, between the chosen annotators, every
 * agreement figure a reviewer reads at a glance, with the report exported as CSV (a long table)
 * or JSON.
 */
export function AgreementView() {
  const session = useSession()
  const annotators = useSessionState((s) => s.annotators)
  const documents = useSessionState((s) => s.documents)
  const host = useSessionState((s) => s.info?.host)
  const [picked, setPicked] = useState<string[] | null>(null)
  const [scope, setScope] = useState<string>('project')
  const [exported, setExported] = useState<string | null>(null)
  const [exportError, setExportError] = useState<string | null>(null)
  const revision = useSessionState((s) => s.diskRevision)
  const { report, error, loading, reload } = useAgreementReport(picked, revision)
  const ids = { scope: useId() }

  useEffect(() => {
    if (annotators === null) void session.mode.loadAnnotators()
  }, [session, annotators])

  const names = annotators?.map((a) => a.annotator) ?? []
  const chosen = picked ?? names
  const toggle = (name: string) => {
    const next = chosen.includes(name) ? chosen.filter((n) => n !== name) : names.filter((n) => n === name || chosen.includes(n))
    setPicked(next.length === names.length ? null : next)
  }
  const tooFew = chosen.length < 2
  const download = async (format: 'csv' | 'json') => {
    setExported(null)
    setExportError(null)
    try {
      const file = await session.client.call('agreement.export', {
        annotators: picked,
        document: scope === 'project' ? null : scope,
        format,
      })
      const where = await saveTextFile(
        session.client,
        host,
        file.filename,
        file.content,
        format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json',
      )
      if (where) setExported(`Saved ${format.toUpperCase()} ${host === 'desktop' ? 'to' : 'as'} ${where}.`)
    } catch (e) {
      setExportError(messageOf(e))
    }
  }
  const shown = report && (scope === 'project' ? report.project : report.documents.find((d) => d.scope === scope))
  // A document opened from "By document" is shown from its title, with the keyboard there (the
  // link that opened it is gone with the project's figures).
  const body = useRef<HTMLDivElement>(null)
  const open = (next: string) => {
    setScope(next)
    requestAnimationFrame(() => {
      body.current?.scrollTo({ top: 0 })
      body.current?.querySelector<HTMLElement>('.agreement-title')?.focus({ preventScroll: true })
    })
  }

  return (
    <main className="agreement" aria-label="Agreement" aria-busy={loading}>
      <div className="toolbar agreement-toolbar" role="toolbar" aria-label="Agreement">
        <label htmlFor={ids.scope}>Scope</label>
        <select id={ids.scope} value={scope} onChange={(e) => setScope(e.target.value)}>
          <option value="project">Whole project ({documents.length} documents)</option>
          {documents.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
        <fieldset className="legend" aria-label="Annotators compared">
          {names.map((n) => (
            <label key={n} className="legend-item">
              <input
                type="checkbox"
                checked={chosen.includes(n)}
                disabled={chosen.includes(n) && chosen.length <= 2}
                onChange={() => toggle(n)}
              />
              {n}
            </label>
          ))}
        </fieldset>
        <span className="toolbar-gap" />
        {/* Busy, not disabled, while it calculates: a disabled button would drop the keyboard's focus to the page. */}
        <button type="button" className="quiet" onClick={() => !loading && reload()} aria-busy={loading}>
          Recalculate
        </button>
        <button
          type="button"
          disabled={!report || tooFew}
          onClick={() => void download('csv')}
          title="Every figure as a long table: scope, label, metric, annotator_a, annotator_b, value, n"
        >
          Export agreement CSV
        </button>
        <button
          type="button"
          disabled={!report || tooFew}
          onClick={() => void download('json')}
          title="The whole report as JSON, confusion matrices included"
        >
          Export agreement JSON
        </button>
      </div>
      {(exported || exportError) && (
        <p className={exportError ? 'hint hint-error' : 'hint'} role="status">
          {exportError ?? exported}
        </p>
      )}
      <div className="agreement-body" ref={body}>
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : !report ? (
          <p className="help">Calculating agreement…</p>
        ) : !shown ? (
          <p className="help">No figures for this document.</p>
        ) : (
          <AgreementFigures report={report} scope={shown} onOpen={open} />
        )}
      </div>
    </main>
  )
}
