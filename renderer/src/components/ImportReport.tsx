import {
  duplicatesHeading,
  encodingSentence,
  importedSentence,
  problemLine,
  progressSentence,
  refusedHeading,
  skippedSentence,
} from '../state/model/import-summary'
import { useSession, useSessionState } from '../state/react/use-session'

/**
 * How an import of texts goes and went: "Importing n of N…" while it runs; then the texts that
 * came in (and any file not read as UTF-8), texts already in the project, files skipped by choice,
 * and, as an alert, each refused file with the sentence saying what to do.
 */
export function ImportReport() {
  const session = useSession()
  const report = useSessionState((s) => s.imported)
  const progress = useSessionState((s) => s.importing)
  if (progress) {
    return (
      <div className="report report-progress" role="status">
        <p>{progressSentence(progress)}</p>
      </div>
    )
  }
  if (!report) return null
  const imported = importedSentence(report)
  const encodings = encodingSentence(report)
  const duplicates = duplicatesHeading(report)
  const skipped = skippedSentence(report)
  const refused = refusedHeading(report)
  if (!imported && !duplicates && !skipped && !refused) return null
  return (
    // All refused reads as an error; some texts in and some refused reads as a note, the refused part in the alert colour.
    <div className={refused && !imported ? 'report report-error' : refused || duplicates || skipped ? 'report report-note' : 'report'}>
      <div className="report-body">
        {imported && <p aria-live="polite">{imported}</p>}
        {encodings && <p className="report-encodings">{encodings}</p>}
        {duplicates && (
          <div className="report-duplicates">
            <p>{duplicates}</p>
            <ul>
              {report.duplicates.map((d, i) => (
                <li key={i}>{problemLine(d)}</li>
              ))}
            </ul>
          </div>
        )}
        {skipped && <p>{skipped}</p>}
        {refused && (
          <div role="alert" className={imported ? 'report-refused' : undefined}>
            <p>{refused}</p>
            <ul>
              {report.errors.map((e, i) => (
                <li key={i}>{problemLine(e)}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <button type="button" className="small quiet" onClick={() => session.dismissImport()}>
        Dismiss
      </button>
    </div>
  )
}
