import { useEffect, useId, useRef, useState, type Ref } from 'react'
import { numberText, offeredOptions, valueFrom, valueProblem, type AttributeDef } from '../../../shared/model/labels'
import { TypedEchoes } from '../state/model/typed-echoes'

/**
 * One attribute's field, for every attribute type: a choice as a <select> of its option names
 * (retired options only when already chosen), yes/no as a <select>, a number as a number field
 * that stores only a valid number (saying why not, under the field), text as a field with the
 * project's earlier values offered. `onChange` gets the stored value ('' for unset) and whether
 * the user is still typing (text), so a caller can save once typing pauses.
 */
export function AttributeInput({
  def,
  value,
  onChange,
  suggestions,
  id: givenId,
  inputRef,
  onBlur,
}: {
  def: AttributeDef
  /** The stored value ('' when unset). */
  value: string
  onChange: (stored: string, typing: boolean) => void
  /** Values to offer for a text attribute (completion). */
  suggestions?: readonly string[]
  id?: string
  inputRef?: Ref<HTMLInputElement>
  onBlur?: () => void
}) {
  const ownId = useId()
  const id = givenId ?? ownId
  switch (def.type) {
    case 'choice':
      return (
        <div className="field-row">
          <label htmlFor={id}>{def.name}</label>
          <select id={id} value={value} onChange={(e) => onChange(e.target.value, false)}>
            <option value="">—</option>
            {offeredOptions(def, value).map((o) => (
              <option key={o.value} value={o.value}>
                {o.name}
              </option>
            ))}
            {value !== '' && !def.options.some((o) => o.value === value) && <option value={value}>{value}</option>}
          </select>
        </div>
      )
    case 'boolean':
      return (
        <div className="field-row">
          <label htmlFor={id}>{def.name}</label>
          <select id={id} value={value} onChange={(e) => onChange(e.target.value, false)}>
            <option value="">—</option>
            <option value="yes">yes</option>
            <option value="no">no</option>
          </select>
        </div>
      )
    case 'number':
      return <NumberInput def={def} value={value} onChange={onChange} id={id} onBlur={onBlur} />
    case 'text':
      return (
        <div className="field-row">
          <label htmlFor={id}>{def.name}</label>
          <input
            ref={inputRef}
            id={id}
            value={value}
            list={suggestions && suggestions.length > 0 ? `${id}-values` : undefined}
            maxLength={1000}
            autoComplete="off"
            onChange={(e) => onChange(e.target.value, true)}
            onBlur={onBlur}
          />
          {suggestions && suggestions.length > 0 && (
            <datalist id={`${id}-values`}>
              {suggestions.map((v) => (
                <option key={v} value={v} />
              ))}
            </datalist>
          )}
        </div>
      )
  }
}

function NumberInput({
  def,
  value,
  onChange,
  id,
  onBlur,
}: {
  def: Extract<AttributeDef, { type: 'number' }>
  value: string
  onChange: (stored: string, typing: boolean) => void
  id: string
  onBlur?: () => void
}) {
  // While the field has focus it shows what is typed (which may not be a number yet); otherwise the
  // value. A value that changes to one not typed here (an Undo clicked meanwhile) replaces the draft.
  // A number that cannot be kept (out of bounds, not whole) stays shown after the field is left,
  // with why and that it was not saved, instead of vanishing back to the saved value.
  const [draft, setDraft] = useState<string | null>(null)
  const [left, setLeft] = useState(false)
  const echoes = useRef(new TypedEchoes(value))
  useEffect(() => {
    if (!echoes.current.isEcho(value)) setDraft((d) => (d === null ? null : value))
  }, [value])
  const typed = draft ?? value
  const stored = valueFrom(def, typed)
  const why = stored === null ? (valueProblem(def, typed.trim()) ?? `${def.name} is a number.`) : null
  const problem = why && left ? `${why} It was not saved; ${value === '' ? 'it is still empty' : `it is still ${value}`}.` : why
  return (
    <div className="field-row">
      <label htmlFor={id}>{def.name}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={typed}
        autoComplete="off"
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
        placeholder={range(def)}
        onFocus={() => {
          setLeft(false)
          if (draft === null) setDraft(value)
        }}
        onChange={(e) => {
          setDraft(e.target.value)
          const next = valueFrom(def, e.target.value)
          if (next !== null) {
            echoes.current.typed(next)
            onChange(next, true)
          }
        }}
        onBlur={() => {
          if (draft !== null && valueFrom(def, draft) === null) setLeft(true)
          else setDraft(null)
          onBlur?.()
        }}
      />
      {problem && (
        <p id={`${id}-problem`} className="field-problem" role="status">
          {problem}
        </p>
      )}
    </div>
  )
}

function range(def: Extract<AttributeDef, { type: 'number' }>): string {
  const whole = def.integer ? 'a whole number' : 'a number'
  if (def.min !== null && def.max !== null) return `${numberText(def.min)}–${numberText(def.max)}`
  if (def.min !== null) return `≥ ${numberText(def.min)}`
  if (def.max !== null) return `≤ ${numberText(def.max)}`
  return whole
}
