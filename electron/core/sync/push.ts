import pLimit from 'p-limit'
import type { calendar_v3 } from '@googleapis/calendar'
import type { Ctx } from '../handler'
import type { ServiceContext } from '../services'
import type { SyncCalendarRow, SyncLinkRow } from '../db/database'
import { contentHash, googleEventBody, loadEventFacts, loadShopSide, type EventFacts, type GoogleEventBody, type ShopSide } from './event-content'
import { googleEventId, OUR_TAG } from './ids'
import { activeCalendars, wantedOn } from './targets'
import { GoogleFailure } from './google/errors'
import { SyncFailure } from './failure'
import type { GoogleCalls } from './google/client'
import type { OutlookCalls } from './outlook/client'
import { createOutlookEvent, deleteOutlookEvent, updateOutlookEvent } from './outlook/push'
import { backoffMs } from './rate-limit'
import { syncLog } from './sync-log'

/** A signed-in provider client: Google's or Outlook's (the only seam between the engine and a provider). */
export type ProviderCalls = GoogleCalls | OutlookCalls
const isOutlook = (c: ProviderCalls): c is OutlookCalls => 'provider' in c && c.provider === 'outlook'

export interface PushCounts {
  created: number
  updated: number
  deleted: number
  unchanged: number
  deadLettered: number
  retryLater: number
}
export const emptyPushCounts = (): PushCounts => ({ created: 0, updated: 0, deleted: 0, unchanged: 0, deadLettered: 0, retryLater: 0 })

export interface PushDeps {
  s: ServiceContext
  /** The signed-in client of an account, or null while it is paused (needs reconnect, disconnected, mass delete). */
  clientFor(accountId: number): Promise<ProviderCalls | null>
  /** The grant died mid-push: pause the account; its queue stays as it is. */
  needsReconnect(accountId: number, message: string): Promise<void>
  countsFor(accountId: number): PushCounts
  /** Rows waiting for a later attempt are taken too (an explicit "sync now"). */
  ignoreBackoff: boolean
  /** Requests in flight at once; each event's own requests stay in order. */
  concurrency?: number
}

type Outcome = 'done' | 'retry' | 'dead' | 'paused'

/**
 * Drains the outbox: for each queued activity, makes every connected calendar show what
 * the activity is now (docs/design.md "Background work"). Network calls happen outside
 * the lock; each database step is its own short batch.
 *
 * - The event follows the activity's current state, so queued changes coalesce: a
 *   create and its updates are one insert; a create and a delete never sent are nothing.
 * - Inserts carry ids chosen before the network (recorded first as `creating`); a 409 on
 *   retry means the earlier attempt landed, and the event is adopted if it carries our tag.
 * - Updates and deletes send `If-Match`; 412 re-fetches and retries (the local change is
 *   the newer one: the pull that ran first already applied the calendar's), 404/410 on a
 *   delete is success. Rate limits and 5xx back off with full jitter (in `send`, then
 *   `next_attempt_at`); other 4xx park the row on the dead-letter list.
 * - A row is removed only if no newer change arrived while it was being pushed.
 */
export async function pushOutbox(deps: PushDeps): Promise<void> {
  const { s } = deps
  const limit = pLimit(deps.concurrency ?? 8)
  const seen = new Map<number, number>()
  for (;;) {
    const now = s.clock.now().toISOString()
    const rows = await s.batch(async (ctx) => {
      let q = ctx.db
        .selectFrom('sync_outbox')
        .select(['activity_id', 'version', 'attempts'])
        .where('dead_at', 'is', null)
        .orderBy('queued_at')
        .orderBy('activity_id')
        .limit(500)
      if (!deps.ignoreBackoff) q = q.where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
      return q.execute()
    })
    // Each version of a row once per round: a row whose account is paused, or that keeps failing, must not spin.
    const fresh = rows.filter((r) => seen.get(r.activity_id) !== r.version)
    if (fresh.length === 0) return
    for (const r of fresh) seen.set(r.activity_id, r.version)
    await Promise.all(fresh.map((row) => limit(() => pushOne(deps, row))))
    if (s.signal.aborted) return
  }
}

async function pushOne(deps: PushDeps, row: { activity_id: number; version: number; attempts: number }): Promise<void> {
  const { s } = deps
  const id = row.activity_id
  const { facts, calendars, links, shop } = await s.batch(async (ctx) => ({
    facts: (await loadEventFacts(ctx.db, [id])).get(id) ?? null,
    calendars: await activeCalendars(ctx.db),
    links: await ctx.db.selectFrom('sync_links').selectAll().where('activity_id', '=', id).execute(),
    shop: await loadShopSide(ctx.db),
  }))
  const wanted = new Set(wantedOn(facts, calendars).map((c) => c.id))
  let outcome: Outcome = 'done'
  let lastError: string | null = null
  let retryAfter: number | null = null
  const worse = (o: Outcome) => {
    const rank: Record<Outcome, number> = { done: 0, retry: 1, paused: 2, dead: 3 }
    if (rank[o] > rank[outcome]) outcome = o
  }

  for (const calendar of calendars) {
    const link = links.find((l) => l.calendar_id === calendar.id) ?? null
    // A due-date marker someone deleted there stays deleted until the work is booked.
    const markerDeleted = facts?.when.kind === 'due' && link?.state === 'deleted'
    const want = wanted.has(calendar.id) && facts !== null && !markerDeleted
    const live = link !== null && link.state !== 'deleted'
    if (!want && !live) continue
    const body = want ? googleEventBody(facts, shop) : null
    if (want && link?.state === 'live' && link.content_hash === contentHash(body!)) {
      deps.countsFor(calendar.account_id).unchanged += 1
      continue
    }
    const calls = await deps.clientFor(calendar.account_id)
    if (!calls) {
      worse('paused')
      continue
    }
    const counts = deps.countsFor(calendar.account_id)
    try {
      if (want && (!link || link.state !== 'live')) {
        if (isOutlook(calls)) await createOutlookEvent(deps, calls, calendar, link, facts, body!, shop)
        else await createEvent(deps, calls, calendar, link, facts, body!, shop)
        counts.created += 1
      } else if (want) {
        if (isOutlook(calls)) await updateOutlookEvent(deps, calls, calendar, link!, body!)
        else await updateEvent(deps, calls, calendar, link!, body!)
        counts.updated += 1
      } else {
        if (isOutlook(calls)) await deleteOutlookEvent(deps, calls, calendar, link!, shop)
        else await deleteEvent(deps, calls, calendar, link!)
        counts.deleted += 1
      }
    } catch (error) {
      if (s.signal.aborted) throw error
      const failure = error instanceof SyncFailure ? error : null
      lastError = error instanceof Error ? error.message : String(error)
      if (failure?.kind === 'auth') {
        await deps.needsReconnect(calendar.account_id, failure.message)
        worse('paused')
      } else if (!failure || failure.kind === 'rate' || failure.kind === 'server') {
        if (!failure) s.log.error(`Pushing activity ${id} to ${calendar.summary} failed`, error)
        retryAfter = failure?.retryAfterMs ?? retryAfter
        counts.retryLater += 1
        worse('retry')
      } else {
        counts.deadLettered += 1
        worse('dead')
      }
    }
  }

  await s.batch(async (ctx) => {
    const now = ctx.clock.now()
    if (outcome === 'done') {
      await ctx.db.deleteFrom('sync_outbox').where('activity_id', '=', id).where('version', '=', row.version).execute()
    } else if (outcome === 'retry' || outcome === 'dead') {
      const at = new Date(now.getTime() + backoffMs(row.attempts, retryAfter, { baseMs: 2_000, capMs: 15 * 60_000 }))
      await ctx.db
        .updateTable('sync_outbox')
        .set({
          attempts: row.attempts + 1,
          last_error: lastError,
          next_attempt_at: outcome === 'retry' ? at.toISOString() : null,
          dead_at: outcome === 'dead' ? now.toISOString() : null,
        })
        .where('activity_id', '=', id)
        .where('version', '=', row.version)
        .execute()
      if (outcome === 'dead') {
        await syncLog(ctx.db, { at: now.toISOString(), activityId: id, kind: 'dead_letter', message: lastError ?? 'Refused by the calendar' })
        ctx.changed('sync')
      }
    }
    // 'paused': the row stays exactly as it is until the account is reconnected.
  })
}

export const remoteTimes = (ev: calendar_v3.Schema$Event) => ({
  remote_start: ev.start?.dateTime ? new Date(ev.start.dateTime).toISOString() : null,
  remote_end: ev.end?.dateTime ? new Date(ev.end.dateTime).toISOString() : null,
  remote_updated: ev.updated ?? null,
})

/** Records a link in full (insert, or replace what a crash left). */
export async function saveLink(
  ctx: Ctx,
  link: Pick<SyncLinkRow, 'activity_id' | 'calendar_id' | 'remote_id' | 'generation' | 'state'> & Partial<SyncLinkRow>,
): Promise<void> {
  const now = ctx.clock.now().toISOString()
  const values = {
    activity_id: link.activity_id,
    calendar_id: link.calendar_id,
    remote_id: link.remote_id,
    generation: link.generation,
    state: link.state,
    etag: link.etag ?? null,
    content_hash: link.content_hash ?? null,
    remote_start: link.remote_start ?? null,
    remote_end: link.remote_end ?? null,
    remote_updated: link.remote_updated ?? null,
    updated_at: now,
  }
  const { activity_id: _a, calendar_id: _c, ...update } = values
  await ctx.db
    .insertInto('sync_links')
    .values(values)
    .onConflict((oc) => oc.columns(['activity_id', 'calendar_id']).doUpdateSet(update))
    .execute()
}

/** Changes some fields of an existing link. */
export async function updateLink(
  ctx: Ctx,
  link: Pick<SyncLinkRow, 'activity_id' | 'calendar_id'>,
  fields: Partial<Omit<SyncLinkRow, 'id' | 'activity_id' | 'calendar_id'>>,
): Promise<void> {
  await ctx.db
    .updateTable('sync_links')
    .set({ ...fields, updated_at: ctx.clock.now().toISOString() })
    .where('activity_id', '=', link.activity_id)
    .where('calendar_id', '=', link.calendar_id)
    .execute()
}

async function createEvent(
  deps: PushDeps,
  calls: GoogleCalls,
  calendar: SyncCalendarRow,
  link: SyncLinkRow | null,
  facts: EventFacts,
  body: GoogleEventBody,
  shop: ShopSide,
): Promise<void> {
  const { s } = deps
  // A row left `creating` by a crash keeps its id: the retry meets 409 and adopts what landed.
  let generation = link?.state === 'creating' ? link.generation : (link?.generation ?? 0) + 1
  for (let tries = 0; ; tries++) {
    const remoteId = link?.state === 'creating' && tries === 0 ? link.remote_id : googleEventId(shop.installId, facts.activityId, calendar.id, generation)
    await s.batch((ctx) => saveLink(ctx, { activity_id: facts.activityId, calendar_id: calendar.id, remote_id: remoteId, generation, state: 'creating' }))
    let ev: calendar_v3.Schema$Event
    let adopted = false
    try {
      ev = await calls.send((api, signal) =>
        api.events.insert({ calendarId: calendar.remote_id, sendUpdates: 'none', requestBody: { ...body, id: remoteId } }, { signal }),
      )
    } catch (error) {
      if (!(error instanceof GoogleFailure) || error.kind !== 'duplicate') throw error
      const existing = await calls.send((api, signal) => api.events.get({ calendarId: calendar.remote_id, eventId: remoteId }, { signal }))
      const ours = existing.extendedProperties?.private?.[OUR_TAG] === shop.installId && existing.status !== 'cancelled'
      if (!ours) {
        // A tombstone or someone else's event holds the id: take the next generation.
        if (tries >= 3) throw new GoogleFailure('client', 409, 'duplicate', `No free event id for activity ${facts.activityId}`)
        generation += 1
        continue
      }
      // Our earlier attempt landed (a crash before we recorded it): adopt it, then make it current.
      ev = await calls.send((api, signal) =>
        api.events.update(
          { calendarId: calendar.remote_id, eventId: remoteId, sendUpdates: 'none', requestBody: body },
          { signal, headers: { 'If-Match': existing.etag ?? '*' } },
        ),
      )
      adopted = true
    }
    await recordCreated(deps, { calendar, activityId: facts.activityId, remoteId, generation, event: ev, body, adopted })
    return
  }
}

/**
 * After a create (or the adoption of an event an earlier attempt made) landed: the link goes
 * live with the event's etag, times and our content hash, and the sync log says which (both providers).
 */
export async function recordCreated(
  deps: PushDeps,
  made: {
    calendar: SyncCalendarRow
    activityId: number
    remoteId: string
    generation: number
    event: calendar_v3.Schema$Event
    body: GoogleEventBody
    adopted: boolean
  },
): Promise<void> {
  const { calendar, adopted } = made
  await deps.s.batch(async (ctx) => {
    await saveLink(ctx, {
      activity_id: made.activityId,
      calendar_id: calendar.id,
      remote_id: made.remoteId,
      generation: made.generation,
      state: 'live',
      etag: made.event.etag ?? null,
      content_hash: contentHash(made.body),
      ...remoteTimes(made.event),
    })
    await syncLog(ctx.db, {
      at: ctx.clock.now().toISOString(),
      accountId: calendar.account_id,
      activityId: made.activityId,
      kind: adopted ? 'adopted' : 'created',
      message: `${adopted ? 'Found the event an earlier attempt created' : 'Created the event'} on ${calendar.summary}`,
    })
  })
}

/** After an update landed: the link takes the event's etag, times and our content hash, and the sync log says so (both providers). */
export async function recordUpdated(
  deps: PushDeps,
  calendar: SyncCalendarRow,
  link: SyncLinkRow,
  event: calendar_v3.Schema$Event,
  body: GoogleEventBody,
): Promise<void> {
  await deps.s.batch(async (ctx) => {
    await updateLink(ctx, link, { etag: event.etag ?? null, content_hash: contentHash(body), ...remoteTimes(event) })
    await logUpdated(ctx, calendar, link.activity_id)
  })
}

/** The sync log's line for a changed event sent to a calendar (both providers). */
export async function logUpdated(ctx: Ctx, calendar: SyncCalendarRow, activityId: number): Promise<void> {
  await syncLog(ctx.db, {
    at: ctx.clock.now().toISOString(),
    accountId: calendar.account_id,
    activityId,
    kind: 'updated',
    message: `Updated the event on ${calendar.summary}`,
  })
}

async function updateEvent(deps: PushDeps, calls: GoogleCalls, calendar: SyncCalendarRow, link: SyncLinkRow, body: GoogleEventBody): Promise<void> {
  let etag = link.etag ?? '*'
  for (let tries = 0; ; tries++) {
    try {
      const ev = await calls.send((api, signal) =>
        api.events.update(
          { calendarId: calendar.remote_id, eventId: link.remote_id, sendUpdates: 'none', requestBody: body },
          { signal, headers: { 'If-Match': etag } },
        ),
      )
      await recordUpdated(deps, calendar, link, ev, body)
      return
    } catch (error) {
      if (!(error instanceof GoogleFailure)) throw error
      if (error.kind === 'precondition' && tries < 3) {
        const current = await calls.send((api, signal) => api.events.get({ calendarId: calendar.remote_id, eventId: link.remote_id }, { signal }))
        if (current.status === 'cancelled') throw new GoogleFailure('gone', 410, 'deleted', 'The event was deleted in the calendar')
        etag = current.etag ?? '*'
        continue
      }
      if (error.kind === 'gone') {
        // Deleted there while we were changing it here: the next pull unbooks it; never re-create it behind the user's back.
        await deps.s.batch((ctx) => updateLink(ctx, link, { state: 'deleted' }))
        return
      }
      throw error
    }
  }
}

async function deleteEvent(deps: PushDeps, calls: GoogleCalls, calendar: SyncCalendarRow, link: SyncLinkRow): Promise<void> {
  const send = (ifMatch: string | null) =>
    calls.send((api, signal) =>
      api.events.delete(
        { calendarId: calendar.remote_id, eventId: link.remote_id, sendUpdates: 'none' },
        { signal, ...(ifMatch ? { headers: { 'If-Match': ifMatch } } : {}) },
      ),
    )
  try {
    await send(link.state === 'live' ? link.etag : null)
  } catch (error) {
    if (!(error instanceof GoogleFailure)) throw error
    if (error.kind === 'precondition') {
      // Edited there, cancelled here: the cancellation wins (the documented policy for local delete vs remote edit).
      await send(null).catch((again: unknown) => {
        if (!(again instanceof GoogleFailure && again.kind === 'gone')) throw again
      })
    } else if (error.kind !== 'gone' && !(error.kind === 'duplicate' && link.state === 'creating')) {
      throw error
    }
  }
  await recordDeleted(deps, calendar, link)
}

/** After a delete landed (or found the event gone): the link is a tombstone, and the sync log says so (both providers). */
export async function recordDeleted(deps: PushDeps, calendar: SyncCalendarRow, link: SyncLinkRow): Promise<void> {
  await deps.s.batch(async (ctx) => {
    await updateLink(ctx, link, { state: 'deleted' })
    await syncLog(ctx.db, {
      at: ctx.clock.now().toISOString(),
      accountId: calendar.account_id,
      activityId: link.activity_id,
      kind: 'deleted',
      message: `Removed the event from ${calendar.summary}`,
    })
  })
}
