import { memo, useRef, useState } from 'react'
import type { DocumentSummary } from '../../../shared/api'
import { notableEncoding } from '../state/model/import-plan'
import { documentTooltip } from '../state/model/import-summary'
import { useSession, useSessionState } from '../state/react/use-session'
import { DocumentPropertiesDialog } from './DocumentPropertiesDialog'
import { StatusMark } from './StatusMark'
import { dateProperty, isoDate } from '../../../shared/discourse/dates'
import { plural } from '../../../shared/plural'

interface DocumentItemProps {
  document: DocumentSummary
  current: boolean
  /** Review progress, when the list shows it. */
  progress?: { settled: number; total: number } | undefined
}

/**
 * One document in the list: opens on click; double-click or the pencil renames it, ⋯ edits its
 * properties (its date and outlet show under the title). Hovering shows where it came from, its
 * properties, and an encoding other than UTF-8, which also shows under the title.
 */
export const DocumentItem = memo(function DocumentItem({ document: d, current, progress }: DocumentItemProps) {
  const session = useSession()
  const imported = useSessionState((s) => s.documentDetails[d.id])
  // Properties as they are now (they can be edited); the encoding as the import found it.
  const details = { encoding: imported?.encoding ?? d.encoding, properties: d.properties }
  // Its date as written, whatever the case of the property's name ("Date" from a CSV's header).
  const dateKey = dateProperty(d.properties)
  const written = dateKey === undefined ? '' : d.properties[dateKey]
  const [editing, setEditing] = useState(false)
  const [properties, setProperties] = useState(false)
  const [title, setTitle] = useState(d.title)
  const [error, setError] = useState<string | null>(null)
  // Enter, Escape and blur can all end editing; only the first one counts.
  const done = useRef(false)

  const start = () => {
    done.current = false
    setTitle(d.title)
    setError(null)
    setEditing(true)
  }
  const cancel = () => {
    done.current = true
    setEditing(false)
  }
  const save = async () => {
    if (done.current) return
    const next = title.trim()
    if (next === '' || next === d.title) return cancel()
    done.current = true
    const problem = await session.renameDocument(d.id, next)
    setError(problem)
    if (problem) done.current = false
    else setEditing(false)
  }

  if (editing) {
    return (
      <li className="doc editing">
        <input
          aria-label="Document title"
          value={title}
          autoFocus
          maxLength={300}
          onChange={(e) => setTitle(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void save()
            if (e.key === 'Escape') {
              e.preventDefault()
              cancel()
            }
          }}
          onBlur={() => void save()}
        />
        {error && <p className="error">{error}</p>}
      </li>
    )
  }
  const count = d.annotationCount
  return (
    <li className={current ? 'doc current' : 'doc'}>
      <button
        type="button"
        className="doc-open"
        aria-current={current ? 'page' : undefined}
        title={documentTooltip(d, details)}
        onClick={(e) => {
          // Opened from the keyboard (Enter or Space: a click with no pointer), the keyboard goes on
          // into the text, where the labels' keys tag, instead of staying in the list.
          const fromKeyboard = e.detail === 0
          void session.openDocument(d.id).then(() => {
            if (fromKeyboard && session.store.get().doc?.id === d.id) setTimeout(() => session.work.surface?.focus(), 0)
          })
        }}
        onDoubleClick={start}
      >
        <StatusMark state={d.state} />
        <span className="doc-text">
          <span className="doc-title" dir="auto">
            {d.title}
          </span>
          {(written || d.properties.outlet) && (
            <span className="doc-properties" data-testid="doc-properties">
              {[written && (isoDate(written) ?? `${written} (not read as a date: yyyy-mm-dd)`), d.properties.outlet]
                .filter(Boolean)
                .join(' · ')}
            </span>
          )}
          {d.damaged && (
            <span className="doc-damaged" data-testid="doc-damaged">
              Your file was found damaged or missing; its last good copy is kept
            </span>
          )}
          {notableEncoding(details?.encoding) && (
            <span className="doc-encoding" data-testid="doc-encoding">
              {details.encoding}
            </span>
          )}
          {progress && progress.total > 0 && (
            <span className={progress.settled === progress.total ? 'doc-progress done' : 'doc-progress'} data-testid="doc-progress">
              {progress.settled}/{progress.total} reviewed
            </span>
          )}
        </span>
        <span className="doc-count" data-testid="doc-count" title={`${plural(count, 'annotation')} of yours`}>
          {count}
        </span>
      </button>
      <button type="button" className="icon rename" aria-label={`Rename ${d.title}`} title="Rename" onClick={start}>
        ✎
      </button>
      <button
        type="button"
        className="icon rename"
        aria-label={`Properties of ${d.title}`}
        title="Properties: date, outlet, author, url…"
        onClick={() => setProperties(true)}
      >
        ⋯
      </button>
      {properties && <DocumentPropertiesDialog document={d} onClose={() => setProperties(false)} />}
    </li>
  )
})
