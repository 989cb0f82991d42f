import { useMemo } from 'react'
import { findLabel } from '../../../shared/model/labels'
import { openSuggestions, shownSpan } from '../state/model/suggestions'
import { useSession, useSessionState } from '../state/react/use-session'
import { BoundaryButtons } from './BoundaryButtons'

/**
 * While suggestions are shown on the open document: how many are open of each label, the picked
 * one's cue and confidence and buttons to move its ends before accepting it, Accept all of a label, canonical-name proposals to confirm (never
 * applied without a click), and Close. The keys (Enter, Backspace, Tab) are in shortcuts.ts.
 */
export function SuggestBar() {
  const session = useSession()
  const suggest = useSessionState((s) => (s.suggest && s.suggest.document === s.doc?.id ? s.suggest : null))
  const layer = useSessionState((s) => s.layer)
  const labels = useSessionState((s) => s.info?.project?.labels ?? [])
  const open = useMemo(() => (suggest && layer ? openSuggestions(suggest, layer) : []), [suggest, layer])
  if (!suggest || suggest.notice) return null
  // In the tag set's order, not the text's: the Accept all buttons keep their places as suggestions are decided.
  const counts = new Map<string, number>()
  for (const l of labels) if (open.some((s) => s.label === l.id)) counts.set(l.id, 0)
  for (const s of open) counts.set(s.label, (counts.get(s.label) ?? 0) + 1)
  const picked = open.find((s) => s.id === suggest.current)
  const current = picked && shownSpan(suggest, picked)
  const edited = picked !== undefined && picked.id in suggest.edits
  const nameOf = (id: string) => findLabel(labels, id)?.name ?? id
  const names = suggest.names.filter((n) => !suggest.dismissedNames.includes(n.name))
  const keep = (e: React.MouseEvent) => e.preventDefault()
  return (
    <section className="suggest-bar" aria-label="Suggestions">
      <span className="suggest-count" role="status">
        {suggest.loading
          ? 'Suggesting…'
          : open.length === 0
            ? 'No open suggestions'
            : // "12 suggested as Claim, 30 as Source": a label's name is the user's, never made plural by an added s.
              [...counts].map(([label, n], i) => `${n.toLocaleString('en')}${i === 0 ? ' suggested' : ''} as ${nameOf(label)}`).join(', ')}
      </span>
      {[...counts.keys()].map((label) => (
        <button key={label} type="button" className="quiet" onMouseDown={keep} onClick={() => session.suggesting.acceptAll(label)}>
          Accept all as {nameOf(label)}
        </button>
      ))}
      <button type="button" className="quiet" onMouseDown={keep} onClick={() => session.suggesting.close()}>
        Close suggestions
      </button>
      {current && (
        <div className="suggest-current">
          <p>
            {nameOf(current.label)} “{current.text.length > 80 ? `${current.text.slice(0, 77)}…` : current.text}” — {current.pattern},{' '}
            {Math.round(current.confidence * 100)}%{current.attributes.name ? `, ${current.attributes.name}` : ''}
            {current.attributes.kind ? ` (${current.attributes.kind})` : ''}
            {edited ? ', boundaries moved' : ''}. Enter accepts, Backspace rejects, Tab: next.
          </p>
          <BoundaryButtons label="Suggestion boundaries" keep={keep} onMove={(end, by) => session.suggesting.moveBoundary(end, by)} />
          {edited && (
            <button type="button" className="quiet small" onMouseDown={keep} onClick={() => session.suggesting.resetBoundaries()}>
              As proposed
            </button>
          )}
        </div>
      )}
      {names.length > 0 && (
        <details className="suggest-names">
          <summary>Canonical names proposed ({names.length})</summary>
          <ul>
            {names.map((n) => (
              <li key={n.name}>
                <span>
                  {n.name}: {[...new Set(n.mentions.map((m) => `“${m.text}”`))].join(', ')}
                </span>
                <button type="button" className="quiet" onMouseDown={keep} onClick={() => session.suggesting.confirmName(n.name)}>
                  Name these sources {n.name}
                </button>
                <button type="button" className="quiet" onMouseDown={keep} onClick={() => session.suggesting.dismissName(n.name)}>
                  Dismiss
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}
