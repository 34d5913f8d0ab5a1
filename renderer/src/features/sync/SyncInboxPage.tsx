import { SyncInbox } from './SyncInbox'

export function SyncInboxPage() {
  return <SyncInbox />
}
