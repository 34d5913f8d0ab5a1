import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'

/**
 * The calendar date of an instant in the shop's time zone.
 *
 * @example
 * localDate('2025-03-10T03:30:00Z', 'America/New_York') // '2025-03-09'
 */
export const localDate = (instant: Date | string, timeZone: string): string => format(new TZDate(new Date(instant).getTime(), timeZone), 'yyyy-MM-dd')

/**
 * The instant a shop-local day begins, as UTC ISO (DST days are 23 or 25 hours long).
 *
 * @example
 * startOfLocalDay('2025-03-09', 'America/New_York') // '2025-03-09T05:00:00.000Z'
 */
export function startOfLocalDay(date: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(new TZDate(y, m - 1, d, timeZone).getTime()).toISOString()
}
