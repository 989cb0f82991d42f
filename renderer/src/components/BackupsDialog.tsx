import { useEffect, useState } from 'react'
import type { BackupInfo, Client, RestoreResult, StoreRef } from '../../../shared/api'
import { backupKindLabel, backupTime, byteSize, pinnedReason, storeTitle } from '../state/model/backups'
import { messageOf } from '../state/model/errors'
import { useSession, useSessionState } from '../state/react/use-session'
import { Modal } from './Modal'

/** What one section of the dialog lists: the kept versions of this file. */
export interface BackupSource {
  store: StoreRef
  /** Overrides the usual heading. */
  title?: string
}

type Listing = { kind: 'loading' } | { kind: 'ready'; backups: BackupInfo[] } | { kind: 'failed'; message: string }

/**
 * "Backups": the kept versions of one or more files (a layer, the reviewed layer, project.json),
 * newest first, each with its kind, local time, size and what it holds; ones that cannot be
 * restored are disabled with the reason. Restoring one puts it back and says what came back.
 */
export function BackupsDialog({ sources, onClose }: { sources: BackupSource[]; onClose: () => void }) {
  const session = useSession()
  const annotator = useSessionState((s) => s.info?.annotator ?? undefined)
  const [listings, setListings] = useState<Listing[]>(() => sources.map(() => ({ kind: 'loading' })))
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<{ result: RestoreResult } | { error: string } | null>(null)

  const [fixed] = useState(sources)
  useEffect(() => listAll(session.client, fixed, setListings), [session, fixed])

  const unpin = async (store: StoreRef, backup: BackupInfo) => {
    setBusy(true)
    try {
      await session.unpinBackup(store, backup.id)
      setOutcome(null)
      listAll(session.client, fixed, setListings)
    } catch (e) {
      setOutcome({ error: messageOf(e) })
    } finally {
      setBusy(false)
    }
  }

  const restore = async (store: StoreRef, backup: BackupInfo) => {
    setBusy(true)
    try {
      setOutcome({ result: await session.restoreBackup(store, backup.id) })
      listAll(session.client, fixed, setListings)
    } catch (e) {
      setOutcome({ error: messageOf(e) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal title="Backups" onClose={onClose}>
      <div className="backups">
        <p className="help">
          Marginalia keeps earlier versions of the files it saves. Restoring one keeps the version it replaces, so a restore can be undone.
          When a file is found damaged, or gone from disk, its last good copy is pinned: kept until you restore it or say it is not needed.
        </p>
        {outcome && 'result' in outcome && (
          <p className="backups-outcome" role="status">
            Restored the version from {backupTime(outcome.result.restored.saved)} ({outcome.result.restored.summary.replace(/\.$/, '')}).
            The version it replaced was kept.
            {outcome.result.notice ? ` ${outcome.result.notice}` : ''}
          </p>
        )}
        {outcome && 'error' in outcome && (
          <p className="error" role="alert">
            {outcome.error}
          </p>
        )}
        {fixed.map((source, i) => {
          const listing = listings[i]!
          const heading = source.title ?? storeTitle(source.store, annotator)
          return (
            <section key={i} className="backups-section" aria-label={heading}>
              <h3>{heading}</h3>
              {listing.kind === 'loading' && <p className="help">Looking for kept versions…</p>}
              {listing.kind === 'failed' && <p className="error">{listing.message}</p>}
              {listing.kind === 'ready' && listing.backups.length === 0 && (
                <p className="help">No kept versions yet: one is kept each time Marginalia saves this file.</p>
              )}
              {listing.kind === 'ready' && listing.backups.length > 0 && (
                <ul className="backups-list">
                  {listing.backups.map((b) => {
                    const time = backupTime(b.saved)
                    const why = pinnedReason(b)
                    return (
                      <li
                        key={b.id}
                        className={`backup${b.restorable ? '' : ' backup-damaged'}${b.kind === 'pinned' ? ' backup-pinned' : ''}`}
                      >
                        <div className="backup-what">
                          <strong>{backupKindLabel(b.kind)}</strong> <span>{time}</span>{' '}
                          <span className="backup-size">{byteSize(b.bytes)}</span>
                          <div className={b.restorable ? 'backup-summary' : 'backup-summary error'}>{b.summary}</div>
                          {why && <div className="backup-why">{why}</div>}
                        </div>
                        {b.kind === 'pinned' && (
                          <button
                            type="button"
                            className="small quiet"
                            disabled={busy}
                            title="It becomes an ordinary earlier version, kept among the backups for a while"
                            aria-label={`Not needed: the pinned copy from ${time}`}
                            onClick={() => void unpin(source.store, b)}
                          >
                            Not needed
                          </button>
                        )}
                        <button
                          type="button"
                          className="small"
                          disabled={!b.restorable || busy}
                          title={b.restorable ? 'Put this version back' : b.summary}
                          aria-label={`Restore ${backupKindLabel(b.kind).toLowerCase()} from ${time}`}
                          onClick={() => void restore(source.store, b)}
                        >
                          Restore
                        </button>
                      </li>
                    )
                  })}
                </ul>
              )}
            </section>
          )
        })}
        <div className="actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Modal>
  )
}

/** Ask for every source's backups, filling in each listing as it answers; returns a cancel. */
function listAll(client: Client, sources: BackupSource[], set: (f: (l: Listing[]) => Listing[]) => void): () => void {
  let live = true
  sources.forEach((source, i) => {
    const put = (listing: Listing) => live && set((l) => l.map((x, j) => (j === i ? listing : x)))
    client.call('backups.list', { store: source.store }).then(
      (backups) => put({ kind: 'ready', backups }),
      (e: unknown) => put({ kind: 'failed', message: messageOf(e) }),
    )
  })
  return () => {
    live = false
  }
}
