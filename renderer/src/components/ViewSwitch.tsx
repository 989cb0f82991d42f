import type { View } from '../state/model/session-state'
import { useSession, useSessionState } from '../state/react/use-session'

const VIEWS: { view: View; name: string; title: string }[] = [
  { view: 'annotate', name: 'Annotate', title: 'Annotate the open document in your own layer' },
  { view: 'review', name: 'Review', title: 'Compare colleagues’ annotations of the open document and settle each difference' },
  { view: 'agreement', name: 'Agreement', title: 'Inter-annotator agreement for the project or one document' },
  { view: 'retrieve', name: 'Retrieve', title: 'Every annotation of the project: filter, group, open, export' },
  { view: 'analysis', name: 'Analysis', title: 'Who says what about whom: actors and targets, networks, stances over time' },
]

/** Annotate | Review | Agreement | Retrieve | Analysis: which view the window shows; the current one is pressed. */
export function ViewSwitch() {
  const session = useSession()
  const view = useSessionState((s) => s.view)
  const hasDoc = useSessionState((s) => s.doc !== null)
  return (
    <div className="view-switch" role="group" aria-label="View">
      {VIEWS.map((v) => (
        <button
          key={v.view}
          type="button"
          aria-pressed={view === v.view}
          title={v.title}
          disabled={v.view === 'review' && !hasDoc}
          onClick={() => session.mode.setView(v.view)}
        >
          {v.name}
        </button>
      ))}
    </div>
  )
}
