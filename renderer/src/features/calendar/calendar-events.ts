import type { Activity } from '../../../../shared/domain/activities'
import type { Bay } from '../../../../shared/domain/bays'
import type { Technician } from '../../../../shared/domain/technicians'
import { dayToWall, toWall } from '../../shared/time/shop-time'

/** Whole shop, or one column per bay or per technician (week and day views). */
export type Grouping = 'shop' | 'bay' | 'technician'

/** Work with no bay (or no technician) gets its own column, so it never vanishes from view. */
export const UNASSIGNED = 'none'
export type ResourceId = number | typeof UNASSIGNED

export interface CalendarResource {
  id: ResourceId
  title: string
}

export interface CalendarEvent {
  id: number
  title: string
  /** Wall dates (shop time), see shop-time.ts. */
  start: Date
  end: Date
  /** Due but not booked: shown on its due day, without a time. */
  allDay: boolean
  resourceId: ResourceId
  activity: Activity
  /** A booking "Fill the week" proposes, not yet made: drawn hatched, never dragged. */
  proposed?: boolean
}

/** The vehicle as the desk says it: plate first (what is read off the car), then the make and model. */
export const vehicleName = (a: Activity): string => (a.licensePlate ? `${a.licensePlate} · ${a.vehicleLabel}` : a.vehicleLabel)

/** Everything an event stands for, in one line: the work, the vehicle, the customer. */
export const activityTitle = (a: Activity): string => `${a.typeName} · ${vehicleName(a)} · ${a.customerName}`

export function resourceOf(a: Activity, grouping: Grouping): ResourceId {
  if (grouping === 'bay') return a.bayId ?? UNASSIGNED
  if (grouping === 'technician') return a.technicianId ?? UNASSIGNED
  return UNASSIGNED
}

// react-query keeps unchanged activities as the same objects across refetches, so after a drop
// only the moved one is converted again (zone arithmetic for 2,000 events is not free).
const converted = new WeakMap<Activity, { key: string; event: CalendarEvent }>()

export function toCalendarEvent(a: Activity, timeZone: string, grouping: Grouping): CalendarEvent {
  const key = `${timeZone}|${grouping}`
  const hit = converted.get(a)
  if (hit?.key === key) return hit.event
  const event = convert(a, timeZone, grouping)
  converted.set(a, { key, event })
  return event
}

function convert(a: Activity, timeZone: string, grouping: Grouping): CalendarEvent {
  const booked = a.start !== null && a.end !== null
  const start = booked ? toWall(a.start!, timeZone) : dayToWall(a.dueDate)
  const end = booked ? toWall(a.end!, timeZone) : start
  return { id: a.id, title: activityTitle(a), start, end, allDay: !booked, resourceId: resourceOf(a, grouping), activity: a }
}

/**
 * The columns for a grouping: the active bays (or technicians), then any retired one that still
 * has work in view (so that work never vanishes), then "No bay" / "No technician".
 */
export function resourcesFor(grouping: Grouping, bays: Bay[], technicians: Technician[], activities: readonly Activity[] = []): CalendarResource[] | undefined {
  if (grouping === 'shop') return undefined
  const active = grouping === 'bay' ? bays.map((b) => ({ id: b.id, title: b.name })) : technicians.map((t) => ({ id: t.id, title: t.name }))
  const known = new Set<ResourceId>(active.map((r) => r.id))
  const retired: CalendarResource[] = []
  for (const a of activities) {
    const id = grouping === 'bay' ? a.bayId : a.technicianId
    const name = grouping === 'bay' ? a.bayName : a.technicianName
    if (id === null || known.has(id)) continue
    known.add(id)
    retired.push({ id, title: `${name ?? `#${id}`} (retired)` })
  }
  const none = { id: UNASSIGNED, title: grouping === 'bay' ? 'No bay' : 'No technician' } as const
  return [...active, ...retired, none]
}

/** Only work that has not started may move; the core would refuse anything else anyway. */
export const canMove = (a: Activity): boolean => a.status === 'scheduled'
