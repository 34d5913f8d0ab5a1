import type { Kysely } from 'kysely'
import type { Ctx } from '../handler'
import type { Database } from '../db/database'
import type { SyncInbox, SyncInboxItem } from '../../../shared/domain/sync'

type Times = { start: string | null; end: string | null } | null

/**
 * Records what came back from a calendar for the inbox: a booking moved or deleted there.
 * Written in the transaction that applied the change, beside its sync-log line.
 */
export async function recordReturned(
  ctx: Ctx,
  item: { kind: 'moved' | 'deleted'; accountId: number; calendarId: number; activityId: number; before: Times; after: Times },
): Promise<void> {
  await ctx.db
    .insertInto('sync_inbox')
    .values({
      at: ctx.clock.now().toISOString(),
      account_id: item.accountId,
      calendar_id: item.calendarId,
      activity_id: item.activityId,
      kind: item.kind,
      before_start: item.before?.start ?? null,
      before_end: item.before?.end ?? null,
      after_start: item.after?.start ?? null,
      after_end: item.after?.end ?? null,
      conflict_id: null,
      seen_at: null,
    })
    .execute()
  ctx.changed('sync')
}

/**
 * A move that clashed: one inbox item per open conflict. Seen again with another time, the
 * same item shows the calendar's latest time and is unseen again.
 */
export async function recordClash(
  ctx: Ctx,
  item: { conflictId: number; accountId: number; calendarId: number; activityId: number; before: Times; after: { start: string; end: string } },
): Promise<void> {
  const now = ctx.clock.now().toISOString()
  const times = { before_start: item.before?.start ?? null, before_end: item.before?.end ?? null, after_start: item.after.start, after_end: item.after.end }
  const existing = await ctx.db.selectFrom('sync_inbox').select('id').where('conflict_id', '=', item.conflictId).executeTakeFirst()
  if (existing) {
    await ctx.db
      .updateTable('sync_inbox')
      .set({ ...times, at: now, seen_at: null })
      .where('id', '=', existing.id)
      .execute()
  } else {
    await ctx.db
      .insertInto('sync_inbox')
      .values({
        at: now,
        account_id: item.accountId,
        calendar_id: item.calendarId,
        activity_id: item.activityId,
        kind: 'clash',
        conflict_id: item.conflictId,
        seen_at: null,
        ...times,
      })
      .execute()
  }
}

const pair = (start: string | null, end: string | null) => (start && end ? { start, end } : null)

/** The inbox, newest first; `unseen` counts over all of it. */
export async function loadInbox(db: Kysely<Database>, opts: { show: 'unseen' | 'all'; limit: number }): Promise<SyncInbox> {
  const rows = await db
    .selectFrom('sync_inbox as i')
    .innerJoin('sync_calendars as c', 'c.id', 'i.calendar_id')
    .innerJoin('sync_accounts as acc', 'acc.id', 'i.account_id')
    .leftJoin('sync_conflicts as k', 'k.id', 'i.conflict_id')
    .leftJoin('activities as a', 'a.id', 'i.activity_id')
    .leftJoin('vehicles as v', 'v.id', 'a.vehicle_id')
    .leftJoin('activity_types as t', 't.id', 'a.activity_type_id')
    .select([
      'i.id',
      'i.kind',
      'i.at',
      'i.account_id',
      'i.calendar_id',
      'i.activity_id',
      'i.before_start',
      'i.before_end',
      'i.after_start',
      'i.after_end',
      'i.conflict_id',
      'i.seen_at',
      'c.summary',
      'acc.email',
      'acc.provider',
      'k.reason',
      'k.resolution',
      'k.resolved_at',
      'a.id as a_id',
      'a.start_at',
      'a.end_at',
      'a.status',
      'v.year',
      'v.make',
      'v.model',
      'v.license_plate',
      't.name as type_name',
    ])
    // An undecided clash stays listed as unseen: it waits for a person either way.
    .$if(opts.show === 'unseen', (q) =>
      q.where((eb) => eb.or([eb('i.seen_at', 'is', null), eb.and([eb('i.kind', '=', 'clash'), eb('k.resolved_at', 'is', null)])])),
    )
    .orderBy('i.at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(opts.limit)
    .execute()
  const items: SyncInboxItem[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    at: r.at,
    accountId: r.account_id,
    accountEmail: r.email,
    provider: r.provider,
    calendarSummary: r.summary,
    activityId: r.activity_id,
    activity:
      r.a_id !== null && r.year !== null && r.make !== null && r.model !== null && r.type_name !== null && r.status !== null
        ? {
            vehicleLabel: `${r.year} ${r.make} ${r.model}`,
            licensePlate: r.license_plate,
            typeName: r.type_name,
            start: r.start_at,
            end: r.end_at,
            status: r.status,
          }
        : null,
    before: pair(r.before_start, r.before_end),
    after: pair(r.after_start, r.after_end),
    clash:
      r.kind === 'clash' && r.conflict_id !== null
        ? { conflictId: r.conflict_id, reason: r.reason ?? '', resolution: r.resolution ?? null, resolvedAt: r.resolved_at ?? null }
        : null,
    seenAt: r.seen_at,
  }))
  const counts = await db
    .selectFrom('sync_inbox as i')
    .leftJoin('sync_conflicts as k', 'k.id', 'i.conflict_id')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('i.seen_at', 'is', null).as('unseen'),
      eb.fn
        .countAll<number>()
        .filterWhere((w) => w.and([w('i.kind', '=', 'clash'), w('k.id', 'is not', null), w('k.resolved_at', 'is', null)]))
        .as('open'),
    ])
    .executeTakeFirstOrThrow()
  return { items, unseen: Number(counts.unseen), openClashes: Number(counts.open) }
}
