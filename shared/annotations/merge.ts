/**
 * One annotation changed in two places at once, merged field by field: the one rule for it. A
 * window's `put` carries the annotation as that window had it before its change (`base`); when
 * the stored annotation is no longer that (another window, or another app on the same files,
 * changed it meanwhile), only the fields this change touched are taken from it, and every other
 * field keeps the stored value. So a note typed in one window and a polarity chosen in another
 * within the same seconds both stay, instead of the later save bringing back the older value of
 * the field it did not touch.
 *
 * The fields: the span (start and end together), the label, the note, and each attribute by its
 * key. A label and its attributes go together when either side changed the label, since one
 * label's attribute may mean nothing to another: the side that changed the label gives both (this
 * change, if both did). `created` is the stored one's.
 */
import type { AnnotationDraft } from '../model/annotation'

/** `mine` (a change made from `base`) merged into `theirs` (the annotation as stored now). */
export function mergeDraft(base: AnnotationDraft, mine: AnnotationDraft, theirs: AnnotationDraft): AnnotationDraft {
  const spanChanged = mine.start !== base.start || mine.end !== base.end
  const span = spanChanged ? { start: mine.start, end: mine.end } : { start: theirs.start, end: theirs.end }
  let label: string
  let attributes: Record<string, string>
  if (mine.label !== base.label) {
    label = mine.label
    attributes = { ...mine.attributes }
  } else if (theirs.label !== base.label) {
    label = theirs.label
    attributes = { ...theirs.attributes }
  } else {
    label = base.label
    attributes = mergeAttributes(base.attributes, mine.attributes, theirs.attributes)
  }
  const note = mine.note !== base.note ? mine.note : theirs.note
  const created = theirs.created ?? mine.created
  return { id: mine.id, label, ...span, attributes, note, ...(created === undefined ? {} : { created }) }
}

/** Each key: this change's value (or its removal) where it changed the key, else the stored one. */
function mergeAttributes(
  base: Readonly<Record<string, string>>,
  mine: Readonly<Record<string, string>>,
  theirs: Readonly<Record<string, string>>,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const key of new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)])) {
    const value = Object.hasOwn(mine, key) ? mine[key] : undefined
    const before = Object.hasOwn(base, key) ? base[key] : undefined
    const stored = Object.hasOwn(theirs, key) ? theirs[key] : undefined
    const chosen = value !== before ? value : stored
    if (chosen !== undefined) out[key] = chosen
  }
  return out
}
