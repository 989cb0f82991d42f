import { useEffect, useId, useMemo, useState } from 'react'
import type { Annotation } from '../../../shared/model/annotation'
import type { LabelDef } from '../../../shared/model/labels'
import { sourceOption, sourceOptions } from '../state/model/describe'
import { useSession, useSessionState } from '../state/react/use-session'

const requestIdle: (run: () => void) => () => void =
  typeof requestIdleCallback === 'function'
    ? (run) => {
        const handle = requestIdleCallback(run, { timeout: 1000 })
        return () => cancelIdleCallback(handle)
      }
    : (run) => {
        const handle = setTimeout(run, 50)
        return () => clearTimeout(handle)
      }

/** Up to this many sources, the full list is also filled in once the page is idle. */
const IDLE_FILL_MAX = 300

/**
 * Which source a claim or stance is attributed to: this document's sources, or none. A long text
 * has thousands of sources, so the select first holds only "(none)" and the linked source, and
 * gets the full list when someone reaches for it (focus, pointer, key), or once the page is idle
 * when there are few: selecting or tagging an annotation never waits for thousands of options,
 * and the moment after it is not spent on them either.
 */
export function SourceField({ annotation, target }: { annotation: Annotation; target: LabelDef }) {
  const session = useSession()
  const id = useId()
  const layer = useSessionState((s) => s.layer)
  const linked = layer?.attribution.get(annotation.id)?.to ?? ''
  // The annotation whose editor has the full list (a newly selected one starts without it).
  const [fullFor, setFullFor] = useState<string | null>(null)
  const full = fullFor === annotation.id
  const sources = useMemo(() => (full ? (layer?.order ?? []).filter((a) => a.label === target.id) : []), [full, layer, target.id])
  const linkedSource = linked ? layer?.byId.get(linked) : undefined
  // Mentions that would read the same get the words around them (worked out when the list is filled).
  const texts = useMemo(() => sourceOptions(sources), [sources])
  const textOf = (source: Annotation) => texts.get(source.id) ?? sourceOption(source)

  const few = useMemo(() => {
    let n = 0
    for (const a of layer?.order ?? []) if (a.label === target.id && ++n > IDLE_FILL_MAX) return false
    return true
  }, [layer, target.id])

  useEffect(() => {
    if (full || !few) return
    return requestIdle(() => setFullFor(annotation.id))
  }, [full, few, annotation.id])

  const engage = () => {
    if (!full) setFullFor(annotation.id)
  }
  return (
    <div className="field-row">
      <label htmlFor={id}>{target.name}</label>
      <select
        id={id}
        value={linked}
        onFocus={engage}
        onPointerDown={engage}
        onPointerEnter={engage}
        onKeyDown={engage}
        onChange={(e) => session.commands.setSource(annotation.id, e.target.value || null)}
      >
        <option value="">(none)</option>
        {full
          ? sources.map((s) => (
              <option key={s.id} value={s.id}>
                {textOf(s)}
              </option>
            ))
          : linkedSource && (
              <option key={linkedSource.id} value={linkedSource.id}>
                {textOf(linkedSource)}
              </option>
            )}
      </select>
    </div>
  )
}
