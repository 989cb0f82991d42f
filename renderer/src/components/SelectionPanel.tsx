import { layerName, narrowOf, otherPolaritiesSentence, selectionTitle } from '../state/model/analysis-model'
import { useAnalysis, usePolarityNames, useSourceName } from '../state/react/use-analysis'
import { useSession, useSessionState } from '../state/react/use-session'
import { optionName } from '../../../shared/model/labels'
import { plural } from '../../../shared/plural'
import { StatementStance } from './StatementStance'

/**
 * Beside the matrix, the network and the chart: the statements behind what was clicked (a cell,
 * an actor or a target, the stances with no source), each with its quote, polarity, target,
 * document and layer. Until something is clicked, it counts the stances with no source, which
 * every view sets apart and lists here rather than dropping them.
 */
export function SelectionPanel() {
  const source = useSourceName()
  const session = useSession()
  const selection = useAnalysis((s) => s.selection)
  const selected = useAnalysis((s) => s.selected)
  const view = useAnalysis((s) => s.view)
  const counts = view?.counts
  const names = usePolarityNames()
  const labels = useSessionState((s) => s.info?.project?.labels ?? [])
  return (
    <aside className="analysis-side" aria-label="Selected statements">
      {!selection ? (
        <div className="side-intro">
          <h2 className="pane-title">Statements</h2>
          <p className="help">Click a cell of the matrix, a node of the network or a name in the chart to see the statements behind it.</p>
          {counts && (
            <p data-testid="unlinked-count">
              {counts.stances === 0 ? (
                'No stance passes the filter.'
              ) : counts.unlinkedStances === 0 ? (
                `Every stance that passes the filter has a ${source.name}.`
              ) : (
                <>
                  {counts.unlinkedStances} stance{counts.unlinkedStances === 1 ? ' has' : 's have'} no {source.name}:{' '}
                  <button type="button" className="link" onClick={() => session.analysis.select({ kind: 'unlinked' })}>
                    list {counts.unlinkedStances === 1 ? 'it' : 'them'}
                  </button>
                  .
                </>
              )}
              {counts.untargeted > 0 && (
                <>
                  <br />
                  {`${counts.untargeted} stance${counts.untargeted === 1 ? ' has' : 's have'} no target.`}
                </>
              )}
            </p>
          )}
          {counts && counts.otherPolarities.length > 0 && (
            <p data-testid="other-polarities">
              {otherPolaritiesSentence(counts.otherPolarities, names, (v) => optionName(labels, 'stance', 'polarity', v))}
            </p>
          )}
        </div>
      ) : (
        <>
          <div className="side-head">
            <h2 className="side-title" dir="auto">
              {selectionTitle(selection, source.name)}
            </h2>
            <button type="button" className="quiet small" onClick={() => session.analysis.select(null)}>
              Clear
            </button>
          </div>
          <p className="help" role="status" data-testid="selected-count">
            {selected === null
              ? 'Loading…'
              : `${plural(selected.total, 'statement')}${selected.total > selected.rows.length ? `, the first ${selected.rows.length} shown` : ''}`}
          </p>
          <ol className="side-list" aria-label={selectionTitle(selection, source.name)} data-narrow={JSON.stringify(narrowOf(selection))}>
            {selected?.rows.map((r) => (
              <li key={r.ref} className="side-statement">
                <blockquote dir="auto">{r.quote}</blockquote>
                <p>
                  <span className="statement-actor" dir="auto">
                    {r.actor ?? `no ${source.name}`}
                  </span>{' '}
                  <StatementStance row={r} />
                </p>
                <p className="help">
                  {r.documentTitle} · {r.date ?? 'undated'} · {layerName(r.layer)}
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </aside>
  )
}
