import { useState } from 'react'
import type { BackupInfo } from '../../../shared/api'
import { useSession, useSessionState } from '../state/react/use-session'
import { Modal } from './Modal'
import { ProjectRestoreOffer } from './ProjectRestoreOffer'

/**
 * Open or create a project. On desktop, creating asks for the name here and the folder in the
 * native dialog; in browser mode both are typed, since a page cannot browse the disk.
 */
export function ProjectDialog({ mode, onClose }: { mode: 'open' | 'create'; onClose: () => void }) {
  const session = useSession()
  const desktop = useSessionState((s) => s.info?.host === 'desktop')
  const [path, setPath] = useState('')
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [offer, setOffer] = useState<{ path: string; backup: BackupInfo } | null>(null)
  const creating = mode === 'create'

  const submit = async () => {
    setBusy(true)
    setOffer(null)
    let problem: string | null
    if (creating) problem = await session.createProject(name.trim(), desktop ? undefined : path.trim())
    else {
      const failed = await session.openProjectAt(path.trim())
      problem = failed?.problem ?? null
      if (failed?.offer) setOffer({ path: path.trim(), backup: failed.offer })
    }
    setBusy(false)
    if (problem) setError(problem)
    else onClose()
  }

  return (
    <Modal title={creating ? 'New project' : 'Open project'} onClose={onClose}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        {creating && (
          <label className="field">
            <span>Project name</span>
            <input value={name} onChange={(e) => setName(e.target.value)} autoFocus required maxLength={200} />
          </label>
        )}
        {!desktop && (
          <label className="field">
            <span>{creating ? 'Folder to create it in (full path)' : 'Project folder (full path)'}</span>
            <input
              value={path}
              onChange={(e) => setPath(e.target.value)}
              autoFocus={!creating}
              required
              placeholder="/home/you/projects/elections-2026"
            />
          </label>
        )}
        {desktop && creating && <p className="help">Next, choose where the project folder goes.</p>}
        {error && <p className="error">{error}</p>}
        {offer && <ProjectRestoreOffer key={offer.path} path={offer.path} offer={offer.backup} onOpened={onClose} />}
        <div className="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {creating ? (desktop ? 'Choose folder…' : 'Create project') : 'Open project'}
          </button>
        </div>
      </form>
    </Modal>
  )
}
