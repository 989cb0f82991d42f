import { useSession, useSessionState } from '../state/react/use-session'

/** "Saved", "Saving…" or "Not saved: <why>" with Retry; saving itself is automatic. */
export function SaveIndicator() {
  const session = useSession()
  const save = useSessionState((s) => s.save)
  const text = save.kind === 'saved' ? 'Saved' : save.kind === 'saving' ? 'Saving…' : `Not saved: ${save.message}`
  return (
    <div className={`save save-${save.kind}`}>
      <span role="status" data-testid="save-state" title={save.kind === 'error' ? text : undefined}>
        {text}
      </span>
      {save.kind === 'error' && (
        <>
          <button type="button" className="small" onClick={() => session.work.retry()}>
            Retry
          </button>
          <button
            type="button"
            className="small quiet"
            title="Give up these changes; they are already taken back on screen"
            onClick={() => session.discardUnsaved()}
          >
            Discard
          </button>
        </>
      )}
    </div>
  )
}
