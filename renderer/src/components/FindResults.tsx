import { memo } from 'react'
import type { ProjectSearch } from '../../../shared/api'
import { inContext, paragraphOf } from '../../../shared/search/find'
import { useSession, useSessionState } from '../state/react/use-session'
import { KwicBefore } from './KwicBefore'
import { ParagraphMark } from './ParagraphMark'
import { useWindowRows } from '../state/react/use-window-rows'

const ROW = 52
/** Code points of context shown either side of a hit. */
const CONTEXT = 28

/**
 * Beside the text while finding: this document's hits, each in its context with a box to tick
 * (tagging can take only the ticked ones), or the hits of every document, grouped by document;
 * a click goes to the hit (opening its document first).
 */
export function FindResults() {
  const session = useSession()
  const find = useSessionState((s) => s.find)
  const showProject = find.project !== null
  // The counts without brackets: in a 300 px panel (an 800 px window) both names fit whole.
  const hereCount = find.hits.length.toLocaleString()
  const everywhereCount = find.project ? `${find.project.total.toLocaleString()}${find.project.truncated ? '+' : ''}` : ''
  return (
    <aside className="panel find-results" aria-label="Find results">
      <div className="find-tabs" role="group" aria-label="Results">
        <button
          type="button"
          aria-pressed={!showProject}
          title={`This document: ${hereCount}`}
          onClick={() => session.finding.closeProject()}
        >
          <span className="tab-name">This document</span> <span className="tab-count">{hereCount}</span>
        </button>
        <button
          type="button"
          aria-pressed={showProject}
          title={everywhereCount ? `All documents: ${everywhereCount}` : 'All documents'}
          onClick={() => void session.finding.searchProject()}
        >
          <span className="tab-name">All documents</span> <span className="tab-count">{everywhereCount}</span>
        </button>
        <span className="toolbar-gap" />
        <button
          type="button"
          className="quiet"
          aria-label="Hide the results"
          onClick={() => (session.finding.closeProject(), session.finding.list(false))}
        >
          ×
        </button>
      </div>
      {showProject ? <ProjectResults results={find.project!} /> : <DocumentHits />}
    </aside>
  )
}

function DocumentHits() {
  const session = useSession()
  const hits = useSessionState((s) => s.find.hits)
  const current = useSessionState((s) => s.find.current)
  const ticked = useSessionState((s) => s.find.ticked)
  const index = session.work.index
  const { box, first, last, onScroll } = useWindowRows(hits.length, ROW)
  const tickedSet = new Set(ticked)
  const rows = []
  if (index) {
    for (let i = first; i < last; i++) {
      rows.push(
        <HitRow
          key={i}
          i={i}
          top={i * ROW}
          context={inContext(index, hits[i]!, CONTEXT)}
          paragraph={paragraphOf(index, hits[i]!.start)}
          current={i === current}
          ticked={tickedSet.has(i)}
        />,
      )
    }
  }
  return (
    <>
      <div className="find-list-head">
        <label className="check">
          <input
            type="checkbox"
            checked={hits.length > 0 && ticked.length === hits.length}
            onChange={(e) => session.finding.tick(null, e.target.checked)}
          />
          Tick all
        </label>
        <span className="help">
          {ticked.length > 0 ? `${ticked.length.toLocaleString()} ticked: a label’s key tags them` : 'A label’s key tags the current hit'}
        </span>
      </div>
      <div ref={box} className="find-list" onScroll={onScroll}>
        <ul style={{ height: hits.length * ROW }}>{rows}</ul>
      </div>
    </>
  )
}

const HitRow = memo(function HitRow({
  i,
  top,
  context,
  paragraph,
  current,
  ticked,
}: {
  i: number
  top: number
  context: { before: string; match: string; after: string }
  /** The hit's paragraph, from 1, blank lines not counted (paragraphOf): it tells apart hits whose words are the same. */
  paragraph: number
  current: boolean
  ticked: boolean
}) {
  const session = useSession()
  return (
    <li className={current ? 'hit-row current' : 'hit-row'} style={{ top, height: ROW }}>
      <input
        type="checkbox"
        aria-label={`Tick hit ${i + 1}`}
        checked={ticked}
        onChange={(e) => session.finding.tick(i, e.target.checked)}
      />
      <button type="button" className="kwic" onClick={() => session.finding.go(i)}>
        <KwicBefore text={context.before} />
        <mark>{context.match}</mark>
        <span className="kwic-after">{context.after}</span>
        <ParagraphMark paragraph={paragraph} className="kwic-where" />
      </button>
    </li>
  )
})

function ProjectResults({ results }: { results: ProjectSearch }) {
  const session = useSession()
  if (results.documents.length === 0) return <p className="empty">No document holds it.</p>
  return (
    <div className="find-list project-results">
      {results.documents.map((d) => (
        <section key={d.document} aria-label={d.title}>
          <h3 dir="auto">
            {d.title} <span className="count">{d.hits.length.toLocaleString()}</span>
          </h3>
          <ul>
            {d.hits.slice(0, 200).map((h) => (
              <li key={h.start} className="hit-row static">
                <button type="button" className="kwic" onClick={() => void session.finding.openResult(d.document, h)}>
                  <KwicBefore text={Array.from(h.before).slice(-CONTEXT).join('')} />
                  <mark>{h.match}</mark>
                  <span className="kwic-after">{Array.from(h.after).slice(0, CONTEXT).join('')}</span>
                  <ParagraphMark paragraph={h.paragraph} className="kwic-where" />
                </button>
              </li>
            ))}
            {d.hits.length > 200 && <li className="help">… and {(d.hits.length - 200).toLocaleString()} more in this document</li>}
          </ul>
        </section>
      ))}
      {results.truncated && <p className="help">More hits than are listed; make the query more specific.</p>}
    </div>
  )
}
