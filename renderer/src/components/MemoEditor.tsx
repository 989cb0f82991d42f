import { useEffect, useId, useRef, useState } from 'react'
import { useSession } from '../state/react/use-session'

const QUIET_MS = 800

/**
 * A memo the user writes: saved when typing pauses, when the field loses focus and when it goes
 * away; says "Saved" or the host's sentence (the text stays in the field when a save fails). Until
 * it is saved it is a draft of the session's work: the header says it is not saved yet, leaving the
 * page asks first and sends it, and the header's Retry and Discard act on it.
 */
export function MemoEditor({
  label,
  value,
  placeholder,
  save,
  testId,
}: {
  label: string
  value: string
  placeholder: string
  save: (text: string) => Promise<string | null>
  testId?: string
}) {
  const session = useSession()
  const id = useId()
  const [text, setText] = useState(value)
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | { problem: string }>('idle')
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const saved = useRef(value)
  const typed = useRef(value)
  const saveNow = useRef(save)
  useEffect(() => {
    saveNow.current = save
  })
  // Another window or a colleague changed it: show theirs unless the user is typing.
  useEffect(() => {
    if (timer.current === undefined && typed.current === saved.current && value !== saved.current) {
      saved.current = typed.current = value
      setText(value)
    }
  }, [value])
  const flush = useRef(async () => {})
  const draft = (problem: string | null) => ({
    send: () => void flush.current(),
    discard: () => {
      clearTimeout(timer.current)
      timer.current = undefined
      typed.current = saved.current
      setText(saved.current)
      setState('idle')
    },
    problem,
  })
  useEffect(() => {
    flush.current = async () => {
      clearTimeout(timer.current)
      timer.current = undefined
      const next = typed.current
      if (next === saved.current) return session.work.setDraft(id, null)
      setState('saving')
      const problem = await saveNow.current(next)
      if (problem) {
        session.work.setDraft(id, draft(problem))
        return setState({ problem })
      }
      saved.current = next
      // Typed on while it was saved: that is still a draft, saved when typing pauses.
      if (typed.current === next) session.work.setDraft(id, null)
      setState('saved')
    }
  })
  // Leaving (another document, another panel) saves what was typed but not yet saved.
  useEffect(
    () => () => {
      if (typed.current !== saved.current) void flush.current()
    },
    [],
  )
  return (
    <div className="field-col memo-editor">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={5}
        value={text}
        maxLength={100_000}
        placeholder={placeholder}
        data-testid={testId}
        onChange={(e) => {
          typed.current = e.target.value
          setText(e.target.value)
          session.work.setDraft(id, draft(null))
          clearTimeout(timer.current)
          timer.current = setTimeout(() => void flush.current(), QUIET_MS)
        }}
        onBlur={() => void flush.current()}
      />
      <span className={typeof state === 'object' ? 'error' : 'help'} role="status">
        {typeof state === 'object' ? state.problem : state === 'saving' ? 'Saving…' : state === 'saved' ? 'Saved' : ''}
      </span>
    </div>
  )
}
