import type { Kysely, Updateable } from 'kysely'
import type { Database, SyncCalendarsTable, SyncSettingsTable } from '../db/database'

// The sync handlers' own reads and writes. The rounds (push, pull, the services) keep
// theirs beside the step they belong to.

/** Whether unbooked work with a due date shows as an all-day event. */
export async function dueDatesAllDay(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('sync_settings').select('due_dates_all_day').executeTakeFirstOrThrow()).due_dates_all_day === 1
}

/** Writes the given columns of the one sync settings row. */
export async function updateSyncSettings(db: Kysely<Database>, set: Updateable<SyncSettingsTable>): Promise<void> {
  await db.updateTable('sync_settings').set(set).execute()
}

/**
 * Queues activities for the next push; one already queued counts a change more and is
 * given a fresh start (a dead letter comes back to life).
 *
 * @example
 * await enqueueSync(db, [12, 13], now)
 */
export async function enqueueSync(db: Kysely<Database>, activityIds: readonly number[], queuedAt: string): Promise<void> {
  if (activityIds.length === 0) return
  await db
    .insertInto('sync_outbox')
    .values(activityIds.map((id) => ({ activity_id: id, queued_at: queuedAt })))
    .onConflict((oc) =>
      oc.column('activity_id').doUpdateSet((eb) => ({ version: eb('sync_outbox.version', '+', 1), dead_at: null, attempts: 0, next_attempt_at: null })),
    )
    .execute()
}

/** Conflicts nobody resolved yet, oldest first. */
export const openConflictRows = (db: Kysely<Database>) => db.selectFrom('sync_conflicts').selectAll().where('resolved_at', 'is', null).orderBy('id').execute()

/** One conflict, resolved or not. */
export const findConflict = (db: Kysely<Database>, id: number) => db.selectFrom('sync_conflicts').selectAll().where('id', '=', id).executeTakeFirst()

/** Marks the inbox item of a decided clash seen (deciding it is seeing it). */
export async function markConflictSeen(db: Kysely<Database>, conflictId: number, seenAt: string): Promise<void> {
  await db.updateTable('sync_inbox').set({ seen_at: seenAt }).where('conflict_id', '=', conflictId).where('seen_at', 'is', null).execute()
}

/** Records how a conflict was resolved. */
export async function resolveConflictRow(db: Kysely<Database>, id: number, resolution: 'keep_ours' | 'take_theirs', resolvedAt: string): Promise<void> {
  await db.updateTable('sync_conflicts').set({ resolved_at: resolvedAt, resolution }).where('id', '=', id).execute()
}

/** Outbox rows the calendar refused for good, oldest refusal first. */
export const deadLetterRows = (db: Kysely<Database>) => db.selectFrom('sync_outbox').selectAll().where('dead_at', 'is not', null).orderBy('dead_at').execute()

/** Whether an activity's outbox row is a dead letter. */
export async function isDeadLetter(db: Kysely<Database>, activityId: number): Promise<boolean> {
  const row = await db.selectFrom('sync_outbox').select('activity_id').where('activity_id', '=', activityId).where('dead_at', 'is not', null).executeTakeFirst()
  return row !== undefined
}

/** An activity's outbox row, if a change of it waits to be pushed. */
export const pendingSync = (db: Kysely<Database>, activityId: number) =>
  db.selectFrom('sync_outbox').selectAll().where('activity_id', '=', activityId).executeTakeFirst()

/** Whether any calendar is chosen to show bookings. */
export async function anyActiveCalendar(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('sync_calendars').select('id').where('active', '=', 1).executeTakeFirst()) !== undefined
}

/** The calendars chosen to show bookings, in the order they were chosen. */
export const activeCalendarRows = (db: Kysely<Database>) => db.selectFrom('sync_calendars').selectAll().where('active', '=', 1).orderBy('id').execute()

/** Whether a calendar row exists, active or not. */
export async function calendarExists(db: Kysely<Database>, id: number): Promise<boolean> {
  return (await db.selectFrom('sync_calendars').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
}

/**
 * Chooses a calendar: the account's earlier row for it is reactivated with these values,
 * else a new row is made. The row after.
 */
export async function saveChosenCalendar(
  db: Kysely<Database>,
  calendar: { accountId: number; remoteId: string; now: string },
  values: { role: SyncCalendarsTable['role']; technician_id: number | null; active: 1; summary?: string },
) {
  const existing = await db
    .selectFrom('sync_calendars')
    .selectAll()
    .where('account_id', '=', calendar.accountId)
    .where('remote_id', '=', calendar.remoteId)
    .executeTakeFirst()
  return existing
    ? db.updateTable('sync_calendars').set(values).where('id', '=', existing.id).returningAll().executeTakeFirstOrThrow()
    : db
        .insertInto('sync_calendars')
        .values({
          account_id: calendar.accountId,
          remote_id: calendar.remoteId,
          summary: calendar.remoteId,
          time_zone: null,
          sync_token: null,
          created_at: calendar.now,
          ...values,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
}

/** Stops watching a calendar: it leaves the rounds, its sync token and busy time go (its events stay). */
export async function deactivateCalendar(db: Kysely<Database>, id: number): Promise<void> {
  await db.updateTable('sync_calendars').set({ active: 0, sync_token: null }).where('id', '=', id).execute()
  await db.deleteFrom('sync_busy_blocks').where('calendar_id', '=', id).execute()
}

/** Open unbooked work with a due date: what the all-day markers show. */
export async function unbookedWithDueDate(db: Kysely<Database>): Promise<number[]> {
  const rows = await db
    .selectFrom('activities')
    .select('id')
    .where('start_at', 'is', null)
    .where('due_date', 'is not', null)
    .where('status', 'in', ['scheduled', 'missed'])
    .execute()
  return rows.map((a) => a.id)
}

/** Bookings not yet over and not cancelled; one technician's only when given. */
export async function bookingsFrom(db: Kysely<Database>, now: string, technicianId?: number): Promise<number[]> {
  const rows = await db
    .selectFrom('activities')
    .select('id')
    .where('start_at', 'is not', null)
    .where('end_at', '>=', now)
    .where('status', '!=', 'cancelled')
    .$if(technicianId !== undefined, (q) => q.where('technician_id', '=', technicianId!))
    .execute()
  return rows.map((b) => b.id)
}

/** The link of an activity to one calendar. */
export const findLink = (db: Kysely<Database>, activityId: number, calendarId: number) =>
  db.selectFrom('sync_links').selectAll().where('activity_id', '=', activityId).where('calendar_id', '=', calendarId).executeTakeFirstOrThrow()

/** Forgets the content both sides agreed on, so the next push rewrites the event. */
export async function forgetAgreedContent(db: Kysely<Database>, linkId: number): Promise<void> {
  await db.updateTable('sync_links').set({ content_hash: null }).where('id', '=', linkId).execute()
}

/** Removes an account a cancelled first connection left: disconnected, never signed in. */
export async function deleteUnusedAccount(db: Kysely<Database>, accountId: number): Promise<void> {
  await db.deleteFrom('sync_accounts').where('id', '=', accountId).where('status', '=', 'disconnected').where('email', 'is', null).execute()
}

/** An account's mass delete waiting for the user, as stored (JSON), if the account exists. */
export const accountPausedDeletes = (db: Kysely<Database>, accountId: number) =>
  db.selectFrom('sync_accounts').select(['id', 'paused_deletes']).where('id', '=', accountId).executeTakeFirst()

/** Stores the paused mass delete with the user's decision in it (JSON). */
export async function savePausedDeletes(db: Kysely<Database>, accountId: number, pausedDeletes: string): Promise<void> {
  await db.updateTable('sync_accounts').set({ paused_deletes: pausedDeletes }).where('id', '=', accountId).execute()
}

/** The newest sync log lines first. */
export const latestSyncLog = (db: Kysely<Database>, limit: number) => db.selectFrom('sync_log').selectAll().orderBy('id', 'desc').limit(limit).execute()

/** Busy time overlapping [after, before) on calendars still watched, by start. */
export const busyBlocksBetween = (db: Kysely<Database>, range: { after: string; before: string }) =>
  db
    .selectFrom('sync_busy_blocks as b')
    .innerJoin('sync_calendars as c', 'c.id', 'b.calendar_id')
    .select(['b.technician_id', 'b.start_at', 'b.end_at'])
    // Only calendars still watched for that technician (a removed one's blocks are deleted anyway).
    .where('c.active', '=', 1)
    .where('b.start_at', '<', range.before)
    .where('b.end_at', '>', range.after)
    .orderBy('b.start_at')
    .execute()

/** Where an activity is linked: each calendar with its account, by calendar. */
export const linkPlaces = (db: Kysely<Database>, activityId: number) =>
  db
    .selectFrom('sync_links as l')
    .innerJoin('sync_calendars as c', 'c.id', 'l.calendar_id')
    .innerJoin('sync_accounts as a', 'a.id', 'c.account_id')
    .select(['l.calendar_id', 'l.state', 'l.updated_at', 'c.summary', 'a.email', 'a.provider', 'a.status'])
    .where('l.activity_id', '=', activityId)
    .orderBy('c.id')
    .execute()
