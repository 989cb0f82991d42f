import { useEffect } from 'react'
import type { AnalysisTab } from '../state/model/analysis-model'
import { useAnalysis } from '../state/react/use-analysis'
import { useSession } from '../state/react/use-session'
import { AnalysisExportMenu } from './AnalysisExportMenu'
import { AnalysisFilters } from './AnalysisFilters'
import { NetworkPanel } from './NetworkPanel'
import { OverTimeChart } from './OverTimeChart'
import { SelectionPanel } from './SelectionPanel'
import { StanceMatrixTable } from './StanceMatrixTable'
import { onTabKey } from '../state/react/tab-keys'
import { StatementsTable } from './StatementsTable'
import { plural } from '../../../shared/plural'

const TABS: { tab: AnalysisTab; name: string }[] = [
  { tab: 'matrix', name: 'Matrix' },
  { tab: 'network', name: 'Network' },
  { tab: 'time', name: 'Over time' },
  { tab: 'statements', name: 'Statements' },
]

/**
 * Who says what about whom (docs/analysis.md): the project's claims and stances joined with their
 * sources, as an actor × target matrix, a network, stances over time and the statements table,
 * under one set of filters, with the statements behind whatever is clicked beside them.
 */
export function AnalysisView() {
  const session = useSession()
  const tab = useAnalysis((s) => s.tab)
  const view = useAnalysis((s) => s.view)
  const error = useAnalysis((s) => s.error)
  const loading = useAnalysis((s) => s.loading)
  const selection = useAnalysis((s) => s.selection)
  const exported = useAnalysis((s) => s.exported)

  useEffect(() => session.analysis.watch(session.store), [session])

  const select = session.analysis.select.bind(session.analysis)
  // A filter that is not one (a date range that ends before it starts) has no figures: the last
  // view's counts and notes are not shown under it, only the sentence saying what to change.
  const shown = error ? null : view
  const counts = shown?.counts
  return (
    <main className="analysis" aria-label="Analysis" aria-busy={loading}>
      <AnalysisFilters />
      <div className="analysis-bar">
        <div className="tabs" role="tablist" aria-label="Analysis views">
          {TABS.map((t, i) => (
            <button
              key={t.tab}
              type="button"
              role="tab"
              aria-selected={tab === t.tab}
              tabIndex={tab === t.tab ? 0 : -1}
              onClick={() => session.analysis.setTab(t.tab)}
              onKeyDown={(e) => onTabKey(e, i, TABS.length, (n) => session.analysis.setTab(TABS[n]!.tab))}
            >
              {t.name}
            </button>
          ))}
        </div>
        {counts && (
          <span className="help analysis-counts" data-testid="analysis-counts" title={countsLine(counts, shown.used)}>
            {countsLine(counts, shown.used)}
          </span>
        )}
        <span className="toolbar-gap" />
        <AnalysisExportMenu />
      </div>
      {counts && counts.unreviewed > 0 && (
        <p className="hint" role="note" data-testid="analysis-unreviewed">
          {counts.unreviewed === 1 ? '1 document has' : `${counts.unreviewed} documents have`} no settled review yet, so the reviewed layer
          counts nothing of {counts.unreviewed === 1 ? 'it' : 'them'}; choose All annotators under Layer to count every annotator’s work.
        </p>
      )}
      {counts && counts.undated > 0 && (
        <p className="hint" role="note" data-testid="analysis-undated">
          {plural(counts.undated, 'statement')} left out by the date range:{' '}
          {counts.undated === 1 ? 'its document has' : 'their documents have'} no date the analysis can read (yyyy-mm-dd in the document’s
          properties).
        </p>
      )}
      {(error || exported) && (
        <p className={error || exported?.tone === 'error' ? 'hint hint-error' : 'hint'} role={error ? 'alert' : 'status'}>
          {error ?? exported?.text}
        </p>
      )}
      <div className="analysis-body">
        <div className="analysis-main" role="tabpanel" aria-label={TABS.find((t) => t.tab === tab)!.name}>
          {!shown ? (
            <p className="help">{error ? '' : 'Gathering the statements…'}</p>
          ) : tab === 'matrix' ? (
            <StanceMatrixTable matrix={shown.matrix} selection={selection} onSelect={select} />
          ) : tab === 'network' ? (
            <NetworkPanel view={shown} selection={selection} onSelect={select} />
          ) : tab === 'time' ? (
            <OverTimeChart view={shown} onSelect={select} />
          ) : (
            <StatementsTable narrow={{ stances: false }} label="Statements" />
          )}
        </div>
        <SelectionPanel />
      </div>
    </main>
  )
}

/** "55 statements (24 stances) in jonas, maria"; with no layer to count, no dangling "in". */
function countsLine(counts: { statements: number; stances: number }, used: readonly string[]): string {
  const line = `${plural(counts.statements, 'statement')} (${plural(counts.stances, 'stance')})`
  return used.length === 0 ? line : `${line} in ${used.map((l) => (l === '_reviewed' ? 'the reviewed layer' : l)).join(', ')}`
}
