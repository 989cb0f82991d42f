import { useId, useMemo } from 'react'
import type { Annotation } from '../../../shared/model/annotation'
import type { AttributeDef } from '../../../shared/model/labels'
import { useSession, useSessionState } from '../state/react/use-session'
import { useTypedValue } from '../state/react/use-typed-value'

/** One attribute of the selected annotation: a choice as a <select>, text as an input with completion. */
export function AttributeField({ annotation, def }: { annotation: Annotation; def: AttributeDef }) {
  const session = useSession()
  const id = useId()
  const stored = annotation.attributes[def.id] ?? ''
  if (def.type === 'choice') {
    return (
      <div className="field-row">
        <label htmlFor={id}>{def.name}</label>
        <select id={id} value={stored} onChange={(e) => session.commands.setAttribute(annotation.id, def.id, e.target.value, false)}>
          <option value="">—</option>
          {def.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </div>
    )
  }
  return <TextAttribute annotation={annotation} def={def} id={id} stored={stored} />
}

function TextAttribute({ annotation, def, id, stored }: { annotation: Annotation; def: AttributeDef; id: string; stored: string }) {
  const session = useSession()
  const [value, setValue, ref] = useTypedValue<HTMLInputElement>(stored)
  const key = `${annotation.label}.${def.id}`
  const projectValues = useSessionState((s) => s.values[key])
  const layer = useSessionState((s) => s.layer)
  const complete = def.type === 'text' && def.complete
  // Values used in this document count too, including ones not yet saved.
  const options = useMemo(() => {
    if (!complete) return []
    const all = new Set(projectValues ?? [])
    for (const a of layer?.order ?? []) {
      const v = a.label === annotation.label ? a.attributes[def.id] : undefined
      if (v) all.add(v)
    }
    return [...all].sort((x, y) => x.localeCompare(y))
  }, [complete, projectValues, layer, annotation.label, def.id])
  return (
    <div className="field-row">
      <label htmlFor={id}>{def.name}</label>
      <input
        ref={ref}
        id={id}
        value={value}
        list={complete ? `${id}-values` : undefined}
        maxLength={1000}
        autoComplete="off"
        onChange={(e) => {
          setValue(e.target.value)
          session.commands.setAttribute(annotation.id, def.id, e.target.value, true)
        }}
        onBlur={() => session.work.flush()}
      />
      {complete && (
        <datalist id={`${id}-values`}>
          {options.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
      )}
    </div>
  )
}
