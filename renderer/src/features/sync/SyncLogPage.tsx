import { SyncLog } from './SyncLog'

export function SyncLogPage() {
  return <SyncLog />
}
