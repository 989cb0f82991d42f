/**
 * A written attribute value as it is kept: a text attribute (a canonical name, a target) in its
 * display form (shared/discourse/names.ts: NFC, white space and line breaks run together into
 * single spaces, control characters out, trimmed), so the file holds what the list shows and what
 * the Analysis counts; a choice as chosen. The side panel applies it when a field is left, Tag all…
 * when it tags.
 */
import { displayName } from '../discourse/names'
import type { AttributeDef } from '../model/labels'

export function keptAttributeValue(def: Pick<AttributeDef, 'type'>, value: string): string {
  return def.type === 'text' ? displayName(value) : value
}
