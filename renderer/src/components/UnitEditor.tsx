import { useEffect, useId, useState } from 'react'
import { inTextOrder, type Annotation } from '../../../shared/model/annotation'
import { findLabel, inSentence } from '../../../shared/model/labels'
import type { ReviewedAnnotation } from '../../../shared/model/review'
import type { ReviewUnit } from '../../../shared/review/units'
import { useSession, useSessionState } from '../state/react/use-session'
import { nudge } from '../state/model/word-nudge'
import { sourceOption, sourceOptions } from '../state/model/describe'
import { LabelSelect } from './LabelSelect'
import { SpanQuote } from './SpanQuote'
import { AttributeInput } from './AttributeInput'

/**
 * "Edit…": the reviewer's own version of a unit, prefilled from the accepted one (or the first
 * annotator's): label, span (from a selection in the text, or boundaries moved word by word),
 * attributes, its source (for a label attributed to one: as the annotators linked it, none, or a
 * source of the reviewed layer) and note. The span being edited is marked in the text as it changes.
 */

/** The Source field's value for "as the annotators linked it" and for "none". */
const AS_LINKED = ''
const NO_SOURCE = '\u0000none'
export function UnitEditor({ unit, start: from }: { unit: ReviewUnit; start: Annotation }) {
  const session = useSession()
  const labels = useSessionState((s) => s.info?.project?.labels ?? [])
  const index = useSessionState((s) => s.review?.index)
  const values = useSessionState((s) => s.values)
  const [label, setLabel] = useState(from.label)
  const [span, setSpan] = useState({ start: from.target.position.start, end: from.target.position.end })
  const [attributes, setAttributes] = useState<Record<string, string>>({ ...from.attributes })
  const [note, setNote] = useState(from.note)
  // A reviewed version being edited again starts from the source the reviewer chose, if they chose one.
  const chosen = (from as Partial<ReviewedAnnotation>).provenance?.source
  const [source, setSource] = useState(chosen === undefined ? AS_LINKED : chosen === null ? NO_SOURCE : chosen)
  const [problem, setProblem] = useState<string | null>(null)
  const ids = { note: useId(), attr: useId(), source: useId() }
  const def = findLabel(labels, label)
  const sourceDef = def?.attributedTo ? findLabel(labels, def.attributedTo) : undefined
  const reviewed = useSessionState((s) => s.review?.reviewed.annotations)
  // The reviewed layer's sources, in text order (a handful: the compiler keeps them between renders).
  const sources = sourceDef ? inTextOrder((reviewed ?? []).filter((a) => a.label === sourceDef.id)) : []
  const sourceTexts = sourceOptions(sources)

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
    // A source only for a label attributed to one, and only one of the reviewed layer's sources.
    const picked =
      !sourceDef || source === AS_LINKED
        ? undefined
        : source === NO_SOURCE
          ? null
          : sources.some((a) => a.id === source)
            ? source
            : undefined
    session.reviewing.decide(unit.key, {
      action: 'edit',
      annotation: { label, start: span.start, end: span.end, attributes: kept, note, ...(picked === undefined ? {} : { source: picked }) },
    })
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
      {sourceDef && (
        <div className="field-row">
          <label htmlFor={ids.source}>{sourceDef.name}</label>
          <select id={ids.source} value={source} onChange={(e) => setSource(e.target.value)}>
            <option value={AS_LINKED}>As the annotators linked it</option>
            <option value={NO_SOURCE}>(none)</option>
            {sources.map((a) => (
              <option key={a.id} value={a.id}>
                {sourceTexts.get(a.id) ?? sourceOption(a)}
              </option>
            ))}
          </select>
          {sources.length === 0 && (
            <p className="hint">No {inSentence(sourceDef.name)} is in the reviewed layer yet: settle one first to pick it here.</p>
          )}
        </div>
      )}
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
