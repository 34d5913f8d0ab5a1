import type { Notification as ElectronNotification, NotificationConstructorOptions } from 'electron'
import type { CoreEvents } from '../core/events'

/** The part of Electron's `Notification` class used here, so tests can pass a fake. */
export interface NotificationClass {
  new (options: NotificationConstructorOptions): Pick<ElectronNotification, 'show' | 'on'>
  isSupported(): boolean
}

/**
 * Shows each staff notice the core fires as a desktop notification. A click brings the
 * window forward and asks it (through the `notice.open` event) to open the activity.
 *
 * @example
 * const stop = showStaffNotices({ events: core.events, Notification, focusWindow: () => win?.show() })
 */
export function showStaffNotices(deps: { events: CoreEvents; Notification: NotificationClass; focusWindow(): void }): () => void {
  // Kept until clicked or closed: a notification that is garbage-collected loses its click handler.
  const shown = new Set<Pick<ElectronNotification, 'show' | 'on'>>()
  return deps.events.on('notice', (notice) => {
    if (!deps.Notification.isSupported()) return
    const n = new deps.Notification({ title: notice.title, body: notice.body, silent: false })
    shown.add(n)
    n.on('click', () => {
      shown.delete(n)
      deps.focusWindow()
      deps.events.emit('notice.open', { activityId: notice.activityId })
    })
    n.on('close', () => shown.delete(n))
    n.show()
  })
}
