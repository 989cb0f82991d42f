import { useState } from 'react'
import { messageOf } from '../state/model/errors'
import { useSession, useSessionState } from '../state/react/use-session'
import { BackupsDialog } from './BackupsDialog'

/**
 * Below the header, the host's sentence about project.json when a change found it damaged on disk,
 * kept it aside and saved what was open in its place: it stays until it is dismissed, with the
 * file's backups one click away.
 */
export function ProjectBanner() {
  const session = useSession()
  const notice = useSessionState((s) => s.projectNotice)
  const path = useSessionState((s) => s.info?.project?.path ?? null)
  const [backups, setBackups] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const dismiss = async () => {
    try {
      setProblem(null)
      await session.dismissProjectNotice()
    } catch (e) {
      setProblem(messageOf(e))
    }
  }
  return (
    <>
      {notice && path && (
        <div className="layer-banner project-banner" role="alert" data-testid="project-banner">
          <p>{notice}</p>
          {problem && <p className="error">{problem}</p>}
          <div className="banner-actions">
            <button type="button" onClick={() => setBackups(true)}>
              Backups…
            </button>
            <button type="button" className="primary" onClick={() => void dismiss()}>
              Dismiss
            </button>
          </div>
        </div>
      )}
      {backups && path && <BackupsDialog sources={[{ store: { store: 'project', path } }]} onClose={() => setBackups(false)} />}
    </>
  )
}
