import { describe, expect, it, vi } from 'vitest'
import type { NotificationConstructorOptions } from 'electron'
import { showStaffNotices, type NotificationClass } from '../../electron/main/notifications'
import { createEvents } from '../../electron/core/events'

function fakeNotifications(supported = true) {
  const made: Array<{ options: NotificationConstructorOptions; shown: boolean; handlers: Record<string, () => void> }> = []
  class FakeNotification {
    private entry: (typeof made)[number]
    constructor(options: NotificationConstructorOptions) {
      this.entry = { options, shown: false, handlers: {} }
      made.push(this.entry)
    }
    static isSupported = () => supported
    show() {
      this.entry.shown = true
    }
    on(event: string, fn: () => void) {
      this.entry.handlers[event] = fn
      return this
    }
  }
  return { made, Notification: FakeNotification as unknown as NotificationClass }
}

const notice = {
  id: 1,
  activityId: 42,
  kind: 'hour_before' as const,
  title: 'Within the hour: Oil change',
  body: 'Mon 9:00 AM · Toyota Corolla (ABC 123) · Vera Smith · Bay 2',
  firedAt: '2025-03-10T13:00:00.000Z',
}

describe('staff notices on the desktop', () => {
  it('shows each notice, and a click focuses the window and opens the activity', () => {
    const events = createEvents()
    const { made, Notification } = fakeNotifications()
    const focusWindow = vi.fn()
    const opened: number[] = []
    events.on('notice.open', (e) => opened.push(e.activityId))
    showStaffNotices({ events, Notification, focusWindow })

    events.emit('notice', notice)
    expect(made).toHaveLength(1)
    expect(made[0]!.options).toMatchObject({ title: notice.title, body: notice.body })
    expect(made[0]!.shown).toBe(true)
    expect(opened).toEqual([])

    made[0]!.handlers.click!()
    expect(focusWindow).toHaveBeenCalledTimes(1)
    expect(opened).toEqual([42])
  })

  it('stays quiet where the system has no notifications, and stops when asked', () => {
    const events = createEvents()
    const unsupported = fakeNotifications(false)
    showStaffNotices({ events, Notification: unsupported.Notification, focusWindow: () => {} })
    events.emit('notice', notice)
    expect(unsupported.made).toHaveLength(0)

    const supported = fakeNotifications()
    const stop = showStaffNotices({ events, Notification: supported.Notification, focusWindow: () => {} })
    stop()
    events.emit('notice', notice)
    expect(supported.made).toHaveLength(0)
  })
})
