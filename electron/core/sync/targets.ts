import type { Kysely } from 'kysely'
import type { Database, SyncCalendarsTable } from '../db/database'
import type { Selectable } from 'kysely'
import type { EventFacts } from './event-content'

export type CalendarRow = Selectable<SyncCalendarsTable>

/**
 * Which calendars should show a booking: every active shop calendar, and the active
 * calendar of its technician. A due-date marker: the shop calendars only (nobody is assigned
 * yet). Nothing to show, cancelled or deleted: none.
 */
export function wantedOn(facts: EventFacts | null, calendars: readonly CalendarRow[]): CalendarRow[] {
  if (!facts || facts.status === 'cancelled') return []
  const due = facts.when.kind === 'due'
  return calendars.filter((c) => c.active === 1 && (c.role === 'shop' || (!due && c.technician_id === facts.technicianId)))
}

export const activeCalendars = (db: Kysely<Database>): Promise<CalendarRow[]> =>
  db.selectFrom('sync_calendars').selectAll().where('active', '=', 1).execute()
