import type { LabelDef } from '../../../shared/model/labels'
import { SafeMarkdown } from './SafeMarkdown'

/**
 * A label's definition from guidelines.md, shown under its toolbar button while the pointer rests
 * on it or it has the keyboard focus (the button names it with aria-describedby).
 */
export function LabelDefinition({ id, label, markdown, left }: { id: string; label: LabelDef; markdown: string; left: number }) {
  return (
    <div id={id} role="tooltip" className={`label-definition mg-label-${label.id}`} style={{ left }} data-testid="label-definition">
      <strong>{label.name}</strong>
      <SafeMarkdown markdown={markdown} />
    </div>
  )
}
