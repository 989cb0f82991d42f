import { useState } from 'react'
import { useSession, useSessionState } from '../state/react/use-session'
import { Modal } from './Modal'

/** Asks for the annotator's name (on first run, or when they click their name to change it). */
export function AnnotatorDialog() {
  const session = useSession()
  const info = useSessionState((s) => s.info)
  const [name, setName] = useState(info?.annotator ?? info?.suggestedAnnotator ?? '')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const required = !info?.annotator
  return (
    <Modal title={required ? 'Welcome to Marginalia' : 'Change annotator'} required={required} onClose={() => session.askAnnotator(false)}>
      <form
        className="stack"
        onSubmit={async (e) => {
          e.preventDefault()
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
            onChange={(e) => setName(e.target.value)}
            autoFocus
            maxLength={64}
            required
            aria-describedby="annotator-help"
          />
        </label>
        <p id="annotator-help" className="help">
          Your annotations are kept under this name, apart from your colleagues’ (letters, digits, spaces, . _ -).
        </p>
        {error && <p className="error">{error}</p>}
        <div className="actions">
          {!required && (
            <button type="button" onClick={() => session.askAnnotator(false)}>
              Cancel
            </button>
          )}
          <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
            Continue
          </button>
        </div>
      </form>
    </Modal>
  )
}
