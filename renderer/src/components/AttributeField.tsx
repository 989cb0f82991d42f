import { useMemo } from 'react'
import { keptAttributeValue } from '../../../shared/annotations/attribute-value'
import type { Annotation } from '../../../shared/model/annotation'
import type { AttributeDef } from '../../../shared/model/labels'
import { useSession, useSessionState } from '../state/react/use-session'
import { useTypedValue } from '../state/react/use-typed-value'
import { AttributeInput } from './AttributeInput'

/** One attribute of the selected annotation, saved as it changes (text once typing pauses). */
export function AttributeField({ annotation, def }: { annotation: Annotation; def: AttributeDef }) {
  const session = useSession()
  const stored = annotation.attributes[def.id] ?? ''
  const [value, setValue, ref] = useTypedValue<HTMLInputElement>(stored)
  const key = `${annotation.label}.${def.id}`
  const projectValues = useSessionState((s) => s.values[key])
  const layer = useSessionState((s) => s.layer)
  const complete = def.type === 'text' && def.complete
  // Values used in this document count too, including ones not yet saved.
  const suggestions = useMemo(() => {
    if (!complete) return undefined
    const all = new Set(projectValues ?? [])
    for (const a of layer?.order ?? []) {
      // Not this annotation's own value: it is what is being typed ("Isr" on the way to "Israel").
      const v = a.label === annotation.label && a.id !== annotation.id ? a.attributes[def.id] : undefined
      if (v) all.add(v)
    }
    return [...all].sort((x, y) => x.localeCompare(y))
  }, [complete, projectValues, layer, annotation.label, annotation.id, def.id])
  return (
    <AttributeInput
      def={def}
      value={def.type === 'text' ? value : stored}
      inputRef={ref}
      suggestions={suggestions}
      onChange={(next, typing) => {
        setValue(next)
        session.commands.setAttribute(annotation.id, def.id, next, typing)
      }}
      onBlur={() => {
        // Left with spaces around it or a pasted line break: kept as the list shows it (one change with the typing).
        const kept = def.type === 'text' ? keptAttributeValue(def, value) : value
        if (kept !== value) {
          setValue(kept)
          session.commands.setAttribute(annotation.id, def.id, kept, true)
        }
        session.work.flush()
      }}
    />
  )
}
