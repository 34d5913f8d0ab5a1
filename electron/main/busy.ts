import type { CoreEvents } from '../core/events'

export interface BusyTracker {
  /** True while a bulk job reports progress or any account is in a sync round. */
  isBusy(): boolean
  /** Calls `listener` each time the last running job or sync round ends. */
  onIdle(listener: () => void): () => void
  dispose(): void
}

/**
 * What the core is doing right now, read from the events it already sends (`progress` for long
 * jobs, `sync.status` for sync rounds), so the shell can hold back work that must not overlap
 * them (installing an update) without the core knowing about the shell.
 */
export function trackBusy(events: CoreEvents): BusyTracker {
  const jobs = new Set<string>()
  const syncing = new Set<string>()
  const idleListeners = new Set<() => void>()
  const isBusy = () => jobs.size > 0 || syncing.size > 0
  const settle = (wasBusy: boolean) => {
    if (wasBusy && !isBusy()) for (const listener of [...idleListeners]) listener()
  }
  const offProgress = events.on('progress', (p) => {
    const wasBusy = isBusy()
    if (p.finished) jobs.delete(p.job)
    else jobs.add(p.job)
    settle(wasBusy)
  })
  const offSync = events.on('sync.status', (s) => {
    const wasBusy = isBusy()
    if (s.state === 'syncing') syncing.add(s.account)
    else syncing.delete(s.account)
    settle(wasBusy)
  })
  return {
    isBusy,
    onIdle(listener) {
      idleListeners.add(listener)
      return () => void idleListeners.delete(listener)
    },
    dispose() {
      offProgress()
      offSync()
      idleListeners.clear()
    },
  }
}
