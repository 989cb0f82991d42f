import { useId, useMemo, useState } from 'react'
import { acceleratorText } from '../../../shared/menu'
import { labelKeyProblem } from '../../../shared/annotations/label-keys'
import type { LabelDef } from '../../../shared/model/labels'
import { APP_COMMANDS, onMac } from '../state/controllers/app-commands'
import { REVIEW_KEYS } from '../state/controllers/review-keys'
import { keyHelp, type KeyLine } from '../state/model/key-help'
import { VIEWS } from '../state/model/views'
import { useSession, useSessionState } from '../state/react/use-session'
import { Modal } from './Modal'

/**
 * The keyboard help (? or F1, Help → Keyboard shortcuts): every key of the view shown, the menus'
 * keys and the ones that work everywhere; in Annotate, each label's key can be changed here.
 */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const view = useSessionState((s) => s.view)
  const labels = useSessionState((s) => s.info?.project?.labels ?? null)
  const pageMenus = useSessionState((s) => s.info?.host !== 'desktop')
  const isMac = onMac()
  const sections = useMemo(() => {
    const menus = APP_COMMANDS.filter((c) => c.accelerator && c.id !== 'help.shortcuts').map((c) => ({
      label: `${c.menu} → ${c.label}`,
      keys: acceleratorText(c.accelerator!, isMac),
    }))
    return keyHelp(view, labels ?? [], REVIEW_KEYS, menus, isMac ? '⌘' : 'Ctrl', pageMenus)
  }, [view, labels, isMac, pageMenus])
  const viewName = VIEWS.find((v) => v.view === view)?.name ?? view
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose}>
      <div className="shortcuts">
        <p className="help">The keys of {viewName}, then the ones that work in every view.</p>
        {sections.map((section) => (
          <table key={section.title} className="shortcut-table">
            <caption>{section.title}</caption>
            <tbody>
              {section.lines.map((line, i) => (
                <ShortcutRow key={i} line={line} label={line.label ? labels?.find((l) => l.id === line.label) : undefined} />
              ))}
            </tbody>
          </table>
        ))}
        <div className="actions">
          <button type="button" className="primary" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Modal>
  )
}

function ShortcutRow({ line, label }: { line: KeyLine; label: LabelDef | undefined }) {
  return (
    <tr>
      <th scope="row">
        {line.keys.map((k, i) => (
          <span key={k}>
            {i > 0 && <span className="or"> or </span>}
            <kbd>{k}</kbd>
          </span>
        ))}
      </th>
      <td>{line.what}</td>
      <td className="key-action">{label && <LabelKeyChange label={label} />}</td>
    </tr>
  )
}

/**
 * Change the key of one label: the minimal hook for it until the tag-set editor takes over every
 * change to the labels (session.setLabelKey, the contract's labels.setKey).
 */
function LabelKeyChange({ label }: { label: LabelDef }) {
  const session = useSession()
  const labels = useSessionState((s) => s.info?.project?.labels ?? [])
  const [editing, setEditing] = useState(false)
  const [key, setKey] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const id = useId()
  const local = key === '' ? null : labelKeyProblem(labels, label.id, key)
  if (!editing) {
    return (
      <button type="button" className="small quiet change-key" onClick={() => setEditing(true)}>
        Change key for {label.name}
      </button>
    )
  }
  const save = async () => {
    const sent = await session.setLabelKey(label.id, key)
    setProblem(sent)
    if (!sent) {
      setEditing(false)
      setKey('')
    }
  }
  return (
    <form
      className="key-change"
      onSubmit={(e) => {
        e.preventDefault()
        if (key !== '' && !local) void save()
      }}
    >
      <label htmlFor={id}>New key for {label.name}</label>
      <input
        id={id}
        className="key-input"
        value={key}
        autoFocus
        aria-invalid={local !== null}
        aria-describedby={`${id}-problem`}
        onChange={(e) => setKey(Array.from(e.target.value).at(-1) ?? '')}
        onKeyDown={(e) => {
          // Escape leaves the key as it was; it does not close the whole help.
          if (e.key !== 'Escape') return
          e.preventDefault()
          setEditing(false)
        }}
      />
      <button type="submit" className="small" disabled={key === '' || local !== null}>
        Save
      </button>
      <button type="button" className="small quiet" onClick={() => setEditing(false)}>
        Cancel
      </button>
      <span id={`${id}-problem`} className="error" role="status">
        {local ?? problem ?? ''}
      </span>
    </form>
  )
}
