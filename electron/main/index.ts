import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import type { BrowserWindow } from 'electron'
import { app, dialog, ipcMain, Notification, safeStorage, session, shell } from 'electron'
import log from 'electron-log/main'
import { createCore, type Core } from '../core'
import { registerIpc } from './ipc'
import { createMainWindow, isHttpUrl } from './window'
import { devNativeBinding } from './paths'
import { databaseOptions, deskFile } from './database-options'
import { installMenu } from './menu'
import { closeBeforeQuit } from './quit'
import { denyPermissions } from './permissions'
import { closeRendererLogging } from './logging'
import { startUpdates } from './update-wiring'
import { safeStorageSecretStore } from './safe-storage-secrets'
import { showStaffNotices } from './notifications'
import { fileDeskStore } from '../core/desk/desk-store'

const here = dirname(fileURLToPath(import.meta.url))
const rendererFile = join(here, '../renderer/index.html')
const rendererUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const appUrlPrefix = rendererUrl ? new URL(rendererUrl).origin + '/' : `file://${rendererFile.replace(/\\/g, '/')}`
const isAppUrl = (url: string): boolean => url.startsWith(appUrlPrefix)

// electron-log is never initialized: its preload and IPC would let a page write into the app log.
closeRendererLogging(ipcMain)
let core: Core | null = null
let win: BrowserWindow | null = null

if (!app.requestSingleInstanceLock()) app.quit()

app.on('second-instance', () => {
  if (win?.isMinimized()) win.restore()
  win?.focus()
})

app.on('web-contents-created', (_event, contents) => {
  // Defence in depth: whatever creates web contents, none may host a webview.
  contents.on('will-attach-webview', (e) => e.preventDefault())
})

async function start(): Promise<void> {
  denyPermissions(session.defaultSession, (permission, origin) => log.warn(`Refused the permission "${permission}" asked by ${origin}`))
  const userData = app.getPath('userData')
  const secrets = safeStorageSecretStore(safeStorage, join(userData, 'secrets.json'))
  // Who works at this computer and which database it uses: the desk's own, never in the shared database.
  const desk = fileDeskStore(deskFile(userData))
  core = await createCore({
    ...(await databaseOptions({ argv: process.argv, env: process.env, userData, desk, secrets, log })),
    log,
    nativeBinding: devNativeBinding(app.getAppPath(), app.isPackaged),
    ports: {
      secrets,
      desk,
      // The core asks for OAuth consent pages only; anything but http(s) is refused, never handed to the OS.
      async openExternal(url) {
        if (!isHttpUrl(url)) throw new Error(`Refused to open a non-web address: ${url}`)
        await shell.openExternal(url)
      },
    },
  })
  registerIpc({
    ipcMain,
    core,
    getWindow: () => win,
    isAppUrl,
    platform: {
      async showSaveDialog(owner, suggestedName) {
        const { canceled, filePath } = await dialog.showSaveDialog(owner, {
          defaultPath: join(app.getPath('documents'), suggestedName),
          filters: [
            suggestedName.toLowerCase().endsWith('.pdf') ? { name: 'PDF', extensions: ['pdf'] } : { name: 'Calendar', extensions: ['ics'] },
            { name: 'All files', extensions: ['*'] },
          ],
        })
        return canceled ? undefined : filePath
      },
      openExternal: (url) => shell.openExternal(url),
      quit: () => app.quit(),
      async choosePath(owner, kind) {
        const { canceled, filePaths } = await dialog.showOpenDialog(
          owner,
          kind === 'folder'
            ? { title: 'Folder for backups', properties: ['openDirectory', 'createDirectory'] }
            : {
                title: 'Open a database',
                properties: ['openFile'],
                filters: [
                  { name: 'Shop Scheduler database', extensions: ['db'] },
                  { name: 'All files', extensions: ['*'] },
                ],
              },
        )
        return canceled ? undefined : filePaths[0]
      },
    },
  })
  showStaffNotices({
    events: core.events,
    Notification,
    focusWindow: () => {
      if (win?.isMinimized()) win.restore()
      win?.show()
      win?.focus()
    },
  })
  installMenu(!app.isPackaged)
  win = createMainWindow({ preloadPath: join(here, '../preload/index.cjs'), rendererUrl, rendererFile, isAppUrl })
  win.on('closed', () => (win = null))
  startUpdates(core, process.env)
}

app
  .whenReady()
  .then(start)
  .catch((error: unknown) => {
    log.error('Start failed', error)
    dialog.showErrorBox('Shop Scheduler could not start', error instanceof Error ? error.message : String(error))
    app.exit(1)
  })

app.on('window-all-closed', () => app.quit())

closeBeforeQuit(
  app,
  async () => core?.close(),
  (error) => log.error('Closing the database failed', error),
)
