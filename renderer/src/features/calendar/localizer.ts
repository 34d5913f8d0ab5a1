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

const dayStart = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
const minuteStart = (d: Date) => Math.floor(d.getTime() / 60_000)

/*
 * Fast paths for what the month view asks for every event, every week row, every render: with
 * 2,000 events the library's generic date arithmetic took most of a drop's 400 ms (profiled
 * in tests/bench/calendar-ui.ts). Same answers, plain Date fields instead of unit switches.
 */

// The library's rule: starts on or before the range's last day, and ends after its start
// (or at it, for zero-length events).
// (@types declares this method with another shape than the library calls it with.)
type InEventRange = (args: { event: { start: Date; end: Date }; range: { start: Date; end: Date } }) => boolean
const inEventRange: InEventRange = ({ event: { start, end }, range: { start: rangeStart, end: rangeEnd } }) => {
  const eStart = dayStart(start)
  if (eStart > dayStart(rangeEnd)) return false
  const zeroLength = Math.floor(eStart / 60_000) === minuteStart(end)
  return zeroLength ? minuteStart(end) >= minuteStart(rangeStart) : minuteStart(end) > minuteStart(rangeStart)
}
;(localizer as unknown as { inEventRange: InEventRange }).inEventRange = inEventRange

localizer.isSameDate = (a: Date, b: Date) => a.getDate() === b.getDate() && a.getMonth() === b.getMonth() && a.getFullYear() === b.getFullYear()

// Other units (week: with the first day of the week as a third argument) go to the library.
const genericStartOf = localizer.startOf as unknown as (date: Date | undefined, unit: string, ...rest: unknown[]) => Date
localizer.startOf = ((date: Date | undefined, unit: string, ...rest: unknown[]) => {
  // The time gutter asks with no date at all; the library's answer to that stays its own.
  if (!(date instanceof Date)) return genericStartOf.call(localizer, date, unit, ...rest)
  if (unit === 'day') return new Date(dayStart(date))
  if (unit === 'minutes') return new Date(minuteStart(date) * 60_000)
  return genericStartOf.call(localizer, date, unit, ...rest)
}) as DateLocalizer['startOf']
