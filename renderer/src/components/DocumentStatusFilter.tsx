import { DOCUMENT_STATES, STATE_NAMES, stateCounts } from '../../../shared/model/status'
import type { DocumentFilter } from '../state/model/session-state'
import { useSession, useSessionState } from '../state/react/use-session'
import { StatusMark } from './StatusMark'

/**
 * How many of the project's documents the annotator has in each status, each a toggle that shows
 * only those documents in the list (pressed again, all of them).
 */
export function DocumentStatusFilter() {
  const session = useSession()
  const documents = useSessionState((s) => s.documents)
  const filter = useSessionState((s) => s.documentFilter)
  const counts = stateCounts(documents.map((d) => d.state))
  const choose = (f: DocumentFilter) => session.store.set({ documentFilter: filter === f ? 'all' : f })
  return (
    <div className="status-filter" role="group" aria-label="Show documents by your status">
      {DOCUMENT_STATES.map((state) => (
        <button
          key={state}
          type="button"
          className="status-chip"
          aria-pressed={filter === state}
          title={filter === state ? 'Show every document' : `Show only documents marked “${STATE_NAMES[state]}”`}
          data-testid={`status-count-${state}`}
          onClick={() => choose(state)}
        >
          <StatusMark state={state} />
          <span className="status-chip-name">{STATE_NAMES[state]}</span>
          <span className="count">{counts[state]}</span>
        </button>
      ))}
    </div>
  )
}
