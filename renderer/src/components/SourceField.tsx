import { useId, useMemo } from 'react'
import type { Annotation } from '../../../shared/model/annotation'
import type { LabelDef } from '../../../shared/model/labels'
import { sourceOption } from '../state/describe'
import { useSession, useSessionState } from '../state/use-session'

/** Which source a claim or stance is attributed to: this document's sources, or none. */
export function SourceField({ annotation, target }: { annotation: Annotation; target: LabelDef }) {
  const session = useSession()
  const id = useId()
  const layer = useSessionState((s) => s.layer)
  const linked = layer?.attribution.get(annotation.id)?.to ?? ''
  const sources = useMemo(() => (layer?.order ?? []).filter((a) => a.label === target.id), [layer, target.id])
  return (
    <div className="field-row">
      <label htmlFor={id}>{target.name}</label>
      <select id={id} value={linked} onChange={(e) => session.commands.setSource(annotation.id, e.target.value || null)}>
        <option value="">(none)</option>
        {sources.map((s) => (
          <option key={s.id} value={s.id}>
            {sourceOption(s)}
          </option>
        ))}
      </select>
    </div>
  )
}
