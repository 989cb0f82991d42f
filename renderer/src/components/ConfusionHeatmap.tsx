import type { ConfusionMatrix } from '../../../shared/agreement/report'
import { cellShade, heatCell } from '../state/model/agreement-format'
import { useScheme } from '../state/react/use-scheme'
import { FiguresScroll } from './FiguresScroll'

interface ConfusionHeatmapProps {
  matrix: ConfusionMatrix
  /** Whose categories are the rows, and the columns. */
  a: string
  b: string
  /** What is counted ("tokens", "matched stances"). */
  unit: string
  /** A category as the tag set names it now (a label's or an option's name); by default as stored. */
  name?: (category: string) => string
}

/**
 * A confusion matrix as a heatmap: rows are a's category, columns b's, each cell the count, shaded
 * by its share of the row (so a large "(none)" row does not wash out the rest), totals at the ends.
 */
export function ConfusionHeatmap({ matrix, a, b, unit, name = (c) => c }: ConfusionHeatmapProps) {
  const { categories, counts } = matrix
  const scheme = useScheme()
  const rowTotals = counts.map((r) => r.reduce((s, x) => s + x, 0))
  const colTotals = categories.map((_, j) => counts.reduce((s, r) => s + (r[j] ?? 0), 0))
  if (categories.length === 0) return <p className="help">Nothing to compare.</p>
  return (
    <figure className="heatmap">
      <FiguresScroll>
        <div className="heatmap-body">
          <table className="heatmap-grid" aria-label={`Confusion matrix: rows ${a}, columns ${b}`}>
            <thead>
              <tr>
                <th scope="col" className="corner">
                  <span>{a} ↓</span> <span>{b} →</span>
                </th>
                {categories.map((c) => (
                  <th key={c} scope="col">
                    {name(c)}
                  </th>
                ))}
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              {categories.map((c, i) => (
                <tr key={c}>
                  <th scope="row">{name(c)}</th>
                  {categories.map((d, j) => {
                    const n = counts[i]?.[j] ?? 0
                    const shade = cellShade(n, rowTotals[i]!)
                    const cell = heatCell(shade, i === j, scheme)
                    return (
                      <td
                        key={d}
                        className={i === j ? 'diagonal' : undefined}
                        style={{ backgroundColor: cell.background, color: cell.color }}
                        title={`${a}: ${name(c)}, ${b}: ${name(d)}: ${n.toLocaleString()} ${unit} (${Math.round(shade * 100)}% of ${a}’s ${name(c)})`}
                      >
                        {n.toLocaleString()}
                      </td>
                    )
                  })}
                  <td className="total">{rowTotals[i]!.toLocaleString()}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">Total</th>
                {colTotals.map((n, j) => (
                  <td key={categories[j]} className="total">
                    {n.toLocaleString()}
                  </td>
                ))}
                <td className="total">{rowTotals.reduce((s, x) => s + x, 0).toLocaleString()}</td>
              </tr>
            </tbody>
          </table>
        </div>
      </FiguresScroll>
      <figcaption className="help">
        Rows: {a}’s {unit}; columns: {b}’s. Green: the same; red: different. Shade: share of the row.
      </figcaption>
    </figure>
  )
}
