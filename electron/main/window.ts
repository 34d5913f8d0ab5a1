import { BrowserWindow, shell, type BrowserWindowConstructorOptions, type WebContents } from 'electron'

/** The renderer gets no Node, no shared world with preload, and an OS-level sandbox. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1280,
    minHeight: 800,
    show: false,
    title: 'Shop Scheduler',
    backgroundColor: '#f8f9fa',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  }
}

export const isHttpUrl = (url: string): boolean => {
  try {
    const { protocol } = new URL(url)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}

/**
 * The window may never leave the app: navigation away is stopped, new windows are denied,
 * and http(s) links go to the system browser instead. Anything else (file:, javascript:,
 * custom schemes) is dropped.
 */
export function hardenWebContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return
    event.preventDefault()
    if (isHttpUrl(url)) void shell.openExternal(url)
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    if (isHttpUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

export function createMainWindow(opts: { preloadPath: string; rendererUrl?: string; rendererFile: string; isAppUrl: (url: string) => boolean }): BrowserWindow {
  const win = new BrowserWindow(windowOptions(opts.preloadPath))
  hardenWebContents(win.webContents, opts.isAppUrl)
  win.once('ready-to-show', () => win.show())
  if (opts.rendererUrl) void win.loadURL(opts.rendererUrl)
  else void win.loadFile(opts.rendererFile)
  return win
}
