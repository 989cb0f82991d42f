import { useEffect, useState } from 'react'
import { useSession, useSessionState } from '../state/react/use-session'
import { Modal } from './Modal'

/** Asks for the annotator's name (on first run, or when they click their name to change it). */
export function AnnotatorDialog() {
  const session = useSession()
  const info = useSessionState((s) => s.info)
  const [name, setName] = useState(info?.annotator ?? info?.suggestedAnnotator ?? '')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // Colleagues with a layer in the open project: taking one's name would write into their layer.
  const [others, setOthers] = useState<readonly string[]>([])
  const [confirmed, setConfirmed] = useState<string | null>(null)
  const hasProject = Boolean(info?.project)
  useEffect(() => {
    if (!hasProject) return
    let live = true
    session.client
      .call('project.annotators', {})
      .then((list) => live && setOthers(list.map((a) => a.annotator)))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [session, hasProject])
  const typed = name.trim().normalize('NFC')
  const colleague =
    typed.toLowerCase() === (info?.annotator ?? '').toLowerCase()
      ? undefined
      : others.find((o) => o.toLowerCase() === typed.toLowerCase() && o !== info?.annotator)
  const required = !info?.annotator
  return (
    <Modal title={required ? 'Welcome to Marginalia' : 'Change annotator'} required={required} onClose={() => session.askAnnotator(false)}>
      <form
        className="stack"
        onSubmit={async (e) => {
          e.preventDefault()
          if (typed === '') return setError('Type your name first: your annotations are kept under it.')
          if (colleague !== undefined && confirmed !== colleague) {
            setConfirmed(colleague)
            return setError(
              `${colleague} already has annotations in this project: continue only if you are ${colleague}, since your work would go into that layer.`,
            )
          }
          setBusy(true)
          const problem = await session.setAnnotator(name)
          setBusy(false)
          setError(problem)
          // The first start: the dialog closed before the first document opened, so the keyboard
          // had nowhere to go back to; it goes into that document's text, where the keys tag.
          if (!problem && (document.activeElement === null || document.activeElement === document.body))
            document.querySelector<HTMLElement>('[data-focus-home]')?.focus({ preventScroll: true })
        }}
      >
        <label className="field">
          <span>Your name as annotator</span>
          <input
            value={name}
            onChange={(e) => {
              setName(e.target.value)
              setError(null)
            }}
            autoFocus
            maxLength={64}
            aria-required="true"
            aria-describedby="annotator-help"
          />
        </label>
        <p id="annotator-help" className="help">
          Your annotations are kept under this name, apart from your colleagues’ (letters, digits, spaces, . _ -).
        </p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          {!required && (
            <button type="button" onClick={() => session.askAnnotator(false)}>
              Cancel
            </button>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {colleague !== undefined && confirmed === colleague ? `Continue as ${colleague}` : 'Continue'}
          </button>
        </div>
      </form>
    </Modal>
  )
}
