import type { Kysely } from 'kysely'
import type { Database } from '../db/database'
import { fieldError } from '../errors'
import type { OdometerReading } from '../../../shared/domain/odometer'
import { toReading } from './map'
import { formatDayText } from '../../../shared/format-dates'

const miles = (n: number): string => `${n.toLocaleString('en-US')} mi`

export interface NewReading {
  vehicleId: number
  date: string
  miles: number
  isCorrection?: boolean
  source: 'manual' | 'completion'
  activityId?: number
  now: string
}

/**
 * Stores a reading after checking it against its neighbours in time: odometers only go up,
 * so a reading lower than the one before it (or higher than the one after it) is refused
 * unless it is marked as a correction. Comparing with the nearest neighbours, not the
 * maximum, lets readings after an accepted correction count from the corrected value.
 *
 * @example
 * await addReading(db, { vehicleId: 1, date: '2025-02-01', miles: 12_400, source: 'manual', now })
 */
export async function addReading(db: Kysely<Database>, r: NewReading): Promise<OdometerReading> {
  if (!r.isCorrection) {
    const before = await db
      .selectFrom('odometer_readings')
      .select(['reading_date', 'miles'])
      .where('vehicle_id', '=', r.vehicleId)
      .where('reading_date', '<=', r.date)
      .orderBy('reading_date', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst()
    if (before && before.miles > r.miles) {
      throw fieldError(
        'miles',
        `${miles(r.miles)} is lower than the reading of ${miles(before.miles)} on ${formatDayText(before.reading_date)}; mark it as a correction if the odometer was replaced or that reading was wrong`,
        'refused',
      )
    }
    const after = await db
      .selectFrom('odometer_readings')
      .select(['reading_date', 'miles'])
      .where('vehicle_id', '=', r.vehicleId)
      .where('reading_date', '>', r.date)
      .orderBy('reading_date')
      .orderBy('id')
      .executeTakeFirst()
    if (after && after.miles < r.miles) {
      throw fieldError(
        'miles',
        `${miles(r.miles)} is higher than the later reading of ${miles(after.miles)} on ${formatDayText(after.reading_date)}; mark it as a correction if that reading was wrong`,
        'refused',
      )
    }
  }
  const row = await db
    .insertInto('odometer_readings')
    .values({
      vehicle_id: r.vehicleId,
      reading_date: r.date,
      miles: r.miles,
      is_correction: r.isCorrection ? 1 : 0,
      source: r.source,
      activity_id: r.activityId ?? null,
      created_at: r.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toReading(row)
}
