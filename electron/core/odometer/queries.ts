import type { Kysely } from 'kysely'
import type { Database } from '../db/database'

/**
 * A vehicle's readings, oldest first (ties by id, the order they were taken).
 *
 * @example
 * const rows = await listReadings(db, vehicleId)
 */
export async function listReadings(db: Kysely<Database>, vehicleId: number) {
  return db.selectFrom('odometer_readings').selectAll().where('vehicle_id', '=', vehicleId).orderBy('reading_date').orderBy('id').execute()
}
