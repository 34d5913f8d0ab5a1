import { SyncInbox } from '../components/sync/SyncInbox'

export function SyncInboxPage() {
  return <SyncInbox />
}
