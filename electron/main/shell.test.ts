import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { IpcMainEvent, IpcMainInvokeEvent, MenuItemConstructorOptions, Session } from 'electron'
import { describe, expect, it } from 'vitest'
import { contract, type Handlers } from '../../shared/api'
import { CSP } from '../../shared/csp'
import type { MenuModel } from '../../shared/menu'
import { CALL_CHANNEL, MENU_CHANNEL, registerIpc, registerMenuChannel, type IpcMainLike } from './ipc'
import { menuTemplate } from './menu'
import { LEAVE_QUESTION, askBeforeLeaving, hardenContents, hardenSession, isSafeExternalUrl, windowOptions } from './window'

const repo = join(import.meta.dirname, '../..')

const APP = 'file:///opt/marginalia/out/renderer/index.html'

describe('the window', () => {
  it('isolates the page: context isolation, sandbox, no Node, web security, preload only', () => {
    const prefs = windowOptions('/app/out/preload/index.cjs').webPreferences!
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
  })

  it('denies navigation away from the app and every new window; only http(s) links go to the OS', () => {
    const listeners = new Map<string, (event: { preventDefault: () => void }, url: string) => void>()
    let openHandler: (d: { url: string }) => { action: string } = () => ({ action: 'allow' })
    const opened: string[] = []
    hardenContents(
      {
        on: ((name: string, fn: never) => listeners.set(name, fn)) as never,
        setWindowOpenHandler: ((fn: never) => (openHandler = fn)) as never,
      },
      APP,
      (url) => opened.push(url),
    )
    const navigate = (url: string) => {
      let prevented = false
      listeners.get('will-navigate')!({ preventDefault: () => (prevented = true) }, url)
      return prevented
    }
    expect(navigate(APP)).toBe(false)
    expect(navigate('file:///etc/passwd')).toBe(true)
    expect(navigate('https://example.org/article')).toBe(true)
    expect(openHandler({ url: 'https://example.org/a' })).toEqual({ action: 'deny' })
    expect(openHandler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(openHandler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://example.org/article', 'https://example.org/a'])
  })

  it('asks before closing while the page holds work not saved: Leave closes, Stay (or Escape) keeps the window', () => {
    let listener: ((event: { preventDefault: () => void }) => void) | undefined
    let answer = 0
    let asked = 0
    askBeforeLeaving({ on: ((name: string, fn: never) => name === 'will-prevent-unload' && (listener = fn)) as never }, () => {
      asked++
      return answer
    })
    const closes = () => {
      let overridden = false
      listener!({ preventDefault: () => (overridden = true) })
      return overridden
    }
    expect(closes()).toBe(true)
    answer = LEAVE_QUESTION.cancelId
    expect(closes()).toBe(false)
    expect(asked).toBe(2)
    expect(LEAVE_QUESTION.buttons[LEAVE_QUESTION.cancelId]).toBe('Stay')
    expect(LEAVE_QUESTION.buttons[LEAVE_QUESTION.defaultId]).toBe('Stay')
  })

  it('passes only well-formed http(s) URLs to openExternal', () => {
    expect(isSafeExternalUrl('https://www.example.org/x?y=1')).toBe(true)
    expect(isSafeExternalUrl('http://example.org')).toBe(true)
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://host/share',
      'https://user:pw@example.org',
      'not a url',
      'ms-msdt:/id',
    ]) {
      expect(isSafeExternalUrl(bad)).toBe(false)
    }
  })
})

describe('IPC', () => {
  function wire() {
    const registered = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>>()
    const ipc: IpcMainLike = { handle: (channel, fn) => registered.set(channel, fn) }
    const reached: string[] = []
    const handlers = Object.fromEntries(
      Object.keys(contract).map((name) => [name, async () => (reached.push(name), name)]),
    ) as unknown as Handlers
    registerIpc(ipc, handlers, () => APP)
    return { registered, reached }
  }
  const event = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent

  it('registers one channel that dispatches contract methods from the app page', async () => {
    const { registered, reached } = wire()
    expect([...registered.keys()]).toEqual([CALL_CHANNEL])
    const handler = registered.get(CALL_CHANNEL)!
    expect(await handler(event(APP), { method: 'app.info', args: {} })).toEqual({ ok: true, value: 'app.info' })
    expect(reached).toEqual(['app.info'])
  })

  it('refuses calls from other pages and from sub-frames, and invalid arguments', async () => {
    const { registered, reached } = wire()
    const handler = registered.get(CALL_CHANNEL)!
    expect(await handler(event('https://evil.example/'), { method: 'app.info', args: {} })).toMatchObject({ ok: false })
    expect(await handler(event(APP, {}), { method: 'app.info', args: {} })).toMatchObject({ ok: false })
    expect(await handler(event(APP), { method: 'documents.open', args: { id: '../x' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    })
    expect(await handler(event(APP), 'garbage')).toMatchObject({ ok: false, error: { code: 'invalid' } })
    expect(reached).toEqual([])
  })
})

describe('the menu', () => {
  const model: MenuModel = [
    {
      name: 'Project',
      items: [
        { type: 'command', id: 'project.open', label: 'Open project…', accelerator: 'CmdOrCtrl+O', enabled: true, checked: null },
        {
          type: 'submenu',
          label: 'Open recent',
          items: [{ type: 'command', id: 'project.recent#0', label: '/p', accelerator: null, enabled: true, checked: null }],
        },
        { type: 'separator' },
        { type: 'command', id: 'project.export', label: 'Export…', accelerator: null, enabled: false, checked: null },
      ],
    },
    {
      name: 'Edit',
      items: [{ type: 'command', id: 'edit.undo', label: 'Undo', accelerator: 'CmdOrCtrl+Z', enabled: true, checked: null }],
    },
    {
      name: 'View',
      items: [
        { type: 'command', id: 'view.annotate', label: 'Annotate', accelerator: null, enabled: true, checked: true },
        { type: 'command', id: 'view.review', label: 'Review', accelerator: null, enabled: true, checked: false },
      ],
    },
    {
      name: 'Help',
      items: [{ type: 'command', id: 'help.shortcuts', label: 'Keyboard shortcuts', accelerator: 'F1', enabled: true, checked: null }],
    },
  ]
  const items = (template: MenuItemConstructorOptions[]) =>
    template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : [])).flatMap((i) => [i, ...(Array.isArray(i.submenu) ? i.submenu : [])])

  it("draws the page's items with their accelerators, which the page handles, and sends back the id chosen", () => {
    const sent: string[] = []
    const template = menuTemplate(model, (id) => sent.push(id), false)
    expect(template.map((m) => m.label ?? m.role)).toEqual(['&Project', '&Edit', '&View', 'windowMenu', '&Help'])
    const all = items(template)
    const open = all.find((i) => i.label === 'Open project…')!
    expect(open).toMatchObject({ accelerator: 'CmdOrCtrl+O', registerAccelerator: false, enabled: true })
    expect(all.find((i) => i.label === 'Export…')?.enabled).toBe(false)
    expect(all.find((i) => i.label === 'Annotate')).toMatchObject({ type: 'radio', checked: true })
    expect(all.find((i) => i.label === 'Review')).toMatchObject({ type: 'radio', checked: false })
    ;(open.click as () => void)()
    ;(all.find((i) => i.label === '/p')!.click as () => void)()
    expect(sent).toEqual(['project.open', 'project.recent#0'])
  })

  it('adds what only a desktop window has, and leaves Ctrl+Z to the page', () => {
    const all = items(menuTemplate(model, () => undefined, false))
    for (const role of ['quit', 'copy', 'selectAll', 'reload', 'toggleDevTools', 'zoomIn'])
      expect(
        all.some((i) => i.role === role),
        role,
      ).toBe(true)
    expect(all.some((i) => i.role === 'undo' || i.role === 'redo')).toBe(false)
    expect(all.find((i) => i.label === 'Undo')).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false })
    const mac = menuTemplate(model, () => undefined, true)
    expect(mac[0]).toEqual({ role: 'appMenu' })
    expect(items(mac).some((i) => i.role === 'close')).toBe(true)
  })

  it('has Quit and the View roles before the page has sent its menu, without a leading separator', () => {
    const template = menuTemplate([], () => undefined, false)
    expect(template[0]!.submenu).toEqual([{ role: 'quit' }])
    expect((template[2]!.submenu as MenuItemConstructorOptions[])[0]).toEqual({ role: 'reload' })
    expect(template.map((m) => m.label ?? m.role)).toEqual(['&Project', '&Edit', '&View', 'windowMenu'])
  })

  it("takes the page's menu only from the app's own page, and only when it fits the shape", () => {
    let listener: ((event: IpcMainEvent, ...args: unknown[]) => void) | null = null
    const got: MenuModel[] = []
    registerMenuChannel(
      { on: (channel, fn) => channel === MENU_CHANNEL && (listener = fn) },
      () => APP,
      (m) => got.push(m),
    )
    const from = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } }) as unknown as IpcMainEvent
    listener!(from('https://evil.example/'), model)
    listener!(from(APP, {}), model)
    listener!(from(APP), [
      {
        name: 'Project',
        items: [{ type: 'command', id: 'x', label: 'Run', accelerator: 'CmdOrCtrl+O', enabled: true, checked: null, click: 'evil' }],
      },
    ])
    listener!(from(APP), [{ name: 'Tools', items: [] }])
    expect(got).toEqual([])
    listener!(from(APP), model)
    expect(got).toEqual([model])
  })
})

describe('the content security policy', () => {
  it('is sent with every response of the desktop app, replacing any other, and every permission is refused', () => {
    let onHeaders:
      ((d: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | null =
      null
    let onRequest: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | null = null
    let onCheck: (() => boolean) | null = null
    const session = {
      webRequest: { onHeadersReceived: (fn: never) => (onHeaders = fn) },
      setPermissionRequestHandler: (fn: never) => (onRequest = fn),
      setPermissionCheckHandler: (fn: never) => (onCheck = fn),
    } as unknown as Session
    hardenSession(session)
    let headers: Record<string, string[]> = {}
    onHeaders!(
      { responseHeaders: { 'content-security-policy': ["default-src *; script-src 'unsafe-inline'"], 'X-Other': ['1'] } },
      (r) => (headers = r.responseHeaders),
    )
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CSP] })
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | null = null
      onRequest!({}, permission, (g) => (granted = g))
      expect(granted, permission).toBe(false)
    }
    expect(onCheck!()).toBe(false)
  })

  it("allows only the app's own scripts, styles and connections, no inline code, no framing", () => {
    const directives = new Map(
      CSP.split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name!, values]),
    )
    expect(directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('style-src')).toEqual(["'self'"])
    expect(directives.get('connect-src')).toEqual(["'self'"])
    expect(directives.get('frame-ancestors')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toEqual(["'none'"])
    expect(directives.get('form-action')).toEqual(["'none'"])
    expect(CSP).not.toMatch(/unsafe|\*|http:|https:/)
  })

  it("is the one in renderer/index.html's meta tag (less frame-ancestors, which a meta tag cannot carry)", () => {
    const html = readFileSync(join(repo, 'renderer', 'index.html'), 'utf8')
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)
    expect(meta, 'renderer/index.html has a CSP meta tag').not.toBeNull()
    const withoutFrameAncestors = CSP.split(';')
      .map((d) => d.trim())
      .filter((d) => !d.startsWith('frame-ancestors'))
      .join('; ')
    expect(meta![1]).toBe(withoutFrameAncestors)
  })
})

describe('the packaging config (electron-builder.json)', () => {
  const config = JSON.parse(readFileSync(join(repo, 'electron-builder.json'), 'utf8')) as {
    asar: boolean
    files: string[]
    electronFuses: Record<string, boolean>
  }

  it('flips the fuses: no running as Node, no NODE_OPTIONS, no --inspect, asar integrity checked, app only from the asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    })
    expect(config.asar).toBe(true)
  })

  it('packs the built app and the sample project, not the sources or tests', () => {
    expect(config.files).toEqual(['out/**', 'fixtures/sample-project/**', 'package.json'])
  })
})
