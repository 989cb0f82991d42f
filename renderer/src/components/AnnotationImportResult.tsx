import type { AnnotationImportReport } from '../../../shared/api'
import { importTotals } from '../state/controllers/annotation-import'
import { truncate } from '../state/model/describe'
import { plural } from '../../../shared/plural'

/**
 * What "Import annotations…" did: one row per layer (from whom, as whom, which document, how many
 * came in and were re-anchored, whether it was skipped or the earlier layer kept aside), every
 * annotation that could not be placed with its quote and the reason, and every error.
 */
export function AnnotationImportResult({
  report,
  onReplace,
  busy = false,
}: {
  report: AnnotationImportReport
  /** Import again, replacing the layers skipped as newer here. */
  onReplace?: () => void
  busy?: boolean
}) {
  const totals = importTotals(report)
  return (
    <section className="import-result" aria-label="Import report">
      <p aria-live="polite">
        {report.layers.length === 0
          ? 'No layer was imported.'
          : `Imported ${plural(totals.imported, 'annotation')} in ${plural(totals.layers, 'layer')}` +
            (totals.reanchored ? `, ${totals.reanchored} re-anchored on a changed text` : '') +
            (totals.unplaced ? `; ${totals.unplaced} could not be placed (listed below)` : '') +
            '.'}
      </p>
      {totals.newerHere > 0 && (
        <div className="import-newer" role="note">
          <p>
            {totals.newerHere === 1
              ? 'One layer here has changes newer than the import’s, so it was left as it is.'
              : `${totals.newerHere} layers here have changes newer than the import’s, so they were left as they are.`}{' '}
            Replacing keeps a copy of each layer here first (a .before-import file beside it).
          </p>
          {onReplace && (
            <button type="button" disabled={busy} onClick={onReplace}>
              Replace with the imported {totals.newerHere === 1 ? 'copy' : 'copies'}
            </button>
          )}
        </div>
      )}
      {report.layers.length > 0 && (
        <table className="import-table">
          <thead>
            <tr>
              <th scope="col">Layer</th>
              <th scope="col">Document</th>
              <th scope="col">Imported</th>
              <th scope="col">Re-anchored</th>
              <th scope="col">Not placed</th>
              <th scope="col">Notes</th>
            </tr>
          </thead>
          <tbody>
            {report.layers.map((l, i) => (
              <tr key={i}>
                <td>{l.from === l.as ? l.as : `${l.from} → ${l.as}`}</td>
                <td dir="auto">{truncate(l.title, 50)}</td>
                <td className="num">{l.imported}</td>
                <td className="num">{l.reanchored}</td>
                <td className={l.unplaced.length ? 'num differs' : 'num'}>{l.unplaced.length}</td>
                <td>
                  {l.skipped && `Skipped: ${l.skipped}.`}
                  {l.keptAside && `Earlier layer kept as ${l.keptAside}.`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.layers.some((l) => l.unplaced.length > 0) && (
        <div className="unplaced">
          <h3>Not placed: not imported (they stay in the source)</h3>
          <ul>
            {report.layers.flatMap((l) =>
              l.unplaced.map((u) => (
                <li key={`${l.as}/${l.document}/${u.id}`}>
                  <span className="unplaced-who">
                    {l.from}, {truncate(l.title, 30)}:
                  </span>{' '}
                  <q dir="auto">{truncate(u.exact, 160)}</q> — {u.reason}
                </li>
              )),
            )}
          </ul>
        </div>
      )}
      {(report.notes ?? []).map((n, i) => (
        <p key={i} className="import-note">
          {n}
        </p>
      ))}
      {report.errors.length > 0 && (
        <div role="alert" className="import-errors">
          <p>{report.errors.length === 1 ? 'One problem:' : `${report.errors.length} problems:`}</p>
          <ul>
            {report.errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
