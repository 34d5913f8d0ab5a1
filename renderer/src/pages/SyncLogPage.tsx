import { SyncLog } from '../components/sync/SyncLog'

export function SyncLogPage() {
  return <SyncLog />
}
