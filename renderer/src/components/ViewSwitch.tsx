import { VIEWS } from '../state/model/views'
import { useSession, useSessionState } from '../state/react/use-session'

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
          disabled={v.needsDocument === true && !hasDoc}
          onClick={() => session.mode.setView(v.view)}
        >
          {v.name}
        </button>
      ))}
    </div>
  )
}
