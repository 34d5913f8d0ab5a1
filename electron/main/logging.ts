import type { IpcMain } from 'electron'

/** The channel electron-log's main side listens on for messages from its renderer preload. */
export const ELECTRON_LOG_CHANNEL = '__ELECTRON_LOG__'

/**
 * electron-log registers an IPC listener and handler on import, for its own renderer
 * preload; `log.initialize()` would also inject that preload into every page. The app
 * calls neither from the renderer, and a page must not be able to write into the app's
 * log (forged lines, a filled disk), so main never calls `initialize()` and drops both here.
 *
 * @example
 * import log from 'electron-log/main'
 * closeRendererLogging(ipcMain)
 */
export function closeRendererLogging(ipcMain: Pick<IpcMain, 'removeAllListeners' | 'removeHandler'>): void {
  ipcMain.removeAllListeners(ELECTRON_LOG_CHANNEL)
  ipcMain.removeHandler(ELECTRON_LOG_CHANNEL)
}
