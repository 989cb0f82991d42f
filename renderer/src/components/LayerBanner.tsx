import { useState } from 'react'
import type { StoreRef } from '../../../shared/api'
import { useSessionState } from '../state/use-session'
import { BackupsDialog } from './BackupsDialog'

/**
 * Above the text when the annotator's own layer of this document could not be read and was set
 * aside: the host's sentence and "Restore last good copy…", which opens the Backups dialog.
 */
export function LayerBanner() {
  const doc = useSessionState((s) => s.doc)
  const annotator = useSessionState((s) => s.info?.annotator ?? null)
  // The dialog outlives the banner: a restore re-opens the document, which clears the notice.
  const [store, setStore] = useState<StoreRef | null>(null)
  const dialog = store && <BackupsDialog sources={[{ store }]} onClose={() => setStore(null)} />
  // One shape whether or not the banner shows, so the dialog is not remounted when it goes.
  return (
    <>
      {doc?.notice && annotator && (
        <div className="layer-banner" role="alert">
          <p>{doc.notice}</p>
          <button type="button" className="primary" onClick={() => setStore({ store: 'annotations', annotator, document: doc.id })}>
            Restore last good copy…
          </button>
        </div>
      )}
      {dialog}
    </>
  )
}
