/**
 * Pure rules on calendar dates, written `YYYY-MM-DD` (a day in the shop's time zone).
 *
 * A due date is a day, not an instant, so the arithmetic here runs on plain
 * year/month/day numbers through UTC: no local time zone and no daylight-saving change
 * can shift a day. Turning an instant into a day (in the shop's IANA zone) is
 * `shared/shop-day.ts`'s job.
 * The planner calls these hundreds of thousands of times per run, hence integer
 * arithmetic rather than building date-fns objects per call.
 */
export type IsoDate = string

const DAY_MS = 86_400_000

/**
 * Splits `YYYY-MM-DD` into numbers (month 1–12).
 *
 * @example
 * parseIsoDate('2025-02-28') // { year: 2025, month: 2, day: 28 }
 */
export function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) }
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, n) => (n < 10 ? `0${n}` : String(n)))

/**
 * Writes year, month (1–12) and day as `YYYY-MM-DD`.
 *
 * @example
 * formatIsoDate(2025, 3, 1) // '2025-03-01'
 */
export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  const y = year >= 1000 && year <= 9999 ? String(year) : String(year).padStart(4, '0')
  return `${y}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

/**
 * Days in a month (month 1–12), leap years included.
 *
 * @example
 * daysInMonth(2024, 2) // 29
 */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 31)
}

/**
 * The date `months` calendar months after `origin` (negative goes back), clamped to the
 * end of a shorter month. Always count from the same origin (`addMonths(o, k * n)`),
 * never chain results: chaining would turn Jan 31 into Feb 28 and then Mar 28 forever.
 *
 * @example
 * addMonths('2025-01-31', 1) // '2025-02-28'
 * addMonths('2024-01-31', 1) // '2024-02-29'
 * addMonths('2025-01-31', 2) // '2025-03-31' (from the origin, not from Feb 28)
 */
export function addMonths(origin: IsoDate, months: number): IsoDate {
  return monthsFrom(origin)(months)
}

/**
 * `addMonths` with the origin parsed once: for the planner, which counts many steps from
 * one origin.
 *
 * @example
 * const fromOnboarding = monthsFrom('2025-01-31')
 * fromOnboarding(1) // '2025-02-28'
 */
export function monthsFrom(origin: IsoDate): (months: number) => IsoDate {
  const { year, month, day } = parseIsoDate(origin)
  const base = year * 12 + (month - 1)
  return (months) => {
    const index = base + months
    const y = Math.floor(index / 12)
    const m = index - y * 12 + 1
    return formatIsoDate(y, m, Math.min(day, daysInMonth(y, m)))
  }
}

/**
 * Days since 1970-01-01 for a date: lets day arithmetic be integer arithmetic.
 *
 * @example
 * toDayNumber('1970-01-02') // 1
 */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date)
  return Date.UTC(year, month - 1, day) / DAY_MS
}

/**
 * The date of a day number from `toDayNumber`.
 *
 * @example
 * fromDayNumber(1) // '1970-01-02'
 */
export function fromDayNumber(dayNumber: number): IsoDate {
  const d = new Date(dayNumber * DAY_MS)
  return formatIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

/**
 * The date `days` days after `date` (negative goes back).
 *
 * @example
 * addDays('2024-02-28', 1) // '2024-02-29'
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days)
}

/**
 * Whole days from `from` to `to` (negative when `to` is earlier).
 *
 * @example
 * daysBetween('2025-01-01', '2025-03-01') // 59
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from)
}

/**
 * Orders two dates: negative, zero or positive, like `Array#sort` wants. `YYYY-MM-DD`
 * sorts as text, so this is a string comparison.
 *
 * @example
 * ['2025-03-01', '2025-01-01'].sort(compareDates) // ['2025-01-01', '2025-03-01']
 */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The later of two dates: `maxDate('2025-01-01', '2025-02-01')` is `'2025-02-01'`. */
export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b)
/** The earlier of two dates: `minDate('2025-01-01', '2025-02-01')` is `'2025-01-01'`. */
export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b)

/**
 * Day of the week, 0 = Sunday … 6 = Saturday (as `shop_hours.weekday`).
 *
 * @example
 * weekday('2025-01-05') // 0 (a Sunday)
 */
export function weekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7
}

/** Weekday names by `weekday` number (0 = Sunday), as the shop's messages spell them. */
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const
