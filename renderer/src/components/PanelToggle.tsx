import { useSession, useSessionState } from '../state/react/use-session'

/** The ids of the side panels' slots in the workbench, which the toggles control. */
export const PANEL_IDS = { documents: 'documents-panel', side: 'side-panel' } as const

/**
 * In a narrow window (the stylesheet shows these buttons only there), pulls out the document list
 * over the text, or puts the side panel away for a wider text and brings it back.
 */
export function PanelToggle({ which }: { which: 'documents' | 'side' }) {
  const session = useSession()
  const open = useSessionState((s) => (which === 'documents' ? s.shell.documentsOpen : s.shell.sideOpen))
  const sideName = useSessionState((s) =>
    s.view === 'review' ? 'Review units' : s.find.open && (s.find.listed || s.find.project !== null) ? 'Find results' : 'Annotations',
  )
  const name = which === 'documents' ? 'Documents' : sideName
  return (
    <button
      type="button"
      className={`panel-toggle panel-toggle-${which}`}
      aria-expanded={open}
      aria-controls={PANEL_IDS[which]}
      aria-label={name}
      title={open ? `Hide ${name.toLowerCase()}` : `Show ${name.toLowerCase()}`}
      onClick={() => (which === 'documents' ? session.shell.showDocuments(!open) : session.shell.showSide(!open))}
    >
      <span aria-hidden="true">{which === 'documents' ? '☰' : '◨'}</span>
    </button>
  )
}
