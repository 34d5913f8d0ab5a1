import { useEffect, useState } from 'react'
import { notifications } from '@mantine/notifications'
import type { SyncAccount, SyncProvider } from '../../../../shared/domain/sync'
import { useChannelMutation } from '../../shared/data/queries'
import { currentWaiting, setWaiting, useWaitingConnect } from './connect-flow'
import { accountName, providerName } from './format'

/** Starts a sign-in (or a reconnect) and cancels it; the waiting state is shared app-wide. */
export function useConnect() {
  const waiting = useWaitingConnect()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const connect = useChannelMutation('sync.connect')
  const cancelConnect = useChannelMutation('sync.cancelConnect')

  const start = async (provider: SyncProvider, account?: SyncAccount) => {
    setProblem(null)
    setBusy(true)
    try {
      const started = await connect.mutateAsync({ provider, ...(account ? { accountId: account.id } : {}) })
      setWaiting({ ...started, provider, errorBefore: account?.lastError ?? null, reconnect: account !== undefined })
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error))
    } finally {
      setBusy(false)
    }
  }

  const cancel = async () => {
    const w = currentWaiting()
    if (!w) return
    setWaiting(null)
    // Already finished or gone on its own: nothing waits any more, which is what was asked.
    await cancelConnect.mutateAsync({ accountId: w.accountId }).catch(() => undefined)
  }

  return { waiting, busy, problem, start, cancel }
}

/**
 * Ends the wait when the account connects, or when the attempt failed (a first connect
 * that ends disconnected or gone, a reconnect that records a new error). Mounted once, in the frame.
 */
export function useSettleConnect(accounts: SyncAccount[] | undefined): void {
  const waiting = useWaitingConnect()
  useEffect(() => {
    if (!waiting || !accounts) return
    const account = accounts.find((a) => a.id === waiting.accountId)
    // The list may predate the connect (a new account is not in it yet): wait for one that has it.
    if (!account && !waiting.seen) return
    if (account && !waiting.seen) setWaiting({ ...waiting, seen: true })
    if (account?.status === 'connected') {
      setWaiting(null)
      notifications.show({ color: 'green', message: `${accountName(account)} is connected` })
      return
    }
    const failed =
      !account || account.status === 'disconnected' || (waiting.reconnect && account.lastError !== waiting.errorBefore && account.lastError !== null)
    if (failed) {
      setWaiting(null)
      notifications.show({
        color: 'red',
        title: `${providerName(waiting.provider)} did not connect`,
        message: account?.lastError ?? 'The sign-in was not finished.',
      })
    }
  }, [accounts, waiting])
}
