import type { HandlerMap, Ctx } from '../handler'
import { longRunning } from '../handler'
import { AppError, notFound } from '../errors'
import { findTechnician } from '../resources/queries'
import type { SyncConfig } from '../../../shared/domain/sync'
import { GOOGLE_CLIENT_SECRET_KEY, googleClientConfig, outlookClientConfig, syncIntervalSeconds } from './config'
import { SYNC_PROVIDERS } from '../../../shared/domain/sync'
import { SYNC_SERVICE, type CalendarSyncService } from './calendar-sync-service'
import { loadAccount, loadAccounts, toSyncCalendar } from './map'
import { applyExternalMove } from './external-changes'
import { syncLog } from './sync-log'
import { loadInbox } from './inbox'
import { parsePausedDeletes } from './paused-deletes'
import { getSettingsRow } from '../settings/queries'
import { addDays, startOfDay } from '../activities/shop-time'

const syncService = (ctx: Ctx): CalendarSyncService => {
  const service = ctx.services.get<CalendarSyncService>(SYNC_SERVICE)
  if (!service) throw new AppError('refused', 'Calendar sync is not running in this app.')
  return service
}

const envOf = (ctx: Ctx) => syncService(ctx).env

async function readConfig(ctx: Ctx): Promise<SyncConfig> {
  const env = envOf(ctx)
  const cfg = await googleClientConfig(ctx.db, ctx.ports.secrets, env)
  return {
    google: { clientId: cfg.clientId, source: cfg.source, secretSet: cfg.clientSecret !== null },
    outlook: await outlookClientConfig(ctx.db, env).then((o) => ({ clientId: o.clientId, source: o.source })),
    providers: [...SYNC_PROVIDERS],
    intervalSeconds: syncIntervalSeconds(env),
    dueDatesAllDay: (await ctx.db.selectFrom('sync_settings').select('due_dates_all_day').executeTakeFirstOrThrow()).due_dates_all_day === 1,
  }
}

const enqueue = (ctx: Ctx, activityIds: number[]) =>
  activityIds.length === 0
    ? Promise.resolve()
    : ctx.db
        .insertInto('sync_outbox')
        .values(activityIds.map((id) => ({ activity_id: id, queued_at: ctx.clock.now().toISOString() })))
        .onConflict((oc) => oc.column('activity_id').doUpdateSet((eb) => ({ version: eb('sync_outbox.version', '+', 1), dead_at: null, attempts: 0, next_attempt_at: null })))
        .execute()

const openConflicts = async (ctx: Ctx) =>
  (
    await ctx.db.selectFrom('sync_conflicts').selectAll().where('resolved_at', 'is', null).orderBy('id').execute()
  ).map((c) => ({ id: c.id, activityId: c.activity_id, calendarId: c.calendar_id, remoteStart: c.remote_start, remoteEnd: c.remote_end, reason: c.reason, createdAt: c.created_at }))

const deadLetters = async (ctx: Ctx) =>
  (
    await ctx.db.selectFrom('sync_outbox').selectAll().where('dead_at', 'is not', null).orderBy('dead_at').execute()
  ).map((r) => ({ activityId: r.activity_id, error: r.last_error ?? 'Refused by the calendar', attempts: r.attempts, deadAt: r.dead_at! }))

export const syncHandlers = {
  'sync.getConfig': (_input, ctx) => readConfig(ctx),

  'sync.setConfig': async (input, ctx) => {
    await ctx.db
      .updateTable('sync_settings')
      .set({
        ...(input.googleClientId !== undefined ? { google_client_id: input.googleClientId } : {}),
        ...(input.msClientId !== undefined ? { ms_client_id: input.msClientId || null } : {}),
        updated_at: ctx.clock.now().toISOString(),
      })
      .execute()
    if (input.googleClientSecret === null || input.googleClientSecret === '') await ctx.ports.secrets.delete(GOOGLE_CLIENT_SECRET_KEY)
    else if (input.googleClientSecret !== undefined) await ctx.ports.secrets.set(GOOGLE_CLIENT_SECRET_KEY, input.googleClientSecret)
    ctx.changed('sync')
    return readConfig(ctx)
  },

  'sync.setDueDatesAllDay': async (input, ctx) => {
    await ctx.db.updateTable('sync_settings').set({ due_dates_all_day: input.enabled ? 1 : 0, updated_at: ctx.clock.now().toISOString() }).execute()
    // Open unbooked work with a due date gets its marker (on), or loses it (off), on the next round.
    const calendars = await ctx.db.selectFrom('sync_calendars').select('id').where('active', '=', 1).executeTakeFirst()
    if (calendars) {
      const affected = await ctx.db
        .selectFrom('activities')
        .select('id')
        .where('start_at', 'is', null)
        .where('due_date', 'is not', null)
        .where('status', 'in', ['scheduled', 'missed'])
        .execute()
      const ids = affected.map((a) => a.id)
      for (let i = 0; i < ids.length; i += 500) await enqueue(ctx, ids.slice(i, i + 500))
    }
    await syncLog(ctx.db, {
      at: ctx.clock.now().toISOString(),
      kind: 'calendar',
      message: input.enabled ? 'Unbooked work will show on its due date as an all-day event' : 'Unbooked work no longer shows on the calendars',
    })
    ctx.changed('sync')
    return readConfig(ctx)
  },

  'sync.connect': longRunning<'sync.connect'>(async (input, ctx) => {
    const started = await syncService(ctx).connect(input.accountId, input.provider)
    ctx.changed('sync')
    return started
  }),

  'sync.cancelConnect': longRunning<'sync.cancelConnect'>(async (input, ctx) => {
    const account = await ctx.batch((db) => loadAccount(db, input.accountId))
    const cancelled = await syncService(ctx).cancelConnect(input.accountId)
    if (!cancelled) {
      // Still "connecting" with no browser flow behind it: the app was closed (or crashed) while it waited.
      if (account.status !== 'connecting') throw new AppError('refused', 'This account is not waiting for the browser.')
      await ctx.batch(async (db) => {
        const now = ctx.clock.now().toISOString()
        const message = 'Connecting was cancelled; the app had closed while it waited for the browser.'
        await db.updateTable('sync_accounts').set({ status: 'disconnected', last_error: message, updated_at: now }).where('id', '=', input.accountId).where('status', '=', 'connecting').execute()
        await syncLog(db, { at: now, accountId: input.accountId, kind: 'connect_failed', message })
      })
    }
    await ctx.batch(async (db) => {
      // A first connection that was cancelled leaves nothing behind; its log lines stay.
      await db.deleteFrom('sync_accounts').where('id', '=', input.accountId).where('status', '=', 'disconnected').where('email', 'is', null).execute()
    })
    ctx.changed('sync')
    return ctx.batch((db) => loadAccounts(db))
  }),

  'sync.accounts': (_input, ctx) => loadAccounts(ctx.db),
  'sync.status': (input, ctx) => loadAccount(ctx.db, input.accountId),

  'sync.disconnect': longRunning<'sync.disconnect'>(async (input, ctx) => {
    await ctx.batch((db) => loadAccount(db, input.accountId))
    await syncService(ctx).disconnect(input.accountId)
    ctx.changed('sync')
    return ctx.batch((db) => loadAccount(db, input.accountId))
  }),

  'sync.remoteCalendars': longRunning<'sync.remoteCalendars'>(async (input, ctx) => {
    const account = await ctx.batch((db) => loadAccount(db, input.accountId))
    // A refusal, not a provider failure: a screen may ask once more just as the account is disconnected.
    if (account.status !== 'connected') throw new AppError('refused', 'Connect the account before reading its calendars.')
    return syncService(ctx).remoteCalendars(input.accountId)
  }),

  /**
   * Chooses a calendar and queues every booking it should show (today on), in this
   * transaction: the next round pushes them.
   */
  'sync.chooseCalendar': async (input, ctx) => {
    const account = await loadAccount(ctx.db, input.accountId)
    if (account.status !== 'connected') throw new AppError('refused', 'Connect the account before choosing its calendars.')
    if (input.technicianId) await findTechnician(ctx.db, input.technicianId)
    const now = ctx.clock.now().toISOString()
    const existing = await ctx.db.selectFrom('sync_calendars').selectAll().where('account_id', '=', input.accountId).where('remote_id', '=', input.remoteId).executeTakeFirst()
    const values = { role: input.role, technician_id: input.technicianId ?? null, active: 1 as const, ...(input.summary ? { summary: input.summary } : {}) }
    const row = existing
      ? await ctx.db.updateTable('sync_calendars').set(values).where('id', '=', existing.id).returningAll().executeTakeFirstOrThrow()
      : await ctx.db
          .insertInto('sync_calendars')
          .values({ account_id: input.accountId, remote_id: input.remoteId, summary: input.remoteId, time_zone: null, sync_token: null, created_at: now, ...values })
          .returningAll()
          .executeTakeFirstOrThrow()
    const bookings = await ctx.db
      .selectFrom('activities')
      .select('id')
      .where('start_at', 'is not', null)
      .where('end_at', '>=', now)
      .where('status', '!=', 'cancelled')
      .$if(input.role === 'technician', (q) => q.where('technician_id', '=', input.technicianId!))
      .execute()
    await enqueue(ctx, bookings.map((b) => b.id))
    await syncLog(ctx.db, { at: now, accountId: input.accountId, kind: 'calendar', message: `Bookings will show on ${row.summary} (${input.role === 'shop' ? 'every booking' : 'one technician’s'}); ${bookings.length} queued` })
    ctx.changed('sync')
    return toSyncCalendar(row)
  },

  'sync.calendars': async (_input, ctx) =>
    (await ctx.db.selectFrom('sync_calendars').selectAll().where('active', '=', 1).orderBy('id').execute()).map(toSyncCalendar),

  'sync.removeCalendar': async (input, ctx) => {
    const row = await ctx.db.selectFrom('sync_calendars').select('id').where('id', '=', input.calendarId).executeTakeFirst()
    if (!row) throw notFound('Calendar', input.calendarId)
    // Its events stay where they are; links and busy time of a calendar no longer watched go.
    await ctx.db.updateTable('sync_calendars').set({ active: 0, sync_token: null }).where('id', '=', row.id).execute()
    await ctx.db.deleteFrom('sync_busy_blocks').where('calendar_id', '=', row.id).execute()
    ctx.changed('sync', 'activities')
    return (await ctx.db.selectFrom('sync_calendars').selectAll().where('active', '=', 1).orderBy('id').execute()).map(toSyncCalendar)
  },

  'sync.now': longRunning<'sync.now'>(async (input, ctx) => {
    const summary = await syncService(ctx).runRound({ accountId: input.accountId, explicit: true })
    ctx.changed('sync', 'activities')
    return summary
  }),

  'sync.conflicts': (_input, ctx) => openConflicts(ctx),

  'sync.resolveConflict': async (input, ctx) => {
    const conflict = await ctx.db.selectFrom('sync_conflicts').selectAll().where('id', '=', input.id).executeTakeFirst()
    if (!conflict || conflict.resolved_at) throw notFound('Open conflict', input.id)
    const link = await ctx.db.selectFrom('sync_links').selectAll().where('activity_id', '=', conflict.activity_id).where('calendar_id', '=', conflict.calendar_id).executeTakeFirstOrThrow()
    const now = ctx.clock.now().toISOString()
    if (input.resolution === 'take_theirs') {
      // Refused with the clash named, nothing changed, if it still does not fit.
      await applyExternalMove(ctx, link, { start: conflict.remote_start, end: conflict.remote_end, updated: null, etag: link.etag }, { localDirty: false, force: true })
    } else {
      // The calendar gets our time back: forget the agreed content so the next push rewrites it.
      await ctx.db.updateTable('sync_links').set({ content_hash: null }).where('id', '=', link.id).execute()
      await enqueue(ctx, [conflict.activity_id])
    }
    await ctx.db.updateTable('sync_conflicts').set({ resolved_at: now, resolution: input.resolution }).where('id', '=', conflict.id).execute()
    // Deciding a clash is seeing it: its inbox item leaves the unseen list.
    await ctx.db.updateTable('sync_inbox').set({ seen_at: now }).where('conflict_id', '=', conflict.id).where('seen_at', 'is', null).execute()
    await syncLog(ctx.db, { at: now, activityId: conflict.activity_id, kind: 'resolved', message: input.resolution === 'keep_ours' ? 'Kept the shop’s time; the calendar will be corrected' : 'Took the calendar’s time' })
    ctx.changed('sync', 'activities')
    return openConflicts(ctx)
  },

  'sync.deadLetters': (_input, ctx) => deadLetters(ctx),

  'sync.retryDeadLetter': async (input, ctx) => {
    const row = await ctx.db.selectFrom('sync_outbox').select('activity_id').where('activity_id', '=', input.activityId).where('dead_at', 'is not', null).executeTakeFirst()
    if (!row) throw notFound('Dead letter for activity', input.activityId)
    await enqueue(ctx, [input.activityId])
    ctx.changed('sync')
    return deadLetters(ctx)
  },

  'sync.confirmDeletes': async (input, ctx) => {
    const account = await ctx.db.selectFrom('sync_accounts').select(['id', 'paused_deletes']).where('id', '=', input.accountId).executeTakeFirst()
    if (!account) throw notFound('Calendar account', input.accountId)
    const paused = parsePausedDeletes(account.paused_deletes)
    if (!paused) throw new AppError('refused', 'Nothing is waiting for a decision on this account.')
    const decision = input.apply ? 'apply' : 'keep'
    await ctx.db.updateTable('sync_accounts').set({ paused_deletes: JSON.stringify({ ...paused, decision }) }).where('id', '=', account.id).execute()
    await syncLog(ctx.db, {
      at: ctx.clock.now().toISOString(),
      accountId: account.id,
      kind: 'deletes_decided',
      message: input.apply ? `The ${paused.count} deletions will be applied (their work unbooked) in the next round` : `The ${paused.count} deleted events will be put back on the calendar`,
    })
    ctx.changed('sync')
    return loadAccount(ctx.db, account.id)
  },

  'sync.inbox': (input, ctx) => loadInbox(ctx.db, input),

  'sync.inboxSeen': async (input, ctx) => {
    const now = ctx.clock.now().toISOString()
    const rows = await ctx.db
      .selectFrom('sync_inbox')
      .select(['id', 'activity_id', 'account_id'])
      .where('seen_at', 'is', null)
      .$if(input.all !== true, (q) => q.where('id', 'in', input.ids!))
      .execute()
    if (input.ids) {
      const known = await ctx.db.selectFrom('sync_inbox').select('id').where('id', 'in', input.ids).execute()
      const missing = input.ids.find((i) => !known.some((k) => k.id === i))
      if (missing !== undefined) throw notFound('Inbox item', missing)
    }
    if (rows.length > 0) {
      await ctx.db.updateTable('sync_inbox').set({ seen_at: now }).where('id', 'in', rows.map((r) => r.id)).execute()
      const one = rows.length === 1 ? rows[0]! : null
      await syncLog(ctx.db, {
        at: now,
        accountId: one?.account_id ?? null,
        activityId: one?.activity_id ?? null,
        kind: 'seen',
        message: one ? 'Marked a change from the calendar as seen' : `Marked ${rows.length} changes from the calendars as seen`,
      })
      ctx.changed('sync')
    }
    return loadInbox(ctx.db, { show: 'all', limit: 200 })
  },

  'sync.log': async (input, ctx) =>
    (await ctx.db.selectFrom('sync_log').selectAll().orderBy('id', 'desc').limit(input.limit).execute()).map((r) => ({
      id: r.id,
      at: r.at,
      accountId: r.account_id,
      activityId: r.activity_id,
      kind: r.kind,
      message: r.message,
    })),
  'sync.busyTime': async (input, ctx) => {
    const { time_zone: timeZone } = await getSettingsRow(ctx.db)
    const rows = await ctx.db
      .selectFrom('sync_busy_blocks as b')
      .innerJoin('sync_calendars as c', 'c.id', 'b.calendar_id')
      .select(['b.technician_id', 'b.start_at', 'b.end_at'])
      // Only calendars still watched for that technician (a removed one's blocks are deleted anyway).
      .where('c.active', '=', 1)
      .where('b.start_at', '<', startOfDay(addDays(input.to, 1), timeZone).toISOString())
      .where('b.end_at', '>', startOfDay(input.from, timeZone).toISOString())
      .orderBy('b.start_at')
      .execute()
    return rows.map((r) => ({ technicianId: r.technician_id, start: r.start_at, end: r.end_at }))
  },

  'sync.forActivity': async (input, ctx) => {
    const places = await ctx.db
      .selectFrom('sync_links as l')
      .innerJoin('sync_calendars as c', 'c.id', 'l.calendar_id')
      .innerJoin('sync_accounts as a', 'a.id', 'c.account_id')
      .select(['l.calendar_id', 'l.state', 'l.updated_at', 'c.summary', 'a.email', 'a.provider', 'a.status'])
      .where('l.activity_id', '=', input.activityId)
      .orderBy('c.id')
      .execute()
    const pending = await ctx.db.selectFrom('sync_outbox').selectAll().where('activity_id', '=', input.activityId).executeTakeFirst()
    return {
      places: places.map((p) => ({
        calendarId: p.calendar_id,
        calendarSummary: p.summary,
        accountEmail: p.email,
        provider: p.provider,
        accountStatus: p.status,
        state: p.state,
        updatedAt: p.updated_at,
      })),
      pending: pending ? { queuedAt: pending.queued_at, attempts: pending.attempts, error: pending.last_error, refused: pending.dead_at !== null } : null,
    }
  },
} satisfies HandlerMap<'sync'>
