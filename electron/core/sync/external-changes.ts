import type { Ctx } from '../handler'
import type { ActivityRow, SyncLinkRow } from '../db/database'
import { AppError } from '../errors'
import { placeBooking } from '../activities/capacity'
import { appendLog } from '../activities/log'
import { contentHash, googleEventBody, loadEventFacts, loadShopSide } from './event-content'
import { syncLog } from './sync-log'
import { recordClash, recordReturned } from './inbox'

export const CALENDAR_ACTOR = 'Google Calendar'
export const OUTLOOK_ACTOR = 'Outlook'
/** Every actor a connected calendar writes history as: the staff notices look for them. */
export const CALENDAR_ACTORS: readonly string[] = [CALENDAR_ACTOR, OUTLOOK_ACTOR]

/** The calendar of a link, with the name its provider's changes are written under. */
async function calendarOf(ctx: Ctx, calendarId: number) {
  const c = await ctx.db
    .selectFrom('sync_calendars as c')
    .innerJoin('sync_accounts as a', 'a.id', 'c.account_id')
    .select(['c.account_id', 'c.summary', 'a.provider'])
    .where('c.id', '=', calendarId)
    .executeTakeFirstOrThrow()
  return { ...c, actor: c.provider === 'outlook' ? OUTLOOK_ACTOR : CALENDAR_ACTOR }
}

/** Where the calendar shows an event now, as UTC instants (timed events only). */
export interface RemoteTime {
  start: string
  end: string
  /** The event's `updated` stamp: who changed last wins when both sides did. */
  updated: string | null
  etag: string | null
}

export type MoveOutcome = 'moved' | 'unchanged' | 'conflict' | 'ours_later' | 'not_movable'

/**
 * A time change made in the calendar to one of our events, applied through the same
 * capacity rules as a drag (rule 9). It fits: the booking moves, logged "moved in Google
 * Calendar", and this calendar's link records the new content so no echo is sent back.
 * It clashes (or the work is finished): nothing changes and a conflict waits for a person.
 * Both sides changed since the last agreement: the later change wins, logged.
 */
export async function applyExternalMove(ctx: Ctx, link: SyncLinkRow, remote: RemoteTime, opts: { localDirty: boolean; force?: boolean }): Promise<MoveOutcome> {
  const now = ctx.clock.now().toISOString()
  const row = await ctx.db.selectFrom('activities').selectAll().where('id', '=', link.activity_id).executeTakeFirst()
  const remember = (fields: Partial<SyncLinkRow>) =>
    ctx.db
      .updateTable('sync_links')
      .set({ remote_start: remote.start, remote_end: remote.end, remote_updated: remote.updated, etag: remote.etag, updated_at: now, ...fields })
      .where('id', '=', link.id)
      .execute()
  if (!row || !row.start_at) {
    await remember({})
    return 'not_movable'
  }
  if (row.start_at === remote.start && row.end_at === remote.end) {
    await remember({})
    return 'unchanged'
  }
  const calendar = await calendarOf(ctx, link.calendar_id)
  if (!opts.force && opts.localDirty && remote.updated !== null && row.updated_at > remote.updated) {
    // Changed here after it was changed there: ours stands and the queued push overwrites the calendar.
    await remember({})
    await syncLog(ctx.db, {
      at: now,
      accountId: calendar.account_id,
      activityId: row.id,
      kind: 'both_changed',
      message: `Changed in the shop and in ${calendar.summary}; the shop's change is later and stands`,
    })
    return 'ours_later'
  }
  const { time_zone: timeZone } = await ctx.db.selectFrom('settings').select('time_zone').executeTakeFirstOrThrow()
  // The same bay and technician at the new time, checked like a drag (a bay-less booking takes the first free one).
  const booking = { start: new Date(remote.start), end: new Date(remote.end), bay: row.bay_id ?? ('first_free' as const), technician: row.technician_id }
  let reason: string | null = row.status === 'scheduled' || row.status === 'missed' ? null : `It is ${row.status.replace('_', ' ')} and cannot be moved`
  if (!reason) {
    try {
      await placeBooking(ctx.db, timeZone, booking, { now: ctx.clock.now(), excludeId: row.id, currentStart: row.start_at })
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      reason = error.message
    }
  }
  if (reason) {
    if (opts.force) throw new AppError('conflict', reason)
    await remember({})
    const conflictId = await recordConflict(ctx, link, remote, reason)
    await recordClash(ctx, {
      conflictId,
      accountId: calendar.account_id,
      calendarId: link.calendar_id,
      activityId: row.id,
      before: { start: row.start_at, end: row.end_at },
      after: remote,
    })
    await syncLog(ctx.db, {
      at: now,
      accountId: calendar.account_id,
      activityId: row.id,
      kind: 'conflict',
      message: `Moved in ${calendar.summary} but not applied: ${reason}`,
    })
    return 'conflict'
  }
  await moveActivity(ctx, row, remote, calendar.actor, `Moved in ${calendar.actor} (${calendar.summary})`)
  // The calendar already shows the new time: record its content as agreed, so no echo is pushed back.
  const facts = (await loadEventFacts(ctx.db, [row.id])).get(row.id)
  const hash = facts ? contentHash(googleEventBody(facts, await loadShopSide(ctx.db))) : null
  await remember({ content_hash: hash })
  await ctx.db
    .updateTable('sync_conflicts')
    .set({ resolved_at: now, resolution: 'take_theirs' })
    .where('activity_id', '=', row.id)
    .where('resolved_at', 'is', null)
    .execute()
  await syncLog(ctx.db, { at: now, accountId: calendar.account_id, activityId: row.id, kind: 'moved', message: `Moved in ${calendar.summary}; applied` })
  // Forced = a person took the calendar's time for a clash: that clash's inbox item says so.
  if (!opts.force) {
    await recordReturned(ctx, {
      kind: 'moved',
      accountId: calendar.account_id,
      calendarId: link.calendar_id,
      activityId: row.id,
      before: { start: row.start_at, end: row.end_at },
      after: remote,
    })
  }
  return 'moved'
}

async function moveActivity(ctx: Ctx, row: ActivityRow, remote: RemoteTime, actor: string, message: string): Promise<void> {
  const now = ctx.clock.now().toISOString()
  await ctx.db
    .updateTable('activities')
    .set({ start_at: remote.start, end_at: remote.end, pinned: 1, contacted_at: null, version: row.version + 1, updated_at: now })
    .where('id', '=', row.id)
    .execute()
  await appendLog(ctx.db, {
    activityId: row.id,
    vehicleId: row.vehicle_id,
    at: now,
    actor,
    action: 'moved',
    changes: { start: [row.start_at, remote.start], end: [row.end_at, remote.end] },
    message,
  })
  ctx.changedRows('activities', [row.id])
}

/** Opens (or refreshes) the link's conflict and answers its id. */
async function recordConflict(ctx: Ctx, link: SyncLinkRow, remote: RemoteTime, reason: string): Promise<number> {
  const now = ctx.clock.now().toISOString()
  const open = await ctx.db
    .selectFrom('sync_conflicts')
    .select('id')
    .where('activity_id', '=', link.activity_id)
    .where('calendar_id', '=', link.calendar_id)
    .where('resolved_at', 'is', null)
    .executeTakeFirst()
  if (open) {
    await ctx.db
      .updateTable('sync_conflicts')
      .set({ remote_start: remote.start, remote_end: remote.end, reason, created_at: now })
      .where('id', '=', open.id)
      .execute()
    ctx.changed('sync')
    return open.id
  }
  const made = await ctx.db
    .insertInto('sync_conflicts')
    .values({
      activity_id: link.activity_id,
      calendar_id: link.calendar_id,
      remote_start: remote.start,
      remote_end: remote.end,
      reason,
      created_at: now,
      resolved_at: null,
      resolution: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  ctx.changed('sync')
  return made.id
}

/**
 * Our event was deleted in the calendar: the booking goes back to the unbooked list with
 * a notice in its history. The link stays as a tombstone, so nothing re-creates the event
 * unless someone books the work again (which takes a new id generation).
 */
export async function applyExternalDelete(ctx: Ctx, link: SyncLinkRow): Promise<'unbooked' | 'kept'> {
  const now = ctx.clock.now().toISOString()
  await ctx.db.updateTable('sync_links').set({ state: 'deleted', updated_at: now }).where('id', '=', link.id).execute()
  const row = await ctx.db.selectFrom('activities').selectAll().where('id', '=', link.activity_id).executeTakeFirst()
  const calendar = await calendarOf(ctx, link.calendar_id)
  if (row && !row.start_at) {
    await syncLog(ctx.db, {
      at: now,
      accountId: calendar.account_id,
      activityId: row.id,
      kind: 'deleted_there',
      message: `Due-date marker deleted in ${calendar.summary}; the work stays unbooked and the marker does not come back`,
    })
    return 'kept'
  }
  if (!row || (row.status !== 'scheduled' && row.status !== 'missed')) {
    await syncLog(ctx.db, {
      at: now,
      accountId: calendar.account_id,
      activityId: link.activity_id,
      kind: 'deleted_there',
      message: `Deleted in ${calendar.summary}; the activity is ${row?.status ?? 'gone'} and stays as it is`,
    })
    return 'kept'
  }
  await ctx.db
    .updateTable('activities')
    .set({ start_at: null, end_at: null, bay_id: null, technician_id: null, pinned: 1, version: row.version + 1, updated_at: now })
    .where('id', '=', row.id)
    .execute()
  await appendLog(ctx.db, {
    activityId: row.id,
    vehicleId: row.vehicle_id,
    at: now,
    actor: calendar.actor,
    action: 'unbooked',
    changes: { start: [row.start_at, null], end: [row.end_at, null], bayId: [row.bay_id, null], technicianId: [row.technician_id, null] },
    message: `Deleted in ${calendar.actor} (${calendar.summary}): back on the unbooked list`,
  })
  await syncLog(ctx.db, {
    at: now,
    accountId: calendar.account_id,
    activityId: row.id,
    kind: 'unbooked',
    message: `Deleted in ${calendar.summary}; the booking was removed and the work is unbooked`,
  })
  await recordReturned(ctx, {
    kind: 'deleted',
    accountId: calendar.account_id,
    calendarId: link.calendar_id,
    activityId: row.id,
    before: { start: row.start_at, end: row.end_at },
    after: null,
  })
  ctx.changedRows('activities', [row.id])
  ctx.changed('sync')
  return 'unbooked'
}
