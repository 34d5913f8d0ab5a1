/**
 * One localizer for the app's lifetime: react-big-calendar compares it by identity, and a new
 * one each render would re-lay out every event (painful at 2,000 events a month). It reads
 * wall dates (see shop-time.ts), so the browser's own zone never shows through.
 */
import { dateFnsLocalizer } from 'react-big-calendar'
import { format, getDay, parse, startOfWeek } from 'date-fns'
import { enUS } from 'date-fns/locale'

export const localizer = dateFnsLocalizer({
  format,
  parse,
  startOfWeek: (date: Date) => startOfWeek(date, { weekStartsOn: 0 }),
  getDay,
  locales: { 'en-US': enUS },
})
