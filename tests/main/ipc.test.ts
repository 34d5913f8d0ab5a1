import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { channelNames } from '../../shared/contract'

vi.mock('electron', () => ({ BrowserWindow: vi.fn(), shell: { openExternal: vi.fn() } }))
const { registerIpc, channelKey, EVENT_KEY } = await import('../../electron/main/ipc')
const { resolveDbPath } = await import('../../electron/main/paths')

type Handler = (event: unknown, ...args: unknown[]) => unknown

function setup() {
  const handlers = new Map<string, Handler>()
  const ipcMain = {
    handle: vi.fn((key: string, fn: Handler) => handlers.set(key, fn)),
    removeHandler: vi.fn((key: string) => handlers.delete(key)),
  }
  const listeners: Array<(p: unknown) => void> = []
  const core = {
    invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, data: { channel, input } })),
    events: { on: vi.fn((_e: string, fn: (p: unknown) => void) => (listeners.push(fn), () => {})) },
  }
  const mainFrame = { url: 'file:///app/out/renderer/index.html#/today' }
  const win = { webContents: { id: 7, send: vi.fn(), printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7 day sheet')) }, isDestroyed: () => false }
  const platform = {
    showSaveDialog: vi.fn(async (_win: unknown, _name: string): Promise<string | undefined> => undefined),
    openExternal: vi.fn(async () => {}),
    quit: vi.fn(),
    choosePath: vi.fn(async () => '/media/usb/backups'),
  }
  const dispose = registerIpc({
    ipcMain: ipcMain as never,
    core: core as never,
    getWindow: () => win as never,
    isAppUrl: (url) => url.startsWith('file:///app/out/renderer/index.html'),
    platform,
  })
  const event = (over: { id?: number; frame?: { url: string } } = {}) => {
    const frame = over.frame ?? mainFrame
    return { sender: { id: over.id ?? 7, mainFrame: frame }, senderFrame: frame }
  }
  return { handlers, ipcMain, core, win, platform, event, dispose, listeners }
}

describe('IPC registration', () => {
  it('binds every channel of the contract, one handler each, plus the platform calls', () => {
    const { handlers } = setup()
    for (const name of channelNames) expect(handlers.has(channelKey(name)), name).toBe(true)
    expect(handlers.size).toBe(channelNames.length + 5)
  })

  it('passes calls from the app’s own window to the core', async () => {
    const { handlers, core, event } = setup()
    const result = await handlers.get(channelKey('vehicles.list'))!(event(), { search: 'civic' })
    expect(core.invoke).toHaveBeenCalledWith('vehicles.list', { search: 'civic' })
    expect(result).toEqual({ ok: true, data: { channel: 'vehicles.list', input: { search: 'civic' } } })
  })

  it('refuses calls from another window or a page that is not the app', async () => {
    const { handlers, core, event } = setup()
    const h = handlers.get(channelKey('customers.create'))!
    for (const e of [event({ id: 8 }), event({ frame: { url: 'https://evil.test/' } })]) {
      expect(await h(e, { name: 'x' })).toMatchObject({ ok: false, error: { code: 'refused' } })
    }
    const subframe = { ...event(), senderFrame: { url: 'file:///app/out/renderer/index.html' } }
    expect(await h(subframe, { name: 'x' })).toMatchObject({ ok: false, error: { code: 'refused' } })
    expect(core.invoke).not.toHaveBeenCalled()
  })

  it('opens only http(s) links externally', async () => {
    const { handlers, platform, event } = setup()
    const open = handlers.get(channelKey('platform.openExternal'))!
    expect(await open(event(), 'file:///etc/passwd')).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await open(event(), 'https://example.com')).toEqual({ ok: true, data: null })
    expect(platform.openExternal.mock.calls).toEqual([['https://example.com']])
  })

  it('quits only when the app’s own window asks (the recovery screen’s "Quit")', async () => {
    const { handlers, platform, event } = setup()
    const quit = handlers.get(channelKey('platform.quit'))!
    expect(await quit(event({ id: 8 }))).toMatchObject({ ok: false, error: { code: 'refused' } })
    expect(platform.quit).not.toHaveBeenCalled()
    expect(await quit(event())).toEqual({ ok: true, data: null })
    expect(platform.quit).toHaveBeenCalledTimes(1)
  })

  it('opens the system dialog for a backup folder or a database file, for the app’s own window only', async () => {
    const { handlers, platform, event } = setup()
    const choose = handlers.get(channelKey('platform.choosePath'))!
    expect(await choose(event(), 'folder')).toEqual({ ok: true, data: '/media/usb/backups' })
    expect(await choose(event(), '/etc')).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await choose(event({ id: 8 }), 'folder')).toMatchObject({ ok: false, error: { code: 'refused' } })
    expect(platform.choosePath).toHaveBeenCalledTimes(1)
  })

  it('prints the page to a PDF the user names (the day sheet), and writes nothing when they cancel', async () => {
    const { handlers, platform, event, win } = setup()
    const print = handlers.get(channelKey('platform.printToPdf'))!
    expect(await print(event(), 'Day sheet.ics')).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await print(event({ id: 8 }), 'Day sheet.pdf')).toMatchObject({ ok: false, error: { code: 'refused' } })
    expect(await print(event(), 'Day sheet.pdf')).toEqual({ ok: true, data: { saved: false } })
    expect(win.webContents.printToPDF).not.toHaveBeenCalled()
    const dir = mkdtempSync(join(tmpdir(), 'shop-ipc-pdf-'))
    try {
      const path = join(dir, 'Day sheet 2026-03-11.pdf')
      platform.showSaveDialog.mockResolvedValueOnce(path)
      expect(await print(event(), 'Day sheet 2026-03-11.pdf')).toEqual({ ok: true, data: { saved: true, path } })
      expect(platform.showSaveDialog.mock.calls.at(-1)?.[1]).toBe('Day sheet 2026-03-11.pdf')
      expect(win.webContents.printToPDF).toHaveBeenCalledWith({ printBackground: true, preferCSSPageSize: true })
      expect(readFileSync(path, 'utf8')).toBe('%PDF-1.7 day sheet')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('forwards core events to the window', () => {
    const { listeners, win } = setup()
    listeners.forEach((l) => l({ domains: ['vehicles'] }))
    expect(win.webContents.send).toHaveBeenCalledWith(EVENT_KEY, expect.any(String), { domains: ['vehicles'] })
  })

  it('removes every handler it registered on dispose', () => {
    const { handlers, dispose } = setup()
    dispose()
    expect(handlers.size).toBe(0)
  })
})

describe('the database path', () => {
  it('comes from --db, then SHOP_DB, then the user-data folder', () => {
    expect(resolveDbPath(['electron', '.', '--db', '/data/a.db'], {}, '/u')).toBe('/data/a.db')
    expect(resolveDbPath(['electron', '--db=/data/b.db'], { SHOP_DB: '/x.db' }, '/u')).toBe('/data/b.db')
    expect(resolveDbPath(['electron'], { SHOP_DB: '/x.db' }, '/u')).toBe('/x.db')
    expect(resolveDbPath(['electron'], {}, '/u')).toBe('/u/shop-scheduler.db')
  })
})
