/**
 * Narrowing the Annotate panel's list: by label, by an attribute's value, and by words in the
 * annotated text or its note (case and diacritics ignored, as in find). Pure: the list filters a
 * layer's snapshot, so the text view keeps drawing every annotation.
 */
import type { Annotation } from '../../../../shared/model/annotation'
import { foldForMatching } from '../../../../shared/search/folded-text'

/** What the list shows: '' in a field means any. */
export interface ListFilter {
  label: string
  /** "attribute=value" of the chosen label, or ''. */
  attribute: string
  text: string
}

export const ALL_ANNOTATIONS: ListFilter = { label: '', attribute: '', text: '' }

/** True when the filter shows everything. */
export function showsAll(filter: ListFilter): boolean {
  return filter.label === '' && filter.attribute === '' && filter.text.trim() === ''
}

/** The annotations a filter keeps, in the order given. */
export function filterAnnotations(order: readonly Annotation[], filter: ListFilter): readonly Annotation[] {
  if (showsAll(filter)) return order
  const words = foldForMatching(filter.text.trim())
  const at = filter.attribute.indexOf('=')
  const [attribute, value] = at < 0 ? ['', ''] : [filter.attribute.slice(0, at), filter.attribute.slice(at + 1)]
  return order.filter(
    (a) =>
      (filter.label === '' || a.label === filter.label) &&
      (attribute === '' || a.attributes[attribute] === value) &&
      (words === '' || foldForMatching(a.target.quote.exact).includes(words) || foldForMatching(a.note).includes(words)),
  )
}
