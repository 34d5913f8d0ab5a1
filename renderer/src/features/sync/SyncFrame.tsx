import { useChannel } from '../../shared/data/queries'
import { ReconnectBanner } from './ReconnectBanner'
import { SyncStatus } from './SyncStatus'
import { useSettleConnect } from './use-connect'

/** The accounts as the frame sees them; one read shared by the header status and the banner. */
const useAccounts = () => useChannel('sync.accounts', {}).data

/** Header part of the frame: the sync at a glance (nothing until an account exists). */
export function SyncHeaderStatus() {
  const accounts = useAccounts()
  return accounts ? <SyncStatus accounts={accounts} /> : null
}

/** Top of every page: the reconnect banner; also ends a sign-in's wait when the account connects. */
export function SyncBanner() {
  const accounts = useAccounts()
  useSettleConnect(accounts)
  return accounts ? <ReconnectBanner accounts={accounts} /> : null
}
