import { useEffect, useId, useState } from 'react'
import type { Annotation } from '../../../shared/model/annotation'
import { findLabel } from '../../../shared/model/labels'
import type { ReviewUnit } from '../../../shared/review/units'
import { useSession, useSessionState } from '../state/react/use-session'
import { nudge } from '../state/model/word-nudge'
import { LabelSelect } from './LabelSelect'
import { SpanQuote } from './SpanQuote'
import { AttributeInput } from './AttributeInput'

/**
 * "Edit…": the reviewer's own version of a unit, prefilled from the accepted one (or the first
 * annotator's): label, span (from a selection in the text, or boundaries moved word by word),
 * attributes and note. The span being edited is marked in the text as it changes.
 */
export function UnitEditor({ unit, start: from }: { unit: ReviewUnit; start: Annotation }) {
  const session = useSession()
  const labels = useSessionState((s) => s.info?.project?.labels ?? [])
  const index = useSessionState((s) => s.review?.index)
  const values = useSessionState((s) => s.values)
  const [label, setLabel] = useState(from.label)
  const [span, setSpan] = useState({ start: from.target.position.start, end: from.target.position.end })
  const [attributes, setAttributes] = useState<Record<string, string>>({ ...from.attributes })
  const [note, setNote] = useState(from.note)
  const [problem, setProblem] = useState<string | null>(null)
  const ids = { note: useId(), attr: useId() }
  const def = findLabel(labels, label)

  useEffect(() => {
    session.reviewing.preview(span)
  }, [session, span])
  useEffect(() => () => session.reviewing.preview(null), [session])

  const move = (boundary: 'start' | 'end', dir: 1 | -1) => index && setSpan(nudge(index, span, boundary, dir))
  const fromSelection = () => {
    const picked = session.reviewing.surface?.selectedSpan()
    if (!picked) return setProblem('Select the words in the text first, then click “Use selected text”.')
    setProblem(null)
    setSpan(picked)
  }
  const save = () => {
    const kept = Object.fromEntries(Object.entries(attributes).filter(([k, v]) => v !== '' && def?.attributes.some((d) => d.id === k)))
    session.reviewing.decide(unit.key, { action: 'edit', annotation: { label, start: span.start, end: span.end, attributes: kept, note } })
  }
  const keep = (e: React.MouseEvent) => e.preventDefault()

  return (
    <form
      className="unit-editor"
      aria-label="Edit the reviewed version"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return
        e.preventDefault()
        session.reviewing.select(unit.key, false)
      }}
      onSubmit={(e) => {
        e.preventDefault()
        save()
      }}
    >
      <LabelSelect labels={labels} value={label} onChange={setLabel} autoFocus />
      <SpanQuote start={span.start} end={span.end} around={unit} />
      <div className="nudges" role="group" aria-label="Span">
        <button type="button" className="small" onMouseDown={keep} onClick={() => move('start', -1)} aria-label="Start one word earlier">
          ◀ start
        </button>
        <button type="button" className="small" onMouseDown={keep} onClick={() => move('start', 1)} aria-label="Start one word later">
          start ▶
        </button>
        <button type="button" className="small" onMouseDown={keep} onClick={fromSelection}>
          Use selected text
        </button>
        <button type="button" className="small" onMouseDown={keep} onClick={() => move('end', -1)} aria-label="End one word earlier">
          ◀ end
        </button>
        <button type="button" className="small" onMouseDown={keep} onClick={() => move('end', 1)} aria-label="End one word later">
          end ▶
        </button>
      </div>
      {def?.attributes
        .filter((d) => !d.retired || (attributes[d.id] ?? '') !== '')
        .map((d) => (
          <AttributeInput
            key={d.id}
            id={`${ids.attr}-${d.id}`}
            def={d}
            value={attributes[d.id] ?? ''}
            suggestions={d.type === 'text' ? (values[`${label}.${d.id}`] ?? []) : undefined}
            onChange={(v) => setAttributes({ ...attributes, [d.id]: v })}
          />
        ))}
      <div className="field-col">
        <label htmlFor={ids.note}>Note</label>
        <textarea id={ids.note} rows={2} value={note} maxLength={20000} onChange={(e) => setNote(e.target.value)} />
      </div>
      {problem && <p className="error">{problem}</p>}
      <div className="actions">
        <button type="button" onClick={() => session.reviewing.select(unit.key, false)}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Save edit
        </button>
      </div>
    </form>
  )
}
