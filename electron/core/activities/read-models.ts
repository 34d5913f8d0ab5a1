/** The front desk's lists: a range, overdue work, upcoming work, unbooked work, one vehicle's schedule. */
import type { Activity, ActivityStatus, VehicleSchedule } from '../../../shared/domain/activities'
import type { Category } from '../../../shared/domain/activity-types'
import type { ReadContext } from './read-context'
import { readActivities } from './read'
import { categoryIn, dayInRange, overdue, statusIn, textMatches, unbooked, vehicleActive } from './filters'
import { addDays } from '../../../shared/dates'

export interface RangeFilter {
  from: string
  to: string
  vehicleId?: number
  status?: ActivityStatus[]
  category?: Category[]
  bayId?: number
  technicianId?: number
  text?: string
}

/**
 * Every activity whose day is in `[from, to]`, filtered; one query.
 *
 * @example
 * await rangeOf(rc, { from: '2025-03-01', to: '2025-03-31', status: ['scheduled'], text: 'civic' })
 */
export function rangeOf(rc: ReadContext, f: RangeFilter): Promise<Activity[]> {
  return readActivities(rc, (q) => {
    let r = q.where(dayInRange(f.from, f.to, rc.timeZone))
    if (f.vehicleId) r = r.where('a.vehicle_id', '=', f.vehicleId)
    if (f.status?.length) r = r.where(statusIn(f.status))
    if (f.category?.length) r = r.where(categoryIn(f.category))
    if (f.bayId) r = r.where('a.bay_id', '=', f.bayId)
    if (f.technicianId) r = r.where('a.technician_id', '=', f.technicianId)
    if (f.text) r = r.where(textMatches(f.text))
    return r
  })
}

/**
 * Open work whose day has passed, and missed work awaiting rebooking, oldest first; only
 * for vehicles still served.
 *
 * @example
 * const late = await overdueList(rc)
 */
export function overdueList(rc: ReadContext): Promise<Activity[]> {
  return readActivities(rc, (q) => q.where(overdue(rc.today, rc.todayStart)).where(vehicleActive))
}

/**
 * Open work from today through the next `days - 1` days (`days: 1` is today only), booked or not.
 *
 * @example
 * await upcomingList(rc, 7) // today and the six days after it
 */
export function upcomingList(rc: ReadContext, days: number): Promise<Activity[]> {
  return readActivities(rc, (q) => q.where(dayInRange(rc.today, addDays(rc.today, days - 1), rc.timeZone)).where(statusIn(['scheduled', 'in_progress'])))
}

/** How far ahead the unbooked list looks when no end is given: a long list nobody can drag from is no help. */
export const UNBOOKED_DEFAULT_DAYS = 31

/**
 * Scheduled work with no booking yet, by due date; what the calendar's "unbooked" list
 * offers for dragging. Without `from` it includes everything overdue; without `to` it
 * stops `UNBOOKED_DEFAULT_DAYS` after today.
 *
 * @example
 * await unbookedList(rc, { from: '2025-03-01', to: '2025-03-31', text: 'civic' })
 */
export function unbookedList(rc: ReadContext, f: { from?: string; to?: string; text?: string }): Promise<Activity[]> {
  return readActivities(rc, (q) => {
    let r = q
      .where('a.status', '=', 'scheduled')
      .where(unbooked)
      .where(vehicleActive)
      .where('a.due_date', '<=', f.to ?? addDays(rc.today, UNBOOKED_DEFAULT_DAYS))
    if (f.from) r = r.where('a.due_date', '>=', f.from)
    if (f.text) r = r.where(textMatches(f.text))
    return r
  })
}

/**
 * One vehicle's schedule: overdue open work, upcoming open work (soonest first), and its
 * history (completed, cancelled, missed; newest first).
 *
 * @example
 * const { overdue, upcoming, history } = await vehicleSchedule(rc, 7)
 */
export async function vehicleSchedule(rc: ReadContext, vehicleId: number): Promise<VehicleSchedule> {
  const all = await readActivities(rc, (q) => q.where('a.vehicle_id', '=', vehicleId))
  const open = all.filter((a) => a.status === 'scheduled' || a.status === 'in_progress')
  return {
    overdue: open.filter((a) => a.urgency === 'overdue'),
    upcoming: open.filter((a) => a.urgency !== 'overdue'),
    history: all.filter((a) => a.status !== 'scheduled' && a.status !== 'in_progress').reverse(),
  }
}
