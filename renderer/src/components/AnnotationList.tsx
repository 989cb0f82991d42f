import { useCallback, useEffect, useMemo, useRef } from 'react'
import type { LabelDef } from '../../../shared/model/labels'
import { threadKey, threadsOf } from '../../../shared/model/memos'
import { paragraphOf } from '../../../shared/search/find'
import { indexInOrder } from '../state/model/annotation-set'
import { filterAnnotations } from '../state/model/list-filter'
import { useSession, useSessionState } from '../state/react/use-session'
import { useWindowRows } from '../state/react/use-window-rows'
import { AnnotationRow, ROW_HEIGHT } from './AnnotationRow'

/**
 * The document's annotations in text order. Only the rows in view (and a few around them) are in
 * the page, so a document with thousands of annotations scrolls and updates as fast as one with
 * ten; rows are memoised and re-render only when their own annotation changes.
 */
export function AnnotationList() {
  const session = useSession()
  const layer = useSessionState((s) => s.layer)
  const selectedId = useSessionState((s) => s.selectedId)
  const labels = useSessionState((s) => s.info?.project?.labels)
  const filter = useSessionState((s) => s.listFilter)
  const readOnly = useSessionState((s) => Boolean(s.doc?.readOnly))
  const me = useSessionState((s) => s.info?.annotator ?? '')
  const notes = useSessionState((s) => (s.notes?.document === s.doc?.id ? s.notes : null))
  const threads = useMemo(() => threadsOf(notes?.replies ?? []), [notes])
  const order = useMemo(() => (layer ? filterAnnotations(layer.order, filter) : undefined), [layer, filter])
  const total = order?.length ?? 0
  const { box, first, last, onScroll, showRow } = useWindowRows(total, ROW_HEIGHT)
  const choose = useCallback((id: string) => session.commands.chooseRow(id), [session])

  // Keep the selected annotation's row in view when it is selected from the text (or moves).
  useEffect(() => {
    const selected = selectedId === null ? undefined : layer?.byId.get(selectedId)
    if (selected && order) showRow(indexInOrder(order, selected))
  }, [selectedId, layer, order, showRow])

  // A row with the keyboard's focus can go (Delete, Ctrl+Z): the focus then stays in the list, on
  // the selected row if there is one, else on the list itself, instead of falling to the page.
  const focusedRow = useRef<HTMLElement | null>(null)
  useEffect(() => {
    const list = box.current
    const gone = focusedRow.current
    if (!list || !gone || gone.isConnected || document.activeElement !== document.body) return
    focusedRow.current = null
    const row = list.querySelector<HTMLElement>('.row-button[aria-pressed="true"]') ?? list
    row.focus({ preventScroll: row === list })
  })

  const rows = []
  const index = session.work.index
  if (layer && labels && order) {
    for (let i = first; i < last; i++) {
      const a = order[i]!
      const link = layer.attribution.get(a.id)
      rows.push(
        <AnnotationRow
          key={a.id}
          annotation={a}
          source={link ? layer.byId.get(link.to) : undefined}
          label={labels.find((l) => l.id === a.label)}
          selected={a.id === selectedId}
          replies={threads.get(threadKey(me, a.id))?.length ?? 0}
          paragraph={index ? paragraphOf(index, a.target.position.start) : null}
          top={i * ROW_HEIGHT}
          onChoose={choose}
        />,
      )
    }
  }
  return (
    <div
      ref={box}
      className="annotation-list"
      tabIndex={-1}
      onScroll={onScroll}
      onFocus={(e) => (focusedRow.current = e.target.classList.contains('row-button') ? e.target : null)}
      onBlur={(e) => {
        // Focus moved on (not a row taken away under it): nothing to put back.
        if (e.relatedTarget !== null) focusedRow.current = null
      }}
    >
      {layer && total === 0 ? (
        <p className="empty">
          {layer.order.length > 0
            ? 'No annotation matches the filter.'
            : readOnly
              ? 'No annotations yet; this document is read-only until its text is restored (see above).'
              : `No annotations yet. ${howToTag(labels ?? [])}`}
        </p>
      ) : (
        <ul style={{ height: total * ROW_HEIGHT }}>{rows}</ul>
      )}
    </div>
  )
}

/** "Select text, then press 1, 2, 3 or 4 (or click a label above).": the keys of the labels in use. */
function howToTag(labels: readonly LabelDef[]): string {
  const keys = labels.filter((l) => !l.retired && l.key !== '').map((l) => l.key)
  if (keys.length === 0) return 'Select text, then click a label above.'
  const list = keys.length === 1 ? keys[0] : `${keys.slice(0, -1).join(', ')} or ${keys.at(-1)}`
  return `Select text, then press ${list} (or click a label above).`
}
