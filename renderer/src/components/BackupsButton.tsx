import { useState } from 'react'
import type { StoreRef } from '../../../shared/api'
import { useSessionState } from '../state/react/use-session'
import { BackupsDialog, type BackupSource } from './BackupsDialog'

/**
 * "Backups…" in the header: the kept versions of the open document's own layer, its reviewed
 * layer, its text (as imported) and the project's project.json, to put one back at any time.
 */
export function BackupsButton() {
  const project = useSessionState((s) => s.info?.project ?? null)
  const annotator = useSessionState((s) => s.info?.annotator ?? null)
  const doc = useSessionState((s) => s.doc?.id ?? null)
  const [sources, setSources] = useState<BackupSource[] | null>(null)
  if (!project) return null
  const open = () => {
    const stores: StoreRef[] = []
    if (doc && annotator) stores.push({ store: 'annotations', annotator, document: doc })
    if (doc) stores.push({ store: 'reviewed', document: doc }, { store: 'text', document: doc })
    stores.push({ store: 'project', path: project.path })
    setSources(stores.map((store) => ({ store })))
  }
  return (
    <>
      <button
        type="button"
        onClick={open}
        title="Earlier versions of this document’s annotations, its reviewed layer, its text and the project settings, to put one back"
      >
        Backups…
      </button>
      {sources && <BackupsDialog sources={sources} onClose={() => setSources(null)} />}
    </>
  )
}
