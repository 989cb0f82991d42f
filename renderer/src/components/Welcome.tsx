import { useEffect, useState } from 'react'
import type { BackupInfo } from '../../../shared/api'
import { useSession, useSessionState } from '../state/react/use-session'
import { ProjectDialog } from './ProjectDialog'
import { ProjectRestoreOffer } from './ProjectRestoreOffer'

/**
 * Shown when no project is open. On desktop: Open / New through native dialogs and the recent
 * list; in browser mode the page cannot browse the disk, so the folder path is typed here.
 */
export function Welcome() {
  const session = useSession()
  const info = useSessionState((s) => s.info)
  const [creating, setCreating] = useState(false)
  const [path, setPath] = useState(info?.failedProject ?? '')
  const [error, setError] = useState<string | null>(null)
  const desktop = info?.host === 'desktop'
  const [offer, setOffer] = useState<{ path: string; backup: BackupInfo } | null>(null)
  // A project that would not open at start-up for its damaged project.json: its last good copy, offered at once.
  const damaged = info?.failedProject ?? null
  useEffect(() => {
    if (!damaged) return
    let live = true
    void session.projectOffer(damaged).then((backup) => live && backup && setOffer({ path: damaged, backup }))
    return () => {
      live = false
    }
  }, [damaged, session])
  const open = async (folder?: string) => {
    setOffer(null)
    if (folder === undefined) return setError(await session.openProject())
    const failed = await session.openProjectAt(folder)
    setError(failed?.problem ?? null)
    if (failed?.offer) setOffer({ path: folder, backup: failed.offer })
  }

  return (
    <main className="welcome">
      <h2>Start with a project</h2>
      {info?.notice && <p className="notice">{info.notice}</p>}
      <p>A project is a folder holding your texts, everyone’s annotations and the label scheme.</p>
      {desktop ? (
        <div className="actions start">
          <button type="button" className="primary" onClick={() => void open()}>
            Open project…
          </button>
          <button type="button" onClick={() => setCreating(true)}>
            New project…
          </button>
        </div>
      ) : (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault()
            void open(path.trim())
          }}
        >
          <label className="field">
            <span>Project folder (full path)</span>
            <input value={path} onChange={(e) => setPath(e.target.value)} required placeholder="/home/you/projects/elections-2026" />
          </label>
          <div className="actions start">
            <button type="submit" className="primary">
              Open project
            </button>
            <button type="button" onClick={() => setCreating(true)}>
              New project…
            </button>
          </div>
        </form>
      )}
      {error && <p className="error">{error}</p>}
      {offer && <ProjectRestoreOffer key={offer.path} path={offer.path} offer={offer.backup} />}
      {desktop && info && info.recent.length > 0 && (
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recent projects</h2>
          <ul className="recent">
            {info.recent.map((folder) => (
              <li key={folder}>
                <button type="button" className="link" onClick={() => void open(folder)}>
                  {folder}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {creating && <ProjectDialog mode="create" onClose={() => setCreating(false)} />}
    </main>
  )
}
