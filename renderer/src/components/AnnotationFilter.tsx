import { useId } from 'react'
import { showsAll } from '../state/model/list-filter'
import { useSession, useSessionState } from '../state/react/use-session'

/** Narrow the list of annotations: by label, by a choice attribute's value, by words in the text or note. */
export function AnnotationFilter() {
  const session = useSession()
  const filter = useSessionState((s) => s.listFilter)
  const labels = useSessionState((s) => s.info?.project?.labels ?? [])
  const ids = { text: useId(), label: useId(), attribute: useId() }
  const set = (patch: Partial<typeof filter>) => session.store.set({ listFilter: { ...filter, ...patch } })
  const label = labels.find((l) => l.id === filter.label)
  const choices = label?.attributes.filter((a) => a.type === 'choice') ?? []
  return (
    <div className="annotation-filter" role="search" aria-label="Filter the annotations">
      <label htmlFor={ids.text} className="sr-only">
        Words
      </label>
      <input
        id={ids.text}
        type="search"
        placeholder="Filter by words"
        value={filter.text}
        onChange={(e) => set({ text: e.target.value })}
      />
      <label htmlFor={ids.label} className="sr-only">
        Label
      </label>
      <select id={ids.label} value={filter.label} onChange={(e) => set({ label: e.target.value, attribute: '' })}>
        <option value="">All labels</option>
        {labels.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
      {choices.length > 0 && (
        <>
          <label htmlFor={ids.attribute} className="sr-only">
            Attribute
          </label>
          <select id={ids.attribute} value={filter.attribute} onChange={(e) => set({ attribute: e.target.value })}>
            <option value="">Any {choices.map((c) => c.name.toLowerCase()).join(', ')}</option>
            {choices.flatMap((c) =>
              c.options.map((o) => (
                <option key={`${c.id}=${o.value}`} value={`${c.id}=${o.value}`}>
                  {c.name}: {o.name}
                </option>
              )),
            )}
          </select>
        </>
      )}
      {!showsAll(filter) && (
        <button type="button" className="quiet small" onClick={() => set({ label: '', attribute: '', text: '' })}>
          Clear
        </button>
      )}
    </div>
  )
}
