import { useEffect, useRef } from 'react'
import { IMPORT_ACCEPT, IMPORT_KINDS } from '../state/model/import-plan'
import { useSession, useSessionState } from '../state/react/use-session'
import { ChangeNote } from './ChangeNote'
import { MenuBar } from './MenuBar'
import { MenuDialogs } from './MenuDialogs'
import { Modal } from './Modal'
import { PanelToggle } from './PanelToggle'
import { SaveIndicator } from './SaveIndicator'
import { ViewSwitch } from './ViewSwitch'

/**
 * The top bar: the app and project, the menu bar (in browser mode; the desktop app has its native
 * menu, drawn from the same commands), the views, then the status: save state and who is
 * annotating. In a narrow window, buttons at its ends pull out the document list and the side panel.
 */
export function Header() {
  const session = useSession()
  const project = useSessionState((s) => s.info?.project ?? null)
  const annotator = useSessionState((s) => s.info?.annotator ?? null)
  const desktop = useSessionState((s) => s.info?.host === 'desktop')
  const problem = useSessionState((s) => s.shell.problem)
  const pick = useSessionState((s) => s.shell.pickTexts)
  const asking = useSessionState((s) => s.shell.dialog === 'importTexts')
  const panels = useSessionState((s) => s.view === 'annotate' || s.view === 'review')
  const files = useRef<HTMLInputElement>(null)
  const picked = useRef(pick)

  // Project → Import texts… asks for the file picker; it opens here, where the input is. A page
  // may open it only right after a click or key press in the page; when the command came from
  // elsewhere (the desktop's native menu), a dialog asks for that click.
  useEffect(() => {
    if (pick === picked.current) return
    picked.current = pick
    if (navigator.userActivation && !navigator.userActivation.isActive) session.shell.openDialog('importTexts')
    else files.current?.click()
  }, [pick, session])

  return (
    <header className="header">
      {project && panels && <PanelToggle which="documents" />}
      <div className="brand">
        <h1 className="app-name">Marginalia</h1>
        {project && (
          <span className="project-name" title={project.path}>
            {project.name}
          </span>
        )}
      </div>
      {!desktop && <MenuBar />}
      {project && <ViewSwitch />}
      <div className="header-status">
        {problem && (
          <span className="error header-problem" role="alert">
            {problem}{' '}
            <button type="button" className="small quiet" onClick={() => session.shell.dismissProblem()}>
              Dismiss
            </button>
          </span>
        )}
        {project && <ChangeNote />}
        {project && <SaveIndicator />}
        {annotator && (
          <button
            type="button"
            className="annotator"
            title="Annotating as this name; click to change it"
            onClick={() => session.askAnnotator(true)}
          >
            {annotator}
          </button>
        )}
      </div>
      {project && panels && <PanelToggle which="side" />}
      <input
        ref={files}
        type="file"
        multiple
        accept={IMPORT_ACCEPT}
        hidden
        aria-label="Texts to import"
        onChange={(e) => {
          const chosen = Array.from(e.target.files ?? [])
          e.target.value = ''
          void session.importFiles(chosen)
        }}
      />
      <MenuDialogs />
      {asking && (
        <Modal title="Import texts" onClose={() => session.shell.closeDialog()}>
          <div className="stack">
            <p>Choose the files to import ({IMPORT_KINDS}), or drop them on the window.</p>
            <div className="actions">
              <button type="button" onClick={() => session.shell.closeDialog()}>
                Cancel
              </button>
              <button
                type="button"
                className="primary"
                autoFocus
                onClick={() => {
                  session.shell.closeDialog()
                  files.current?.click()
                }}
              >
                Choose files…
              </button>
            </div>
          </div>
        </Modal>
      )}
    </header>
  )
}
