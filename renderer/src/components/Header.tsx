import { useRef, useState } from 'react'
import { IMPORT_ACCEPT } from '../state/model/import-plan'
import { useSession, useSessionState } from '../state/react/use-session'
import { BackupsButton } from './BackupsButton'
import { ChangeNote } from './ChangeNote'
import { ExportDialog } from './ExportDialog'
import { ImportAnnotationsDialog } from './ImportAnnotationsDialog'
import { ProjectDialog } from './ProjectDialog'
import { SaveIndicator } from './SaveIndicator'
import { TagSetDialog } from './TagSetDialog'
import { ViewSwitch } from './ViewSwitch'

/** The top bar: project, actions, save state and who is annotating. */
export function Header() {
  const session = useSession()
  const project = useSessionState((s) => s.info?.project ?? null)
  const annotator = useSessionState((s) => s.info?.annotator ?? null)
  const host = useSessionState((s) => s.info?.host)
  const importing = useSessionState((s) => s.importing !== null)
  const files = useRef<HTMLInputElement>(null)
  const [dialog, setDialog] = useState<'export' | 'open' | 'create' | 'annotations' | 'tagset' | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  const openProject = async () => {
    if (host !== 'desktop') return setDialog('open')
    setProblem(await session.openProject())
  }

  return (
    <header className="header">
      <div className="brand">
        <span className="app-name">Marginalia</span>
        {project && (
          <span className="project-name" title={project.path}>
            {project.name}
          </span>
        )}
      </div>
      {project && <ViewSwitch />}
      <div className="header-actions">
        {project && (
          <>
            <button
              type="button"
              onClick={() => files.current?.click()}
              disabled={importing}
              title="Texts, web pages, Word files, or a CSV table with one text per row"
            >
              {importing ? 'Importing…' : 'Import texts…'}
            </button>
            <input
              ref={files}
              type="file"
              multiple
              accept={IMPORT_ACCEPT}
              hidden
              onChange={(e) => {
                const picked = Array.from(e.target.files ?? [])
                e.target.value = ''
                void session.importFiles(picked)
              }}
            />
            <button
              type="button"
              onClick={() => setDialog('annotations')}
              title="Bring in a colleague’s annotations: their project folder, or a JSON Lines, W3C Web Annotation or brat export"
            >
              Import annotations…
            </button>
            <button
              type="button"
              onClick={() => setDialog('export')}
              title="Save annotations as CSV, JSON Lines, W3C Web Annotation or brat, or the whole project as a zip"
            >
              Export…
            </button>
            <button type="button" onClick={() => setDialog('tagset')} title="Labels, their attributes and keys, and the kinds of link">
              Labels…
            </button>
            <BackupsButton />
          </>
        )}
        <button type="button" onClick={() => void openProject()}>
          Open project…
        </button>
        <button type="button" onClick={() => setDialog('create')}>
          New project…
        </button>
        {problem && (
          <span className="error" role="note">
            {problem}
          </span>
        )}
      </div>
      <div className="header-status">
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
      {dialog === 'export' && <ExportDialog onClose={() => setDialog(null)} />}
      {dialog === 'tagset' && <TagSetDialog onClose={() => setDialog(null)} />}
      {dialog === 'annotations' && <ImportAnnotationsDialog onClose={() => setDialog(null)} />}
      {(dialog === 'open' || dialog === 'create') && <ProjectDialog mode={dialog} onClose={() => setDialog(null)} />}
    </header>
  )
}
