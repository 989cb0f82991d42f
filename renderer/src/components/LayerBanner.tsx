import { useState } from 'react'
import { useSessionState } from '../state/use-session'
import { BackupsDialog } from './BackupsDialog'

/**
 * Above the text when the annotator's own layer of this document could not be read and was set
 * aside: the host's sentence and "Restore last good copy…", which opens the Backups dialog.
 */
export function LayerBanner() {
  const doc = useSessionState((s) => s.doc)
  const annotator = useSessionState((s) => s.info?.annotator ?? null)
  const [open, setOpen] = useState(false)
  if (!doc?.notice || !annotator) return null
  return (
    <div className="layer-banner" role="alert">
      <p>{doc.notice}</p>
      <button type="button" className="primary" onClick={() => setOpen(true)}>
        Restore last good copy…
      </button>
      {open && <BackupsDialog sources={[{ store: { store: 'annotations', annotator, document: doc.id } }]} onClose={() => setOpen(false)} />}
    </div>
  )
}
