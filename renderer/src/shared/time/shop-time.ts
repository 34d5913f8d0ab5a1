/**
 * The shop's clock, seen from a browser that may run in another zone.
 *
 * react-big-calendar lays out with the browser's local time. Rather than teach it about zones,
 * the calendar works on "wall" dates: local `Date`s whose fields (year … minute) read what a
 * clock on the shop's wall reads. Instants from the core go in through `toWall`; anything the
 * user picks on the calendar comes back out through `fromWall`, so a booking made from a laptop
 * in another zone still lands at the shop's 9:00.
 */
import { TZDate } from '@date-fns/tz'
import { shopDay } from '../../../../shared/shop-day'
import { browserZone, coreNow, zonedFields } from './shop-clock'

const pad = (n: number) => String(n).padStart(2, '0')

const QUARTER_HOUR_MS = 15 * 60_000
/** Each zone's offset from UTC by quarter hour of UTC time: zones change offset on a quarter hour. */
const offsets = new Map<string, Map<number, number>>()

/** How far `timeZone`'s wall clock is ahead of UTC at `ms`, in ms. */
function zoneOffsetMs(ms: number, timeZone: string): number {
  let byQuarter = offsets.get(timeZone)
  if (!byQuarter || byQuarter.size > 100_000) offsets.set(timeZone, (byQuarter = new Map()))
  const quarter = Math.floor(ms / QUARTER_HOUR_MS)
  let offset = byQuarter.get(quarter)
  if (offset === undefined) {
    const at = quarter * QUARTER_HOUR_MS
    const z = zonedFields(at, timeZone)
    offset = Date.UTC(z.year, z.month - 1, z.day, z.hour, z.minute, z.second) - at
    byQuarter.set(quarter, offset)
  }
  return offset
}

/**
 * A stored UTC instant as a wall date in `timeZone`. The zone is read once per quarter hour
 * (a month of 2,000 bookings needs a few hundred readings, not 4,000: each took ~35 µs).
 */
export function toWall(instant: string | Date, timeZone: string): Date {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime()
  const w = new Date(ms + zoneOffsetMs(ms, timeZone))
  return new Date(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds())
}

/** A wall date read in `timeZone`, as the UTC ISO instant the core stores. */
export function fromWall(wall: Date, timeZone: string): string {
  const instant = new TZDate(wall.getFullYear(), wall.getMonth(), wall.getDate(), wall.getHours(), wall.getMinutes(), 0, timeZone)
  // TZDate prints its zone's offset; the core stores UTC, so say it in UTC.
  return new Date(instant.getTime()).toISOString()
}

/** A `YYYY-MM-DD` calendar date as a wall date at midnight. */
export function dayToWall(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number]
  return new Date(y, m - 1, d)
}

/** The `YYYY-MM-DD` a wall date falls on. */
export function wallToDay(wall: Date): string {
  return `${wall.getFullYear()}-${pad(wall.getMonth() + 1)}-${pad(wall.getDate())}`
}

/** `HH:MM` of a wall date. */
export const wallToTime = (wall: Date): string => `${pad(wall.getHours())}:${pad(wall.getMinutes())}`

/** A wall date on `isoDate` at `hhmm`. */
export function wallAt(isoDate: string, hhmm: string): Date {
  const day = dayToWall(isoDate)
  const [h, m] = hhmm.split(':').map(Number) as [number, number]
  day.setHours(h, m, 0, 0)
  return day
}

/** Now on the shop's wall, by the core's clock (see shop-clock.ts). */
export function nowWall(timeZone: string): Date {
  const z = zonedFields(coreNow().getTime(), timeZone)
  return new Date(z.year, z.month - 1, z.day, z.hour, z.minute, z.second)
}

/** Today's date in the shop. */
export const shopToday = (timeZone: string): string => shopDay(coreNow(), timeZone)

/** Minutes since midnight of an `HH:MM`. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number]
  return h * 60 + m
}

/** The browser's zone: the fallback until the shop's settings have loaded. */
export { browserZone }

/** "Tue, Mar 10, 9:00 AM – 10:00 AM" for a booking, in the shop's zone. */
export function formatBooking(start: string, end: string | null, timeZone: string): string {
  const s = new Date(start)
  const day = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' }).format(s)
  const time = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' })
  return end ? `${day}, ${time.format(s)} – ${time.format(new Date(end))}` : `${day}, ${time.format(s)}`
}

/** "9:00 AM" in the shop's zone. */
export const formatTime = (instant: string, timeZone: string): string =>
  new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' }).format(new Date(instant))

/** "Mar 10, 2026 9:14 AM" in the shop's zone, for history and completion stamps. */
export const formatStamp = (instant: string, timeZone: string): string =>
  new Intl.DateTimeFormat('en-US', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant))

/** "Tue, Mar 10, 2026" for a stored calendar date (no zone: it is already the shop's day). */
export function formatDay(isoDate: string): string {
  return new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' }).format(dayToWall(isoDate))
}

/** `isoDate` plus `days`. */
export function addDays(isoDate: string, days: number): string {
  const d = dayToWall(isoDate)
  d.setDate(d.getDate() + days)
  return wallToDay(d)
}
