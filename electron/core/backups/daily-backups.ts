import type { Logger } from '../logger'
import { backupPrefixOf, readBackupSettings } from './backup-settings'
import { listBackups } from './backup-files'

const DAY_MS = 24 * 60 * 60 * 1000

/** True when the newest backup of the database (of any kind) is a day old or there is none. */
export function dailyBackupDue(dbPath: string, now: Date): boolean {
  const settings = readBackupSettings(dbPath)
  const newest = listBackups(settings.effectiveFolder, backupPrefixOf(dbPath))[0]
  return !newest || now.getTime() - Date.parse(newest.takenAt) >= DAY_MS
}

export interface DailyBackups {
  /** Takes the daily backup now if one is due; answers whether it took one. Tests call it with a moved clock. */
  runIfDue(): Promise<boolean>
  stop(): void
}

/**
 * The daily backup while the app runs: looked at a minute after opening (not at once, so
 * a start stays quick) and then every ten minutes; taken when the newest backup is a day old.
 */
export function startDailyBackups(opts: {
  dbPath: () => string
  now: () => Date
  backup: () => Promise<unknown>
  log: Logger
  firstCheckMs?: number
  everyMs?: number
}): DailyBackups {
  let stopped = false
  let running: Promise<boolean> | null = null
  const runIfDue = (): Promise<boolean> => {
    if (stopped) return Promise.resolve(false)
    if (running) return running
    const run = (async () => {
      if (!dailyBackupDue(opts.dbPath(), opts.now())) return false
      await opts.backup()
      return true
    })()
    running = run
    void run.finally(() => {
      if (running === run) running = null
    }).catch(() => undefined)
    return run
  }
  const tick = () => void runIfDue().catch((error: unknown) => opts.log.error('The daily backup failed', error))
  const first = setTimeout(tick, opts.firstCheckMs ?? 60_000)
  const timer = setInterval(tick, opts.everyMs ?? 10 * 60_000)
  // Never keep a test run or a closing app alive.
  first.unref()
  timer.unref()
  return {
    runIfDue,
    stop() {
      stopped = true
      clearTimeout(first)
      clearInterval(timer)
    },
  }
}
