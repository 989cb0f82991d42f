import { useId } from 'react'

/** Which layers an export takes: everyone's and the reviewed one, the user's own, or the reviewed layer. */
export type ExportLayer = 'all' | 'mine' | 'reviewed'

/** The Export dialog's "Layers" radio group ("Mine only" needs the annotator's name). */
export function ExportLayerChoice({
  value,
  annotator,
  onChange,
}: {
  value: ExportLayer
  annotator: string | null
  onChange: (layer: ExportLayer) => void
}) {
  const id = useId()
  const options: readonly (readonly [ExportLayer, string])[] = [
    ['all', 'All layers (everyone + reviewed)'],
    ['mine', annotator ? `Mine only (${annotator})` : 'Mine only'],
    ['reviewed', 'Reviewed layer only'],
  ]
  return (
    <fieldset className="choice">
      <legend>Layers</legend>
      {options.map(([layer, text]) => (
        <label key={layer} className="check">
          <input
            type="radio"
            name={`${id}-layer`}
            value={layer}
            checked={value === layer}
            disabled={layer === 'mine' && !annotator}
            onChange={() => onChange(layer)}
          />
          {text}
        </label>
      ))}
    </fieldset>
  )
}
