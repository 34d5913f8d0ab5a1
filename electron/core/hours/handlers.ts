import type { HandlerMap } from '../handler'
import { fieldError } from '../errors'
import { listShopHours, setShopHours } from './queries'

export const hoursHandlers = {
  'hours.get': async (_input, { db }) => listShopHours(db),

  /** Replaces the whole week at once, so a half-saved week cannot exist. */
  'hours.set': async ({ days }, ctx) => {
    const seen = new Set<number>()
    days.forEach((d, i) => {
      if (seen.has(d.weekday)) throw fieldError(`days.${i}.weekday`, 'Each weekday appears once')
      seen.add(d.weekday)
    })
    for (const d of days) await setShopHours(ctx.db, d)
    ctx.changed('hours')
    return listShopHours(ctx.db)
  },
} satisfies HandlerMap<'hours'>
