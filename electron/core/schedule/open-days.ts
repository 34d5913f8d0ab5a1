import { addDays, weekday, type IsoDate } from '../../../shared/dates'

export interface OpenDaysInput {
  /** Weekdays (0 = Sunday) the shop opens at all. */
  openWeekdays: readonly number[]
  /** Whole-shop closures, inclusive day ranges. Bay or technician closures do not move due dates. */
  closures: ReadonlyArray<{ startsOn: IsoDate; endsOn: IsoDate }>
}

/** Looking further than a year ahead means the shop never opens; the date then stays put. */
const MAX_SEARCH_DAYS = 366

/**
 * Builds rule 8: a due date on a closed weekday or a whole-shop closure moves to the next
 * open day. Answers are cached, since a run asks about the same few hundred days for every
 * vehicle.
 *
 * @example
 * const next = nextOpenDayFinder({ openWeekdays: [1, 2, 3, 4, 5, 6], closures: [] })
 * next('2025-01-05') // '2025-01-06' (Sunday -> Monday)
 */
export function nextOpenDayFinder({ openWeekdays, closures }: OpenDaysInput): (date: IsoDate) => IsoDate {
  const open = new Set(openWeekdays)
  const isOpen = (date: IsoDate): boolean => open.has(weekday(date)) && !closures.some((c) => c.startsOn <= date && date <= c.endsOn)
  const cache = new Map<IsoDate, IsoDate>()
  return (date) => {
    const hit = cache.get(date)
    if (hit !== undefined) return hit
    let day = date
    let found = date
    for (let i = 0; i <= MAX_SEARCH_DAYS; i++) {
      if (isOpen(day)) {
        found = day
        break
      }
      day = addDays(day, 1)
    }
    cache.set(date, found)
    return found
  }
}
