/** The shop's settings: its name and contact, its time zone, and the planner's and reminders' thresholds. */
import { z } from 'zod'
import { optionalEmail, optionalText, safeText } from './common'

export interface Settings {
  shopName: string
  shopEmail: string | null
  shopPhone: string | null
  shopAddress: string | null
  /** IANA zone, e.g. America/New_York: due dates are days there; bookings are shown there. */
  timeZone: string
  inspectionIntervalMonths: number
  horizonMonths: number
  autoSchedule: boolean
  remindersEnabled: boolean
  reminderDaysBefore: number
  /** Days after its due day (or booked day) before unstarted work counts as missed. */
  missedGraceDays: number
  dueSoonDays: number
  dueSoonMiles: number
  updatedAt: string
}

export const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

export const settingsFields = z.object({
  shopName: safeText().max(200),
  shopEmail: optionalEmail,
  shopPhone: optionalText(40),
  shopAddress: optionalText(500, { multiline: true }),
  timeZone: z.string().refine(isTimeZone, 'Not a known time zone (e.g. America/New_York)'),
  inspectionIntervalMonths: z.number().int().min(1, 'At least 1 month').max(24, 'At most 24 months'),
  horizonMonths: z.number().int().min(1, 'At least 1 month').max(36, 'At most 36 months'),
  autoSchedule: z.boolean(),
  remindersEnabled: z.boolean(),
  reminderDaysBefore: z.number().int().min(0).max(60),
  missedGraceDays: z.number().int().min(0).max(60),
  dueSoonDays: z.number().int().min(0).max(365),
  dueSoonMiles: z.number().int().min(0).max(100_000),
})

export const settingsSchemas = {
  get: z.object({}),
  update: settingsFields.partial(),
}
