import { useEffect, useRef, type ReactNode } from 'react'
import { NARROW, useMedia } from '../state/react/use-media'
import { useSession, useSessionState } from '../state/react/use-session'
import { PANEL_IDS } from './PanelToggle'

/**
 * Where the document list sits: a column beside the text, or in a narrow window a drawer over it,
 * pulled out with the header's button. Open, it takes the keyboard; Escape, a click beside it or
 * choosing a document (even the one open) puts it back and returns the keyboard to the button.
 */
export function DocumentsSlot({ children }: { children: ReactNode }) {
  const session = useSession()
  const narrow = useMedia(NARROW)
  const open = useSessionState((s) => s.shell.documentsOpen)
  const doc = useSessionState((s) => s.doc?.id ?? null)
  const ref = useRef<HTMLDivElement>(null)
  const shownDoc = useRef(doc)
  const drawer = narrow && open

  const close = () => {
    session.shell.showDocuments(false)
    document.querySelector<HTMLElement>('.panel-toggle-documents')?.focus()
  }

  useEffect(() => {
    if (!drawer) return
    const first = ref.current?.querySelector<HTMLElement>('.doc.current button, button')
    first?.focus()
  }, [drawer])

  // A document chosen in the drawer: the drawer goes, the text shows.
  useEffect(() => {
    if (doc === shownDoc.current) return
    shownDoc.current = doc
    if (session.store.get().shell.documentsOpen) session.shell.showDocuments(false)
  }, [doc, session])

  return (
    <>
      <div
        ref={ref}
        id={PANEL_IDS.documents}
        className={drawer ? 'panel-slot documents-slot open drawer' : open ? 'panel-slot documents-slot open' : 'panel-slot documents-slot'}
        onClick={(e) => {
          // The document already open, chosen again: the drawer goes all the same.
          if (drawer && e.target instanceof Element && e.target.closest('.doc.current .doc-open')) close()
        }}
        onKeyDown={(e) => {
          if (drawer && e.key === 'Escape') {
            e.preventDefault()
            e.stopPropagation()
            close()
          }
        }}
      >
        {children}
      </div>
      {drawer && <div className="drawer-backdrop" aria-hidden="true" onClick={close} />}
    </>
  )
}

/** Where the side panel sits: beside the text; in a narrow window it can be put away for a wider text. */
export function SideSlot({ children }: { children: ReactNode }) {
  const open = useSessionState((s) => s.shell.sideOpen)
  return (
    <div id={PANEL_IDS.side} className={open ? 'panel-slot side-slot' : 'panel-slot side-slot closed'}>
      {children}
    </div>
  )
}
