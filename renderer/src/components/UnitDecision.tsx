import { useLayoutEffect, useRef, type MouseEvent } from 'react'
import { findLabel } from '../../../shared/model/labels'
import type { DocumentState } from '../../../shared/model/status'
import { kindName, nothingToReview, settledBefore } from '../state/model/review-model'
import { REVIEW_KEYS } from '../state/controllers/review-keys'
import { useSession, useSessionState } from '../state/react/use-session'
import { MemberCard } from './MemberCard'
import { ReviewedCard } from './ReviewedCard'
import { UnitEditor } from './UnitEditor'

/**
 * The unit being decided: its kind, whether it is settled and how, one card per annotator's
 * version side by side (with "Accept <name>'s"), Reject all, Edit… and Reopen.
 */
export function UnitDecision() {
  const session = useSession()
  const model = useSessionState((s) => s.review)
  const key = useSessionState((s) => s.unit)
  const editing = useSessionState((s) => s.editing !== null && s.editing === s.unit)
  const labels = useSessionState((s) => s.info?.project?.labels ?? [])
  const stale = useSessionState((s) => s.stale !== null)
  const states = useSessionState((s) => (s.notes?.document === s.review?.document ? s.notes?.states : undefined))
  const i = key === null ? undefined : model?.indexOf.get(key)
  const unit = i === undefined ? undefined : model?.units[i]
  // A decision goes on to the next open unit, whose cards are new elements (the section is keyed by
  // the unit): a button pressed on one unit never acts on the next. The keyboard's focus, lost with
  // the button, goes to the new unit; the second click of a double-click decides nothing.
  const section = useRef<HTMLElement>(null)
  const focusInside = useRef(false)
  // So does the focus of an editor closed (saved, or left with Escape).
  const shown = unit ? `${unit.key}${editing ? ' editing' : ''}` : undefined
  useLayoutEffect(() => {
    const active = document.activeElement
    if (shown !== undefined && focusInside.current && (active === null || active === document.body))
      section.current?.focus({ preventScroll: true })
  }, [shown])
  if (!model || !unit) {
    return (
      <section className="unit-decision empty" aria-label="Unit">
        <p className="help">
          {model && model.units.length === 0 ? nothingToReview(model.annotators) : 'Choose a unit in the list on the right, or press n.'}
        </p>
      </section>
    )
  }
  const decision = model.decisions.get(unit.key)
  const reviewed = decision?.annotation ? model.reviewedById.get(decision.annotation) : undefined
  const r = session.reviewing
  /** A click's decision, unless the click is the second (or third) of a double-click. */
  const once = (e: MouseEvent, decide: () => void) => {
    if (e.detail <= 1) decide()
  }
  // Settled once, then an annotator changed their version (or moved another, so the units were
  // grouped anew): open again, and said so; deciding it replaces the earlier decision.
  const changedSince = !decision && settledBefore(model, unit)
  const settledText = !decision
    ? changedSince
      ? 'Open: changed since it was settled; decide again'
      : 'Open'
    : decision.action === 'rejected'
      ? 'Settled: all rejected'
      : decision.action === 'edited'
        ? `Settled: edited (${findLabel(labels, reviewed?.label ?? '')?.name ?? reviewed?.label ?? '?'})`
        : `Settled: ${reviewed?.provenance.chosen ?? 'one'}'s version accepted`
  return (
    <section
      key={unit.key}
      ref={section}
      tabIndex={-1}
      className={decision ? 'unit-decision settled' : 'unit-decision'}
      aria-label="Unit"
      data-testid="unit-decision"
      onFocus={() => (focusInside.current = true)}
      onBlur={(e) => {
        if (e.relatedTarget !== null && !e.currentTarget.contains(e.relatedTarget)) focusInside.current = false
      }}
    >
      <div className="unit-head">
        <span className={`kind-badge kind-${unit.kind}`}>{kindName(unit)}</span>
        <span className="unit-state" data-testid="unit-state">
          {settledText}
        </span>
        <span className="unit-actions">
          {decision && (
            <button
              type="button"
              className="small"
              disabled={stale}
              onClick={(e) => once(e, () => r.decide(unit.key, { action: 'reopen' }))}
            >
              Reopen <kbd aria-hidden="true">{REVIEW_KEYS.reopen}</kbd>
            </button>
          )}
          <button
            type="button"
            className="small"
            disabled={stale}
            onClick={() => session.store.set({ editing: editing ? null : unit.key })}
            aria-expanded={editing}
          >
            Edit… <kbd aria-hidden="true">{REVIEW_KEYS.edit}</kbd>
          </button>
          <button
            type="button"
            className="small danger"
            disabled={stale}
            onClick={(e) => once(e, () => r.decide(unit.key, { action: 'reject' }))}
          >
            Reject all <kbd aria-hidden="true">{REVIEW_KEYS.reject}</kbd>
          </button>
        </span>
      </div>
      {editing ? (
        <UnitEditor key={unit.key} unit={unit} start={reviewed ?? unit.members[0]!.annotation} />
      ) : (
        <div className="cards">
          {decision?.action === 'edited' && reviewed && <ReviewedCard annotation={reviewed} unit={unit} />}
          {unit.members.map((m) => (
            <MemberCard
              key={m.annotator}
              member={m}
              unit={unit}
              number={model.annotators.indexOf(m.annotator) + 1}
              chosen={reviewed?.provenance.chosen === m.annotator}
              disabled={stale}
              onAccept={(e) => once(e, () => r.decide(unit.key, { action: 'accept', annotator: m.annotator }))}
            />
          ))}
          {unit.missing.map((a) => (
            <article key={a} className="card missing" aria-label={`${a}: not marked`}>
              <div className="card-head">
                <strong>{a}</strong>
              </div>
              <p className="help card-body">
                {missingSentence(states ? (states.find((s) => s.annotator === a)?.state ?? 'not-started') : undefined)}
              </p>
            </article>
          ))}
        </div>
      )}
    </section>
  )
}

/**
 * Why an annotator has no version of a unit: they found nothing to tag in the whole document, or
 * have not worked on it (missing data, not "none"), or did not mark this span (also while their
 * status is not known yet).
 */
function missingSentence(state: DocumentState | undefined): string {
  if (state === 'nothing-to-tag') return 'Found nothing to tag in this document.'
  if (state === 'not-started') return 'Has not annotated this document yet (missing, not “none”).'
  return 'Did not mark this.'
}
