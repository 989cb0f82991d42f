import { useSessionState } from '../state/react/use-session'

/** A short, passing note about colleagues' changes taken in from disk ("jonas’s annotations were updated."). */
export function ChangeNote() {
  const note = useSessionState((s) => s.changeNote)
  return (
    <span className="change-note" role="status" data-testid="change-note" title={note ?? undefined}>
      {note}
    </span>
  )
}
