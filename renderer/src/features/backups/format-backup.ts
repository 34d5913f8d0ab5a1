import dayjs from 'dayjs'
import type { BackupCounts } from '../../../../shared/domain/backups'

/** "Mar 10, 2026, 3:00 PM" in this computer's time: when a backup was taken. */
export const formatTakenAt = (iso: string): string => dayjs(iso).format('MMM D, YYYY, h:mm A')

const REASONS: Record<string, string> = {
  manual: 'Backed up by hand',
  daily: 'Daily',
  'before-migration': 'Before an app update',
  'before-restore': 'Before a restore',
  'before-schedule-all': 'Before scheduling all vehicles',
  'before-import': 'Before an import',
  'before-bulk': 'Before bulk changes',
}
export const formatReason = (reason: string): string => REASONS[reason] ?? reason

export const formatSize = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`
export const formatCounts = (c: BackupCounts): string =>
  `${plural(c.customers, 'customer', 'customers')}, ${plural(c.vehicles, 'vehicle', 'vehicles')}, ${plural(c.activities, 'activity', 'activities')}`
