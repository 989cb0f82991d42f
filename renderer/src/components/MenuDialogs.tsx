import type { StoreRef } from '../../../shared/api'
import type { SessionState } from '../state/model/session-state'
import { useSession, useSessionState } from '../state/react/use-session'
import { AboutDialog } from './AboutDialog'
import { BackupsDialog } from './BackupsDialog'
import { ExportDialog } from './ExportDialog'
import { ImportAnnotationsDialog } from './ImportAnnotationsDialog'
import { ProjectDialog } from './ProjectDialog'
import { ShortcutsDialog } from './ShortcutsDialog'
import { TagSetDialog } from './TagSetDialog'

/** The dialog a menu command opened (Export…, Backups…, Keyboard shortcuts…), if any; Import texts… is the header's. */
export function MenuDialogs() {
  const session = useSession()
  const dialog = useSessionState((s) => s.shell.dialog)
  const project = useSessionState((s) => s.info?.project ?? null)
  const close = () => session.shell.closeDialog()
  switch (dialog) {
    case 'open':
    case 'create':
      return <ProjectDialog mode={dialog} onClose={close} />
    case 'shortcuts':
      return <ShortcutsDialog onClose={close} />
    case 'about':
      return <AboutDialog onClose={close} />
    case null:
    case 'importTexts':
      return null
  }
  if (!project) return null
  switch (dialog) {
    case 'export':
      return <ExportDialog onClose={close} />
    case 'annotations':
      return <ImportAnnotationsDialog onClose={close} />
    case 'tagset':
      return <TagSetDialog onClose={close} />
    case 'backups':
      return <BackupsDialog sources={backupSources(session.store.get()).map((store) => ({ store }))} onClose={close} />
  }
}

/**
 * What Backups… lists: the kept versions of the open document's own layer, its reviewed layer, its
 * text (as imported) and the project's project.json, to put one back at any time.
 */
function backupSources(s: SessionState): StoreRef[] {
  const project = s.info?.project
  const annotator = s.info?.annotator
  const doc = s.doc?.id
  const stores: StoreRef[] = []
  if (doc && annotator) stores.push({ store: 'annotations', annotator, document: doc })
  if (doc) stores.push({ store: 'reviewed', document: doc }, { store: 'text', document: doc })
  if (project) stores.push({ store: 'project', path: project.path })
  return stores
}
