import type { Activity } from '../../../../shared/domain/activities'
import type { ProposedBooking } from '../../../../shared/domain/autobook'
import { UNASSIGNED, type CalendarEvent, type Grouping } from './calendar-events'
import { toWall } from '../../shared/time/shop-time'

/**
 * A proposed booking drawn on the calendar. Its id is the activity's negated, so it never
 * collides with the real event of the same work (drawn as due on its day), and it is not
 * draggable (`proposed`): it is accepted or left out from the panel.
 */
export function toProposalEvent(p: ProposedBooking, timeZone: string, grouping: Grouping): CalendarEvent {
  const activity: Activity = {
    id: p.activityId,
    vehicleId: p.vehicleId,
    vehicleLabel: p.vehicle,
    licensePlate: p.plate,
    customerId: 0,
    customerName: p.customer,
    activityTypeId: 0,
    typeName: p.typeName,
    category: p.category,
    origin: 'manual',
    templateId: null,
    occurrenceIndex: null,
    dueDate: p.dueDate,
    start: p.start,
    end: p.end,
    bayId: p.bayId,
    bayName: p.bayName,
    technicianId: p.technicianId,
    technicianName: p.technicianName,
    status: 'scheduled',
    pinned: false,
    startedAt: null,
    completedAt: null,
    completedBy: null,
    completionOdometer: null,
    completionNotes: null,
    cancelReason: null,
    notes: null,
    contactedAt: null,
    version: p.version,
    urgency: null,
  }
  const resourceId = grouping === 'bay' ? (p.bayId ?? UNASSIGNED) : grouping === 'technician' ? (p.technicianId ?? UNASSIGNED) : UNASSIGNED
  return {
    id: -p.activityId,
    title: `Proposed: ${p.typeName} · ${p.plate ? `${p.plate} · ` : ''}${p.vehicle} · ${p.customer}`,
    start: toWall(p.start, timeZone),
    end: toWall(p.end, timeZone),
    allDay: false,
    resourceId,
    activity,
    proposed: true,
  }
}
