import type { Kysely } from 'kysely'
import type { Database, SyncCalendarsTable } from '../db/database'
import type { Selectable } from 'kysely'
import type { EventFacts } from './event-content'

export type CalendarRow = Selectable<SyncCalendarsTable>

/**
 * Which calendars should show a booking: every active shop calendar, and the active
 * calendar of its technician. Not booked, cancelled or deleted: none.
 */
export function wantedOn(facts: EventFacts | null, calendars: readonly CalendarRow[]): CalendarRow[] {
  if (!facts || facts.status === 'cancelled') return []
  return calendars.filter((c) => c.active === 1 && (c.role === 'shop' || c.technician_id === facts.technicianId))
}

export const activeCalendars = (db: Kysely<Database>): Promise<CalendarRow[]> =>
  db.selectFrom('sync_calendars').selectAll().where('active', '=', 1).execute()
