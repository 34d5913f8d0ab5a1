/**
 * Instants on the shop's clock: which shop day (and wall-clock time) an instant falls on, and
 * which instant a shop day or wall-clock time begins at. The one place that converts between
 * UTC instants and the shop's IANA time zone; calendar-day arithmetic (no zone) lives in
 * `shared/dates.ts`.
 *
 * Always through the named zone, never a fixed offset: DST days are 23 or 25 hours long, and
 * 08:00 stays 08:00 on both sides of a change. Instant -> day reads the zone's offset at that
 * instant (`tzOffset`) and does integer arithmetic on the shifted UTC fields: no Date
 * subclass, which a replaced global Date (Playwright's clock) would misread, and cheap
 * enough for read models that convert every row.
 */
import { TZDate, tzOffset } from '@date-fns/tz'
import type { IsoDate } from './dates'

/** An instant as the core stores it (UTC ISO string) or as a `Date` / epoch milliseconds. */
export type Instant = Date | string | number

const MINUTE_MS = 60_000

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n))

const toMs = (instant: Instant): number => (typeof instant === 'number' ? instant : new Date(instant).getTime())

/** The instant shifted so that its UTC fields read what the shop's clocks read. */
function shifted(instant: Instant, timeZone: string): Date {
  const ms = toMs(instant)
  return new Date(ms + tzOffset(timeZone, new Date(ms)) * MINUTE_MS)
}

/**
 * The shop-local calendar day of an instant: "today" for the shop when given the clock's now.
 *
 * @example
 * shopDay('2025-03-10T03:30:00Z', 'America/New_York') // '2025-03-09' (23:30 the evening before)
 * shopDay(new Date('2025-01-01T03:00:00Z'), 'UTC') // '2025-01-01'
 */
export function shopDay(instant: Instant, timeZone: string): IsoDate {
  const d = shifted(instant, timeZone)
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/**
 * The shop-local wall-clock time of an instant, `HH:MM` (24-hour).
 *
 * @example
 * shopTime('2025-03-10T12:00:00Z', 'America/New_York') // '08:00'
 */
export function shopTime(instant: Instant, timeZone: string): string {
  const d = shifted(instant, timeZone)
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/**
 * The instant at which the shop's clocks show `hhmm` on `day`. A time that does not exist
 * (skipped by a spring-forward change) lands one hour later, as the clocks would read it.
 *
 * @example
 * shopInstant('2025-03-10', '08:00', 'America/New_York').toISOString() // '2025-03-10T12:00:00.000Z'
 */
export function shopInstant(day: IsoDate, hhmm: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const [h, mi] = hhmm.split(':').map(Number) as [number, number]
  return new Date(new TZDate(y, m - 1, d, h, mi, timeZone).getTime())
}

/**
 * The first instant of a shop-local day (midnight there).
 *
 * @example
 * startOfShopDay('2025-03-09', 'America/New_York').toISOString() // '2025-03-09T05:00:00.000Z'
 */
export function startOfShopDay(day: IsoDate, timeZone: string): Date {
  return shopInstant(day, '00:00', timeZone)
}
