/**
 * Wall-clock arithmetic in the shop's IANA time zone. Due dates are `YYYY-MM-DD` days there;
 * bookings are UTC instants. Converting through the zone (never through a fixed offset)
 * keeps 08:00 at 08:00 on both sides of a daylight-saving change.
 */
import { TZDate } from '@date-fns/tz'

const pad = (n: number): string => String(n).padStart(2, '0')

/**
 * The shop-local calendar day of an instant.
 *
 * @example
 * localDay('2025-03-10T03:30:00Z', 'America/New_York') // '2025-03-09'
 */
export function localDay(instant: Date | string, timeZone: string): string {
  const d = new TZDate(new Date(instant).getTime(), timeZone)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/**
 * The shop-local wall-clock time of an instant, `HH:MM`.
 *
 * @example
 * localTime('2025-03-10T12:00:00Z', 'America/New_York') // '08:00'
 */
export function localTime(instant: Date | string, timeZone: string): string {
  const d = new TZDate(new Date(instant).getTime(), timeZone)
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/**
 * The instant at which the shop's clocks show `hhmm` on `day`.
 *
 * @example
 * wallClock('2025-03-10', '08:00', 'America/New_York').toISOString() // '2025-03-10T12:00:00.000Z'
 */
export function wallClock(day: string, hhmm: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const [h, mi] = hhmm.split(':').map(Number) as [number, number]
  return new Date(new TZDate(y, m - 1, d, h, mi, timeZone).getTime())
}

/**
 * Adds whole calendar days to a `YYYY-MM-DD` day (no time zone involved).
 *
 * @example
 * addDays('2025-02-28', 1) // '2025-03-01'
 */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

// Read models compare thousands of rows with today; parsing each day once keeps that cheap.
const epochDays = new Map<string, number>()
const epochDay = (day: string): number => {
  let n = epochDays.get(day)
  if (n === undefined) {
    n = Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000)
    if (epochDays.size > 50_000) epochDays.clear()
    epochDays.set(day, n)
  }
  return n
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return epochDay(b) - epochDay(a)
}

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const
