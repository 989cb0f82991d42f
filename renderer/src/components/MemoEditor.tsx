import { useEffect, useId, useRef, useState } from 'react'

const QUIET_MS = 800

/**
 * A memo the user writes: saved when typing pauses and when the field loses focus; says "Saved"
 * or the host's sentence (the text stays in the field when a save fails).
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
  const id = useId()
  const [text, setText] = useState(value)
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | { problem: string }>('idle')
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const saved = useRef(value)
  // Another window or a colleague changed it: show theirs unless the user is typing.
  useEffect(() => {
    if (timer.current === undefined && value !== saved.current) {
      saved.current = value
      setText(value)
    }
  }, [value])
  // Leaving (another document, another panel) saves what was typed but not yet saved.
  const latest = useRef({ text, save })
  useEffect(() => {
    latest.current = { text, save }
  })
  useEffect(
    () => () => {
      if (timer.current === undefined) return
      clearTimeout(timer.current)
      if (latest.current.text !== saved.current) void latest.current.save(latest.current.text)
    },
    [],
  )
  const flush = async (next: string) => {
    clearTimeout(timer.current)
    timer.current = undefined
    if (next === saved.current) return
    setState('saving')
    const problem = await save(next)
    if (problem) return setState({ problem })
    saved.current = next
    setState('saved')
  }
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
          const next = e.target.value
          setText(next)
          clearTimeout(timer.current)
          timer.current = setTimeout(() => void flush(next), QUIET_MS)
        }}
        onBlur={() => void flush(text)}
      />
      <span className={typeof state === 'object' ? 'error' : 'help'} role="status">
        {typeof state === 'object' ? state.problem : state === 'saving' ? 'Saving…' : state === 'saved' ? 'Saved' : ''}
      </span>
    </div>
  )
}
