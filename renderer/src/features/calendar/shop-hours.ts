import type { HTMLAttributes } from 'react'
import type { Closure } from '../../../../shared/domain/closures'
import type { ShopDay } from '../../../../shared/domain/hours'
import { UNASSIGNED, type Grouping, type ResourceId } from './calendar-events'
import { minutesOf, wallToDay } from '../../shared/time/shop-time'

export interface ShopHoursShading {
  /** Earliest opening and latest closing of the week, for the time grid's range. */
  min: Date
  max: Date
  dayPropGetter: (date: Date) => HTMLAttributes<HTMLDivElement>
  slotPropGetter: (date: Date, resourceId?: number | string) => HTMLAttributes<HTMLDivElement>
  /** Why the shop (or a resource) is closed that day, for the month's date headers. */
  closedReason: (date: Date) => string | null
}

const covers = (c: Closure, day: string) => c.startsOn <= day && day <= c.endsOn

/** Busy time per technician, as wall-time intervals (ms of wall dates, see shop-time.ts). */
export type BusyLanes = ReadonlyMap<number, ReadonlyArray<{ start: number; end: number }>>
const NO_BUSY: BusyLanes = new Map()
/** The time grid's slot length (CalendarView's `step`). */
const SLOT_MS = 15 * 60_000
export const BUSY_TITLE = 'Busy: an event on their own calendar'

/**
 * Shades closed time so nobody tries to book it: closed weekdays, hours outside opening time,
 * shop closures, and in resource views a bay's or technician's own closure; on technician
 * lanes, the busy time from their own connected calendars. Built once per
 * change of hours or closures (react-big-calendar calls these for every slot it draws).
 */
export function shopHoursShading(hours: ShopDay[], closures: Closure[], grouping: Grouping, busy: BusyLanes = NO_BUSY): ShopHoursShading {
  const byWeekday = new Map(hours.map((d) => [d.weekday, d]))
  const open = hours.filter((d) => d.opens && d.closes)
  const earliest = open.length ? Math.min(...open.map((d) => minutesOf(d.opens!))) : 7 * 60
  const latest = open.length ? Math.max(...open.map((d) => minutesOf(d.closes!))) : 18 * 60
  const min = new Date(1970, 0, 1, Math.floor(earliest / 60), earliest % 60)
  // max is the last slot's start: one minute before closing keeps the closing hour's line.
  const max = new Date(1970, 0, 1, Math.floor((latest - 1) / 60), (latest - 1) % 60)

  const shopClosures = closures.filter((c) => c.scope === 'shop')
  const resourceClosures = closures.filter((c) => c.scope === grouping)

  const shopClosedOn = (day: string, weekday: number): string | null => {
    const closure = shopClosures.find((c) => covers(c, day))
    if (closure) return closure.reason ?? 'Closed'
    const h = byWeekday.get(weekday)
    // Until the hours load, assume open rather than shading the whole week.
    if (h && !h.opens) return 'Closed'
    return null
  }

  return {
    min,
    max,
    closedReason: (date) => shopClosedOn(wallToDay(date), date.getDay()),
    dayPropGetter: (date) => (shopClosedOn(wallToDay(date), date.getDay()) ? { className: 'shop-closed' } : {}),
    slotPropGetter: (date, resourceId) => {
      const day = wallToDay(date)
      if (shopClosedOn(day, date.getDay())) return { className: 'shop-closed' }
      const h = byWeekday.get(date.getDay())
      if (h?.opens && h.closes) {
        const minute = date.getHours() * 60 + date.getMinutes()
        if (minute < minutesOf(h.opens) || minute >= minutesOf(h.closes)) return { className: 'shop-closed' }
      }
      if (resourceId !== undefined && resourceId !== UNASSIGNED) {
        const id = resourceId as ResourceId
        const off = resourceClosures.some((c) => covers(c, day) && (grouping === 'bay' ? c.bayId === id : c.technicianId === id))
        if (off) return { className: 'shop-closed' }
        // A technician's lane: time taken by their own calendar (never its title), hatched apart from "closed".
        if (grouping === 'technician') {
          const t = date.getTime()
          if (busy.get(id as number)?.some((b) => b.start < t + SLOT_MS && b.end > t)) return { className: 'shop-busy', title: BUSY_TITLE }
        }
      }
      return {}
    },
  }
}
