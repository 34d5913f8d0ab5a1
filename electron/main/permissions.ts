import type { Session } from 'electron'

/**
 * The app asks the browser for nothing: no camera, microphone, location, notifications
 * from the page (the core notifies through main), MIDI, HID, serial or USB devices, no
 * clipboard reads, no fullscreen from script. So every permission request and check is
 * refused, whatever page asks; a page that somehow got into the window gains nothing.
 */
export function denyPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>,
  onDenied?: (permission: string, origin: string) => void,
): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    onDenied?.(permission, details?.requestingUrl ?? contents?.getURL?.() ?? '')
    callback(false)
  })
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}
