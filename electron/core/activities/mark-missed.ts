import { PostgresAdapter, sql, type Kysely } from 'kysely'
import type { Database } from '../db/database'
import { appendLog } from './log'
import { formatDayText } from '../../../shared/format-dates'
import { addDays } from '../../../shared/dates'
import { startOfShopDay } from '../../../shared/shop-day'

export const SYSTEM_ACTOR = 'system'

/**
 * Marks `missed` every scheduled activity that never started and whose day (booked day,
 * else due day) plus the grace days has passed (rule 7), logging each one. Returns the
 * ids it marked.
 *
 * @example
 * await markMissed(trx, { today: '2025-03-12', timeZone: 'America/New_York', graceDays: 1, now })
 */
export async function markMissed(db: Kysely<Database>, opts: { today: string; timeZone: string; graceDays: number; now: string }): Promise<number[]> {
  // Day + grace < today  <=>  day < today - grace.
  const cutoffDay = addDays(opts.today, -opts.graceDays)
  const cutoffInstant = startOfShopDay(cutoffDay, opts.timeZone).toISOString()
  // `+start_at` keeps SQLite's planner off the start_at index for the first side; PostgreSQL has no unary + for text (nor the need).
  const unbooked = db.getExecutor().adapter instanceof PostgresAdapter ? sql`start_at is null` : sql`+start_at is null`
  const rows = await db
    .selectFrom('activities')
    .select(['id', 'vehicle_id', 'version', 'due_date', 'start_at'])
    .where('started_at', 'is', null)
    // Each side is a range on an index: (status, due_date) and (status, start_at).
    .where(
      sql<boolean>`((status = 'scheduled' and ${unbooked} and due_date < ${cutoffDay})
        or (status = 'scheduled' and start_at < ${cutoffInstant}))`,
    )
    .execute()
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .updateTable('activities')
      .set((eb) => ({ status: 'missed', version: eb('version', '+', 1), updated_at: opts.now }))
      .where('id', 'in', ids.slice(i, i + 500))
      .execute()
  }
  for (let i = 0; i < rows.length; i += 200) {
    await appendLog(
      db,
      ...rows.slice(i, i + 200).map((r) => ({
        activityId: r.id,
        vehicleId: r.vehicle_id,
        at: opts.now,
        actor: SYSTEM_ACTOR,
        action: 'missed',
        changes: { status: ['scheduled', 'missed'] satisfies [unknown, unknown] },
        message: `Not started by the end of ${r.start_at ? 'its booked day' : `its due day ${formatDayText(r.due_date)}`} plus ${opts.graceDays} day(s) of grace`,
      })),
    )
  }
  return ids
}
