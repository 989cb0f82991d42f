/**
 * Start-up: connect to the host, create the session, install the keyboard shortcuts, the native
 * menu (desktop) and the unload guard, and render the workbench.
 */
// oxlint-disable-next-line import/no-unassigned-import -- first, before anything builds the contract's schemas
import './api/zod-csp'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { markLeaving } from './api/http-transport'
import { connect, nativeMenu } from './api/client'
import { App } from './App'
import { Session } from './state/controllers/session'
import { installNativeMenu } from './state/controllers/desktop-menu'
import { installShortcuts } from './state/controllers/shortcuts'
import { SessionContext } from './state/react/use-session'

const connection = connect()
// Project → Labels… opens the tag-set editor.
const session = connection.client ? new Session(connection.client, { openTagSet: (s) => s.shell.openDialog('tagset') }) : null

if (session) {
  installShortcuts(session)
  const menu = nativeMenu()
  if (menu) installNativeMenu(session, menu)
  window.addEventListener('beforeunload', (event) => {
    markLeaving()
    session.work.flush()
    if (!session.allSaved) event.preventDefault()
  })
  void session.start()
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionContext.Provider value={session}>
      <App noToken={connection.problem === 'no-token'} />
    </SessionContext.Provider>
  </StrictMode>,
)
