import { backupPrefixOf, readBackupSettings } from './backup-settings'
import { listBackups } from './backup-files'

const DAY_MS = 24 * 60 * 60 * 1000

/** True when the newest backup of the database (of any kind) is a day old or there is none. */
export function dailyBackupDue(dbPath: string, now: Date): boolean {
  const settings = readBackupSettings(dbPath)
  const newest = listBackups(settings.effectiveFolder, backupPrefixOf(dbPath))[0]
  return !newest || now.getTime() - Date.parse(newest.takenAt) >= DAY_MS
}
