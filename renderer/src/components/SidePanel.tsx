import type { ReactNode } from 'react'
import type { SidePanel as Panel } from '../state/model/session-state'
import { useSession, useSessionState } from '../state/react/use-session'
import { onTabKey } from '../state/react/tab-keys'
import { GuidelinesPanel } from './GuidelinesPanel'
import { MemoPanel } from './MemoPanel'

/**
 * The right column: tabs for the view's own panel (the annotations, or the review units), the
 * memos (every annotator's, on the document and the project) and the guidelines.
 */
export function SidePanel({ name, label, className, children }: { name: string; label: string; className: string; children: ReactNode }) {
  const session = useSession()
  const side = useSessionState((s) => s.side)
  const memos = useSessionState((s) => (s.notes?.document === s.doc?.id ? (s.notes?.memos.length ?? 0) : 0))
  const tabs: { id: Panel; name: string }[] = [
    { id: 'main', name },
    { id: 'memos', name: memos > 0 ? `Memos (${memos})` : 'Memos' },
    { id: 'guidelines', name: 'Guidelines' },
  ]
  return (
    <aside className={className} aria-label={side === 'main' ? label : side === 'memos' ? 'Memos' : 'Guidelines'}>
      <div className="side-tabs" role="tablist" aria-label="Side panel">
        {tabs.map((t, i) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={side === t.id}
            tabIndex={side === t.id ? 0 : -1}
            className="side-tab"
            onClick={() => session.noting.show(t.id)}
            onKeyDown={(e) => onTabKey(e, i, tabs.length, (n) => session.noting.show(tabs[n]!.id))}
          >
            {t.name}
          </button>
        ))}
      </div>
      {side === 'main' ? children : side === 'memos' ? <MemoPanel /> : <GuidelinesPanel />}
    </aside>
  )
}
