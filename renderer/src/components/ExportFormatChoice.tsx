import { useId } from 'react'
import type { ExportFormat } from '../../../shared/api'
import { FORMAT_OPTIONS } from '../state/model/export-formats'

/** The Export dialog's "Format" radio group, each format with one line on what it is for. */
export function ExportFormatChoice({ value, onChange }: { value: ExportFormat; onChange: (format: ExportFormat) => void }) {
  const id = useId()
  return (
    <fieldset className="choice export-formats">
      <legend>Format</legend>
      {FORMAT_OPTIONS.map((f) => (
        <div key={f.value} className="format-option">
          <label className="check">
            <input
              type="radio"
              name={`${id}-format`}
              value={f.value}
              checked={value === f.value}
              aria-describedby={`${id}-${f.value}`}
              onChange={() => onChange(f.value)}
            />
            {f.label}
          </label>
          <span id={`${id}-${f.value}`} className="format-hint">
            {f.hint}
          </span>
        </div>
      ))}
    </fieldset>
  )
}
