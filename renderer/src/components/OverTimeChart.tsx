import { useId } from 'react'
import type { AnalysisView } from '../../../shared/discourse/analysis-view'
import { useScheme } from '../state/react/use-scheme'
import { CHART_COLOURS, countsSentence, type AnalysisSelection } from '../state/model/analysis-model'
import { useAnalysis, usePolarityNames } from '../state/react/use-analysis'
import { useSession } from '../state/react/use-session'

const ORDER = ['favor', 'against', 'neutral', 'unset'] as const

/**
 * Stances over time: one row of bars per actor (or target), one bar per week, month or year of
 * the documents' dates, stacked by polarity; undated stances counted at the row's end. Clicking
 * a row's name shows its statements.
 */
export function OverTimeChart({ view, onSelect }: { view: AnalysisView; onSelect: (s: AnalysisSelection) => void }) {
  const session = useSession()
  const choice = useAnalysis((s) => s.overTime)
  const names = usePolarityNames()
  const colours = CHART_COLOURS[useScheme()]
  const ids = { by: useId(), unit: useId() }
  const t = view.overTime
  // The host sends the series drawn (SHOWN_SERIES, those with the most stances) and counts them all.
  const series = t.series
  const peak = Math.max(1, ...series.flatMap((s) => s.counts.map((c) => c.total)))
  const bar = Math.max(6, Math.min(36, Math.floor(560 / Math.max(1, t.buckets.length))))
  const height = 34
  const width = t.buckets.length * (bar + 2)
  return (
    <div className="over-time">
      <div className="network-controls">
        <label htmlFor={ids.by}>Stances per</label>
        <select id={ids.by} value={choice.by} onChange={(e) => session.analysis.setOverTime({ by: e.target.value as 'actor' | 'target' })}>
          <option value="actor">actor</option>
          <option value="target">target</option>
        </select>
        <label htmlFor={ids.unit}>by</label>
        <select
          id={ids.unit}
          value={choice.unit}
          onChange={(e) => session.analysis.setOverTime({ unit: e.target.value as 'week' | 'month' | 'year' })}
        >
          <option value="week">week</option>
          <option value="month">month</option>
          <option value="year">year</option>
        </select>
        <span className="legend-inline" aria-hidden="true">
          {ORDER.map((p) => (
            <span key={p}>
              <span className="legend-swatch" style={{ background: colours.polarity[p] }} /> {p === 'unset' ? 'no polarity' : names[p]}
            </span>
          ))}
        </span>
      </div>
      {t.buckets.length === 0 ? (
        <p className="help">
          No stance passes the filter in a dated document. Give documents a date (the document list’s ⋯ › Properties) to see stances over
          time{t.undated.total > 0 ? `; ${t.undated.total} undated stances are counted below` : ''}.
        </p>
      ) : null}
      <table className="over-time-table" aria-label="Stances over time">
        <thead>
          <tr>
            <th scope="col">{choice.by === 'actor' ? 'Actor' : 'Target'}</th>
            <th scope="col">
              {/* The first and last bucket (one label when there is one bucket). */}
              <span className="bucket-axis" style={{ width }}>
                <span>{t.buckets[0]}</span>
                {t.buckets.length > 1 && <span>{t.buckets[t.buckets.length - 1]}</span>}
              </span>
            </th>
            <th scope="col" className="num">
              Undated
            </th>
            <th scope="col" className="num">
              All
            </th>
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.key ?? '(none)'}>
              <th scope="row">
                <button
                  type="button"
                  className="link"
                  dir="auto"
                  onClick={() => onSelect(s.key === null ? { kind: 'unlinked' } : { kind: t.by, key: s.key, label: s.label })}
                >
                  {s.label}
                </button>
              </th>
              <td>
                <svg
                  width={width}
                  height={height}
                  role="img"
                  aria-label={`${s.label}: ${t.buckets.map((b, i) => `${b} ${s.counts[i]!.total}`).join(', ')}`}
                >
                  {s.counts.map((c, i) => {
                    let y = height
                    return (
                      <g key={t.buckets[i]}>
                        <title>{`${t.buckets[i]}: ${countsSentence(c, names)}`}</title>
                        <rect x={i * (bar + 2)} y={0} width={bar} height={height} fill="transparent" />
                        {ORDER.map((p) => {
                          const h = (c[p] / peak) * (height - 2)
                          y -= h
                          return h > 0 ? <rect key={p} x={i * (bar + 2)} y={y} width={bar} height={h} fill={colours.polarity[p]} /> : null
                        })}
                      </g>
                    )
                  })}
                  <line x1={0} x2={width} y1={height - 0.5} y2={height - 0.5} stroke={colours.axis} />
                </svg>
              </td>
              <td className="num">{s.undated.total || ''}</td>
              <td className="num">{s.total.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {t.all.series > series.length && (
        <p className="help">
          The {series.length} {choice.by}s with the most stances are drawn; all {t.all.series} are in the over-time export.
        </p>
      )}
    </div>
  )
}
