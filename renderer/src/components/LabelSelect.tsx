import { useId } from 'react'
import type { LabelSchema } from '../../../shared/model/labels'

/** A "Label" field: a select of the project's labels by name, in a field row. */
export function LabelSelect({
  labels,
  value,
  onChange,
  autoFocus = false,
}: {
  labels: LabelSchema
  value: string
  onChange: (label: string) => void
  autoFocus?: boolean
}) {
  const id = useId()
  return (
    <div className="field-row">
      <label htmlFor={id}>Label</label>
      <select id={id} value={value} autoFocus={autoFocus} onChange={(e) => onChange(e.target.value)}>
        {labels
          .filter((l) => !l.retired || l.id === value)
          .map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
      </select>
    </div>
  )
}
