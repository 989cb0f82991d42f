import { useEffect, useId, useRef, useState } from 'react'
import { useSession, useSessionState } from '../state/react/use-session'
import { Modal } from './Modal'
import { annotatorWork } from '../state/model/describe'

const MAX = 12

/**
 * Whom to compare in review mode: two to twelve of the annotators with layers in the project
 * (yourself included when you have one). The choice is kept for this browser tab.
 */
export function ReviewSetup() {
  const session = useSession()
  const annotators = useSessionState((s) => s.annotators)
  const compared = useSessionState((s) => s.compared)
  const me = useSessionState((s) => s.info?.annotator ?? null)
  const [picked, setPicked] = useState<string[] | null>(compared ? [...compared] : null)
  const helpId = useId()
  const names = annotators?.map((a) => a.annotator) ?? []
  // Until the user has picked, everyone with a layer is ticked (up to twelve).
  const chosen = (picked ?? names.slice(0, MAX)).filter((n) => names.includes(n))
  const toggle = (name: string) =>
    setPicked(chosen.includes(name) ? chosen.filter((n) => n !== name) : names.filter((n) => n === name || chosen.includes(n)))
  const ok = chosen.length >= 2 && chosen.length <= MAX
  // Enter starts the review once there is one to start (the dialog opens on Cancel, the first button,
  // while the annotators are still being looked for).
  const start = useRef<HTMLButtonElement>(null)
  const ready = annotators !== null && ok
  useEffect(() => {
    const active = document.activeElement
    const onCancel = active instanceof HTMLButtonElement && active.type === 'button' && active.closest('.actions') !== null
    if (ready && (onCancel || active === document.body)) start.current?.focus()
  }, [ready])

  return (
    <Modal title="Review: compare annotators" onClose={() => session.mode.choose(false)}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault()
          if (ok) session.mode.start(chosen)
        }}
      >
        <p id={helpId} className="help">
          Choose two or more annotators whose layers the review compares. Your decisions go into the reviewed layer, apart from everyone’s
          own.
        </p>
        {annotators === null ? (
          <p className="help">Looking for annotators…</p>
        ) : names.length < 2 ? (
          <p className="error">
            This project has {names.length === 0 ? 'no annotators' : 'only one annotator'} yet; import a colleague’s annotations first
            (Import annotations…).
          </p>
        ) : (
          <fieldset className="annotator-choice" aria-describedby={helpId}>
            <legend>Annotators</legend>
            {annotators.map((a) => (
              <label key={a.annotator} className="check">
                <input type="checkbox" checked={chosen.includes(a.annotator)} onChange={() => toggle(a.annotator)} />
                <span>
                  {a.annotator}
                  {a.annotator === me && ' (you)'}
                </span>
                <span className="help">{annotatorWork(a)}</span>
              </label>
            ))}
          </fieldset>
        )}
        {chosen.length > MAX && <p className="error">Compare at most {MAX} annotators at a time.</p>}
        <div className="actions">
          <button type="button" onClick={() => session.mode.choose(false)}>
            Cancel
          </button>
          <button ref={start} type="submit" className="primary" disabled={!ok}>
            Start review
          </button>
        </div>
      </form>
    </Modal>
  )
}
