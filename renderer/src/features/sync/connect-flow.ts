import { useSyncExternalStore } from 'react'
import type { SyncProvider } from '../../../../shared/domain/sync'

/**
 * The one sign-in that waits for the system browser, shared by Settings and the reconnect
 * banner (either may start it, both show it). Module state: it outlives a page change.
 */
export interface WaitingConnect {
  accountId: number
  provider: SyncProvider
  authorizeUrl: string
  /** The account's last error when the wait began: a new one means this attempt failed. */
  errorBefore: string | null
  reconnect: boolean
  /** The account was seen in a fresh list since: only then does its absence mean the attempt ended. */
  seen?: boolean
}

let waiting: WaitingConnect | null = null
const listeners = new Set<() => void>()

export function setWaiting(next: WaitingConnect | null): void {
  waiting = next
  for (const l of listeners) l()
}

export const currentWaiting = (): WaitingConnect | null => waiting

export function useWaitingConnect(): WaitingConnect | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => waiting,
  )
}
