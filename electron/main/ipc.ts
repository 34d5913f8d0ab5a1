import { writeFile } from 'node:fs/promises'
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron'
import { channelNames, eventNames } from '../../shared/contract'
import type { Result } from '../../shared/result'
import type { Core } from '../core'
import { isHttpUrl } from './window'

export const channelKey = (channel: string): string => `shop:${channel}`
export const EVENT_KEY = 'shop:event'

export interface PlatformDeps {
  showSaveDialog(win: BrowserWindow, suggestedName: string): Promise<string | undefined>
  openExternal(url: string): Promise<void>
  /** Quits the app (the recovery screen's "Quit"); the database closes on the way out. */
  quit(): void
  /** The system's open dialog for a folder or a database file; undefined when cancelled. */
  choosePath(win: BrowserWindow, kind: 'folder' | 'database'): Promise<string | undefined>
}

const refused: Result<never> = {
  ok: false,
  error: { code: 'refused', message: 'Calls are only accepted from the app’s own window.' },
}

/**
 * Binds every channel of the contract to ipcMain in one loop. A call is answered only
 * when it comes from the main frame of the app's own window showing the app's own page.
 */
export function registerIpc(opts: {
  ipcMain: IpcMain
  core: Core
  getWindow(): BrowserWindow | null
  isAppUrl(url: string): boolean
  platform: PlatformDeps
}): () => void {
  const { ipcMain, core, getWindow, isAppUrl, platform } = opts
  const trusted = (event: IpcMainInvokeEvent): boolean => {
    const win = getWindow()
    const frame = event.senderFrame
    return !!win && event.sender.id === win.webContents.id && !!frame && frame === event.sender.mainFrame && isAppUrl(frame.url)
  }

  for (const name of channelNames) {
    ipcMain.handle(channelKey(name), (event, input: unknown) => (trusted(event) ? core.invoke(name, input) : refused))
  }
  ipcMain.handle(channelKey('platform.saveFile'), async (event, file: unknown) => {
    const win = getWindow()
    if (!trusted(event) || !win) return refused
    const { suggestedName, content } = (file ?? {}) as { suggestedName?: unknown; content?: unknown }
    if (typeof suggestedName !== 'string' || typeof content !== 'string') {
      return { ok: false, error: { code: 'invalid_input', message: 'A file needs a name and text content.' } }
    }
    const path = await platform.showSaveDialog(win, suggestedName)
    if (!path) return { ok: true, data: { saved: false } }
    await writeFile(path, content, 'utf8')
    return { ok: true, data: { saved: true, path } }
  })
  ipcMain.handle(channelKey('platform.printToPdf'), async (event, suggestedName: unknown) => {
    const win = getWindow()
    if (!trusted(event) || !win) return refused
    if (typeof suggestedName !== 'string' || !/\.pdf$/i.test(suggestedName)) {
      return { ok: false, error: { code: 'invalid_input', message: 'A PDF needs a file name ending in .pdf.' } }
    }
    const path = await platform.showSaveDialog(win, suggestedName)
    if (!path) return { ok: true, data: { saved: false } }
    // The page's own @page rule (the day sheet: Letter, landscape) decides the paper.
    const pdf = await win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true })
    await writeFile(path, pdf)
    return { ok: true, data: { saved: true, path } }
  })
  ipcMain.handle(channelKey('platform.openExternal'), async (event, url: unknown) => {
    if (!trusted(event)) return refused
    if (typeof url !== 'string' || !isHttpUrl(url)) {
      return { ok: false, error: { code: 'invalid_input', message: 'Only http(s) links can be opened.' } }
    }
    await platform.openExternal(url)
    return { ok: true, data: null }
  })

  ipcMain.handle(channelKey('platform.quit'), (event) => {
    if (!trusted(event)) return refused
    platform.quit()
    return { ok: true, data: null }
  })

  ipcMain.handle(channelKey('platform.choosePath'), async (event, kind: unknown) => {
    const win = getWindow()
    if (!trusted(event) || !win) return refused
    if (kind !== 'folder' && kind !== 'database') {
      return { ok: false, error: { code: 'invalid_input', message: 'Choose a folder or a database file.' } }
    }
    return { ok: true, data: (await platform.choosePath(win, kind)) ?? null }
  })

  const offEvents = eventNames.map((name) =>
    core.events.on(name, (payload) => {
      const win = getWindow()
      if (win && !win.isDestroyed()) win.webContents.send(EVENT_KEY, name, payload)
    }),
  )

  return () => {
    for (const name of channelNames) ipcMain.removeHandler(channelKey(name))
    ipcMain.removeHandler(channelKey('platform.saveFile'))
    ipcMain.removeHandler(channelKey('platform.printToPdf'))
    ipcMain.removeHandler(channelKey('platform.openExternal'))
    ipcMain.removeHandler(channelKey('platform.quit'))
    ipcMain.removeHandler(channelKey('platform.choosePath'))
    offEvents.forEach((off) => off())
  }
}
