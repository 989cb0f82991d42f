import { useId, useMemo, useState } from 'react'
import { AttributeInput } from './AttributeInput'
import { TAG_MANY } from '../state/controllers/finding'
import { useSession, useSessionState } from '../state/react/use-session'
import { activeLabels, type AttributeDef } from '../../../shared/model/labels'

/**
 * Tagging the find hits: which label, attribute values for the whole batch (a source's kind, say),
 * and all hits or only the ticked ones. One change, taken back by one Ctrl+Z; more than 50,000
 * hits ask first.
 */
export function TagHitsForm({ onDone }: { onDone: () => void }) {
  const session = useSession()
  const allLabels = useSessionState((s) => s.info?.project?.labels)
  const labels = allLabels ? activeLabels(allLabels) : []
  const hits = useSessionState((s) => s.find.hits.length)
  const ticked = useSessionState((s) => s.find.ticked)
  // The label the hits were last tagged with comes first (tagging names one after another as sources, say).
  const last = useSessionState((s) => s.find.tagLabel)
  const [labelId, setLabelId] = useState(labels.find((l) => l.id === last)?.id ?? labels[0]?.id ?? '')
  const [values, setValues] = useState<Record<string, string>>({})
  const [onlyTicked, setOnlyTicked] = useState(ticked.length > 0)
  const [asking, setAsking] = useState(false)
  const id = useId()
  const label = labels.find((l) => l.id === labelId)
  // What the button would add: hits already tagged with the label at their place are skipped.
  const layer = useSessionState((s) => s.layer)
  const { fresh, skipped } = useMemo(
    () => session.finding.untagged(labelId, onlyTicked ? ticked : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the layer and the hit count stand for what untagged() reads
    [session, labelId, onlyTicked, ticked, hits, layer],
  )
  const count = fresh.length
  const tag = () => {
    if (count > TAG_MANY && !asking) return setAsking(true)
    session.finding.tag(labelId, values, onlyTicked ? ticked : null)
    onDone()
  }
  return (
    <form
      className="tag-hits"
      aria-label="Tag the hits"
      onSubmit={(e) => {
        e.preventDefault()
        tag()
      }}
    >
      <fieldset className="choice tag-hits-label">
        <legend>Tag as</legend>
        {labels.map((l) => (
          <label key={l.id} className="check">
            <input
              type="radio"
              name={`${id}-label`}
              checked={labelId === l.id}
              onChange={() => {
                setLabelId(l.id)
                setValues({})
              }}
            />
            <span className={`swatch mg-label-${l.id}`} aria-hidden="true" />
            {l.name}
          </label>
        ))}
      </fieldset>
      {/* The label's attributes on a row of their own: choosing a label never moves the other fields. */}
      <div className="tag-hits-attributes">
        {label?.attributes
          .filter((a) => !a.retired)
          .map((a) => (
            <BatchAttribute
              key={a.id}
              labelId={label.id}
              def={a}
              value={values[a.id] ?? ''}
              onChange={(v) => setValues({ ...values, [a.id]: v })}
            />
          ))}
      </div>
      <fieldset className="choice tag-hits-which">
        <legend>Which hits</legend>
        <label className="check">
          <input type="radio" name={`${id}-which`} checked={!onlyTicked} onChange={() => setOnlyTicked(false)} />
          All {hits.toLocaleString()} in this document
        </label>
        <label className="check">
          <input
            type="radio"
            name={`${id}-which`}
            checked={onlyTicked}
            disabled={ticked.length === 0}
            onChange={() => setOnlyTicked(true)}
          />
          The {ticked.length.toLocaleString()} ticked in the list
        </label>
      </fieldset>
      {asking && (
        <p className="error" role="alert">
          Tag {count.toLocaleString()} hits at once? That is one change, and Ctrl+Z takes it back.
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={count === 0 || !label}>
          {asking
            ? `Yes, tag ${count.toLocaleString()}`
            : count === 0 && skipped > 0
              ? `All ${skipped.toLocaleString()} already tagged as ${label?.name ?? '…'}`
              : `Tag ${count.toLocaleString()} as ${label?.name ?? '…'}`}
        </button>
      </div>
    </form>
  )
}

/** One attribute's value for the whole batch: a choice as a select, text with the project's values offered. */
function BatchAttribute({
  labelId,
  def,
  value,
  onChange,
}: {
  labelId: string
  def: AttributeDef
  value: string
  onChange: (v: string) => void
}) {
  const used = useSessionState((s) => s.values[`${labelId}.${def.id}`])
  return <AttributeInput def={def} value={value} suggestions={def.type === 'text' ? used : undefined} onChange={(v) => onChange(v)} />
}
