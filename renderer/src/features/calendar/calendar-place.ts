/**
 * Where the calendar opens: its view and lanes from the address, else as this desk left them.
 * Plain values and checks, free of the calendar's components.
 */
import type { View } from 'react-big-calendar'
import type { Grouping } from './calendar-events'

export const VIEWS: View[] = ['month', 'week', 'day', 'agenda']
export const GROUPINGS: readonly Grouping[] = ['shop', 'bay', 'technician']
/** This desk's last view and lanes: the calendar opens the way the person left it. */
export const REMEMBERED = 'shop.calendar.place'

export interface Remembered {
  view: View
  grouping: Grouping
}

export const isView = (v: unknown): v is View => typeof v === 'string' && (VIEWS as readonly string[]).includes(v)
export const isGrouping = (v: unknown): v is Grouping => typeof v === 'string' && (GROUPINGS as readonly string[]).includes(v)
export const viewOf = (v: string | null): View | undefined => (isView(v) ? v : undefined)
export const groupingOf = (v: string | null): Grouping | undefined => (isGrouping(v) ? v : undefined)
export const isDay = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))

export function remembered(): Partial<Remembered> {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(REMEMBERED) ?? '{}')
    if (typeof raw !== 'object' || raw === null) return {}
    const { view, grouping } = raw as Record<string, unknown>
    return { view: isView(view) ? view : undefined, grouping: isGrouping(grouping) ? grouping : undefined }
  } catch {
    // A damaged entry only costs the remembered choice.
    return {}
  }
}
