import { useEffect, useLayoutEffect, useRef } from 'react'
import { DocumentEditor } from '../editor/document-editor'
import { BoundaryHandles } from './BoundaryHandles'
import { useSession, useSessionState } from '../state/react/use-session'

/**
 * The text of the open document. React renders only the frame; the ProseMirror view inside is
 * created once per document and changed imperatively, never re-rendered by React.
 */
export function TextView() {
  const session = useSession()
  const doc = useSessionState((s) => s.doc)
  const title = useSessionState((s) => s.documents.find((d) => d.id === s.doc?.id)?.title ?? '')
  const linking = useSessionState((s) => s.linking)
  const scroller = useRef<HTMLDivElement>(null)
  const mount = useRef<HTMLDivElement>(null)
  // View ▸ Text drawing: every line, or those around the view. Read when the view is made, then passed on.
  const wholeText = useSessionState((s) => s.info?.preferences.wholeText ?? false)
  const editorRef = useRef<DocumentEditor | null>(null)

  useLayoutEffect(() => {
    const work = session.work
    if (!doc || !mount.current || !scroller.current || !work.index || !work.layer) return
    const editor = new DocumentEditor({
      mount: mount.current,
      scroller: scroller.current,
      index: work.index,
      annotations: work.layer.snapshot().order,
      // While suggestions are shown, a click on one picks it (unless a link is being made).
      onClickText: (covering, suggestion) =>
        suggestion !== null && !session.store.get().linking
          ? session.suggesting.select(suggestion, false)
          : session.commands.clickText(covering),
      wholeText: session.store.get().info?.preferences.wholeText ?? false,
    })
    editorRef.current = editor
    work.attach(editor)
    // Where the user is in the text is remembered once scrolling pauses (or the page goes before
    // it did), to come back to it next time.
    const box = scroller.current
    const shown = doc.id
    let timer: ReturnType<typeof setTimeout> | undefined
    let sent: number | null = null
    const remember = () => {
      clearTimeout(timer)
      timer = undefined
      const at = editor.topOffset()
      if (at !== sent) session.rememberScroll(at, shown)
      sent = at
    }
    const onScroll = () => {
      clearTimeout(timer)
      timer = setTimeout(remember, 800)
    }
    box.addEventListener('scroll', onScroll, { passive: true })
    addEventListener('pagehide', remember)
    return () => {
      // Left (another document opened) before scrolling paused: where it was is kept all the same.
      if (timer !== undefined) remember()
      removeEventListener('pagehide', remember)
      box.removeEventListener('scroll', onScroll)
      work.detach(editor)
      editor.destroy()
      if (editorRef.current === editor) editorRef.current = null
    }
  }, [session, doc])

  useEffect(() => editorRef.current?.setWholeText(wholeText), [wholeText])

  return (
    <div
      ref={scroller}
      className={linking ? `text-scroll mg-linking ${linking.targets.map((t) => `mg-linking-${t}`).join(' ')}` : 'text-scroll'}
    >
      <article className="text-column" aria-label={title}>
        <div ref={mount} />
      </article>
      <BoundaryHandles scroller={scroller} />
    </div>
  )
}
