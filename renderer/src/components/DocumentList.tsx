import { useSessionState } from '../state/use-session'
import { DocumentItem } from './DocumentItem'

/** The project's documents, with their annotation counts; the open one is marked. */
export function DocumentList() {
  const documents = useSessionState((s) => s.documents)
  const openId = useSessionState((s) => s.doc?.id ?? s.opening)
  return (
    <nav className="documents" aria-label="Documents">
      <h2 className="pane-title">Documents</h2>
      {documents.length === 0 ? (
        <p className="empty">No texts yet. Use “Import texts…” or drop .txt and .md files here.</p>
      ) : (
        <ul>
          {documents.map((d) => (
            <DocumentItem key={d.id} document={d} current={d.id === openId} />
          ))}
        </ul>
      )}
    </nav>
  )
}
