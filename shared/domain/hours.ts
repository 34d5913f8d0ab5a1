/** The shop's weekly opening hours. */
import { z } from 'zod'

export interface ShopDay {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number
  /** `HH:MM`, both null when closed. */
  opens: string | null
  closes: string | null
}

/** A time of day, `HH:MM` (24-hour): shop hours, and the time a booking form asks for. */
export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24-hour)')
export const shopDay = z
  .object({ weekday: z.number().int().min(0).max(6), opens: hhmm.nullable(), closes: hhmm.nullable() })
  .refine((d) => (d.opens === null) === (d.closes === null), { message: 'Give both opening and closing time, or neither', path: ['closes'] })
  .refine((d) => d.opens === null || d.closes === null || d.opens < d.closes, { message: 'Closes after it opens', path: ['closes'] })

export const hoursSchemas = {
  get: z.object({}),
  set: z.object({ days: z.array(shopDay).length(7, 'Give all seven days') }),
}
