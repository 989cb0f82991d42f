import { useId } from 'react'
import { layerOptions } from '../state/model/analysis-model'
import { useAnalysis, useSourceName } from '../state/react/use-analysis'
import { useSession, useSessionState } from '../state/react/use-session'

/**
 * The Analysis view's filters: which layer (the reviewed one once it exists, every annotator, or
 * one), a date range, the documents whose title or properties hold a text, the labels, the source
 * kinds, and whether a stance repeated in one document counts once.
 */
export function AnalysisFilters() {
  const source = useSourceName()
  const session = useSession()
  const choice = useAnalysis((s) => s.choice)
  const view = useAnalysis((s) => s.view)
  const labels = useSessionState((s) => s.info?.project?.labels ?? [])
  const ids = { layer: useId(), from: useId(), to: useId(), docs: useId() }
  const statementLabels = labels.filter((l) => l.attributedTo !== null)
  const kinds = view?.kinds ?? []
  const set = session.analysis.choose.bind(session.analysis)
  const toggle = (list: string[] | null, all: readonly string[], value: string): string[] | null => {
    const current = list ?? [...all]
    const next = current.includes(value) ? current.filter((v) => v !== value) : all.filter((v) => v === value || current.includes(v))
    return next.length === all.length ? null : next
  }
  const matching = view && choice.documents.trim() !== '' ? (session.analysis.filter().documents?.length ?? 0) : null
  return (
    <div className="toolbar analysis-toolbar" role="toolbar" aria-label="Analysis filters">
      <label htmlFor={ids.layer}>Layer</label>
      <select
        id={ids.layer}
        value={choice.layer === '_reviewed' ? 'default' : choice.layer}
        onChange={(e) => set({ layer: e.target.value })}
      >
        {layerOptions(view).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <span className="filter-group">
        <label htmlFor={ids.from}>From</label>
        <input
          id={ids.from}
          type="date"
          value={choice.from}
          min={view?.dates?.first}
          max={view?.dates?.last}
          onChange={(e) => set({ from: e.target.value })}
        />
        <label htmlFor={ids.to}>to</label>
        <input
          id={ids.to}
          type="date"
          value={choice.to}
          min={view?.dates?.first}
          max={view?.dates?.last}
          onChange={(e) => set({ to: e.target.value })}
        />
      </span>
      <span className="filter-group">
        <label htmlFor={ids.docs}>Documents</label>
        <input
          id={ids.docs}
          type="search"
          value={choice.documents}
          placeholder="title or property"
          onChange={(e) => set({ documents: e.target.value })}
        />
        {matching !== null && <span className="help">{matching} match</span>}
      </span>
      <details className="filter-menu">
        <summary>Labels{choice.labels ? ` (${choice.labels.length})` : ''}</summary>
        <fieldset aria-label="Labels">
          {statementLabels.map((l) => (
            <label key={l.id}>
              <input
                type="checkbox"
                checked={!choice.labels || choice.labels.includes(l.id)}
                onChange={() =>
                  set({
                    labels: toggle(
                      choice.labels,
                      statementLabels.map((x) => x.id),
                      l.id,
                    ),
                  })
                }
              />
              {l.name}
            </label>
          ))}
        </fieldset>
      </details>
      <details className="filter-menu">
        <summary>
          {source.Name} kinds{choice.kinds ? ` (${choice.kinds.length})` : ''}
        </summary>
        <fieldset aria-label={`${source.Name} kinds`}>
          {kinds.length === 0 && <span className="help">No {source.name} has a kind yet.</span>}
          {kinds.map((k) => (
            <label key={k}>
              <input
                type="checkbox"
                checked={!choice.kinds || choice.kinds.includes(k)}
                onChange={() => set({ kinds: toggle(choice.kinds, kinds, k) })}
              />
              {k || 'no kind'}
            </label>
          ))}
        </fieldset>
      </details>
      <label className="check" title="Count a stance of one actor on one target with one polarity once per document (DNA's duplicates)">
        <input type="checkbox" checked={choice.oncePerDocument} onChange={(e) => set({ oncePerDocument: e.target.checked })} />
        Once per document
      </label>
    </div>
  )
}
