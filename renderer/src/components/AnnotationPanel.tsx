import { useSessionState } from '../state/react/use-session'
import { AnnotationEditor } from './AnnotationEditor'
import { AnnotationFilter } from './AnnotationFilter'
import { AnnotationList } from './AnnotationList'
import { SidePanel } from './SidePanel'

/** The right column: the selected annotation's editor above the list of all annotations (or the memos, or the guidelines). */
export function AnnotationPanel() {
  const selectedId = useSessionState((s) => s.selectedId)
  const count = useSessionState((s) => s.layer?.order.length ?? 0)
  return (
    <SidePanel name="Annotations" label="Annotations" className="annotations">
      {selectedId !== null && <AnnotationEditor key={selectedId} id={selectedId} />}
      <h2 className="pane-title">
        Annotations <span className="count">{count}</span>
      </h2>
      {count > 0 && <AnnotationFilter />}
      <AnnotationList />
    </SidePanel>
  )
}
