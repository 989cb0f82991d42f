/**
 * The workbench: header, then document list | text | annotations (in review mode: document list |
 * the unit being decided over the text | review units; the Agreement, Retrieve and Analysis views
 * take the whole width). In a narrow window the document list is a drawer and the side panel can be put away.
 * Before that, whatever start-up
 * needs: the launch token (browser mode), the annotator's name, a project.
 */
import { AgreementView } from './components/AgreementView'
import { AnalysisView } from './components/AnalysisView'
import { AnnotationPanel } from './components/AnnotationPanel'
import { AnnotatorDialog } from './components/AnnotatorDialog'
import { DocumentList } from './components/DocumentList'
import { DocumentPane } from './components/DocumentPane'
import { DropZone } from './components/DropZone'
import { FindResults } from './components/FindResults'
import { Header } from './components/Header'
import { ImportQuestionDialog } from './components/ImportQuestionDialog'
import { ImportReport } from './components/ImportReport'
import { ProjectBanner } from './components/ProjectBanner'
import { LabelStyles } from './components/LabelStyles'
import { DocumentsSlot, SideSlot } from './components/PanelSlots'
import { ReviewPane } from './components/ReviewPane'
import { ReviewPanel } from './components/ReviewPanel'
import { RetrieveView } from './components/RetrieveView'
import { ReviewSetup } from './components/ReviewSetup'
import { StartupMessage } from './components/StartupMessage'
import { Theme } from './components/Theme'
import { Welcome } from './components/Welcome'
import { useSessionState } from './state/react/use-session'

/** The whole window. */
export function App({ noToken }: { noToken: boolean }) {
  if (noToken) {
    return <StartupMessage text="Open the address that `npm run serve` or `npm start` printed in the terminal (it ends with ?token=…)." />
  }
  return <Workbench />
}

function Workbench() {
  const phase = useSessionState((s) => s.phase)
  const problem = useSessionState((s) => s.problem)
  const project = useSessionState((s) => s.info?.project ?? null)
  const askAnnotator = useSessionState((s) => s.askAnnotator)
  const view = useSessionState((s) => s.view)
  const choosing = useSessionState((s) => s.choosing)
  const findResults = useSessionState((s) => s.find.open && (s.find.listed || s.find.project !== null))
  if (phase === 'starting') return <StartupMessage text="Opening Marginalia…" />
  if (phase === 'failed') return <StartupMessage text={problem ?? 'Marginalia could not start.'} />
  return (
    <div className="app">
      <Theme />
      <LabelStyles />
      <Header />
      {project && <ProjectBanner />}
      <ImportReport />
      {project ? (
        view === 'agreement' ? (
          <div className="workbench workbench-agreement">
            <AgreementView />
          </div>
        ) : view === 'retrieve' ? (
          <div className="workbench workbench-retrieve">
            <RetrieveView />
          </div>
        ) : view === 'analysis' ? (
          <div className="workbench workbench-analysis">
            <AnalysisView />
          </div>
        ) : (
          <div className={`workbench workbench-${view}`}>
            <DocumentsSlot>
              <DocumentList />
            </DocumentsSlot>
            {view === 'review' ? <ReviewPane /> : <DocumentPane />}
            <SideSlot>{view === 'review' ? <ReviewPanel /> : findResults ? <FindResults /> : <AnnotationPanel />}</SideSlot>
          </div>
        )
      ) : (
        <Welcome />
      )}
      {project && <DropZone />}
      {project && <ImportQuestionDialog />}
      {project && choosing && <ReviewSetup />}
      {askAnnotator && <AnnotatorDialog />}
    </div>
  )
}
