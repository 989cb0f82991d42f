import { useId, useState } from 'react'
import type { DocumentSummary } from '../../../shared/api'

interface ExportDocumentChoiceProps {
  documents: readonly DocumentSummary[]
  /** False: every document; true: only the chosen ones. */
  some: boolean
  chosen: ReadonlySet<string>
  onSome: (some: boolean) => void
  onChosen: (chosen: ReadonlySet<string>) => void
}

/** Lists longer than this get a filter box. */
const FILTER_FROM = 10

/** The Export dialog's "Documents" group: all of them, or some picked from a list (filterable when long). */
export function ExportDocumentChoice({ documents, some, chosen, onSome, onChosen }: ExportDocumentChoiceProps) {
  const id = useId()
  const [filter, setFilter] = useState('')
  const needle = filter.trim().toLowerCase()
  const shown = needle === '' ? documents : documents.filter((d) => d.title.toLowerCase().includes(needle))
  const toggle = (docId: string, on: boolean) => {
    const next = new Set(chosen)
    if (on) next.add(docId)
    else next.delete(docId)
    onChosen(next)
  }
  return (
    <fieldset className="choice">
      <legend>Documents</legend>
      <label className="check">
        <input type="radio" name={`${id}-docs`} checked={!some} onChange={() => onSome(false)} />
        All documents
      </label>
      <label className="check">
        <input type="radio" name={`${id}-docs`} checked={some} onChange={() => onSome(true)} />
        Some documents
      </label>
      {some && (
        <div className="export-documents">
          {documents.length > FILTER_FROM && (
            <input
              type="search"
              aria-label="Filter documents"
              placeholder="Filter by title"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
          )}
          <div role="group" aria-label="Documents to export" className="export-document-list">
            {shown.map((d) => (
              <label key={d.id} className="check">
                <input type="checkbox" checked={chosen.has(d.id)} onChange={(e) => toggle(d.id, e.target.checked)} />
                <span dir="auto">{d.title}</span>
              </label>
            ))}
            {shown.length === 0 && <p className="help">No title contains “{filter.trim()}”.</p>}
          </div>
          <p className="help" aria-live="polite">
            {chosen.size} of {documents.length} chosen
          </p>
        </div>
      )}
    </fieldset>
  )
}
