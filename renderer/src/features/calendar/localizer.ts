/**
 * One localizer for the app's lifetime: react-big-calendar compares it by identity, and a new
 * one each render would re-lay out every event. It reads wall dates (see shop-time.ts), so the
 * browser's own zone never shows through.
 */
import { dateFnsLocalizer, type DateLocalizer } from 'react-big-calendar'
import { format, getDay, parse, startOfWeek } from 'date-fns'
import { enUS } from 'date-fns/locale'

export const localizer = dateFnsLocalizer({
  format,
  parse,
  startOfWeek: (date: Date) => startOfWeek(date, { weekStartsOn: 0 }),
  getDay,
  locales: { 'en-US': enUS },
})

// Local midnight is the dearest of these (a zone lookup per call) and the month asks it of the
// same few thousand instants every render: remembered by instant, forgotten wholesale now and then.
const midnights = new Map<number, number>()
const dayStart = (d: Date) => {
  const t = d.getTime()
  let m = midnights.get(t)
  if (m === undefined) {
    if (midnights.size > 20_000) midnights.clear()
    m = new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
    midnights.set(t, m)
  }
  return m
}
const minuteStart = (d: Date) => Math.floor(d.getTime() / 60_000)
const DAY_MS = 86_400_000
/**
 * The fast paths take real dates only. The library is asked about "no event" too (a file dragged
 * over the calendar, see CalendarView's accessors) and answers with invalid dates rather than
 * throwing: anything else goes to its own version. (One check per argument, not a rest array:
 * it is asked tens of thousands of times a render.)
 */
const isDate = (x: unknown): x is Date => x instanceof Date

/*
 * Fast paths for what the month view asks for every event, every week row, every render: with
 * 2,000 events the library's generic date arithmetic took most of a drop's 400 ms (profiled
 * in tests/bench/calendar-ui.ts). Same answers, plain Date fields instead of unit switches.
 */

// The library's rule: starts on or before the range's last day, and ends after its start
// (or at it, for zero-length events).
// (@types declares this method with another shape than the library calls it with.)
type InEventRange = (args: { event: { start: Date; end: Date }; range: { start: Date; end: Date } }) => boolean
const genericInEventRange = (localizer as unknown as { inEventRange: InEventRange }).inEventRange
const inEventRange: InEventRange = (args) => {
  const {
    event: { start, end },
    range: { start: rangeStart, end: rangeEnd },
  } = args
  if (!(isDate(start) && isDate(end) && isDate(rangeStart) && isDate(rangeEnd))) return genericInEventRange.call(localizer, args)
  const eStart = dayStart(start)
  if (eStart > dayStart(rangeEnd)) return false
  const zeroLength = Math.floor(eStart / 60_000) === minuteStart(end)
  return zeroLength ? minuteStart(end) >= minuteStart(rangeStart) : minuteStart(end) > minuteStart(rangeStart)
}
;(localizer as unknown as { inEventRange: InEventRange }).inEventRange = inEventRange

const genericIsSameDate = localizer.isSameDate
localizer.isSameDate = (a: Date, b: Date) =>
  !(isDate(a) && isDate(b))
    ? genericIsSameDate.call(localizer, a, b)
    : a.getDate() === b.getDate() && a.getMonth() === b.getMonth() && a.getFullYear() === b.getFullYear()

// Other units (week: with the first day of the week as a third argument) go to the library.
const genericStartOf = localizer.startOf as unknown as (date: Date | undefined, unit: string, ...rest: unknown[]) => Date
localizer.startOf = ((date: Date | undefined, unit: string, ...rest: unknown[]) => {
  // The time gutter asks with no date at all; the library's answer to that stays its own.
  if (!(date instanceof Date)) return genericStartOf.call(localizer, date, unit, ...rest)
  if (unit === 'day') return new Date(dayStart(date))
  if (unit === 'minutes') return new Date(minuteStart(date) * 60_000)
  return genericStartOf.call(localizer, date, unit, ...rest)
}) as DateLocalizer['startOf']

/*
 * The rest of what a month render asks per event and week row (eventSegments, sortEvents,
 * DateSlotMetrics): the library's versions go through date-arithmetic's generic startOf (a new
 * Date per field set) even for a plain day or minute. Same answers as the library's
 * (react-big-calendar 1.20, lib/localizer.js and lib/utils/dates.js); other units go to it.
 */
type Unit = string | undefined
/** What the library's comparisons compare: the start of the unit, or the instant with no unit. */
const truncated = (d: Date, unit: Unit): number | undefined => {
  if (unit === undefined || unit === 'milliseconds') return d.getTime()
  if (unit === 'day') return dayStart(d)
  if (unit === 'minutes') return minuteStart(d) * 60_000
  return undefined
}
type Compare = (a: Date, b: Date, unit?: string) => boolean
const comparer = (generic: Compare, op: (a: number, b: number) => boolean): Compare =>
  function (a, b, unit) {
    const x = isDate(a) && isDate(b) ? truncated(a, unit) : undefined
    return x === undefined ? generic.call(localizer, a, b, unit) : op(x, truncated(b, unit)!)
  }
const fast = localizer as unknown as Record<string, unknown> & {
  eq: Compare
  neq: Compare
  lt: Compare
  lte: Compare
  gt: Compare
  gte: Compare
}
fast.eq = comparer(fast.eq, (a, b) => a === b)
fast.neq = comparer(fast.neq, (a, b) => a !== b)
fast.lt = comparer(fast.lt, (a, b) => a < b)
fast.lte = comparer(fast.lte, (a, b) => a <= b)
fast.gt = comparer(fast.gt, (a, b) => a > b)
fast.gte = comparer(fast.gte, (a, b) => a >= b)

// diff: whole units between the starts of the units, rounded (a DST day is 23 or 25 hours).
const genericDiff = localizer.diff
localizer.diff = ((a: Date, b: Date, unit?: string) => {
  if (!(isDate(a) && isDate(b))) return genericDiff.call(localizer, a, b, unit as never)
  if (unit === 'day') return Math.round(Math.abs(dayStart(a) - dayStart(b)) / DAY_MS)
  if (unit === 'minutes') return Math.abs(minuteStart(a) - minuteStart(b))
  return genericDiff.call(localizer, a, b, unit as never)
}) as DateLocalizer['diff']

// add: a fixed length, then corrected by the change of UTC offset (date-arithmetic's solveDST).
const genericAdd = localizer.add
localizer.add = ((d: Date, n: number, unit: string) => {
  const ms = unit === 'day' ? n * DAY_MS : unit === 'minutes' ? n * 60_000 : undefined
  if (ms === undefined || !isDate(d)) return genericAdd.call(localizer, d, n, unit as never)
  const next = new Date(d.getTime() + ms)
  return new Date(next.getTime() + (next.getTimezoneOffset() - d.getTimezoneOffset()) * 60_000)
}) as DateLocalizer['add']

const genericCeil = localizer.ceil
localizer.ceil = ((d: Date, unit: string) => {
  if (unit !== 'day' || !isDate(d)) return genericCeil.call(localizer, d, unit as never)
  const floor = new Date(dayStart(d))
  return floor.getTime() === d.getTime() ? floor : localizer.add(floor, 1, 'day')
}) as DateLocalizer['ceil']

const genericMin = localizer.min
const genericMax = localizer.max
localizer.min = ((a: Date, b: Date) =>
  isDate(a) && isDate(b) ? new Date(Math.min(a.getTime(), b.getTime())) : genericMin.call(localizer, a, b)) as DateLocalizer['min']
localizer.max = ((a: Date, b: Date) =>
  isDate(a) && isDate(b) ? new Date(Math.max(a.getTime(), b.getTime())) : genericMax.call(localizer, a, b)) as DateLocalizer['max']

// The library's day span is the difference of the days of the month (date-arithmetic's duration).
type Generic = (...args: unknown[]) => unknown
const generic = (name: string) => fast[name] as Generic
const genericDaySpan = generic('daySpan')
const daySpan = (start: Date, end: Date) => Math.abs(start.getDate() - end.getDate())
fast.daySpan = (start: Date, end: Date) => (isDate(start) && isDate(end) ? daySpan(start, end) : genericDaySpan.call(localizer, start, end))

interface SortArgs {
  evtA: { start: Date; end: Date; allDay?: boolean }
  evtB: { start: Date; end: Date; allDay?: boolean }
}
const genericSort = generic('sortEvents')
fast.sortEvents = (args: SortArgs) => {
  const { evtA, evtB } = args
  if (!(isDate(evtA.start) && isDate(evtA.end) && isDate(evtB.start) && isDate(evtB.end))) return genericSort.call(localizer, args)
  return (
    dayStart(evtA.start) - dayStart(evtB.start) ||
    daySpan(evtB.start, evtB.end) - daySpan(evtA.start, evtA.end) ||
    Number(!!evtB.allDay) - Number(!!evtA.allDay) ||
    evtA.start.getTime() - evtB.start.getTime() ||
    evtA.end.getTime() - evtB.end.getTime()
  )
}

const genericPrior = generic('continuesPrior')
fast.continuesPrior = (start: Date, first: Date) =>
  isDate(start) && isDate(first) ? dayStart(start) < dayStart(first) : genericPrior.call(localizer, start, first)
const genericAfter = generic('continuesAfter')
fast.continuesAfter = (start: Date, end: Date, last: Date) => {
  if (!(isDate(start) && isDate(end) && isDate(last))) return genericAfter.call(localizer, start, end, last)
  return minuteStart(start) === minuteStart(end) ? minuteStart(end) >= minuteStart(last) : minuteStart(end) > minuteStart(last)
}
