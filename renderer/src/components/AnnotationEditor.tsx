import { ATTRIBUTION, findLabel } from '../../../shared/model/labels'
import { truncate } from '../state/model/describe'
import { useSession, useSessionState } from '../state/react/use-session'
import { AttributeField } from './AttributeField'
import { BoundaryButtons } from './BoundaryButtons'
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
  const linking = useSessionState((s) => s.linking?.from === id && s.linking.type === ATTRIBUTION)
  const readOnly = useSessionState((s) => s.doc?.readOnly ?? null)
  const me = useSessionState((s) => s.info?.annotator ?? '')
  // Provenance: the suggestion this annotation was accepted from, if it was.
  const origin = useSessionState((s) => {
    for (const r of s.layer?.suggestions.values() ?? []) if (r.decision === 'accepted' && r.annotation === id) return r
    return undefined
  })
  if (!annotation || !labels) return null
  const label = findLabel(labels, annotation.label)
  const target = label?.attributedTo ? findLabel(labels, label.attributedTo) : undefined
  return (
    <section className={`annotation-editor mg-label-${annotation.label}`} aria-label="Selected annotation">
      <blockquote className="editor-quote" dir="auto" tabIndex={0}>
        {truncate(annotation.target.quote.exact, 400)}
      </blockquote>
      {origin && (
        <p className="editor-origin">
          Accepted from a suggestion ({origin.pattern}, {Math.round((origin.confidence ?? 0) * 100)}%)
          {origin.start !== annotation.target.position.start || origin.end !== annotation.target.position.end
            ? ', with its boundaries moved'
            : ''}
        </p>
      )}
      {/* A read-only document (its text is damaged) shows its annotations but changes none. */}
      <fieldset className="editor-fields" disabled={readOnly !== null} title={readOnly ?? undefined}>
        <LabelSelect labels={labels} value={annotation.label} onChange={(next) => c.relabel(id, next)} />
        <BoundaryButtons label="Span boundaries" onMove={(end, by) => c.moveBoundary(id, end, by)} />
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
          <ReplyThread key={annotation.id} layer={me} annotation={annotation.id} />
        </div>
        <div className="actions">
          <button
            type="button"
            className="danger"
            onClick={() => {
              c.remove(id)
              // The editor goes with the annotation; the keyboard goes to the text, not to the page.
              session.work.surface?.focus()
            }}
          >
            Delete annotation
          </button>
        </div>
      </fieldset>
    </section>
  )
}
