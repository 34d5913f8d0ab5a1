import type { Kysely } from 'kysely'
import type { Database } from '../db/database'
import { findActivityType } from '../activity-types/queries'
import type { Booking } from './capacity'

/**
 * A booking as the contract gives it (ISO instants with any offset) made concrete: UTC
 * instants, and an end that defaults to start + the activity type's duration. A bay or
 * technician left out keeps the current one (a drag to another time keeps its bay); null
 * clears it.
 *
 * @example
 * await resolveBooking(db, 3, { start: '2025-03-10T09:00:00-04:00', bayId: 1 })
 */
export async function resolveBooking(
  db: Kysely<Database>,
  activityTypeId: number,
  input: { start: string; end?: string; bayId?: number | null; technicianId?: number | null },
  current: { bay_id: number | null; technician_id: number | null } = { bay_id: null, technician_id: null },
): Promise<Booking> {
  const start = new Date(input.start)
  let end: Date
  if (input.end) {
    end = new Date(input.end)
  } else {
    const type = await findActivityType(db, activityTypeId)
    end = new Date(start.getTime() + type.duration_minutes * 60_000)
  }
  return {
    start,
    end,
    bayId: input.bayId === undefined ? current.bay_id : input.bayId,
    technicianId: input.technicianId === undefined ? current.technician_id : input.technicianId,
  }
}

/** The columns a booking sets. */
export const bookingColumns = (b: Booking) => ({
  start_at: b.start.toISOString(),
  end_at: b.end.toISOString(),
  bay_id: b.bayId,
  technician_id: b.technicianId,
})
