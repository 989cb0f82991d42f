import { memo } from 'react'
import type { Annotation } from '../../../shared/model/annotation'
import { valueName, type LabelDef } from '../../../shared/model/labels'
import { sourceName, truncate } from '../state/model/describe'
import { plural } from '../../../shared/plural'
import { ParagraphMark } from './ParagraphMark'

/** Height of one row in pixels (fixed, so the list can be windowed). */
export const ROW_HEIGHT = 70

interface RowProps {
  annotation: Annotation
  source: Annotation | undefined
  label: LabelDef | undefined
  selected: boolean
  /** How many replies its thread has. */
  replies: number
  /** Its paragraph, from 1, blank lines not counted (paragraphOf, as the find list's ¶): null until the text is read. */
  paragraph: number | null
  top: number
  onChoose: (id: string) => void
}

/** One annotation in the side list: label, quote, its values and its source, whether it has a note or replies. */
export const AnnotationRow = memo(function AnnotationRow({
  annotation: a,
  source,
  label,
  selected,
  replies,
  paragraph,
  top,
  onChoose,
}: RowProps) {
  const values = (label?.attributes ?? []).filter((d) => a.attributes[d.id]).map((d) => valueName(d, a.attributes[d.id]!))
  if (source) values.push(`← ${truncate(sourceName(source), 40)}`)
  if (a.note) values.push('✎ note')
  if (replies > 0) values.push(plural(replies, 'reply', 'replies'))
  return (
    <li className="annotation-row" style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}>
      <button type="button" className={`row-button mg-label-${a.label}`} aria-pressed={selected} onClick={() => onChoose(a.id)}>
        <span className="row-label">
          <span className="swatch" aria-hidden="true" />
          {label?.name ?? a.label}
          {/* Where it is: rows with the same words (sixteen "Putin"s tagged from the find list) read apart. */}
          {paragraph !== null && <ParagraphMark paragraph={paragraph} className="row-where" />}
        </span>
        <span className="row-quote" dir="auto">
          {truncate(a.target.quote.exact, 140)}
        </span>
        {values.length > 0 && <span className="row-values">{values.join(' · ')}</span>}
      </button>
    </li>
  )
})
