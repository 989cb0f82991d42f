/**
 * Taking in the open document's own layer as it is on disk after someone else changed it (another
 * window, a sync tool): only what differs is redrawn, so the text keeps its scroll position and
 * the selection stays unless its annotation is gone. Called only when every own change is saved,
 * so nothing unsaved is overwritten (`savesSettled` waits for that).
 */
import type { OpenedDocument } from '../../../../shared/api'
import type { LayerState } from '../../../../shared/annotations/apply'
import type { Annotation } from '../../../../shared/model/annotation'
import type { Annotating } from './annotating'
import type { SessionState } from '../model/session-state'
import type { Store } from '../model/store'
import { receivedAnnotations } from '../../../../shared/annotations/sent-form'

/** What differs between a layer and a fresh copy of it. */
export function layerDiff(layer: LayerState, fresh: readonly Annotation[]): { put: Annotation[]; removed: string[] } {
  const ids = new Set(fresh.map((a) => a.id))
  const removed = [...layer.annotations.keys()].filter((id) => !ids.has(id))
  const put = fresh.filter((a) => {
    const old = layer.annotations.get(a.id)
    return !old || old.modified !== a.modified || JSON.stringify(old) !== JSON.stringify(a)
  })
  return { put, removed }
}

/** Replace the open document's layer by the fresh copy, redrawing what changed. */
export function takeFreshLayer(work: Annotating, store: Store<SessionState>, opened: OpenedDocument): void {
  const layer = work.layer
  const index = work.index
  if (!layer || !index || store.get().doc?.id !== opened.document.id) return
  const { put, removed } = layerDiff(layer, receivedAnnotations(index, opened.annotator, opened.annotations))
  layer.apply(put, removed)
  layer.setLinks(opened.links)
  const selected = store.get().selectedId
  const gone = selected !== null && removed.includes(selected)
  work.surface?.update(put, removed, gone ? { select: null } : {})
  store.set({ layer: layer.snapshot(), ...(gone ? { selectedId: null, linking: null } : {}) })
}

/** Resolves once no own change is being saved (they are saved, or their save failed). */
export function savesSettled(store: Store<SessionState>): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (store.get().save.kind === 'saving') return false
      resolve()
      return true
    }
    if (check()) return
    const stop = store.subscribe(() => {
      if (check()) stop()
    })
  })
}
