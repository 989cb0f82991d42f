/**
 * The key that tags with a label: one character, not one the annotating keyboard keeps for itself
 * (a attributes, n and p are review's, ? shows the keys), and no other label's. Keys are compared
 * without case, as the keyboard compares them. The host checks a change with this rule and the
 * keyboard help checks it before sending.
 */
import type { LabelSchema } from '../model/labels'

/** Keys of the annotating keyboard that no label may take. */
export const RESERVED_LABEL_KEYS: readonly string[] = ['a', 'n', 'p', '?']

/** The key as stored: one character, lower case. */
export function normalLabelKey(key: string): string {
  return key.toLowerCase()
}

/** Why `key` cannot tag with the label `labelId`, in one sentence, or null when it can. */
export function labelKeyProblem(labels: LabelSchema, labelId: string, key: string): string | null {
  const label = labels.find((l) => l.id === labelId)
  if (!label) return `The project has no label “${labelId}”.`
  const k = normalLabelKey(key)
  if (Array.from(k).length !== 1 || k.length !== 1 || /\s/.test(k)) return 'A label’s key is one character you can type, such as 4 or q.'
  if (RESERVED_LABEL_KEYS.includes(k)) return `${k.toUpperCase()} is taken by the annotating keyboard; choose another key.`
  const other = labels.find((l) => l.id !== labelId && normalLabelKey(l.key) === k)
  if (other) return `${key} already tags with ${other.name}; give that label another key first.`
  return null
}
