/**
 * The UI's session on the real core, as the integration tests drive it: a copy of the sample
 * project in a temporary folder, a workbench on it as annotator "tester", and a Session whose every
 * call goes through JSON both ways, as on the wire. Each test file passes its own cleanup list.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient, dispatch, type Client, type MethodName } from '../shared/api'
import { createHandlers, type HostAbilities } from '../electron/core/app/handlers'
import { Workbench } from '../electron/core/app/workbench'
import { FIXTURES } from '../electron/core/testing'
import { Session } from '../renderer/src/state/controllers/session'

export type Cleanups = (() => Promise<void> | void)[]

export interface SessionOnCore {
  session: Session
  client: Client
  /** Every method the session called, in order. */
  calls: MethodName[]
  /** What each call answered, in order (as the session received it). */
  replies: { method: MethodName; reply: unknown }[]
  /** The wire's faults: `loseReply` names a method whose next reply is lost after the host did its part. */
  wire: { loseReply: MethodName | null }
  handlers: ReturnType<typeof createHandlers>
  /** The temporary folder holding the project and the settings; removed by the cleanups. */
  root: string
  projectDir: string
}

/** A started session on a copy of the sample project (the desktop app's host, with these abilities, or browser mode's). */
export async function sessionOnCore(
  cleanups: Cleanups,
  options: { host: 'desktop' | 'browser'; abilities?: (root: string) => HostAbilities; wireDelayMs?: number },
): Promise<SessionOnCore> {
  const root = await mkdtemp(join(tmpdir(), 'marginalia-integration-'))
  // A settings write the session started may still be finishing as the folder goes.
  cleanups.push(() => rm(root, { recursive: true, force: true, maxRetries: 5 }))
  const projectDir = join(root, 'project')
  await cp(join(FIXTURES, 'sample-project'), projectDir, { recursive: true })
  const wb = await Workbench.start({ configDir: join(root, 'config'), host: options.host, version: 'test' })
  cleanups.push(() => wb.close())
  await wb.setAnnotator('tester')
  await wb.open(projectDir)
  const handlers = createHandlers(wb, options.abilities?.(root) ?? {})
  const calls: MethodName[] = []
  const replies: { method: MethodName; reply: unknown }[] = []
  const wire: SessionOnCore['wire'] = { loseReply: null }
  const client = createClient(async (method, args) => {
    calls.push(method)
    // A slow wire: the host does its part a few milliseconds after the window did its own.
    if (options.wireDelayMs) await new Promise((r) => setTimeout(r, options.wireDelayMs))
    const reply = JSON.parse(JSON.stringify(await dispatch(handlers, method, JSON.parse(JSON.stringify(args ?? {})))))
    replies.push({ method, reply })
    if (wire.loseReply === method) {
      wire.loseReply = null
      return { ok: false, error: { code: 'unavailable', retry: 'never', message: 'The connection to Marginalia was lost.' } }
    }
    return reply
  })
  const session = new Session(client)
  await session.start()
  cleanups.push(() => session.watch.stop())
  return { session, client, calls, replies, wire, handlers, root, projectDir }
}
