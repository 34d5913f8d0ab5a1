import type { calendar_v3 } from '@googleapis/calendar'
import type { ServiceContext } from '../services'
import type { Ctx } from '../handler'
import type { GoogleCalls } from './google/client'
import { GoogleFailure } from './google/errors'
import { OUR_TAG } from './ids'
import type { SyncCalendarRow } from '../db/database'
import { applyExternalDelete, applyExternalMove } from './external-changes'
import { timeSlice } from './pacing'
import { syncLog } from './sync-log'
import { startOfShopDay } from '../../../shared/shop-day'

export interface PullCounts {
  moved: number
  unbooked: number
  conflicts: number
  busy: number
  echoes: number
}
export const emptyPullCounts = (): PullCounts => ({ moved: 0, unbooked: 0, conflicts: 0, busy: 0, echoes: 0 })

/** More of an account's events than this share deleted in one round pauses and asks (sync-notes §4 rule 5). */
export const MASS_DELETE_SHARE = 0.2
/** ...but a handful is ordinary editing, never a "mass" delete. */
export const MASS_DELETE_MIN = 3

/** Events applied in one batch at most, however fast they go (a batch stops sooner when its time slice is spent). */
const APPLY_MAX_PER_BATCH = 250

export interface PulledCalendar {
  calendar: SyncCalendarRow
  items: calendar_v3.Schema$Event[]
  nextSyncToken: string | null
}

/**
 * Reads every change of one calendar since its sync token (or everything, the first time
 * or after 410 `fullSyncRequired`), all pages first: nothing is applied and the token is not
 * advanced unless every page arrived (a failure on page 3 of 5 changes nothing).
 */
export async function readCalendar(calls: GoogleCalls, calendar: SyncCalendarRow, opts: { pageSize?: number } = {}): Promise<PulledCalendar> {
  let syncToken = calendar.sync_token
  for (let fullResyncs = 0; ; fullResyncs++) {
    const items: calendar_v3.Schema$Event[] = []
    let pageToken: string | undefined
    try {
      for (;;) {
        // With a sync token the query must be identical on every page, and take no filters.
        const page = await calls.send((api, signal) =>
          api.events.list(
            {
              calendarId: calendar.remote_id,
              maxResults: opts.pageSize ?? 250,
              singleEvents: true,
              showDeleted: true,
              ...(syncToken ? { syncToken } : {}),
              ...(pageToken ? { pageToken } : {}),
            },
            { signal },
          ),
        )
        items.push(...(page.items ?? []))
        if (page.nextPageToken) {
          pageToken = page.nextPageToken
          continue
        }
        return { calendar, items, nextSyncToken: page.nextSyncToken ?? null }
      }
    } catch (error) {
      if (error instanceof GoogleFailure && error.kind === 'fullSync' && syncToken && fullResyncs === 0) {
        // The token expired: read everything again. Local rows are never deleted for being absent, so queued edits survive.
        syncToken = null
        continue
      }
      throw error
    }
  }
}

/** A timed event's instant; an all-day event's day starts in the shop's zone (Google's end date is exclusive, so it ends the day before). */
const instant = (t: calendar_v3.Schema$EventDateTime | undefined, timeZone: string): string | null =>
  t?.dateTime ? new Date(t.dateTime).toISOString() : t?.date ? startOfShopDay(t.date, timeZone).toISOString() : null

export interface ApplyOptions {
  installId: string
  timeZone: string
  /** 'ask': too many deletes pause the round. After the user's word: 'apply' unbooks them, 'keep' puts them back. */
  deleteDecision: 'ask' | 'apply' | 'keep'
}

export interface ApplyResult {
  counts: PullCounts
  /** Set when the round found too many of our events deleted: nothing was applied, the token was not advanced. */
  paused: { count: number; total: number } | null
}

/**
 * Applies one account's pulled changes, calendar by calendar, in short batches:
 * - ours, cancelled: an external delete (unbooks); ours, our own echo (same etag): nothing;
 *   ours, moved: through the capacity rules (`applyExternalMove`);
 * - not ours, on a technician's calendar: busy time (no title kept); cancelled: no longer busy;
 * - deletions are counted first: too many pause the whole account (mass-delete guard).
 * A calendar's sync token is saved in the same batch as its last changes; a batch stops
 * when its time slice is spent, the next one (after a turn of the event loop) goes on.
 */
export async function applyPulled(s: ServiceContext, accountId: number, pulled: PulledCalendar[], opts: ApplyOptions): Promise<ApplyResult> {
  const counts = emptyPullCounts()
  const ourId = (ev: calendar_v3.Schema$Event) => ev.id ?? ''
  const { deletes, total } = await s.batch(async (ctx) => {
    let deletes = 0
    for (const p of pulled) {
      const cancelled = p.items.filter((ev) => ev.status === 'cancelled').map(ourId)
      if (cancelled.length === 0) continue
      for (let i = 0; i < cancelled.length; i += 500) {
        const row = await ctx.db
          .selectFrom('sync_links')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('calendar_id', '=', p.calendar.id)
          .where('state', '=', 'live')
          .where('remote_id', 'in', cancelled.slice(i, i + 500))
          .executeTakeFirstOrThrow()
        deletes += Number(row.n)
      }
    }
    const totalRow = await ctx.db
      .selectFrom('sync_links as l')
      .innerJoin('sync_calendars as c', 'c.id', 'l.calendar_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('c.account_id', '=', accountId)
      .where('l.state', '=', 'live')
      .executeTakeFirstOrThrow()
    return { deletes, total: Number(totalRow.n) }
  })
  if (opts.deleteDecision === 'ask' && deletes >= MASS_DELETE_MIN && deletes > total * MASS_DELETE_SHARE) {
    await s.batch(async (ctx) => {
      await ctx.db
        .updateTable('sync_accounts')
        .set({ paused_deletes: JSON.stringify({ count: deletes, total, decision: null }), updated_at: ctx.clock.now().toISOString() })
        .where('id', '=', accountId)
        .execute()
      await syncLog(ctx.db, {
        at: ctx.clock.now().toISOString(),
        accountId,
        kind: 'paused',
        message: `${deletes} of ${total} events were deleted in the calendar at once; nothing was unbooked until you confirm`,
      })
      ctx.changed('sync')
    })
    return { counts, paused: { count: deletes, total } }
  }

  for (const p of pulled) {
    // A batch applies events until its slice is spent (a move runs the capacity check, so an
    // event can cost milliseconds): a large page never holds the lock and the event loop long.
    let next = 0
    do {
      next = await s.batch(async (ctx) => {
        const slice = timeSlice()
        let i = next
        while (i < p.items.length && i - next < APPLY_MAX_PER_BATCH) {
          await applyOne(ctx, p.calendar, p.items[i]!, opts, counts)
          i += 1
          if (slice.due()) break
        }
        if (i >= p.items.length && p.nextSyncToken) {
          await ctx.db.updateTable('sync_calendars').set({ sync_token: p.nextSyncToken }).where('id', '=', p.calendar.id).execute()
        }
        return i
      })
    } while (next < p.items.length)
  }
  return { counts, paused: null }
}

async function applyOne(ctx: Ctx, calendar: SyncCalendarRow, ev: calendar_v3.Schema$Event, opts: ApplyOptions, counts: PullCounts): Promise<void> {
  if (!ev.id) return
  const link = await ctx.db.selectFrom('sync_links').selectAll().where('calendar_id', '=', calendar.id).where('remote_id', '=', ev.id).executeTakeFirst()
  if (link) {
    if (ev.status === 'cancelled') {
      if (link.state === 'deleted') return // our own delete coming back
      if (opts.deleteDecision === 'keep') {
        // The user kept the bookings after a mass delete: the event is gone there, so it is made again (a new id generation).
        await ctx.db.updateTable('sync_links').set({ state: 'deleted' }).where('id', '=', link.id).execute()
        await ctx.db
          .insertInto('sync_outbox')
          .values({ activity_id: link.activity_id, queued_at: ctx.clock.now().toISOString() })
          .onConflict((oc) => oc.column('activity_id').doUpdateSet((eb) => ({ version: eb('sync_outbox.version', '+', 1), dead_at: null })))
          .execute()
        return
      }
      if ((await applyExternalDelete(ctx, link)) === 'unbooked') counts.unbooked += 1
      return
    }
    if (link.state === 'deleted') return // a tombstoned event: never resurrected, never re-imported
    if (ev.etag && ev.etag === link.etag) {
      counts.echoes += 1
      return
    }
    if (ev.start?.date && !ev.start.dateTime && link.remote_start === null) {
      // Our due-date marker: the plan owns its day, so a move there changes nothing here;
      // its etag is remembered so our next write is not refused.
      await ctx.db
        .updateTable('sync_links')
        .set({ etag: ev.etag ?? null, remote_updated: ev.updated ?? null })
        .where('id', '=', link.id)
        .execute()
      return
    }
    const start = instant(ev.start, opts.timeZone)
    const end = instant(ev.end, opts.timeZone)
    if (!start || !end) return
    const dirty = await ctx.db.selectFrom('sync_outbox').select('activity_id').where('activity_id', '=', link.activity_id).executeTakeFirst()
    if (start === link.remote_start && end === link.remote_end) {
      // Only its text changed there: we own the text; remember the new etag so our next push is not refused.
      await ctx.db
        .updateTable('sync_links')
        .set({ etag: ev.etag ?? null, remote_updated: ev.updated ?? null })
        .where('id', '=', link.id)
        .execute()
      return
    }
    const outcome = await applyExternalMove(ctx, link, { start, end, updated: ev.updated ?? null, etag: ev.etag ?? null }, { localDirty: dirty !== undefined })
    if (outcome === 'moved') counts.moved += 1
    if (outcome === 'conflict') counts.conflicts += 1
    return
  }
  if (ev.extendedProperties?.private?.[OUR_TAG] === opts.installId) return // ours, but not linked here (another calendar's copy)
  if (calendar.role !== 'technician' || calendar.technician_id === null) return
  if (ev.status === 'cancelled' || ev.transparency === 'transparent') {
    await ctx.db.deleteFrom('sync_busy_blocks').where('calendar_id', '=', calendar.id).where('remote_id', '=', ev.id).execute()
    ctx.changed('sync')
    return
  }
  const start = instant(ev.start, opts.timeZone)
  const end = instant(ev.end, opts.timeZone)
  if (!start || !end || end <= start) return
  // The title, description and attendees are the technician's private business: only the time is kept.
  await ctx.db
    .insertInto('sync_busy_blocks')
    .values({ calendar_id: calendar.id, remote_id: ev.id, technician_id: calendar.technician_id, start_at: start, end_at: end })
    .onConflict((oc) => oc.columns(['calendar_id', 'remote_id']).doUpdateSet({ start_at: start, end_at: end, technician_id: calendar.technician_id! }))
    .execute()
  counts.busy += 1
  ctx.changed('sync')
}
