import { useSession, useSessionState } from '../state/use-session'

/** What the last import did: the texts that came in, and each refused file with the reason. */
export function ImportReport() {
  const session = useSession()
  const report = useSessionState((s) => s.imported)
  if (!report || (report.errors.length === 0 && report.imported.length === 0)) return null
  const n = report.imported.length
  return (
    <div className={report.errors.length ? 'report report-error' : 'report'}>
      {n > 0 && (
        <p aria-live="polite">
          Imported {n} text{n === 1 ? '' : 's'}: {report.imported.join(', ')}.
        </p>
      )}
      {report.errors.length > 0 && (
        <div role="alert">
          <p>
            {report.errors.length === 1 ? 'One file was not imported:' : `${report.errors.length} files were not imported:`}
          </p>
          <ul>
            {report.errors.map((e, i) => (
              <li key={i}>{e.message.startsWith(e.name) ? e.message : `${e.name}: ${e.message}`}</li>
            ))}
          </ul>
        </div>
      )}
      <button type="button" className="small quiet" onClick={() => session.dismissImport()}>
        Dismiss
      </button>
    </div>
  )
}
