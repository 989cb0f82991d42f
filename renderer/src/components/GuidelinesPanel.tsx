import { useId, useState } from 'react'
import { shortTime } from '../state/model/describe'
import { useSession, useSessionState } from '../state/react/use-session'
import { SafeMarkdown } from './SafeMarkdown'

/**
 * The project's guidelines.md, rendered safely; Edit opens it as Markdown to change and save (a
 * save over a version someone changed meanwhile is refused, the text kept in the field). The path
 * is shown, to open the file in another editor.
 */
export function GuidelinesPanel() {
  const session = useSession()
  const id = useId()
  const guidelines = useSessionState((s) => s.guidelines)
  // The text being edited and the version it started from (a save never goes over another) live
  // in the session, so switching panels or documents keeps them.
  const editing = useSessionState((s) => s.guidelinesDraft)
  const draft = editing?.text ?? null
  const base = editing?.base ?? null
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  if (!guidelines) return <p className="help guidelines-empty">Reading the guidelines…</p>
  const save = async () => {
    if (draft === null) return
    setSaving(true)
    const failed = await session.noting.saveGuidelines()
    setSaving(false)
    setProblem(failed)
  }
  return (
    <div className="guidelines" data-testid="guidelines">
      <div className="guidelines-head">
        <h2 className="pane-title">Guidelines</h2>
        <span className="toolbar-gap" />
        {draft === null ? (
          <>
            <button
              type="button"
              className="small quiet"
              title="Read guidelines.md again from disk"
              onClick={() => void session.noting.loadGuidelines()}
            >
              Reload
            </button>
            <button
              type="button"
              className="small"
              onClick={() => {
                setProblem(null)
                session.noting.editGuidelines()
              }}
            >
              {guidelines.exists ? 'Edit' : 'Write guidelines'}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="small quiet" onClick={() => session.noting.cancelGuidelines()}>
              Cancel
            </button>
            <button type="button" className="small primary" disabled={saving} onClick={() => void save()}>
              Save
            </button>
          </>
        )}
      </div>
      <p className="help guidelines-path" title={guidelines.path}>
        {guidelines.exists
          ? `${guidelines.path}${guidelines.modified ? ` · saved ${shortTime(guidelines.modified)}` : ''}`
          : `No guidelines yet: ${guidelines.path}`}
      </p>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {draft !== null && !problem && guidelines.sha256 !== base && (
        <p className="error" role="status">
          guidelines.md changed on disk while you were editing; saving will be refused, so copy your text first.
        </p>
      )}
      {draft !== null ? (
        <>
          <label htmlFor={id} className="sr-only">
            guidelines.md (Markdown)
          </label>
          <textarea
            id={id}
            className="guidelines-source"
            value={draft}
            spellCheck
            onChange={(e) => session.noting.setGuidelinesDraft(e.target.value)}
          />
          <p className="help">
            Markdown. A section headed with a label’s name (“## Claim”) is that label’s definition, shown when you point at its button.
          </p>
        </>
      ) : guidelines.exists ? (
        <SafeMarkdown markdown={guidelines.text} className="guidelines-body" />
      ) : (
        <p className="help">
          Write the coding guidelines here, in Markdown; a section headed with a label’s name (“## Claim”) becomes that label’s definition
          in the toolbar.
        </p>
      )}
    </div>
  )
}
