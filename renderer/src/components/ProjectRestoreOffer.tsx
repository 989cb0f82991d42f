import { useState } from 'react'
import type { BackupInfo } from '../../../shared/api'
import { backupTime } from '../state/model/backups'
import { messageOf } from '../state/model/errors'
import { useSession } from '../state/react/use-session'

/**
 * Under "the project cannot be opened": put back the newest good copy of its project.json that
 * Marginalia kept; the restore opens the project, as a normal open would.
 */
export function ProjectRestoreOffer({ path, offer, onOpened }: { path: string; offer: BackupInfo; onOpened?: () => void }) {
  const session = useSession()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const restore = async () => {
    setBusy(true)
    try {
      await session.restoreBackup({ store: 'project', path }, offer.id)
      onOpened?.()
    } catch (e) {
      setError(messageOf(e))
      setBusy(false)
    }
  }
  return (
    <div className="restore-offer">
      <button type="button" className="primary" disabled={busy} onClick={() => void restore()}>
        Restore project.json from {backupTime(offer.saved)} ({offer.summary})
      </button>
      <p className="help">The damaged file is kept beside it, so nothing is lost.</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
