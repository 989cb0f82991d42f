import { useState } from 'react'
import type { DocumentSummary } from '../../../shared/api'
import { isoDate } from '../../../shared/discourse/dates'
import { propertyNameProblem, propertyRowsProblem } from '../../../shared/model/project'
import { useSession } from '../state/react/use-session'
import { Modal } from './Modal'

/** The properties offered when a document has none yet. */
const USUAL = ['date', 'outlet', 'author', 'url']

/**
 * A document's properties, editable: date (yyyy-mm-dd, which the analysis counts over time and
 * filters by), outlet, author, url, and any other name. Saving sends only what changed, so a
 * colleague's change to another property, made meanwhile, is kept.
 */
export function DocumentPropertiesDialog({ document: d, onClose }: { document: DocumentSummary; onClose: () => void }) {
  const session = useSession()
  const initial = Object.entries(d.properties)
  for (const name of USUAL) if (!Object.hasOwn(d.properties, name)) initial.push([name, ''])
  const [rows, setRows] = useState<{ name: string; value: string; was: string | null }[]>(
    initial.map(([name, value]) => ({ name, value, was: Object.hasOwn(d.properties, name) ? name : null })),
  )
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const change = (i: number, patch: Partial<{ name: string; value: string }>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)))

  const save = async () => {
    const rowsProblem = propertyRowsProblem(rows)
    if (rowsProblem) return setError(rowsProblem)
    const changes: Record<string, string | null> = {}
    for (const r of rows) {
      const name = r.name.trim()
      if (r.was !== null && (name !== r.was || r.value.trim() === '')) changes[r.was] = null
      if (name === '' || r.value.trim() === '') continue
      const problem = r.was === name ? null : propertyNameProblem(name)
      if (problem) return setError(problem)
      if (d.properties[name] !== r.value.trim() || r.was !== name) changes[name] = r.value
    }
    if (Object.keys(changes).length === 0) return onClose()
    setSaving(true)
    const problem = await session.setDocumentProperties(d.id, changes)
    setSaving(false)
    if (problem) setError(problem)
    else onClose()
  }

  const date = rows.find((r) => r.name.trim().toLowerCase() === 'date')?.value.trim() ?? ''
  return (
    <Modal title={`Properties of “${d.title}”`} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <table className="properties-table">
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <td>
                  <input
                    aria-label={`Name of property ${i + 1}`}
                    value={r.name}
                    maxLength={100}
                    onChange={(e) => change(i, { name: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={r.name.trim() || `Value of property ${i + 1}`}
                    value={r.value}
                    placeholder={r.name.trim().toLowerCase() === 'date' ? 'yyyy-mm-dd' : ''}
                    onChange={(e) => change(i, { value: e.target.value })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <button type="button" className="link" onClick={() => setRows([...rows, { name: '', value: '', was: null }])}>
            Add a property
          </button>
        </p>
        {date !== '' && isoDate(date) === null && (
          <p className="help" role="note">
            “{date}” is not a date the analysis can use: write it as yyyy-mm-dd, such as 2023-10-12.
          </p>
        )}
        <p className="help">An empty value removes the property.</p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </Modal>
  )
}
