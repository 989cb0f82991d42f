import { useMemo, type MouseEvent } from 'react'
import { typedLinksFrom } from '../../../shared/annotations/links'
import { findLabel, inSentence, sourceLabelName, valueName } from '../../../shared/model/labels'
import type { ReviewUnit, UnitMember } from '../../../shared/review/units'
import { sourceName, truncate } from '../state/model/describe'
import { reviewedSourceMissing } from '../state/model/review-model'
import { useSessionState } from '../state/react/use-session'
import { ReplyThread } from './ReplyThread'
import { SpanQuote } from './SpanQuote'

interface MemberCardProps {
  member: UnitMember
  unit: ReviewUnit
  /** Its place among the unit's versions: the key that accepts it. */
  number: number
  /** This version is the one accepted into the reviewed layer. */
  chosen: boolean
  disabled: boolean
  onAccept: (e: MouseEvent) => void
}

/**
 * One annotator's version of a unit: label, the text with its boundaries marked (in the same
 * stretch of text for every card, so different boundaries line up), attributes, source, note and
 * the thread of replies (a reviewer can ask the annotator there); what differs is emphasised.
 */
export function MemberCard({ member, unit, number, chosen, disabled, onAccept }: MemberCardProps) {
  const labels = useSessionState((s) => s.info?.project?.labels ?? [])
  const a = member.annotation
  const others = unit.members.filter((m) => m !== member)
  const label = findLabel(labels, a.label)
  const differs = (f: (m: UnitMember) => string) => others.some((o) => f(o) !== f(member))
  const attributes = (label?.attributes ?? []).filter((d) => a.attributes[d.id] || others.some((o) => o.annotation.attributes[d.id]))
  const source = (m: UnitMember) => (m.source ? `${m.source.target.position.start}-${m.source.target.position.end}` : '')
  // Its links of the project's other types (Supports → …), from this annotator's layer.
  const linkTypes = useSessionState((s) => s.info?.project?.linkTypes)
  const layer = useSessionState((s) => s.review?.layers.find((l) => l.annotator === member.annotator))
  const annotations = layer?.annotations
  const links = layer?.links
  const typedByFrom = useMemo(() => (annotations && links ? typedLinksFrom(annotations, links) : null), [annotations, links])
  const typed = typedByFrom?.get(a.id) ?? []
  // Accepted, with a source: is that source in the reviewed layer too (its unit not rejected, nor open)?
  const sourceLost = useSessionState(
    (s) => chosen && member.source !== null && s.review !== null && reviewedSourceMissing(s.review, unit.key),
  )
  return (
    <article className={`card mg-label-${a.label}${chosen ? ' chosen' : ''}`} aria-label={`${member.annotator}'s version`}>
      <div className="card-head member-head">
        <kbd aria-hidden="true">{number}</kbd>
        {/* Name, label and mark wrap among themselves: Accept keeps its place at the top right in every card. */}
        <span className="card-who">
          <strong>{member.annotator}</strong>
          <span className={differs((m) => m.annotation.label) ? 'card-label differs' : 'card-label'}>
            <span className="swatch" aria-hidden="true" />
            {label?.name ?? a.label}
          </span>
          {chosen && <span className="chosen-mark">✓ accepted</span>}
        </span>
        {/* In the head, so a tall version (a note, replies) never puts it out of view. */}
        <button
          type="button"
          className="small accept"
          aria-label={`Accept ${member.annotator}'s`}
          title={`Accept ${member.annotator}'s version (key ${number})`}
          disabled={disabled}
          onClick={onAccept}
        >
          Accept
        </button>
      </div>
      <div className="card-body">
        <SpanQuote
          start={a.target.position.start}
          end={a.target.position.end}
          around={unit}
          differs={differs((m) => `${m.annotation.target.position.start}-${m.annotation.target.position.end}`)}
        />
        {attributes.length > 0 && (
          <dl className="card-values">
            {attributes.map((d) => (
              <div key={d.id} className={differs((m) => m.annotation.attributes[d.id] ?? '') ? 'differs' : undefined}>
                <dt>{d.name}</dt>
                <dd>{a.attributes[d.id] ? valueName(d, a.attributes[d.id]!) : '—'}</dd>
              </div>
            ))}
          </dl>
        )}
        {(member.source || (label?.attributedTo && others.some((o) => o.source))) && (
          <p
            className={differs(source) ? 'card-source differs' : 'card-source'}
            title={member.source ? `Attributed to “${member.source.target.quote.exact}”` : undefined}
          >
            ← {member.source ? truncate(sourceName(member.source), 60) : `no ${inSentence(sourceLabelName(labels, a.label))}`}
            {/* Same name, different span: show which words the source covers. */}
            {member.source && differs(source) && sourceName(member.source) !== member.source.target.quote.exact && (
              <span className="card-source-quote"> (“{truncate(member.source.target.quote.exact, 60)}”)</span>
            )}
            {sourceLost && (
              <span className="card-source-lost">
                {' '}
                — not linked in the reviewed layer until that {inSentence(sourceLabelName(labels, a.label))} is accepted too
              </span>
            )}
          </p>
        )}
        {typed.map((l) => (
          <p key={`${l.type}-${l.to}`} className="card-source">
            {linkTypes?.find((t) => t.id === l.type)?.name ?? l.type} → “{truncate(l.text, 60)}”
          </p>
        ))}
        {a.note && <p className="card-note">✎ {truncate(a.note, 200)}</p>}
        <ReplyThread key={`${member.annotator}:${a.id}`} layer={member.annotator} annotation={a.id} compact />
      </div>
    </article>
  )
}
