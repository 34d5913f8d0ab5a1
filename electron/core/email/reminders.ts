/**
 * Customer reminders: the reminder setting's days before a booking, one email per booking
 * state. The state is the booked start: a moved booking gets one new reminder, and the
 * unique index keeps a state from ever getting two.
 */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/database'
import { getSettingsRow } from '../settings/queries'
import { getEmailSettingsRow, isConfigured } from './settings'
import { addDays } from '../../../shared/dates'
import { shopDay, startOfShopDay } from '../../../shared/shop-day'

/** Whose reminder is due now: bookings starting between now and the reminder horizon. */
export function reminderHorizon(now: Date, daysBefore: number, timeZone: string): string {
  // "0 days before": on the day itself, from its start.
  if (daysBefore <= 0) return startOfShopDay(addDays(shopDay(now, timeZone), 1), timeZone).toISOString()
  return new Date(now.getTime() + daysBefore * 86_400_000).toISOString()
}

/**
 * Queues the reminders that are due, in the caller's transaction. Resolves to how many.
 *
 * @example
 * await queueDueReminders(trx, clock.now())
 */
export async function queueDueReminders(db: Kysely<Database>, now: Date): Promise<number> {
  const settings = await getSettingsRow(db)
  if (settings.reminders_enabled !== 1) return 0
  if (!isConfigured(await getEmailSettingsRow(db))) return 0
  const nowIso = now.toISOString()
  const due = await db
    .selectFrom('activities as a')
    .innerJoin('vehicles as v', 'v.id', 'a.vehicle_id')
    .innerJoin('customers as c', 'c.id', 'v.customer_id')
    .select(['a.id', 'a.start_at'])
    .where('a.status', '=', 'scheduled')
    .where('a.start_at', '>', nowIso)
    .where('a.start_at', '<=', reminderHorizon(now, settings.reminder_days_before, settings.time_zone))
    .where('c.email', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('email_outbox as o')
            .select(sql`1`.as('one'))
            .whereRef('o.activity_id', '=', 'a.id')
            .where('o.kind', '=', 'reminder')
            .whereRef('o.state_key', '=', 'a.start_at'),
        ),
      ),
    )
    .execute()
  if (due.length === 0) return 0
  await db
    .insertInto('email_outbox')
    .values(
      due.map((a) => ({
        kind: 'reminder' as const,
        activity_id: a.id,
        state_key: a.start_at,
        status: 'queued' as const,
        next_attempt_at: nowIso,
        actor: 'system',
        created_at: nowIso,
      })),
    )
    // The unique index decides if two desks raced: the first reminder of a state wins.
    .onConflict((oc) => oc.doNothing())
    .execute()
  return due.length
}
