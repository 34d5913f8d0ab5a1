import type { Service } from '../services'
import { dailyBackupDue } from './daily-backups'

export const BACKUP_SERVICE = 'daily-backup'

export interface BackupService extends Service {
  /** Takes the daily backup now if one is due; answers whether it took one. Tests call it with a moved clock. */
  runIfDue(): Promise<boolean>
}

/** How often the backup folder is looked at; the backup itself is taken once a day. */
const CHECK_MS = 10 * 60_000

/**
 * The daily backup while the app runs: every ten minutes (the first ten minutes after opening,
 * so a start and a short session stay quick) it looks whether the newest backup is a day old,
 * and if so takes one.
 * `backup` takes the core's lock itself for the copy; the folder is read outside it.
 */
export function dailyBackupService(opts: { dbPath: () => string; backup: () => Promise<unknown> }): BackupService {
  let now: (() => Date) | null = null
  let running: Promise<boolean> | null = null
  const runIfDue = (): Promise<boolean> => {
    if (!now) return Promise.resolve(false)
    if (running) return running
    const clockNow = now
    const run = (async () => {
      if (!dailyBackupDue(opts.dbPath(), clockNow())) return false
      await opts.backup()
      return true
    })()
    running = run
    void run
      .finally(() => {
        if (running === run) running = null
      })
      .catch(() => undefined)
    return run
  }
  return {
    name: BACKUP_SERVICE,
    start(s) {
      now = () => s.clock.now()
      s.every(CHECK_MS, runIfDue)
    },
    stop() {
      now = null
    },
    runIfDue,
  }
}
