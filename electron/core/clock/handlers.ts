import type { HandlerMap } from '../handler'
import { getSettingsRow } from '../settings/queries'
import { shopDay } from '../../../shared/shop-day'

/**
 * The core's clock for the screens: a laptop in another zone, or with its clock off, still
 * shows the shop's day and time.
 */
export const clockHandlers = {
  'clock.now': async (_input, ctx) => {
    const { time_zone: timeZone } = await getSettingsRow(ctx.db)
    const now = ctx.clock.now()
    return { now: now.toISOString(), timeZone, today: shopDay(now, timeZone) }
  },
} satisfies HandlerMap<'clock'>
