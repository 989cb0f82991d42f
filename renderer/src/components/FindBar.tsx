import { useEffect, useId, useRef, useState } from 'react'
import type { Query } from '../../../shared/search/find'
import { useSession, useSessionState } from '../state/react/use-session'
import { TagHitsForm } from './TagHitsForm'

const OPTIONS: { key: keyof Pick<Query, 'caseSensitive' | 'wholeWord' | 'diacriticsSensitive'>; text: string; title: string }[] = [
  { key: 'caseSensitive', text: 'Aa', title: 'Match case' },
  { key: 'wholeWord', text: 'W', title: 'Whole words only' },
  { key: 'diacriticsSensitive', text: 'é', title: 'Match diacritics (é is not e)' },
]

/**
 * Find in the open document (Ctrl/Cmd+F): the query and its options, "12 of 148", stepping with
 * Enter, Shift+Enter or F3, the hits listed or the whole project searched, and tagging the hits.
 * Escape closes it and puts the keyboard back in the text.
 */
export function FindBar() {
  const session = useSession()
  const find = useSessionState((s) => s.find)
  const readOnly = useSessionState((s) => s.doc?.readOnly ?? null)
  const [tagging, setTagging] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  const ids = { input: useId(), count: useId() }
  const f = session.finding

  // Each Ctrl+F (find.focus counts them) puts the keyboard in the field, its text selected.
  const focusRequests = find.focus
  useEffect(() => {
    if (focusRequests === 0) return
    input.current?.focus()
    input.current?.select()
  }, [focusRequests])

  if (!find.open) return null
  const { query, hits, current } = find
  const count =
    query.text === ''
      ? ''
      : find.searching
        ? 'Searching…'
        : hits.length === 0
          ? 'No hits'
          : `${current === null ? 0 : current + 1} of ${hits.length.toLocaleString()}${find.truncated ? '+' : ''}`
  return (
    <div className="find-bar" role="search" aria-label="Find in the text">
      <div className="find-row">
        <label htmlFor={ids.input} className="sr-only">
          Find
        </label>
        <input
          ref={input}
          id={ids.input}
          type="search"
          className="find-input"
          placeholder={query.mode === 'regex' ? 'Regular expression' : 'Find in the text'}
          value={query.text}
          aria-describedby={ids.count}
          aria-invalid={find.problem !== null}
          spellCheck={false}
          onChange={(e) => f.setQuery({ text: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              f.enter(e.shiftKey ? -1 : 1)
            } else if (e.key === 'Escape') {
              e.preventDefault()
              f.close()
            }
          }}
        />
        {OPTIONS.map((o) => (
          <button
            key={o.key}
            type="button"
            className="find-option"
            aria-pressed={query[o.key]}
            aria-label={o.title}
            title={o.title}
            disabled={o.key === 'diacriticsSensitive' && query.mode === 'regex'}
            onClick={() => f.setQuery({ [o.key]: !query[o.key] })}
          >
            {o.text}
          </button>
        ))}
        <button
          type="button"
          className="find-option"
          aria-pressed={query.mode === 'regex'}
          aria-label="Regular expression"
          title="Regular expression (JavaScript, with the u flag: \w and \b know only ASCII letters; \p{L} is any letter)"
          // A pattern says its own boundaries (\b, or none for "\n\n"): Whole words goes off with it, and back on for words.
          onClick={() => f.setQuery(query.mode === 'regex' ? { mode: 'plain', wholeWord: true } : { mode: 'regex', wholeWord: false })}
        >
          .*
        </button>
        <span id={ids.count} className="find-count" aria-live="polite">
          {count}
        </span>
        <button
          type="button"
          aria-label="Previous hit (Shift+Enter)"
          title="Previous hit (Shift+Enter, Shift+F3)"
          disabled={hits.length === 0}
          onClick={() => f.step(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label="Next hit (Enter)"
          title="Next hit (Enter, F3)"
          disabled={hits.length === 0}
          onClick={() => f.step(1)}
        >
          ↓
        </button>
        <button
          type="button"
          disabled={hits.length === 0 || readOnly !== null}
          title={readOnly ?? 'Tag every hit, or the ticked ones, with a label'}
          onClick={() => setTagging((t) => !t)}
        >
          Tag all…
        </button>
        <button
          type="button"
          aria-pressed={find.listed && find.project === null}
          disabled={hits.length === 0}
          title="List the hits beside the text"
          onClick={() => f.list(!find.listed)}
        >
          List
        </button>
        <button
          type="button"
          aria-pressed={find.project !== null}
          disabled={query.text === ''}
          onClick={() => (find.project ? f.closeProject() : void f.searchProject())}
        >
          {find.projectSearching ? 'Searching all…' : 'In all documents'}
        </button>
        <button type="button" className="quiet" aria-label="Close find (Escape)" title="Close (Escape)" onClick={() => f.close()}>
          ×
        </button>
      </div>
      {find.problem && (
        <p className="error find-problem" role="alert">
          {find.problem}
        </p>
      )}
      {tagging && hits.length > 0 && <TagHitsForm onDone={() => setTagging(false)} />}
    </div>
  )
}
