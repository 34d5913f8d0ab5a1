import type { HandlerMap } from '../handler'
import type { SettingsTable } from '../db/database'
import type { Updateable } from 'kysely'
import { getSettingsRow, toSettings, updateSettingsRow } from './queries'

const bool = (v: boolean): 0 | 1 => (v ? 1 : 0)

export const settingsHandlers = {
  'settings.get': async (_input, { db }) => toSettings(await getSettingsRow(db)),

  /**
   * Applies only the fields given. Changing intervals or the horizon does not re-plan by
   * itself (rule 6): the settings page offers schedule-all with its preview.
   */
  'settings.update': async (input, ctx) => {
    const set: Updateable<SettingsTable> = { updated_at: ctx.clock.now().toISOString() }
    if (input.shopName !== undefined) set.shop_name = input.shopName
    if (input.shopEmail !== undefined) set.shop_email = input.shopEmail
    if (input.shopPhone !== undefined) set.shop_phone = input.shopPhone
    if (input.shopAddress !== undefined) set.shop_address = input.shopAddress
    if (input.timeZone !== undefined) set.time_zone = input.timeZone
    if (input.inspectionIntervalMonths !== undefined) set.inspection_interval_months = input.inspectionIntervalMonths
    if (input.horizonMonths !== undefined) set.horizon_months = input.horizonMonths
    if (input.autoSchedule !== undefined) set.auto_schedule = bool(input.autoSchedule)
    if (input.remindersEnabled !== undefined) set.reminders_enabled = bool(input.remindersEnabled)
    if (input.reminderDaysBefore !== undefined) set.reminder_days_before = input.reminderDaysBefore
    if (input.missedGraceDays !== undefined) set.missed_grace_days = input.missedGraceDays
    if (input.dueSoonDays !== undefined) set.due_soon_days = input.dueSoonDays
    if (input.dueSoonMiles !== undefined) set.due_soon_miles = input.dueSoonMiles
    await updateSettingsRow(ctx.db, set)
    // Urgency and "today" depend on the thresholds and the time zone.
    ctx.changed('settings', 'activities')
    return toSettings(await getSettingsRow(ctx.db))
  },
} satisfies HandlerMap<'settings'>
