import { findLabel, type LabelSchema, type LinkTypeDef } from '../../../shared/model/labels'
import type { Annotation } from '../../../shared/model/annotation'
import { truncate } from '../state/model/describe'
import { useSession, useSessionState } from '../state/react/use-session'

/**
 * The selected annotation's links of the project's own link types (supports, responds to, …):
 * each with the text at its other end (click to go there) and a remove button, and a button per
 * link type that may start here, which waits for a click on a highlight it may point to.
 */
export function LinksField({
  annotation,
  labels,
  linkTypes,
}: {
  annotation: Annotation
  labels: LabelSchema
  linkTypes: readonly LinkTypeDef[]
}) {
  const session = useSession()
  const c = session.commands
  const typed = useSessionState((s) => s.layer?.typed)
  const byId = useSessionState((s) => s.layer?.byId)
  const linking = useSessionState((s) => (s.linking?.from === annotation.id ? s.linking.type : null))
  const starts = linkTypes.filter((t) => !t.retired && t.from.includes(annotation.label))
  const mine = (typed ?? []).filter((l) => l.from === annotation.id || l.to === annotation.id)
  if (starts.length === 0 && mine.length === 0) return null
  const typeName = (id: string) => linkTypes.find((t) => t.id === id)?.name ?? id
  return (
    <div className="links-field" role="group" aria-label="Links">
      {mine.length > 0 && (
        <ul className="links-list">
          {mine.map((l) => {
            const outgoing = l.from === annotation.id
            const other = byId?.get(outgoing ? l.to : l.from)
            const otherLabel = other ? (findLabel(labels, other.label)?.name ?? other.label) : ''
            return (
              <li key={l.id}>
                <span className="links-type">{outgoing ? `${typeName(l.type)} →` : `← ${typeName(l.type)}`}</span>{' '}
                <button type="button" className="link" title={otherLabel} onClick={() => other && c.select(other.id, true)}>
                  {other ? truncate(other.target.quote.exact, 60) : '(missing)'}
                </button>{' '}
                <button type="button" className="small" aria-label={`Remove the ${typeName(l.type)} link`} onClick={() => c.unlink(l.id)}>
                  ×
                </button>
              </li>
            )
          })}
        </ul>
      )}
      {starts.map((t) => (
        <button
          key={t.id}
          type="button"
          className="small"
          aria-pressed={linking === t.id}
          onClick={() => (linking === t.id ? c.escape() : c.startTypedLink(t.id))}
        >
          {linking === t.id ? `Click a ${t.to.map((id) => findLabel(labels, id)?.name ?? id).join(' or ')}… (Esc)` : `${t.name}…`}
        </button>
      ))}
    </div>
  )
}
