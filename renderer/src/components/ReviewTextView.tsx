import { useEffect, useLayoutEffect, useRef, type CSSProperties } from 'react'
import { DocumentEditor } from '../editor/document-editor'
import { REVIEWED, reviewSpans } from '../editor/review-spans'
import { reviewSurface } from '../editor/review-surface'
import { useSession, useSessionState } from '../state/react/use-session'

/**
 * The text under review, with every compared layer drawn (each annotator in its lane) and the
 * reviewed layer tinted under a rule. The view is built once per loaded review, from one sorted list of
 * spans; decisions patch only the reviewed layer's highlights, and showing or hiding a layer is a
 * class on the scroller.
 */
export function ReviewTextView() {
  const session = useSession()
  const layers = useSessionState((s) => s.review?.layers)
  const annotators = useSessionState((s) => s.review?.annotators)
  const hidden = useSessionState((s) => s.hidden)
  const title = useSessionState((s) => s.documents.find((d) => d.id === s.review?.document)?.title ?? '')
  const scroller = useRef<HTMLDivElement>(null)
  const mount = useRef<HTMLDivElement>(null)
  // Where the text was scrolled when the review is reloaded (a colleague's change): kept there.
  const kept = useRef<number | null>(null)
  // View ▸ Text drawing, as in Annotate.
  const wholeText = useSessionState((s) => s.info?.preferences.wholeText ?? false)
  const editorRef = useRef<DocumentEditor | null>(null)

  useLayoutEffect(() => {
    const review = session.store.get().review
    if (!review || !layers || !mount.current || !scroller.current) return
    const editor = new DocumentEditor({
      mount: mount.current,
      scroller: scroller.current,
      index: review.index,
      annotations: [],
      spans: reviewSpans(review.index, layers, review.reviewed.annotations),
      onClickText: (covering) => session.reviewing.clickText(covering),
      wholeText: session.store.get().info?.preferences.wholeText ?? false,
    })
    editorRef.current = editor
    const reload = kept.current
    const surface = reviewSurface(editor)
    session.reviewing.attach(surface, reload === null)
    if (reload !== null) scroller.current.scrollTop = reload
    const box = scroller.current
    return () => {
      kept.current = box.scrollTop
      session.reviewing.detach(surface)
      editor.destroy()
      if (editorRef.current === editor) editorRef.current = null
    }
  }, [session, layers])

  useEffect(() => editorRef.current?.setWholeText(wholeText), [wholeText])

  const classes = ['text-scroll', 'review-text', `mg-lanes-${annotators?.length ?? 1}`]
  annotators?.forEach((a, lane) => {
    if (hidden.includes(a)) classes.push(`mg-hide-lane-${lane}`)
  })
  if (hidden.includes(REVIEWED)) classes.push('mg-hide-reviewed')
  const lanes = { '--mg-lanes': annotators?.length ?? 1 } as CSSProperties
  return (
    <div ref={scroller} className={classes.join(' ')} style={lanes}>
      <article className="text-column" aria-label={title}>
        <div ref={mount} />
      </article>
    </div>
  )
}
