import { useState } from 'react'
import type { StoreRef } from '../../../shared/api'
import { messageOf } from '../state/model/errors'
import { useSession, useSessionState } from '../state/react/use-session'
import { BackupsDialog } from './BackupsDialog'

/**
 * Above the text, the host's sentences about the open document: its text is damaged, so it is
 * read-only ("Restore text…"); or the annotator's own layer could not be read and was set aside,
 * and its last good copy is pinned ("Restore last good copy…", or "Not needed" for the pinned one).
 */
export function LayerBanner() {
  const session = useSession()
  const doc = useSessionState((s) => s.doc)
  const annotator = useSessionState((s) => s.info?.annotator ?? null)
  // The dialog outlives the banner: a restore re-opens the document, which clears the notice.
  const [store, setStore] = useState<StoreRef | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const dialog = store && <BackupsDialog sources={[{ store }]} onClose={() => setStore(null)} />
  const pinned = doc?.pinned ?? null
  const dismiss = async () => {
    if (!doc || !annotator || !pinned) return
    try {
      setProblem(null)
      await session.unpinBackup({ store: 'annotations', annotator, document: doc.id }, pinned.id)
    } catch (e) {
      setProblem(messageOf(e))
    }
  }
  const notNeeded = (primary: boolean) => (
    <button
      type="button"
      className={primary ? 'primary' : undefined}
      title="The pinned copy becomes an ordinary earlier version, kept among the backups for a while"
      onClick={() => void dismiss()}
    >
      Not needed
    </button>
  )
  // One shape whether or not the banners show, so the dialog is not remounted when they go.
  return (
    <>
      {doc?.readOnly && (
        <div className="layer-banner read-only-banner" role="alert">
          <p>{doc.readOnly}</p>
          <button type="button" className="primary" onClick={() => setStore({ store: 'text', document: doc.id })}>
            Restore text…
          </button>
        </div>
      )}
      {doc?.notice && annotator && (
        <div className="layer-banner" role="alert">
          <p>{doc.notice}</p>
          {problem && <p className="error">{problem}</p>}
          <div className="banner-actions">
            {/* When the file holds all of the pinned copy, Not needed is the likely answer and comes first. */}
            {doc.pinnedHeld && pinned && notNeeded(true)}
            <button
              type="button"
              className={doc.pinnedHeld ? undefined : 'primary'}
              onClick={() => setStore({ store: 'annotations', annotator, document: doc.id })}
            >
              Restore last good copy…
            </button>
            {!doc.pinnedHeld && pinned && notNeeded(false)}
          </div>
        </div>
      )}
      {dialog}
    </>
  )
}
