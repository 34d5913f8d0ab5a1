import { describe, expect, it, vi } from 'vitest'
import { denyPermissions } from '../../electron/main/permissions'

function fakeSession() {
  let request: ((contents: unknown, permission: string, cb: (granted: boolean) => void, details: { requestingUrl: string }) => void) | undefined
  let check: ((...args: unknown[]) => boolean) | undefined
  let device: ((...args: unknown[]) => boolean) | undefined
  return {
    setPermissionRequestHandler: (fn: typeof request) => void (request = fn),
    setPermissionCheckHandler: (fn: typeof check) => void (check = fn),
    setDevicePermissionHandler: (fn: typeof device) => void (device = fn),
    ask(permission: string, url = 'file:///opt/shop/out/renderer/index.html') {
      const cb = vi.fn()
      request!(null, permission, cb, { requestingUrl: url })
      return cb.mock.calls[0]?.[0] as boolean | undefined
    },
    check: (permission: string) => check!(null, permission, 'file://', {}),
    device: () => device!({ deviceType: 'usb', origin: 'file://' }),
  }
}

describe('browser permissions', () => {
  it('refuses every permission a page requests, even from the app itself, and reports it', () => {
    const session = fakeSession()
    const denied = vi.fn()
    denyPermissions(session as never, denied)
    for (const p of ['media', 'geolocation', 'notifications', 'midiSysex', 'clipboard-read', 'fullscreen', 'openExternal', 'hid', 'serial']) {
      expect(session.ask(p), p).toBe(false)
    }
    expect(denied).toHaveBeenCalledWith('media', 'file:///opt/shop/out/renderer/index.html')
    expect(session.check('clipboard-read')).toBe(false)
    expect(session.device()).toBe(false)
  })
})
