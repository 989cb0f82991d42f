import { useId, useMemo, useState } from 'react'
import { labelDefinitions } from '../state/model/guideline-sections'
import { useSession, useSessionState } from '../state/react/use-session'
import { LabelDefinition } from './LabelDefinition'

/**
 * One button per label: tags the selected text, like pressing the label's key. Pressing a button
 * does not take focus from the text, so the selection survives the click. All disabled while the
 * open document is read-only (its text is damaged). Pointing at a button (or focusing it) shows the
 * label's definition from guidelines.md, when it has one.
 */
export function LabelToolbar() {
  const session = useSession()
  const labels = useSessionState((s) => s.info?.project?.labels)
  const hasDoc = useSessionState((s) => s.doc !== null)
  // A document whose text is damaged is read-only: nothing here may change it.
  const readOnly = useSessionState((s) => s.doc?.readOnly ?? null)
  const disabled = !hasDoc || readOnly !== null
  const snap = useSessionState((s) => s.info?.preferences.snapToWords ?? true)
  const keep = (e: React.MouseEvent) => e.preventDefault()
  const guidelines = useSessionState((s) => s.guidelines?.text ?? '')
  const definitions = useMemo(() => labelDefinitions(guidelines, labels ?? []), [guidelines, labels])
  const [shown, setShown] = useState<{ id: string; left: number } | null>(null)
  const tip = useId()
  const show = (id: string, e: { currentTarget: HTMLElement }) => {
    if (definitions.has(id)) setShown({ id, left: e.currentTarget.offsetLeft })
  }
  const hide = () => setShown(null)
  const shownLabel = shown ? labels?.find((l) => l.id === shown.id) : undefined
  return (
    <div className="toolbar label-toolbar" role="toolbar" aria-label="Labels">
      {labels
        ?.filter((l) => !l.retired)
        .map((l) => (
          <button
            key={l.id}
            type="button"
            className={`label-button mg-label-${l.id}`}
            aria-keyshortcuts={l.key || undefined}
            aria-describedby={shown?.id === l.id ? tip : undefined}
            title={readOnly ?? (definitions.has(l.id) ? undefined : `Tag the selection as ${l.name}${l.key ? ` (key ${l.key})` : ''}`)}
            disabled={disabled}
            onMouseEnter={(e) => show(l.id, e)}
            onMouseLeave={hide}
            onFocus={(e) => show(l.id, e)}
            onBlur={hide}
            onMouseDown={keep}
            onClick={() => session.commands.tag(l.id)}
          >
            <span className="swatch" aria-hidden="true" />
            {l.name}
            {l.key && <kbd aria-hidden="true">{l.key}</kbd>}
          </button>
        ))}
      {shown && shownLabel && <LabelDefinition id={tip} label={shownLabel} markdown={definitions.get(shown.id)!} left={shown.left} />}
      <button
        type="button"
        className="quiet suggest-button"
        title={readOnly ?? 'Propose claims and sources from attribution cues in this document, outlined with dashes'}
        disabled={disabled}
        onMouseDown={keep}
        onClick={() => void session.suggesting.run()}
      >
        Suggest
      </button>
      <span className="toolbar-gap" />
      {/* Kept together, at the right, when the bar wraps. */}
      <span className="toolbar-end">
        <label className="check snap" title="A selection that cuts a word is widened to whole words before it is tagged">
          <input type="checkbox" checked={snap} onChange={(e) => void session.setPreferences({ snapToWords: e.target.checked })} />
          Whole words
        </label>
        <button
          type="button"
          className="quiet"
          title="Undo the last annotation change (Ctrl+Z)"
          disabled={disabled}
          onMouseDown={keep}
          onClick={() => session.commands.undo()}
        >
          Undo
        </button>
        <button
          type="button"
          className="quiet"
          title="Redo (Shift+Ctrl+Z or Ctrl+Y)"
          disabled={disabled}
          onMouseDown={keep}
          onClick={() => session.commands.redo()}
        >
          Redo
        </button>
      </span>
    </div>
  )
}
