import { useSession, useSessionState } from '../state/react/use-session'

/**
 * One button per label: tags the selected text, like pressing the label's key. Pressing a button
 * does not take focus from the text, so the selection survives the click. All disabled while the
 * open document is read-only (its text is damaged).
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
  return (
    <div className="toolbar" role="toolbar" aria-label="Labels">
      {labels?.map((l) => (
        <button
          key={l.id}
          type="button"
          className={`label-button mg-label-${l.id}`}
          aria-keyshortcuts={l.key}
          title={readOnly ?? `Tag the selection as ${l.name} (key ${l.key})`}
          disabled={disabled}
          onMouseDown={keep}
          onClick={() => session.commands.tag(l.id)}
        >
          <span className="swatch" aria-hidden="true" />
          {l.name}
          <kbd aria-hidden="true">{l.key}</kbd>
        </button>
      ))}
      <span className="toolbar-gap" />
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
    </div>
  )
}
