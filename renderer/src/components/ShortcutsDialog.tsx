import { useMemo } from 'react'
import { acceleratorText } from '../../../shared/menu'
import { onMac } from '../state/controllers/app-commands'
import { REVIEW_KEYS } from '../state/controllers/review-keys'
import { keyHelp, type KeyLine } from '../state/model/key-help'
import { VIEWS } from '../state/model/views'
import { useSession, useSessionState } from '../state/react/use-session'
import { Modal } from './Modal'

/**
 * The keyboard help (? or F1, Help → Keyboard shortcuts): every key of the view shown, the menus'
 * keys and the ones that work everywhere. Label keys are listed here and changed in the tag-set
 * editor (Project → Labels…).
 */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const session = useSession()
  const view = useSessionState((s) => s.view)
  const labels = useSessionState((s) => s.info?.project?.labels ?? null)
  const pageMenus = useSessionState((s) => s.info?.host !== 'desktop')
  const isMac = onMac()
  const sections = useMemo(() => {
    const menus = session.appCommands
      .filter((c) => c.accelerator && c.id !== 'help.shortcuts')
      .map((c) => ({
        label: `${c.menu} → ${c.label}`,
        keys: acceleratorText(c.accelerator!, isMac),
      }))
    return keyHelp(view, labels ?? [], REVIEW_KEYS, menus, isMac ? '⌘' : 'Ctrl', pageMenus)
  }, [session, view, labels, isMac, pageMenus])
  const viewName = VIEWS.find((v) => v.view === view)?.name ?? view
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose}>
      <div className="shortcuts">
        <p className="help">The keys of {viewName}, then the ones that work in every view.</p>
        {view === 'annotate' && <p className="help">A label’s key is changed in Project → Labels…</p>}
        {sections.map((section) => (
          <table key={section.title} className="shortcut-table">
            <caption>{section.title}</caption>
            <tbody>
              {section.lines.map((line, i) => (
                <ShortcutRow key={i} line={line} />
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

function ShortcutRow({ line }: { line: KeyLine }) {
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
    </tr>
  )
}
