import { useId, useState } from 'react'
import { DOCUMENT_STATES, STATE_NAMES, type DocumentState } from '../../../shared/model/status'
import { useSession, useSessionState } from '../state/react/use-session'
import { plural } from '../../../shared/plural'

/**
 * Under the label toolbar: the annotator's status of the open document (not started, in progress,
 * done, done with nothing to tag). "Nothing to tag" and "not started" need a layer without
 * annotations; the host says so if one was saved meanwhile.
 */
export function DocumentBar() {
  const session = useSession()
  const id = useId()
  const doc = useSessionState((s) => s.doc?.id ?? null)
  const state = useSessionState((s) => s.documents.find((d) => d.id === s.doc?.id)?.state ?? 'not-started')
  const count = useSessionState((s) => s.documents.find((d) => d.id === s.doc?.id)?.annotationCount ?? 0)
  // A damaged text opens read-only: its status is not changed either (the banner says why).
  const readOnly = useSessionState((s) => s.doc?.readOnly ?? null)
  const [problem, setProblem] = useState<string | null>(null)
  if (!doc) return null
  const choose = async (next: DocumentState) => {
    setProblem(null)
    // Pending annotation saves first, so the host counts what is on screen.
    await session.saved()
    setProblem(await session.noting.setState(doc, next))
  }
  return (
    <div className="document-bar">
      <label htmlFor={id}>Status</label>
      <select
        id={id}
        value={state}
        disabled={readOnly !== null}
        title={
          readOnly ??
          (count > 0
            ? `“${STATE_NAMES['not-started']}” and “${STATE_NAMES['nothing-to-tag']}” are for a document without annotations of yours; this one has ${plural(count, 'annotation')}.`
            : undefined)
        }
        onChange={(e) => void choose(e.target.value as DocumentState)}
        data-testid="document-status"
      >
        {DOCUMENT_STATES.map((s) => {
          // Said in the option itself too: a greyed-out choice with no reason reads as a fault.
          const needsEmpty = count > 0 && (s === 'nothing-to-tag' || s === 'not-started')
          return (
            <option key={s} value={s} disabled={needsEmpty}>
              {needsEmpty ? `${STATE_NAMES[s]} (only with no annotations)` : STATE_NAMES[s]}
            </option>
          )
        })}
      </select>
      {problem && (
        <span className="error" role="alert">
          {problem}
        </span>
      )}
    </div>
  )
}
