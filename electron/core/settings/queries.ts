import type { Kysely, Updateable } from 'kysely'
import type { Database, SettingsRow, SettingsTable } from '../db/database'
import type { Settings } from '../../../shared/domain/settings'

/**
 * The one settings row; seeded at start, so it always exists.
 *
 * @example
 * const { time_zone } = await getSettingsRow(db)
 */
export async function getSettingsRow(db: Kysely<Database>): Promise<SettingsRow> {
  return db.selectFrom('settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow()
}

/** Writes the given columns of the one settings row. */
export async function updateSettingsRow(db: Kysely<Database>, set: Updateable<SettingsTable>): Promise<void> {
  await db.updateTable('settings').set(set).where('id', '=', 1).execute()
}

/** Maps the row to the domain type the screens receive (0/1 become booleans). */
export const toSettings = (row: SettingsRow): Settings => ({
  shopName: row.shop_name,
  shopEmail: row.shop_email,
  shopPhone: row.shop_phone,
  shopAddress: row.shop_address,
  timeZone: row.time_zone,
  inspectionIntervalMonths: row.inspection_interval_months,
  horizonMonths: row.horizon_months,
  autoSchedule: row.auto_schedule === 1,
  remindersEnabled: row.reminders_enabled === 1,
  reminderDaysBefore: row.reminder_days_before,
  missedGraceDays: row.missed_grace_days,
  dueSoonDays: row.due_soon_days,
  dueSoonMiles: row.due_soon_miles,
  updatedAt: row.updated_at,
})
