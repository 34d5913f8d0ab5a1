import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it, vi } from 'vitest'
import { closeRendererLogging, ELECTRON_LOG_CHANNEL } from '../../electron/main/logging'

const require = createRequire(import.meta.url)

/** A stand-in for ipcMain with EventEmitter-like bookkeeping. */
function fakeIpcMain() {
  const listeners = new Map<string, Array<(...args: unknown[]) => void>>()
  const handlers = new Map<string, (...args: unknown[]) => unknown>()
  return {
    listeners,
    handlers,
    on: (channel: string, fn: (...args: unknown[]) => void) => void listeners.set(channel, [...(listeners.get(channel) ?? []), fn]),
    handle: (channel: string, fn: (...args: unknown[]) => unknown) => void handlers.set(channel, fn),
    removeAllListeners: (channel: string) => void listeners.delete(channel),
    removeHandler: (channel: string) => void handlers.delete(channel),
  }
}

describe("the logger's renderer side", () => {
  it('electron-log listens for renderer messages on import; after closing, a page cannot write into the log', () => {
    const ipcMain = fakeIpcMain()
    const fakeElectron = {
      ipcMain,
      app: { on: vi.fn(), whenReady: () => new Promise(() => {}), getPath: () => '/tmp', getName: () => 'shop', getVersion: () => '0' },
    }
    // electron-log's main entry is CommonJS and requires 'electron' itself: hand it the fake.
    const electronPath = require.resolve('electron')
    const entry = require.resolve('electron-log/main')
    require.cache[electronPath] = { exports: fakeElectron } as never
    delete require.cache[entry]
    require(entry)

    expect(ipcMain.listeners.get(ELECTRON_LOG_CHANNEL)?.length).toBeGreaterThan(0)
    expect(ipcMain.handlers.has(ELECTRON_LOG_CHANNEL)).toBe(true)
    closeRendererLogging(ipcMain as never)
    expect(ipcMain.listeners.has(ELECTRON_LOG_CHANNEL)).toBe(false)
    expect(ipcMain.handlers.has(ELECTRON_LOG_CHANNEL)).toBe(false)
    delete require.cache[electronPath]
    delete require.cache[entry]
  })

  it('main never injects the logger preload into pages and closes its IPC before any window exists', () => {
    const source = readFileSync('electron/main/index.ts', 'utf8')
    expect(source).not.toMatch(/\blog\.initialize\(/)
    const close = source.indexOf('closeRendererLogging(ipcMain)')
    expect(close).toBeGreaterThan(-1)
    expect(close).toBeLessThan(source.indexOf('createMainWindow('))
  })
})
