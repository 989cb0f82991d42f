import { useEffect } from 'react'
import { STATE_NAMES } from '../../../shared/model/status'
import { shortTime } from '../state/model/describe'
import { useSession, useSessionState } from '../state/react/use-session'
import { MemoEditor } from './MemoEditor'
import { StatusMark } from './StatusMark'

/**
 * Memos: the annotator's own memo on the open document and on the project (editable, saved in
 * their own files), and every colleague's beside them, read-only, with each annotator's status of
 * the document — what a reviewer reads before deciding.
 */
export function MemoPanel() {
  const session = useSession()
  const me = useSessionState((s) => s.info?.annotator ?? null)
  const doc = useSessionState((s) => s.doc?.id ?? null)
  const title = useSessionState((s) => s.documents.find((d) => d.id === s.doc?.id)?.title ?? '')
  const notes = useSessionState((s) => (s.notes?.document === s.doc?.id ? s.notes : null))
  const project = useSessionState((s) => s.projectMemos)
  useEffect(() => {
    void session.noting.loadProject()
  }, [session])
  const mine = notes?.memos.find((m) => m.annotator === me)
  const others = notes?.memos.filter((m) => m.annotator !== me) ?? []
  const states = notes?.states.filter((s) => s.state !== 'not-started' || notes.memos.some((m) => m.annotator === s.annotator)) ?? []
  const myProject = project?.find((m) => m.annotator === me)
  const otherProject = project?.filter((m) => m.annotator !== me) ?? []
  return (
    <div className="memo-panel" data-testid="memo-panel">
      {doc && (
        <section aria-label="Memos on this document">
          <h2 className="pane-title">This document</h2>
          {notes && (
            <MemoEditor
              key={`${doc}/${me}`}
              label={`Your memo on “${title}”`}
              value={mine?.text ?? ''}
              placeholder="What you noticed, doubts, what to discuss…"
              save={(text) => session.noting.setMemo(doc, text)}
              testId="document-memo"
            />
          )}
          {states.length > 0 && (
            <ul className="memo-states" aria-label="Everyone's status of this document">
              {states.map((s) => (
                <li key={s.annotator}>
                  <StatusMark state={s.state} /> {s.annotator}: {STATE_NAMES[s.state]}
                </li>
              ))}
            </ul>
          )}
          {others.map((m) => (
            <article key={m.annotator} className="memo" aria-label={`${m.annotator}'s memo`}>
              <header>
                <strong>{m.annotator}</strong> <span className="help">{shortTime(m.modified)}</span>
              </header>
              <p dir="auto">{m.text}</p>
            </article>
          ))}
          {notes && others.length === 0 && <p className="help">No colleague has written a memo on this document.</p>}
        </section>
      )}
      <section aria-label="Project memos">
        <h2 className="pane-title">The project</h2>
        {project && (
          <MemoEditor
            key={`project/${me}`}
            label="Your project memo"
            value={myProject?.text ?? ''}
            placeholder="Decisions, open questions, what to do next…"
            save={(text) => session.noting.setProjectMemo(text)}
            testId="project-memo"
          />
        )}
        {otherProject.map((m) => (
          <article key={m.annotator} className="memo" aria-label={`${m.annotator}'s project memo`}>
            <header>
              <strong>{m.annotator}</strong> <span className="help">{shortTime(m.modified)}</span>
            </header>
            <p dir="auto">{m.text}</p>
          </article>
        ))}
      </section>
    </div>
  )
}
