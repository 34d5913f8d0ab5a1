import type { Activity } from '../../../shared/domain/activities'
import type { ActivityJoinedRow } from './select'
import type { Lookups } from './read-context'
import { urgencyOf, type UrgencyContext } from './urgency'
import { shopDay } from '../../../shared/shop-day'
import { vehicleLabel } from '../../../shared/domain/vehicles'

/** The day an activity belongs to in lists and calendars: its booked day, else its due day. */
export const activityDay = (row: { start_at: string | null; due_date: string }, timeZone: string): string =>
  row.start_at ? shopDay(row.start_at, timeZone) : row.due_date

/**
 * Maps a joined row to the domain type; row types never cross IPC. `day` is the row's
 * `activityDay`, which the caller has already worked out to sort by.
 *
 * @example
 * const activity = toActivity(row, activityDay(row, 'America/New_York'), urgencyContext, rc.lookups)
 */
export function toActivity(row: ActivityJoinedRow, day: string, urgency: UrgencyContext, lookups: Lookups): Activity {
  const type = lookups.types.get(row.activity_type_id)
  return {
    id: row.id,
    vehicleId: row.vehicle_id,
    vehicleLabel: vehicleLabel({ year: row.year, make: row.make, model: row.model }),
    licensePlate: row.license_plate,
    customerId: row.customer_id,
    customerName: row.customer_name,
    activityTypeId: row.activity_type_id,
    typeName: type?.name ?? '',
    category: type?.category ?? 'other',
    origin: row.origin,
    templateId: row.template_id,
    occurrenceIndex: row.occurrence_index,
    dueDate: row.due_date,
    start: row.start_at,
    end: row.end_at,
    bayId: row.bay_id,
    bayName: row.bay_id === null ? null : (lookups.bays.get(row.bay_id) ?? null),
    technicianId: row.technician_id,
    technicianName: row.technician_id === null ? null : (lookups.technicians.get(row.technician_id) ?? null),
    status: row.status,
    pinned: row.pinned === 1,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    completedBy: row.completed_by,
    completionOdometer: row.completion_odometer,
    completionNotes: row.completion_notes,
    cancelReason: row.cancel_reason,
    notes: row.notes,
    contactedAt: row.contacted_at,
    version: row.version,
    urgency: urgencyOf(
      {
        status: row.status,
        day,
        vehicleId: row.vehicle_id,
        mileage: row.template_id !== null && lookups.mileageTemplates.has(row.template_id),
      },
      urgency,
    ),
  }
}
