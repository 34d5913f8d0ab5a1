import { replaceEqualDeep } from '@tanstack/react-query'
import type { Activity } from '../../../../shared/domain/activities'
import { shopDay } from '../../../../shared/shop-day'
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

/** The day the core files an activity under: its booked day in the shop, else its due date. */
const listDay = (a: Activity, timeZone: string): string => (a.start ? shopDay(a.start, timeZone) : a.dueDate)
/** The core's order for activity lists: by day, then booked time, then id (electron/core/activities/read.ts). */
const before = (a: Activity, aDay: string, b: Activity, bDay: string): boolean =>
  aDay !== bDay ? aDay < bDay : (a.start ?? '') !== (b.start ?? '') ? (a.start ?? '') < (b.start ?? '') : a.id < b.id

/**
 * A range's cached list with one activity as the core answered it: taken out of its old place
 * and put where the core lists it (left out when it moved out of the range), so that the refetch
 * that follows finds the same list and nothing is drawn again. Other activities keep their objects.
 *
 * @example
 * queryClient.setQueryData(key, withSaved(list, saved, { from: '2026-03-01', to: '2026-04-04' }, 'America/New_York'))
 */
export function withSaved(list: readonly Activity[], saved: Activity, range: { from: string; to: string }, timeZone: string): Activity[] {
  const rest = list.filter((a) => a.id !== saved.id)
  const day = listDay(saved, timeZone)
  if (day < range.from || day > range.to) return rest
  let lo = 0
  let hi = rest.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    const m = rest[mid]!
    if (before(m, listDay(m, timeZone), saved, day)) lo = mid + 1
    else hi = mid
  }
  rest.splice(lo, 0, saved)
  return rest
}

/**
 * react-query's structural sharing for activity lists, matched by id rather than by position:
 * an activity that moved to another place in the list keeps its object (so its event is not
 * converted again), and a list with the same activities in the same order stays the same list.
 */
export function shareActivities(old: unknown, next: unknown): unknown {
  if (!Array.isArray(old) || !Array.isArray(next)) return replaceEqualDeep(old, next)
  const byId = new Map((old as Activity[]).map((a) => [a.id, a]))
  let same = old.length === next.length
  const shared = (next as Activity[]).map((a, i) => {
    const o = byId.get(a.id)
    const kept = o ? replaceEqualDeep(o, a) : a
    if (kept !== old[i]) same = false
    return kept
  })
  return same ? old : shared
}
