import { useSession, useSessionState } from '../state/react/use-session'
import { ReviewLegend } from './ReviewLegend'
import { ReviewTextView } from './ReviewTextView'
import { UnitDecision } from './UnitDecision'

/** The keys of review mode, shown while there is no other hint: short enough for one line at 1280 px, whole in its tooltip. */
const KEYS_SHORT = 'n / p next / previous · 1–9 accept a version · x reject all · e edit · Ctrl+Z take back'
const KEYS_HELP =
  'n / p: next / previous disagreement (a decision moves on by itself) · 1–9 accept that annotator’s version · x reject all · e edit · Ctrl+Z takes back a decision'

/** The middle column in review mode: who is compared, the unit being decided, and the text. */
export function ReviewPane() {
  const session = useSession()
  const review = useSessionState((s) => s.review)
  const opening = useSessionState((s) => s.opening !== null || (s.doc !== null && s.review?.document !== s.doc.id))
  const hint = useSessionState((s) => s.hint)
  const stale = useSessionState((s) => s.stale)
  return (
    <main className="document review" aria-busy={opening} aria-label="Review">
      <ReviewLegend />
      {stale ? (
        <div className="hint hint-error stale" role="alert">
          <span>{stale}</span>
          <button type="button" className="small" onClick={() => void session.mode.openReview()}>
            Reopen review
          </button>
        </div>
      ) : (
        <p className={hint ? `hint hint-${hint.tone}` : 'hint keys-help'} aria-live="polite" title={hint ? undefined : KEYS_HELP}>
          {hint?.text ?? (review ? KEYS_SHORT : '')}
        </p>
      )}
      {review && review.missing.length > 0 && (
        <p className="hint review-missing" data-testid="review-missing">
          {review.missing.join(', ')} {review.missing.length === 1 ? 'has' : 'have'} not annotated this document: left out of the comparison
          (missing, not “nothing marked”).
        </p>
      )}
      {review ? (
        <>
          <UnitDecision />
          <ReviewTextView key={review.document} />
        </>
      ) : (
        <div className="empty-doc">
          <p>{opening ? 'Opening the review…' : 'Choose a document on the left.'}</p>
        </div>
      )}
    </main>
  )
}
