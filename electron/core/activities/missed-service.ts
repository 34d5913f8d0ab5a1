import type { Service, ServiceContext } from '../services'
import { getSettingsRow } from '../settings/queries'
import { markMissed } from './mark-missed'
import { shopDay } from '../../../shared/shop-day'

export const MISSED_SERVICE = 'missed-activities'

/** How often the clock is looked at for a new day in the shop's time zone. */
const DAY_CHECK_MS = 60_000

export interface MissedService extends Service {
  /**
   * Runs the day-change check now: when the shop's date differs from the last check,
   * marks missed work. The service runs it at start and every minute; tests call it after
   * moving the clock. Resolves to how many activities it marked (0 before start).
   */
  checkDayChange(): Promise<number>
}

/** Marks missed activities at start and at each day change in the shop's time zone (rule 7). */
export function missedActivityService(): MissedService {
  let context: ServiceContext | null = null
  let lastDay: string | null = null

  const checkDayChange = async (): Promise<number> => {
    const s = context
    if (!s || s.signal.aborted) return 0
    const { marked, today } = await s.batch(async (ctx) => {
      const settings = await getSettingsRow(ctx.db)
      const now = ctx.clock.now()
      const today = shopDay(now, settings.time_zone)
      if (today === lastDay) return { marked: [], today }
      const ids = await markMissed(ctx.db, {
        today,
        timeZone: settings.time_zone,
        graceDays: settings.missed_grace_days,
        now: now.toISOString(),
      })
      if (ids.length > 0) ctx.changedRows('activities', ids)
      return { marked: ids, today }
    })
    // Only once the marks committed: a step run again (another desk's commit got in first) must mark again.
    lastDay = today
    if (marked.length > 0) {
      // Each one is in the activity log; the app log gets the count and a sample of ids.
      const sample = marked.slice(0, 20).join(', ')
      s.log.info(`Marked ${marked.length} activities missed (ids ${sample}${marked.length > 20 ? ', …' : ''})`)
    }
    return marked.length
  }

  return {
    name: MISSED_SERVICE,
    background: true,
    async start(s) {
      context = s
      // A failed check must not keep the shop from opening; the next minute tries again.
      await checkDayChange().catch((error: unknown) => s.log.error('The missed-activity check failed at start', error))
      s.every(DAY_CHECK_MS, checkDayChange)
    },
    checkDayChange,
  }
}
