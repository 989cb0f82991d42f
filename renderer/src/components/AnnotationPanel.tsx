import { useSessionState } from '../state/react/use-session'
import { AnnotationEditor } from './AnnotationEditor'
import { AnnotationFilter } from './AnnotationFilter'
import { AnnotationList } from './AnnotationList'

/** The right column: the selected annotation's editor above the list of all annotations. */
export function AnnotationPanel() {
  const selectedId = useSessionState((s) => s.selectedId)
  const count = useSessionState((s) => s.layer?.order.length ?? 0)
  return (
    <aside className="annotations" aria-label="Annotations">
      {selectedId !== null && <AnnotationEditor key={selectedId} id={selectedId} />}
      <h2 className="pane-title">
        Annotations <span className="count">{count}</span>
      </h2>
      {count > 0 && <AnnotationFilter />}
      <AnnotationList />
    </aside>
  )
}
