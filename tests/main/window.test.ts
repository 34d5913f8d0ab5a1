import { beforeEach, describe, expect, it, vi } from 'vitest'

const openExternal = vi.fn(async (_url: string) => {})
vi.mock('electron', () => ({
  BrowserWindow: vi.fn(),
  shell: { openExternal: (url: string) => openExternal(url) },
}))

const { windowOptions, hardenWebContents, isHttpUrl } = await import('../../electron/main/window')

/** A stand-in for WebContents that records the listeners the app installs. */
function fakeContents() {
  const listeners = new Map<string, (...args: unknown[]) => void>()
  let openHandler: ((d: { url: string }) => { action: string }) | null = null
  return {
    on: (event: string, fn: (...args: unknown[]) => void) => void listeners.set(event, fn),
    setWindowOpenHandler: (fn: typeof openHandler) => void (openHandler = fn),
    fire(event: string, url: string) {
      const e = { preventDefault: vi.fn() }
      listeners.get(event)!(e, url)
      return e.preventDefault.mock.calls.length > 0
    },
    open: (url: string) => openHandler!({ url }),
  }
}

const APP = 'file:///opt/shop/out/renderer/index.html'
const isAppUrl = (url: string) => url.startsWith(APP)

beforeEach(() => openExternal.mockClear())

describe('the main window', () => {
  it('isolates the renderer: context isolation, sandbox, no Node, no webviews', () => {
    const { webPreferences } = windowOptions('/opt/shop/out/preload/index.cjs')
    expect(webPreferences).toMatchObject({
      preload: '/opt/shop/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
  })

  it('is usable at 1280×800 at the smallest', () => {
    expect(windowOptions('p')).toMatchObject({ minWidth: 1280, minHeight: 800 })
  })

  it('never navigates away from the app; http(s) links open in the system browser', () => {
    const contents = fakeContents()
    hardenWebContents(contents as never, isAppUrl)
    expect(contents.fire('will-navigate', `${APP}#/calendar`)).toBe(false)
    expect(contents.fire('will-navigate', 'https://example.com/help')).toBe(true)
    expect(openExternal).toHaveBeenCalledWith('https://example.com/help')
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(contents.fire('will-redirect', 'https://evil.test')).toBe(true)
    expect(openExternal).toHaveBeenCalledTimes(1)
  })

  it('denies every new window, handing only http(s) links to the system browser', () => {
    const contents = fakeContents()
    hardenWebContents(contents as never, isAppUrl)
    expect(contents.open('https://maps.example.com')).toEqual({ action: 'deny' })
    expect(contents.open('javascript:alert(1)')).toEqual({ action: 'deny' })
    expect(contents.open('smb://share/file')).toEqual({ action: 'deny' })
    expect(openExternal.mock.calls).toEqual([['https://maps.example.com']])
  })

  it('recognises only http and https as external links', () => {
    expect(['http://a.test', 'https://a.test', 'mailto:x@y.z', 'file:///x', 'not a url'].map(isHttpUrl)).toEqual([true, true, false, false, false])
  })
})
