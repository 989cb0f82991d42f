import type { AnalysisView } from '../../../shared/discourse/analysis-view'
import { cellColour, countsSentence, type AnalysisSelection } from '../state/model/analysis-model'
import { usePolarityNames, useSourceName } from '../state/react/use-analysis'
import { useWindowRows } from '../state/react/use-window-rows'

/** Row height of the matrix, in pixels. */
const ROW_HEIGHT = 30
type Matrix = AnalysisView['matrix']

/**
 * The actor × target matrix: actors as rows grouped by kind, targets as columns, each cell
 * coloured by its leaning (green for favor, red against, grey neutral) and labelled with its
 * counts; clicking a cell shows its statements. Rows are windowed; the unlinked stances have a
 * row of their own at the foot.
 */
export function StanceMatrixTable({
  matrix,
  selection,
  onSelect,
}: {
  matrix: Matrix
  selection: AnalysisSelection | null
  onSelect: (s: AnalysisSelection) => void
}) {
  const names = usePolarityNames()
  const source = useSourceName()
  // The host sends the columns shown (SHOWN_COLUMNS) and counts the others.
  const columns = matrix.columns
  const hidden = matrix.all.columns - columns.length
  const cells = new Map(matrix.cells.map((c) => [`${c.row}:${c.column}`, c]))
  const fullest = Math.max(1, matrix.fullest)
  const groupStart = new Map(matrix.groups.map((g) => [g.first, g]))
  const { box, first, last, onScroll } = useWindowRows(matrix.rows.length, ROW_HEIGHT)
  const picked = (actor: string, target: string) => selection?.kind === 'cell' && selection.actor === actor && selection.target === target
  if (matrix.rows.length === 0 && matrix.unlinked.total === 0)
    return <p className="help">No stance with a target passes the filter: nothing to put in the matrix.</p>
  return (
    <div className="matrix-wrap">
      <p className="help matrix-legend" data-testid="matrix-legend">
        In a cell: <span className="c-favor">+</span> {names.favor}, <span className="c-against">−</span> {names.against},{' '}
        <span className="c-neutral">=</span> {names.neutral}, <span className="c-unset">?</span> no polarity; a click lists its stances.
      </p>
      {hidden > 0 && (
        <p className="help">
          The {columns.length} targets with the most stances are shown; {hidden} more are in the matrix export.
        </p>
      )}
      <div className="matrix-scroll" ref={box} onScroll={onScroll}>
        <table className="matrix" aria-label="Actors by target" aria-rowcount={matrix.rows.length + 3}>
          <thead>
            <tr>
              <th scope="col" className="matrix-corner">
                Actor <span className="help">(kind)</span>
              </th>
              {columns.map((c) => (
                <th
                  key={c.target.key}
                  scope="col"
                  className="matrix-target"
                  title={`${c.target.label}: ${countsSentence(c.counts, names)}`}
                >
                  <span dir="auto">{c.target.label}</span>
                </th>
              ))}
              <th scope="col" className="matrix-total">
                All
              </th>
            </tr>
          </thead>
          <tbody>
            {first > 0 && <tr className="matrix-spacer" style={{ height: first * ROW_HEIGHT }} aria-hidden="true" />}
            {matrix.rows.slice(first, last).map((r, i) => {
              const row = first + i
              const group = groupStart.get(row)
              return (
                <tr key={r.actor.key} className={group ? 'matrix-group-start' : undefined}>
                  <th scope="row" className="matrix-actor" title={`${r.actor.label}: ${countsSentence(r.counts, names)}`}>
                    <span dir="auto">{r.actor.label}</span> <span className="help">{r.actor.kind || 'no kind'}</span>
                  </th>
                  {columns.map((c, column) => {
                    const cell = cells.get(`${row}:${column}`)
                    if (!cell) return <td key={c.target.key} />
                    const name = `${r.actor.label} on ${c.target.label}: ${countsSentence(cell.counts, names)}`
                    return (
                      <td key={c.target.key} style={{ background: cellColour(cell.counts, fullest) }}>
                        <button
                          type="button"
                          className="matrix-cell"
                          title={name}
                          aria-pressed={picked(r.actor.key, c.target.key)}
                          onClick={() =>
                            onSelect({
                              kind: 'cell',
                              actor: r.actor.key,
                              target: c.target.key,
                              actorLabel: r.actor.label,
                              targetLabel: c.target.label,
                            })
                          }
                        >
                          {/* Read out as the sentence; the counts are what the eye reads. */}
                          <span className="sr-only">{name}</span>
                          <CellCounts counts={cell.counts} />
                        </button>
                      </td>
                    )
                  })}
                  <td className="matrix-total">{r.counts.total}</td>
                </tr>
              )
            })}
            {last < matrix.rows.length && (
              <tr className="matrix-spacer" style={{ height: (matrix.rows.length - last) * ROW_HEIGHT }} aria-hidden="true" />
            )}
            {matrix.unlinked.total > 0 && (
              <tr className="matrix-unlinked">
                <th scope="row" className="matrix-actor">
                  <button type="button" className="link" onClick={() => onSelect({ kind: 'unlinked' })}>
                    No {source.name}
                  </button>
                </th>
                {columns.map((c) => (
                  <td key={c.target.key}>{c.unlinked.total > 0 ? c.unlinked.total : ''}</td>
                ))}
                <td className="matrix-total">{matrix.unlinked.total}</td>
              </tr>
            )}
          </tbody>
          <tfoot>
            {/* Each target's stances (with a source or not) and the whole. */}
            <tr className="matrix-totals">
              <th scope="row" className="matrix-actor">
                All
              </th>
              {columns.map((c) => (
                <td key={c.target.key} className="matrix-total" title={`${c.target.label}: ${countsSentence(c.counts, names)}`}>
                  {c.counts.total}
                </td>
              ))}
              <td className="matrix-total">{matrix.total.total + matrix.unlinked.total}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  )
}

/** "2 1 ·1": favor, against and neutral counts, each in its colour; a dot for stances with no polarity. */
function CellCounts({ counts }: { counts: { favor: number; against: number; neutral: number; unset: number } }) {
  return (
    <span className="cell-counts" aria-hidden="true">
      {counts.favor > 0 && <span className="c-favor">+{counts.favor}</span>}
      {counts.against > 0 && <span className="c-against">−{counts.against}</span>}
      {counts.neutral > 0 && <span className="c-neutral">={counts.neutral}</span>}
      {counts.unset > 0 && <span className="c-unset">?{counts.unset}</span>}
    </span>
  )
}
