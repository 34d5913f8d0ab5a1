import type { Kysely } from 'kysely'
import type { Database } from './db/database'
import type { Clock } from './clock'
import type { CoreEvents } from './events'
import type { Logger } from './logger'
import type { Lock } from './lock'
import type { Ctx } from './handler'
import { getSettingsRow } from './settings/queries'
import { markMissed } from './activities/mark-missed'
import { localDay } from './activities/shop-time'

export interface BackgroundDeps {
  db: Kysely<Database>
  lock: Lock
  clock: Clock
  log: Logger
  events: CoreEvents
  makeCtx(db: Kysely<Database> | null, changed: Set<string>): Ctx
  /**
   * The caller holds the lock (a restore or another file being opened): the first check
   * then waits its turn instead of being awaited, which would deadlock.
   */
  deferFirstCheck?: boolean
}

export interface Background {
  stop(): void
  /**
   * Runs the day-change check now: when the shop's date differs from the last check,
   * marks missed work. The timer calls it every minute; tests call it after `setNow`.
   * Resolves to how many activities it marked.
   */
  checkDayChange(): Promise<number>
}

/** How often the clock is looked at for a new day in the shop's time zone. */
const DAY_CHECK_MS = 60_000

/**
 * Work the core does by itself while it is open: marking missed activities at start and
 * at each day change in the shop's time zone. Each task registers here and is stopped on close.
 */
export async function startBackgroundTasks(deps: BackgroundDeps): Promise<Background> {
  const stops: Array<() => void> = []
  let lastDay: string | null = null
  let stopped = false

  const checkDayChange = async (): Promise<number> => {
    if (stopped) return 0
    const marked = await deps.lock.run(() =>
      deps.db.transaction().execute(async (trx) => {
        const settings = await getSettingsRow(trx)
        const now = deps.clock.now()
        const today = localDay(now, settings.time_zone)
        if (today === lastDay) return []
        const ids = await markMissed(trx, {
          today,
          timeZone: settings.time_zone,
          graceDays: settings.missed_grace_days,
          now: now.toISOString(),
        })
        lastDay = today
        return ids
      }),
    )
    if (marked.length > 0) {
      // Each one is in the activity log; the app log gets the count and a sample of ids.
      const sample = marked.slice(0, 20).join(', ')
      deps.log.info(`Marked ${marked.length} activities missed (ids ${sample}${marked.length > 20 ? ', …' : ''})`)
      deps.events.emit('changed', { domains: ['activities'] })
    }
    return marked.length
  }

  // A failed check must not keep the shop from opening; the next minute tries again.
  const first = checkDayChange().catch((error: unknown) => deps.log.error('The missed-activity check failed at start', error))
  if (!deps.deferFirstCheck) await first
  const timer = setInterval(() => {
    checkDayChange().catch((error: unknown) => deps.log.error('The missed-activity check failed', error))
  }, DAY_CHECK_MS)
  // A background check must never keep a test run or a closing app alive.
  timer.unref()
  stops.push(() => clearInterval(timer))

  return {
    checkDayChange,
    stop: () => {
      stopped = true
      stops.forEach((stop) => stop())
    },
  }
}
