import type { Kysely } from 'kysely'
import type { Database } from '../db/database'
import { findActivityType } from '../activity-types/queries'
import type { Booking, BookingRequest, ResourceChoice } from './capacity'

/**
 * A booking as the contract gives it (ISO instants with any offset) made concrete enough
 * for `placeBooking`: UTC instants, an end that defaults to start + the activity type's
 * duration, and which bay and technician are asked for. Left out, a booked activity keeps
 * its current ones (a drag to another time keeps its bay); unbooked work, or a booking that
 * had none, takes the first free bay, and the first free technician unless told `null`.
 *
 * @example
 * await resolveBooking(db, 3, { start: '2025-03-10T09:00:00-04:00', bayId: 1 })
 */
export async function resolveBooking(
  db: Kysely<Database>,
  activityTypeId: number,
  input: { start: string; end?: string; bayId?: ResourceChoice; technicianId?: ResourceChoice },
  current: { start_at: string | null; bay_id: number | null; technician_id: number | null } = { start_at: null, bay_id: null, technician_id: null },
): Promise<BookingRequest> {
  const start = new Date(input.start)
  let end: Date
  if (input.end) {
    end = new Date(input.end)
  } else {
    const type = await findActivityType(db, activityTypeId)
    end = new Date(start.getTime() + type.duration_minutes * 60_000)
  }
  const booked = current.start_at !== null
  const kept = (id: number | null): ResourceChoice => (booked ? id : (id ?? 'first_free'))
  return {
    start,
    end,
    bay: input.bayId === undefined ? kept(current.bay_id) : input.bayId,
    technician: input.technicianId === undefined ? kept(current.technician_id) : input.technicianId,
  }
}

/** The columns a booking sets. */
export const bookingColumns = (b: Booking) => ({
  start_at: b.start.toISOString(),
  end_at: b.end.toISOString(),
  bay_id: b.bayId,
  technician_id: b.technicianId,
})
