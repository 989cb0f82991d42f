import { useSessionState } from '../state/react/use-session'
import { Modal } from './Modal'

/** Help → About Marginalia: what this is, its version, where it runs and what is open. */
export function AboutDialog({ onClose }: { onClose: () => void }) {
  const info = useSessionState((s) => s.info)
  return (
    <Modal title="About Marginalia" onClose={onClose}>
      <div className="stack">
        <p>A workbench for researchers who annotate texts by hand: claims, sources and stances, with exact offsets.</p>
        <dl className="about-facts">
          <dt>Version</dt>
          <dd>{info?.version ?? '–'}</dd>
          <dt>Running as</dt>
          <dd>{info?.host === 'desktop' ? 'the desktop app' : 'browser mode (this page talks to Marginalia on this computer)'}</dd>
          <dt>Annotator</dt>
          <dd>{info?.annotator ?? 'not chosen yet'}</dd>
          <dt>Project</dt>
          <dd className="about-path">{info?.project ? `${info.project.name} (${info.project.path})` : 'none open'}</dd>
        </dl>
        <div className="actions">
          <button type="button" className="primary" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
      </div>
    </Modal>
  )
}
