import { useId } from 'react'
import type { ChoiceOption } from '../state/model/export-formats'

/** A radio group whose every choice carries a line of its own on what it is for (the Export dialog's Format and Table). */
export function HintedChoice<T extends string>({
  legend,
  options,
  value,
  onChange,
  className = 'choice',
}: {
  legend: string
  options: readonly ChoiceOption<T>[]
  value: T
  onChange: (value: T) => void
  className?: string
}) {
  const id = useId()
  return (
    <fieldset className={className}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <div key={o.value} className="format-option">
          <label className="check">
            <input
              type="radio"
              name={`${id}-choice`}
              value={o.value}
              checked={value === o.value}
              aria-describedby={`${id}-${o.value}`}
              onChange={() => onChange(o.value)}
            />
            {o.label}
          </label>
          <span id={`${id}-${o.value}`} className="format-hint">
            {o.hint}
          </span>
        </div>
      ))}
    </fieldset>
  )
}
