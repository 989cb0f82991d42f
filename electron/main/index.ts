/**
 * The Electron shell: single-instance lock, one hardened window on the built renderer, the native
 * menu drawn from the page's menu commands, native dialogs, and the IPC channel wired to the same
 * handlers browser mode uses. Everything
 * about the project lives in electron/core; this file only connects it to Electron.
 */
import { readFileSync } from 'node:fs'
import { basename, extname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { BrowserWindow, Menu, app, dialog, ipcMain, session, shell } from 'electron'
import type { ProjectSummary } from '../../shared/api'
import type { MenuModel } from '../../shared/menu'
import { DomainError } from '../../shared/errors'
import { writeFileDurable } from '../core/store/durable'
import { createHandlers } from '../core/app/handlers'
import { ensureSampleCopy } from '../core/project/sample'
import { Workbench } from '../core/app/workbench'
import { refuseOwnFile } from '../core/project/own-files'
import { COMMAND_CHANNEL, registerIpc, registerMenuChannel } from './ipc'
import { menuTemplate } from './menu'
import { LEAVE_QUESTION, askBeforeLeaving, hardenContents, hardenSession, isSafeExternalUrl, windowOptions } from './window'

const here = fileURLToPath(new URL('.', import.meta.url))
const rendererFile = join(here, '../renderer/index.html')
const appUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(rendererFile).href

let win: BrowserWindow | null = null
let wb: Workbench
/** The page's menu, as it last sent it (none before the page has loaded). */
let pageMenu: MenuModel = []

if (!app.requestSingleInstanceLock()) app.quit()
else {
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })
  app.on('web-contents-created', (_event, contents) => {
    hardenContents(contents, appUrl, (url) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url)
    })
  })
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => wb?.close())
  void app.whenReady().then(start)
}

async function start() {
  hardenSession(session.defaultSession)
  const version = (JSON.parse(readFileSync(join(app.getAppPath(), 'package.json'), 'utf8')) as { version: string }).version
  wb = await Workbench.start({ configDir: app.getPath('userData'), host: 'desktop', version })
  const requested = process.argv.slice(app.isPackaged ? 1 : 2).find((a) => !a.startsWith('-') && a !== '.')
  const projectDir = requested ?? (await ensureSampleCopy(app.getPath('userData'), join(app.getAppPath(), 'fixtures', 'sample-project')))
  try {
    await wb.open(resolve(projectDir))
  } catch (e) {
    wb.setNotice((e as Error).message, e instanceof DomainError && e.code === 'invalid' ? resolve(projectDir) : null)
  }
  registerIpc(ipcMain, createHandlers(wb, { openProjectDialog, createProjectDialog, saveFile, pickSavePath, pickPath }), () => appUrl)
  registerMenuChannel(
    ipcMain,
    () => appUrl,
    (model) => {
      pageMenu = model
      refreshMenu()
    },
  )
  refreshMenu()
  win = new BrowserWindow(windowOptions(join(here, '../preload/index.cjs')))
  const shown = win
  askBeforeLeaving(shown.webContents, () => dialog.showMessageBoxSync(shown, LEAVE_QUESTION))
  win.once('ready-to-show', () => win?.show())
  if (process.env.ELECTRON_RENDERER_URL) await win.loadURL(process.env.ELECTRON_RENDERER_URL)
  else await win.loadFile(rendererFile)
}

/** Draw the native menu from the page's menu; a chosen item's id goes back to the page, which runs it. */
function refreshMenu() {
  const send = (id: string) => win?.webContents.send(COMMAND_CHANNEL, id)
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(pageMenu, send, process.platform === 'darwin')))
}

async function openProjectDialog(): Promise<ProjectSummary | null> {
  const options = { title: 'Open a Marginalia project', properties: ['openDirectory' as const] }
  const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
  const path = picked.filePaths[0]
  if (picked.canceled || !path) return null
  return wb.open(path)
}

async function createProjectDialog(name: string): Promise<ProjectSummary | null> {
  const options = {
    title: 'Choose an empty folder for the new project',
    buttonLabel: 'Create project here',
    properties: ['openDirectory' as const, 'createDirectory' as const],
  }
  const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
  const path = picked.filePaths[0]
  if (picked.canceled || !path) return null
  return wb.create(path, name)
}

/** Where to save a file of this name: the native save dialog, in the user's Documents folder. */
async function pickSavePath(defaultName: string): Promise<string | null> {
  const ext = extname(defaultName).slice(1).toLowerCase() || 'csv'
  const options = {
    defaultPath: join(app.getPath('documents'), basename(defaultName)),
    filters: [{ name: ext.toUpperCase(), extensions: [ext] }],
  }
  const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
  return picked.canceled || !picked.filePath ? null : picked.filePath
}

async function saveFile(defaultName: string, content: string | Uint8Array): Promise<{ path: string } | null> {
  const path = await pickSavePath(defaultName)
  if (path === null) return null
  // Never over the open project's own files (project.json, its texts and layers, its backups).
  if (wb.hasProject) refuseOwnFile(wb.current.dir, path, 'it')
  await writeFileDurable(path, content)
  return { path }
}

async function pickPath(kind: 'folder' | 'file', title: string): Promise<string | null> {
  const options = {
    title,
    properties: [kind === 'folder' ? ('openDirectory' as const) : ('openFile' as const)],
    ...(kind === 'file' ? { filters: [{ name: 'Marginalia annotations', extensions: ['json'] }] } : {}),
  }
  const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
  return picked.canceled ? null : (picked.filePaths[0] ?? null)
}
