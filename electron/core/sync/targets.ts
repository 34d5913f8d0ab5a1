import type { Kysely } from 'kysely'
import type { Database, SyncCalendarRow } from '../db/database'
import type { EventFacts } from './event-content'

/**
 * Which calendars should show a booking: every active shop calendar, and the active
 * calendar of its technician. A due-date marker: the shop calendars only (nobody is assigned
 * yet). Nothing to show, cancelled or deleted: none.
 */
export function wantedOn(facts: EventFacts | null, calendars: readonly SyncCalendarRow[]): SyncCalendarRow[] {
  if (!facts || facts.status === 'cancelled') return []
  const due = facts.when.kind === 'due'
  return calendars.filter((c) => c.active === 1 && (c.role === 'shop' || (!due && c.technician_id === facts.technicianId)))
}

export const activeCalendars = (db: Kysely<Database>): Promise<SyncCalendarRow[]> =>
  db.selectFrom('sync_calendars').selectAll().where('active', '=', 1).execute()
