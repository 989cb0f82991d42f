import { findLabel } from '../../../shared/model/labels'
import { truncate } from '../state/model/describe'
import { useSession, useSessionState } from '../state/react/use-session'
import { AttributeField } from './AttributeField'
import { LabelSelect } from './LabelSelect'
import { LinksField } from './LinksField'
import { NoteField } from './NoteField'
import { ReplyThread } from './ReplyThread'
import { SourceField } from './SourceField'

/** The selected annotation: its label, attributes, source, note, its thread of replies, and Delete. */
export function AnnotationEditor({ id }: { id: string }) {
  const session = useSession()
  const c = session.commands
  const annotation = useSessionState((s) => s.layer?.byId.get(id))
  const labels = useSessionState((s) => s.info?.project?.labels)
  const linkTypes = useSessionState((s) => s.info?.project?.linkTypes)
  const linking = useSessionState((s) => s.linking?.from === id)
  const readOnly = useSessionState((s) => s.doc?.readOnly ?? null)
  const me = useSessionState((s) => s.info?.annotator ?? '')
  if (!annotation || !labels) return null
  const label = findLabel(labels, annotation.label)
  const target = label?.attributedTo ? findLabel(labels, label.attributedTo) : undefined
  return (
    <section className={`annotation-editor mg-label-${annotation.label}`} aria-label="Selected annotation">
      <blockquote className="editor-quote" dir="auto">
        {truncate(annotation.target.quote.exact, 400)}
      </blockquote>
      {/* A read-only document (its text is damaged) shows its annotations but changes none. */}
      <fieldset className="editor-fields" disabled={readOnly !== null} title={readOnly ?? undefined}>
        <LabelSelect labels={labels} value={annotation.label} onChange={(next) => c.relabel(id, next)} />
        <div className="nudges" role="group" aria-label="Span boundaries">
          <button
            type="button"
            className="small"
            title="Alt+←"
            aria-label="Start one word earlier"
            onClick={() => c.moveBoundary(id, 'start', -1)}
          >
            ◀ start
          </button>
          <button
            type="button"
            className="small"
            title="Alt+→"
            aria-label="Start one word later"
            onClick={() => c.moveBoundary(id, 'start', 1)}
          >
            start ▶
          </button>
          <button
            type="button"
            className="small"
            title="Alt+Shift+←"
            aria-label="End one word earlier"
            onClick={() => c.moveBoundary(id, 'end', -1)}
          >
            ◀ end
          </button>
          <button
            type="button"
            className="small"
            title="Alt+Shift+→"
            aria-label="End one word later"
            onClick={() => c.moveBoundary(id, 'end', 1)}
          >
            end ▶
          </button>
        </div>
        {label?.attributes
          .filter((def) => !def.retired || def.id in annotation.attributes)
          .map((def) => (
            <AttributeField key={def.id} annotation={annotation} def={def} />
          ))}
        {target && <SourceField annotation={annotation} target={target} />}
        {target && (
          <button type="button" className="small" aria-pressed={linking} onClick={() => (linking ? c.escape() : c.startLinking())}>
            {linking ? `Click a ${target.name} in the text… (Esc)` : `Attribute to… (A)`}
          </button>
        )}
        {linkTypes && linkTypes.length > 0 && <LinksField annotation={annotation} labels={labels} linkTypes={linkTypes} />}
        <NoteField annotation={annotation} />
        <div className="field-col">
          <span className="field-label">Replies</span>
          <ReplyThread layer={me} annotation={annotation.id} />
        </div>
        <div className="actions">
          <button type="button" className="danger" onClick={() => c.remove(id)}>
            Delete annotation
          </button>
        </div>
      </fieldset>
    </section>
  )
}
