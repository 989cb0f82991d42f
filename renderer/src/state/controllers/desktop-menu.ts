/**
 * On desktop, the window's native menu shows the same commands as browser mode's menu bar: the
 * menu is built from the command registry whenever what it shows changes (an item enabled, a view
 * checked, a recent project), handed to the shell, and an item chosen there runs here.
 */
import type { MenuBridge } from '../../api/desktop-transport'
import { menuModel } from '../model/menu-model'
import { runCommand } from './app-commands'
import type { Session } from './session'

/** Keep the native menu in step with the session; returns the function that stops. */
export function installNativeMenu(session: Session, bridge: MenuBridge): () => void {
  let sent = ''
  const push = () => {
    const model = menuModel(session.appCommands, session.store.get())
    const json = JSON.stringify(model)
    if (json === sent) return
    sent = json
    bridge.set(model)
  }
  bridge.onCommand((id) => void runCommand(session, id))
  push()
  return session.store.subscribe(push)
}
