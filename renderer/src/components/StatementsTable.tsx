import { useId } from 'react'
import type { Narrow, StatementRow } from '../../../shared/discourse/analysis-view'
import { layerName } from '../state/model/analysis-model'
import { useAnalysis, useSourceName, useStatementRows } from '../state/react/use-analysis'
import { useSession } from '../state/react/use-session'
import { StatementStance } from './StatementStance'
import { plural } from '../../../shared/plural'

/** Height of one row, in pixels (the windowing needs rows of one height). */
const ROW_HEIGHT = 44

/**
 * The statements table: one row per claim and stance that passes the filter, joined with its
 * source, target, polarity, document and layer; only the rows in view are rendered, and they
 * are fetched from the host a page at a time, so a project of 100,000 annotations scrolls like
 * one of ten. A search box narrows it to statements holding a text (and its export too).
 */
export function StatementsTable({ narrow, label }: { narrow: Omit<Narrow, 'search'>; label: string }) {
  const analysis = useSession().analysis
  const search = useAnalysis((s) => s.search)
  const searchId = useId()
  const query = { ...narrow, search }
  const { box, onScroll, first, total, rows, error } = useStatementRows(query, ROW_HEIGHT)
  return (
    <section className="statements" aria-label={label}>
      <div className="statements-head">
        <label htmlFor={searchId}>Search</label>
        <input
          id={searchId}
          type="search"
          value={search}
          placeholder="quote, actor, target, document, annotator…"
          onChange={(e) => analysis.setSearch(e.target.value)}
        />
        <span className="help" role="status" data-testid="statements-count">
          {total === null ? 'Loading…' : plural(total, 'statement')}
        </span>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="statements-columns" aria-hidden="true">
        <span>Source → polarity, target</span>
        <span>Quote</span>
        <span>Document · layer</span>
      </div>
      <div className="statements-scroll" ref={box} onScroll={onScroll} tabIndex={0}>
        <ul role="list" style={{ height: (total ?? 0) * ROW_HEIGHT }}>
          {rows.map((row, i) => (
            <StatementItem key={first + i} row={row} top={(first + i) * ROW_HEIGHT} />
          ))}
        </ul>
      </div>
    </section>
  )
}

function StatementItem({ row, top }: { row: StatementRow | undefined; top: number }) {
  const source = useSourceName().name
  if (!row)
    return (
      <li className="statement loading" style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}>
        …
      </li>
    )
  return (
    <li className="statement" style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }} data-ref={row.ref}>
      <span className="statement-who">
        <span className={row.actor === null ? 'statement-actor unlinked' : 'statement-actor'} dir="auto">
          {row.actor ?? `no ${source}`}
        </span>
        <StatementStance row={row} className="statement-stance" />
      </span>
      <span className="statement-quote" dir="auto" title={row.quote}>
        {row.quote}
      </span>
      <span className="statement-where">
        <span className="statement-doc" title={row.documentTitle}>
          {row.documentTitle}
        </span>
        <span className="help">
          {row.date ?? 'undated'} · {layerName(row.layer)}
        </span>
      </span>
    </li>
  )
}
