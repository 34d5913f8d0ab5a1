import type { View } from 'react-big-calendar'
import { addDays, addMonths, endOfMonth, endOfWeek, format, startOfMonth, startOfWeek } from 'date-fns'
import { wallToDay } from '../../shared/time/shop-time'

/** Agenda shows this many days from its date, as react-big-calendar's default does. */
export const AGENDA_DAYS = 30

/** The days a view shows (wall dates), as the `YYYY-MM-DD` range to load. */
export function visibleRange(view: View, date: Date): { from: string; to: string } {
  switch (view) {
    case 'month':
      return { from: wallToDay(startOfWeek(startOfMonth(date))), to: wallToDay(endOfWeek(endOfMonth(date))) }
    case 'week':
    case 'work_week':
      return { from: wallToDay(startOfWeek(date)), to: wallToDay(endOfWeek(date)) }
    case 'agenda':
      return { from: wallToDay(date), to: wallToDay(addDays(date, AGENDA_DAYS - 1)) }
    default:
      return { from: wallToDay(date), to: wallToDay(date) }
  }
}

/** The toolbar's title: "March 2026", "Mar 8 – 14, 2026", "Tue, Mar 10, 2026". */
export function rangeLabel(view: View, date: Date): string {
  switch (view) {
    case 'month':
      return format(date, 'MMMM yyyy')
    case 'week':
    case 'work_week': {
      const s = startOfWeek(date)
      const e = endOfWeek(date)
      return s.getMonth() === e.getMonth() ? `${format(s, 'MMM d')} – ${format(e, 'd, yyyy')}` : `${format(s, 'MMM d')} – ${format(e, 'MMM d, yyyy')}`
    }
    case 'agenda':
      return `${format(date, 'MMM d')} – ${format(addDays(date, AGENDA_DAYS - 1), 'MMM d, yyyy')}`
    default:
      return format(date, 'EEE, MMM d, yyyy')
  }
}

/** Where Back and Next go from `date` in `view`. */
export function step(view: View, date: Date, direction: 1 | -1): Date {
  switch (view) {
    case 'month':
      return addMonths(date, direction)
    case 'week':
    case 'work_week':
      return addDays(date, 7 * direction)
    case 'agenda':
      return addDays(date, AGENDA_DAYS * direction)
    default:
      return addDays(date, direction)
  }
}
