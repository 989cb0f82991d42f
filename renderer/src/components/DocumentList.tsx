import { useState } from 'react'
import { documentMatches } from '../state/model/analysis-model'
import { IMPORT_KINDS } from '../state/model/import-plan'
import { useSessionState } from '../state/react/use-session'
import { DocumentItem } from './DocumentItem'
import { DocumentStatusFilter } from './DocumentStatusFilter'

/**
 * The project's documents, with their annotation counts and the annotator's status of each; the
 * open one is marked. Counts per status above the list narrow it to one status. Review progress
 * shows under each title in review mode, and whenever some document has been reviewed. With
 * more than a few documents, a filter keeps those whose title or properties hold a text.
 */
export function DocumentList() {
  const all = useSessionState((s) => s.documents)
  const filter = useSessionState((s) => s.documentFilter)
  const documents = filter === 'all' ? all : all.filter((d) => d.state === filter)
  const openId = useSessionState((s) => s.doc?.id ?? s.opening)
  const progress = useSessionState((s) => s.progress)
  const reviewing = useSessionState((s) => s.view === 'review')
  const shown = progress && (reviewing || Object.values(progress).some((p) => p.settled > 0)) ? progress : null
  const [query, setQuery] = useState('')
  const listed = query.trim() === '' ? documents : documents.filter((d) => documentMatches(d, query))
  return (
    <nav className="documents" aria-label="Documents">
      {/* The title, the status counts and the filter stay in view while the list scrolls. */}
      <div className="documents-head">
        <h2 className="pane-title">Documents</h2>
        {all.length > 0 && <DocumentStatusFilter />}
        {all.length > 1 && documents.length > 0 && (
          <div className="documents-filter">
            <input
              type="search"
              aria-label="Filter documents"
              placeholder="Filter: title, date, outlet…"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </div>
        )}
      </div>
      {all.length === 0 ? (
        <p className="empty">No texts yet. Use “Import texts…” or drop files here ({IMPORT_KINDS}).</p>
      ) : documents.length === 0 ? (
        <p className="empty">No document has this status.</p>
      ) : (
        <>
          {listed.length === 0 && <p className="empty">No document’s title or properties hold “{query.trim()}”.</p>}
          <ul>
            {listed.map((d) => (
              <DocumentItem key={d.id} document={d} current={d.id === openId} progress={shown?.[d.id]} />
            ))}
          </ul>
        </>
      )}
    </nav>
  )
}
