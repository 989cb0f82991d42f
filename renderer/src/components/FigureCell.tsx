import type { Figure } from '../../../shared/agreement/report'
import { formatFigure } from '../state/model/agreement-format'

interface FigureCellProps {
  value: Figure
  /** Why the figure is undefined, shown on hover (null when it is defined). */
  why: string | null
  /** A second line in small type (e.g. "P 0.75 / R 0.80"). */
  detail?: string
  /** What the figure is computed over, on hover ("n = 5,276 tokens"). */
  over?: string
}

/** One figure in an agreement table: two decimals, or "—" with the reason on hover. */
export function FigureCell({ value, why, detail, over }: FigureCellProps) {
  return (
    <td className={value === null ? 'num undefined' : 'num'} title={value === null ? (why ?? undefined) : over}>
      {value === null ? <abbr title={why ?? 'undefined'}>—</abbr> : formatFigure(value)}
      {detail && <small className="figure-detail">{detail}</small>}
    </td>
  )
}
