import { describe, expect, it, vi } from 'vitest'
import { createUpdates, DAY_MS, type UpdateChoice, type UpdateDeps } from '../../electron/main/updates'
import { trackBusy } from '../../electron/main/busy'
import { createEvents } from '../../electron/core/events'

function mockUpdater() {
  const listeners: Record<string, Array<(arg: never) => void>> = {}
  return {
    autoDownload: false,
    autoInstallOnAppQuit: true, // electron-updater's default: install on quit without asking
    setFeedURL: vi.fn(),
    checkForUpdates: vi.fn(async () => null),
    quitAndInstall: vi.fn(),
    on: vi.fn((event: string, listener: (arg: never) => void) => (listeners[event] ??= []).push(listener)),
    downloaded(version: string) {
      for (const l of listeners['update-downloaded'] ?? []) l({ version } as never)
    },
  }
}

function setup(overrides: Partial<UpdateDeps> = {}, choice: UpdateChoice = 'restart-now') {
  const events = createEvents()
  const busy = trackBusy(events)
  const updater = mockUpdater()
  const intervals: Array<{ fn: () => void; ms: number }> = []
  const ask = vi.fn(async () => choice)
  const updates = createUpdates({
    updater,
    packaged: true,
    hasBuiltInFeed: true,
    isBusy: busy.isBusy,
    onIdle: busy.onIdle,
    ask,
    log: { info: vi.fn(), warn: vi.fn() },
    setInterval: (fn, ms) => intervals.push({ fn, ms }),
    clearInterval: vi.fn(),
    ...overrides,
  })
  const bulkJob = (finished: boolean) => events.emit('progress', { job: 'schedule-all', label: 'Planning', done: finished ? 10 : 1, total: 10, finished })
  const syncRound = (state: 'syncing' | 'idle') => events.emit('sync.status', { account: 'google:shop', state })
  return { updates, updater, intervals, ask, bulkJob, syncRound }
}

describe('automatic updates', () => {
  it('checks at start and then daily, downloading in the background, installing nothing on quit unasked', () => {
    const { updates, updater, intervals } = setup()
    updates.start()
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1)
    expect(updater.autoDownload).toBe(true)
    expect(updater.autoInstallOnAppQuit).toBe(false)
    expect(intervals.map((i) => i.ms)).toEqual([DAY_MS])
    intervals[0]!.fn()
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2)
  })

  it('uses SHOP_UPDATE_URL as a generic feed when given', () => {
    const { updates, updater } = setup({ feedUrl: 'https://updates.example.com/shop', hasBuiltInFeed: false })
    updates.start()
    expect(updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://updates.example.com/shop' })
  })

  it('stays off in a development build and where no feed is configured', () => {
    for (const overrides of [{ packaged: false }, { hasBuiltInFeed: false, feedUrl: undefined }]) {
      const { updates, updater, intervals } = setup(overrides)
      updates.start()
      expect(updates.disabledReason).toBeTruthy()
      expect(updater.checkForUpdates).not.toHaveBeenCalled()
      expect(intervals).toEqual([])
    }
  })

  it('installs only after the user agrees, and never while a bulk job runs', async () => {
    const { updates, updater, ask, bulkJob } = setup({}, 'restart-now')
    updates.start()
    bulkJob(false)
    updater.downloaded('0.2.0')
    await vi.waitFor(() => expect(ask).toHaveBeenCalledWith('0.2.0'))
    await Promise.resolve()
    expect(updater.quitAndInstall).not.toHaveBeenCalled() // agreed, but planning is running
    bulkJob(true)
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1)
  })

  it('holds a check back while a sync round runs', () => {
    const { updates, updater, syncRound } = setup()
    syncRound('syncing')
    updates.start()
    expect(updater.checkForUpdates).not.toHaveBeenCalled()
    syncRound('idle')
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1)
  })

  it('"Install on next restart" installs on quit; "Not now" installs nothing', async () => {
    const later = setup({}, 'next-restart')
    later.updates.start()
    later.updater.downloaded('0.2.0')
    await vi.waitFor(() => expect(later.updater.autoInstallOnAppQuit).toBe(true))
    expect(later.updater.quitAndInstall).not.toHaveBeenCalled()

    const no = setup({}, 'not-now')
    no.updates.start()
    no.updater.downloaded('0.2.0')
    await vi.waitFor(() => expect(no.ask).toHaveBeenCalled())
    await Promise.resolve()
    expect(no.updater.autoInstallOnAppQuit).toBe(false)
    expect(no.updater.quitAndInstall).not.toHaveBeenCalled()
  })
})
