import { z } from 'zod'
import { channel } from './define'

/** The core's clock as the shop reads it: what every screen takes as "now" and "today". */
export interface ShopClock {
  /** The core's now, a UTC ISO instant (pinned by SHOP_NOW in tests and demos). */
  now: string
  /** The shop's IANA time zone (a setting). */
  timeZone: string
  /** Today in the shop, `YYYY-MM-DD`. */
  today: string
}

export const clockContract = {
  'clock.now': channel<ShopClock>()(z.object({})),
}
