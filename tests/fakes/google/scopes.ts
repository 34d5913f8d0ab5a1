const S = 'https://www.googleapis.com/auth/'

export type Access = 'events.read' | 'events.write' | 'calendarList.read' | 'calendars.read'

/** Which OAuth scopes allow what, per the Calendar API scope table. */
const ALLOWED: Record<Access, string[]> = {
  'events.read': [
    'calendar',
    'calendar.readonly',
    'calendar.events',
    'calendar.events.readonly',
    'calendar.events.owned',
    'calendar.events.owned.readonly',
    'calendar.app.created',
  ],
  'events.write': ['calendar', 'calendar.events', 'calendar.events.owned', 'calendar.app.created'],
  'calendarList.read': ['calendar', 'calendar.readonly', 'calendar.calendarlist', 'calendar.calendarlist.readonly'],
  'calendars.read': ['calendar', 'calendar.readonly', 'calendar.calendars', 'calendar.calendars.readonly', 'calendar.app.created'],
}

export function scopeAllows(granted: string[], access: Access): boolean {
  return ALLOWED[access].some((s) => granted.includes(S + s))
}
