import type { Kysely } from 'kysely'
import type { Database } from '../db/database'
import { findActivityType } from '../activity-types/queries'
import type { Booking } from './capacity'

/**
 * A booking as the contract gives it (ISO instants with any offset) made concrete: UTC
 * instants, and an end that defaults to start + the activity type's duration.
 *
 * @example
 * await resolveBooking(db, 3, { start: '2025-03-10T09:00:00-04:00', bayId: 1 })
 */
export async function resolveBooking(
  db: Kysely<Database>,
  activityTypeId: number,
  input: { start: string; end?: string; bayId?: number | null; technicianId?: number | null },
): Promise<Booking> {
  const start = new Date(input.start)
  let end: Date
  if (input.end) {
    end = new Date(input.end)
  } else {
    const type = await findActivityType(db, activityTypeId)
    end = new Date(start.getTime() + type.duration_minutes * 60_000)
  }
  return { start, end, bayId: input.bayId ?? null, technicianId: input.technicianId ?? null }
}

/** The columns a booking sets. */
export const bookingColumns = (b: Booking) => ({
  start_at: b.start.toISOString(),
  end_at: b.end.toISOString(),
  bay_id: b.bayId,
  technician_id: b.technicianId,
})
