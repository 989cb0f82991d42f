import type { Figure } from '../../../shared/agreement/report'
import { formatFigure } from '../state/model/agreement-format'

/** One group of bars: a label and its figures, in the order of `series`. */
export interface BarGroup {
  label: string
  values: { value: Figure; why: string | null }[]
}

interface LabelBarChartProps {
  /** The figures each group shows, with their legend names. */
  series: readonly string[]
  groups: readonly BarGroup[]
  title: string
}

const W = 640
const H = 230
const LEFT = 36
const BOTTOM = 28
const TOP = 18

/**
 * Grouped bars per label (e.g. alpha, kappa and F1), on a scale from 0 (or the lowest negative
 * value) to 1, with the value over each bar; an undefined figure is a "—" on the axis, with its
 * reason on hover.
 */
export function LabelBarChart({ series, groups, title }: LabelBarChartProps) {
  // Bars are drawn at the precision their labels show: −0.004 is a bar of 0.00, not one just below
  // the axis labelled "0.00" (nor a reason to extend the axis to −0.2).
  const drawn = (v: number) => Math.round(v * 100) / 100 || 0
  const low = Math.min(0, ...groups.flatMap((g) => g.values.map((v) => drawn(v.value ?? 0))))
  const min = low < 0 ? Math.floor(low * 5) / 5 : 0
  const y = (v: number) => TOP + ((1 - v) / (1 - min)) * (H - TOP - BOTTOM)
  const groupWidth = (W - LEFT - 8) / Math.max(groups.length, 1)
  const barWidth = Math.min(34, (groupWidth - 14) / Math.max(series.length, 1))
  const ticks = []
  for (let t = min; t <= 1.0001; t += 0.2) ticks.push(Math.round(t * 10) / 10)
  return (
    <figure className="bar-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        <title>{title}</title>
        {ticks.map((t) => (
          <g key={t} className={t === 0 ? 'axis zero' : 'axis'}>
            <line x1={LEFT} x2={W - 4} y1={y(t)} y2={y(t)} />
            <text x={LEFT - 6} y={y(t) + 4} textAnchor="end">
              {t.toFixed(1)}
            </text>
          </g>
        ))}
        {groups.map((g, i) => {
          const x0 = LEFT + i * groupWidth + (groupWidth - barWidth * series.length) / 2
          return (
            <g key={g.label}>
              {g.values.map((v, s) => {
                const x = x0 + s * barWidth
                if (v.value === null) {
                  return (
                    <text key={s} x={x + barWidth / 2} y={y(0) - 4} textAnchor="middle" className="bar-missing">
                      <title>{`${series[s]}, ${g.label}: ${v.why ?? 'undefined'}`}</title>—
                    </text>
                  )
                }
                const d = drawn(v.value)
                const top = y(Math.max(d, 0))
                const bottom = y(Math.min(d, 0))
                return (
                  <g key={s} className={`bar series-${s}`}>
                    <rect x={x + 1} y={top} width={barWidth - 2} height={Math.max(bottom - top, 1)}>
                      <title>{`${series[s]}, ${g.label}: ${formatFigure(v.value, 3)}`}</title>
                    </rect>
                    <text x={x + barWidth / 2} y={d >= 0 ? top - 3 : bottom + 11} textAnchor="middle" className="bar-value">
                      {formatFigure(v.value)}
                    </text>
                  </g>
                )
              })}
              <text x={LEFT + i * groupWidth + groupWidth / 2} y={H - 8} textAnchor="middle" className="group-label">
                {g.label}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption className="legend">
        {series.map((s, i) => (
          <span key={s} className="legend-item">
            <span className={`legend-swatch series-${i}`} aria-hidden="true" />
            {s}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}
