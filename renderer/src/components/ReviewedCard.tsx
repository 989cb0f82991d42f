import { ATTRIBUTION, findLabel, inSentence, sourceLabelName, valueName } from '../../../shared/model/labels'
import type { ReviewedAnnotation } from '../../../shared/model/review'
import type { ReviewUnit } from '../../../shared/review/units'
import { sourceName, truncate } from '../state/model/describe'
import { useSessionState } from '../state/react/use-session'
import { SpanQuote } from './SpanQuote'

/** The reviewer's own version of a unit (a decision "edited"), beside the annotators' versions. */
export function ReviewedCard({ annotation: a, unit }: { annotation: ReviewedAnnotation; unit: ReviewUnit }) {
  const labels = useSessionState((s) => s.info?.project?.labels ?? [])
  const label = findLabel(labels, a.label)
  const values = (label?.attributes ?? []).filter((d) => a.attributes[d.id])
  // Its source in the reviewed layer: the one the reviewer picked, or as the annotators linked it.
  const source = useSessionState((s) => {
    const to = s.review?.reviewed.links.find((l) => l.type === ATTRIBUTION && l.from === a.id)?.to
    return to ? s.review?.reviewedById.get(to) : undefined
  })
  return (
    <article className={`card reviewed chosen mg-label-${a.label}`} aria-label="Reviewed version">
      <div className="card-head">
        <strong>Reviewed</strong>
        <span className="card-label">
          <span className="swatch" aria-hidden="true" />
          {label?.name ?? a.label}
        </span>
        <span className="chosen-mark">✓ edited by {a.provenance.decidedBy}</span>
      </div>
      <div className="card-body">
        <SpanQuote start={a.target.position.start} end={a.target.position.end} around={unit} />
        {values.length > 0 && (
          <dl className="card-values">
            {values.map((d) => (
              <div key={d.id}>
                <dt>{d.name}</dt>
                <dd>{valueName(d, a.attributes[d.id]!)}</dd>
              </div>
            ))}
          </dl>
        )}
        {label?.attributedTo && (source || a.provenance.source !== undefined) && (
          <p className="card-source" title={source ? `Attributed to “${source.target.quote.exact}”` : undefined}>
            ←{' '}
            {source
              ? truncate(sourceName(source), 60)
              : typeof a.provenance.source === 'string'
                ? `the ${inSentence(sourceLabelName(labels, a.label))} picked is not in the reviewed layer now (its unit is open or rejected); settle it to link it again`
                : `no ${inSentence(sourceLabelName(labels, a.label))}`}
            {a.provenance.source !== undefined && <span className="card-source-quote"> (picked by {a.provenance.decidedBy})</span>}
          </p>
        )}
        {a.note && <p className="card-note">✎ {truncate(a.note, 200)}</p>}
      </div>
    </article>
  )
}
