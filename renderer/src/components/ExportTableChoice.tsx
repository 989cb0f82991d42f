import { useId } from 'react'
import type { ExportTable } from '../../../shared/api'

/** The Export dialog's "Table" radio group for CSV and TSV: one row per annotation, or one per link. */
export function ExportTableChoice({ value, onChange }: { value: ExportTable; onChange: (table: ExportTable) => void }) {
  const id = useId()
  const options: readonly (readonly [ExportTable, string, string])[] = [
    ['spans', 'Spans', 'One row per annotation, with its source.'],
    ['links', 'Links', 'One row per link: its type and both ends’ ids, labels and texts. Join to the spans by id.'],
  ]
  return (
    <fieldset className="choice">
      <legend>Table</legend>
      {options.map(([table, text, hint]) => (
        <div key={table} className="format-option">
          <label className="check">
            <input
              type="radio"
              name={`${id}-table`}
              value={table}
              checked={value === table}
              aria-describedby={`${id}-${table}`}
              onChange={() => onChange(table)}
            />
            {text}
          </label>
          <span id={`${id}-${table}`} className="format-hint">
            {hint}
          </span>
        </div>
      ))}
    </fieldset>
  )
}
