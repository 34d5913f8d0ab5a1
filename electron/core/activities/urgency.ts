/**
 * How pressing open work is. Overdue: its day (booked day, else due day) is before today,
 * or it was marked missed. Due soon: its day is within `dueSoonDays`, or, for work planned
 * by a mileage template, the vehicle is projected to drive fewer than `dueSoonMiles` before
 * it is due. Later: everything else. Finished and cancelled work has no urgency.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../db/database'
import type { ActivityStatus, Urgency } from '../../../shared/domain/activities'
import { addDays, daysBetween } from '../../../shared/dates'

export interface UrgencyContext {
  today: string
  dueSoonDays: number
  dueSoonMiles: number
  /** Average miles a day per vehicle over the last 12 months, when it can be projected. */
  dailyMiles: Map<number, number>
}

/**
 * @example
 * urgencyOf({ status: 'scheduled', day: '2025-01-03', vehicleId: 1, mileage: false }, ctx) // 'due_soon'
 */
export function urgencyOf(a: { status: ActivityStatus; day: string; vehicleId: number; mileage: boolean }, ctx: UrgencyContext): Urgency | null {
  if (a.status === 'completed' || a.status === 'cancelled') return null
  if (a.status === 'missed' || a.day < ctx.today) return 'overdue'
  const daysLeft = daysBetween(ctx.today, a.day)
  if (daysLeft <= ctx.dueSoonDays) return 'due_soon'
  if (a.mileage) {
    const rate = ctx.dailyMiles.get(a.vehicleId)
    // A vehicle that does not move gives no mileage projection, not an urgent one.
    if (rate !== undefined && rate > 0 && rate * daysLeft <= ctx.dueSoonMiles) return 'due_soon'
  }
  return 'later'
}

const MIN_SPAN_DAYS = 14
const IN_CHUNK = 500

/**
 * Average daily distance per vehicle from its readings of the last 12 months (rule 3: at
 * least two readings at least 14 days apart), counted from its latest correction so a
 * replaced odometer does not read as negative driving. One query per 500 vehicles.
 *
 * @example
 * const rates = await dailyMilesFor(db, [1, 2, 3], '2025-06-01') // Map { 1 => 32.5 }
 */
export async function dailyMilesFor(db: Kysely<Database>, vehicleIds: number[], today: string): Promise<Map<number, number>> {
  const rates = new Map<number, number>()
  const since = addDays(today, -365)
  for (let i = 0; i < vehicleIds.length; i += IN_CHUNK) {
    const ids = vehicleIds.slice(i, i + IN_CHUNK)
    const rows = await db
      .selectFrom('odometer_readings')
      .select(['vehicle_id', 'reading_date', 'miles', 'is_correction'])
      .where('vehicle_id', 'in', ids)
      .where('reading_date', '>=', since)
      .where('reading_date', '<=', today)
      .orderBy('vehicle_id')
      .orderBy('reading_date')
      .orderBy('id')
      .execute()
    let first: (typeof rows)[number] | undefined
    let last: (typeof rows)[number] | undefined
    const flush = () => {
      if (!first || !last) return
      const span = daysBetween(first.reading_date, last.reading_date)
      if (span >= MIN_SPAN_DAYS && last.miles >= first.miles) rates.set(first.vehicle_id, (last.miles - first.miles) / span)
    }
    for (const r of rows) {
      if (!first || r.vehicle_id !== first.vehicle_id || r.is_correction === 1) {
        if (first && r.vehicle_id !== first.vehicle_id) flush()
        first = r
      }
      last = r
    }
    flush()
  }
  return rates
}
