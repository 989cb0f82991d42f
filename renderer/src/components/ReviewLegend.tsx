import { lanePattern, REVIEWED } from '../editor/review-spans'
import { REVIEW_KEYS } from '../state/controllers/review-keys'
import { useSession, useSessionState } from '../state/react/use-session'

/**
 * The review toolbar: the legend (each compared annotator's lane under the text, and the reviewed
 * layer's tint and rule), each with a checkbox that shows or hides that layer; then, together at
 * the end, whom to compare and previous / next open disagreement.
 */
export function ReviewLegend() {
  const session = useSession()
  const annotators = useSessionState((s) => s.review?.annotators ?? s.compared)
  const hidden = useSessionState((s) => s.hidden)
  const me = useSessionState((s) => s.info?.annotator)
  const hasReview = useSessionState((s) => s.review !== null)
  const keep = (e: React.MouseEvent) => e.preventDefault()
  return (
    <div className="toolbar review-toolbar" role="toolbar" aria-label="Review">
      <div className="legend" role="group" aria-label="Layers shown">
        {annotators?.map((a, lane) => (
          <label key={a} className="legend-item" title={`${a}’s annotations: lane ${lane + 1} under the text, in the label’s colour`}>
            <input type="checkbox" checked={!hidden.includes(a)} onChange={() => session.reviewing.toggleLayer(a)} />
            <span className={`lane-sample mg-rv-${lanePattern(lane)}`} aria-hidden="true" />
            {a}
            {a === me && ' (you)'}
          </label>
        ))}
        <label className="legend-item" title="The reviewed layer: what you accepted or edited, tinted under a rule">
          <input type="checkbox" checked={!hidden.includes(REVIEWED)} onChange={() => session.reviewing.toggleLayer(REVIEWED)} />
          <span className="reviewed-sample" aria-hidden="true" />
          Reviewed
        </label>
      </div>
      <span className="toolbar-gap" />
      {/* Whom to compare, previous and next stay together when the bar wraps. */}
      <span className="toolbar-end">
        <button type="button" className="small" title="Choose whom the review compares" onClick={() => session.mode.choose(true)}>
          Annotators…
        </button>
        <button
          type="button"
          className="quiet"
          disabled={!hasReview}
          onMouseDown={keep}
          onClick={() => session.reviewing.step(-1)}
          title="Previous open disagreement"
        >
          Previous <kbd aria-hidden="true">{REVIEW_KEYS.previous}</kbd>
        </button>
        <button
          type="button"
          className="quiet"
          disabled={!hasReview}
          onMouseDown={keep}
          onClick={() => session.reviewing.step(1)}
          title="Next open disagreement"
        >
          Next <kbd aria-hidden="true">{REVIEW_KEYS.next}</kbd>
        </button>
      </span>
    </div>
  )
}
