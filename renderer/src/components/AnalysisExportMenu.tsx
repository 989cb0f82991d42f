import { useId, useState } from 'react'
import type { AnalysisExportChoice } from '../state/controllers/analysis'
import { useSession } from '../state/react/use-session'

const CHOICES: { value: string; name: string; choice: AnalysisExportChoice }[] = [
  { value: 'statements-csv', name: 'Statements table (CSV)', choice: { table: 'statements', format: 'csv' } },
  { value: 'statements-tsv', name: 'Statements table (TSV)', choice: { table: 'statements', format: 'tsv' } },
  { value: 'statements-xlsx', name: 'Statements table (Excel)', choice: { table: 'statements', format: 'xlsx' } },
  { value: 'matrix-csv', name: 'Actor × target matrix (CSV)', choice: { table: 'matrix', format: 'csv' } },
  { value: 'graphml', name: 'Network (GraphML)', choice: { table: 'graphml', format: 'csv' } },
  { value: 'gexf', name: 'Network (GEXF, for Gephi)', choice: { table: 'gexf', format: 'csv' } },
  { value: 'nodes-csv', name: 'Network node list (CSV)', choice: { table: 'nodes', format: 'csv' } },
  { value: 'edges-csv', name: 'Network edge list (CSV)', choice: { table: 'edges', format: 'csv' } },
  { value: 'over-time-csv', name: 'Stances over time (CSV)', choice: { table: 'over-time', format: 'csv' } },
]

/** Export what the view shows, with its filter: the statements, the matrix, the network (as chosen), the counts over time. */
export function AnalysisExportMenu() {
  const session = useSession()
  const [picked, setPicked] = useState('statements-csv')
  const [busy, setBusy] = useState(false)
  const [protect, setProtect] = useState(true)
  const id = useId()
  const protectId = useId()
  const chosen = CHOICES.find((c) => c.value === picked)!.choice
  // Only a CSV or TSV table has cells a spreadsheet could run (a workbook holds text as text; GraphML and GEXF are not opened there).
  const delimited = chosen.format !== 'xlsx' && chosen.table !== 'graphml' && chosen.table !== 'gexf'
  const choice = { ...chosen, neutralizeFormulas: protect }
  return (
    <span className="filter-group analysis-export">
      <label htmlFor={id}>Export</label>
      <select id={id} value={picked} onChange={(e) => setPicked(e.target.value)}>
        {CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.name}
          </option>
        ))}
      </select>
      {delimited && (
        <span
          className="check"
          title="Cells starting with = + - or @ (an @handle) get a leading apostrophe, so a spreadsheet shows them instead of running them."
        >
          <input id={protectId} type="checkbox" checked={protect} onChange={(e) => setProtect(e.target.checked)} />
          <label htmlFor={protectId}>Protect against formulas</label>
        </span>
      )}
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true)
          void session.analysis.export(choice).finally(() => setBusy(false))
        }}
      >
        {busy ? 'Exporting…' : 'Export'}
      </button>
    </span>
  )
}
