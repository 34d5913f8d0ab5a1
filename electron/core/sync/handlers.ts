import type { HandlerMap, Ctx } from '../handler'
import { longRunning } from '../handler'
import { AppError, notFound } from '../errors'
import { findTechnician } from '../technicians/queries'
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
import {
  accountPausedDeletes,
  activeCalendarRows,
  anyActiveCalendar,
  bookingsFrom,
  busyBlocksBetween,
  calendarExists,
  deactivateCalendar,
  deadLetterRows,
  deleteUnusedAccount,
  dueDatesAllDay,
  enqueueSync,
  findConflict,
  findLink,
  forgetAgreedContent,
  isDeadLetter,
  latestSyncLog,
  linkPlaces,
  markConflictSeen,
  openConflictRows,
  pendingSync,
  resolveConflictRow,
  saveChosenCalendar,
  savePausedDeletes,
  unbookedWithDueDate,
  updateSyncSettings,
} from './queries'
import { addDays } from '../../../shared/dates'
import { startOfShopDay } from '../../../shared/shop-day'

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
    dueDatesAllDay: await dueDatesAllDay(ctx.db),
  }
}

const enqueue = (ctx: Ctx, activityIds: number[]) => enqueueSync(ctx.db, activityIds, ctx.clock.now().toISOString())

const openConflicts = async (ctx: Ctx) =>
  (await openConflictRows(ctx.db)).map((c) => ({
    id: c.id,
    activityId: c.activity_id,
    calendarId: c.calendar_id,
    remoteStart: c.remote_start,
    remoteEnd: c.remote_end,
    reason: c.reason,
    createdAt: c.created_at,
  }))

const deadLetters = async (ctx: Ctx) =>
  (await deadLetterRows(ctx.db)).map((r) => ({
    activityId: r.activity_id,
    error: r.last_error ?? 'Refused by the calendar',
    attempts: r.attempts,
    deadAt: r.dead_at!,
  }))

export const syncHandlers = {
  'sync.getConfig': (_input, ctx) => readConfig(ctx),

  'sync.setConfig': async (input, ctx) => {
    await updateSyncSettings(ctx.db, {
      ...(input.googleClientId !== undefined ? { google_client_id: input.googleClientId } : {}),
      ...(input.msClientId !== undefined ? { ms_client_id: input.msClientId || null } : {}),
      updated_at: ctx.clock.now().toISOString(),
    })
    if (input.googleClientSecret === null || input.googleClientSecret === '') await ctx.ports.secrets.delete(GOOGLE_CLIENT_SECRET_KEY)
    else if (input.googleClientSecret !== undefined) await ctx.ports.secrets.set(GOOGLE_CLIENT_SECRET_KEY, input.googleClientSecret)
    ctx.changed('sync')
    return readConfig(ctx)
  },

  'sync.setDueDatesAllDay': async (input, ctx) => {
    await updateSyncSettings(ctx.db, { due_dates_all_day: input.enabled ? 1 : 0, updated_at: ctx.clock.now().toISOString() })
    // Open unbooked work with a due date gets its marker (on), or loses it (off), on the next round.
    if (await anyActiveCalendar(ctx.db)) {
      const ids = await unbookedWithDueDate(ctx.db)
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
        await db
          .updateTable('sync_accounts')
          .set({ status: 'disconnected', last_error: message, updated_at: now })
          .where('id', '=', input.accountId)
          .where('status', '=', 'connecting')
          .execute()
        await syncLog(db, { at: now, accountId: input.accountId, kind: 'connect_failed', message })
      })
    }
    await ctx.batch(async (db) => {
      // A first connection that was cancelled leaves nothing behind; its log lines stay.
      await deleteUnusedAccount(db, input.accountId)
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
    const values = { role: input.role, technician_id: input.technicianId ?? null, active: 1 as const, ...(input.summary ? { summary: input.summary } : {}) }
    const row = await saveChosenCalendar(ctx.db, { accountId: input.accountId, remoteId: input.remoteId, now }, values)
    const bookings = await bookingsFrom(ctx.db, now, input.role === 'technician' ? input.technicianId! : undefined)
    await enqueue(ctx, bookings)
    await syncLog(ctx.db, {
      at: now,
      accountId: input.accountId,
      kind: 'calendar',
      message: `Bookings will show on ${row.summary} (${input.role === 'shop' ? 'every booking' : 'one technician’s'}); ${bookings.length} queued`,
    })
    ctx.changed('sync')
    return toSyncCalendar(row)
  },

  'sync.calendars': async (_input, ctx) => (await activeCalendarRows(ctx.db)).map(toSyncCalendar),

  'sync.removeCalendar': async (input, ctx) => {
    if (!(await calendarExists(ctx.db, input.calendarId))) throw notFound('Calendar', input.calendarId)
    // Its events stay where they are; links and busy time of a calendar no longer watched go.
    await deactivateCalendar(ctx.db, input.calendarId)
    ctx.changed('sync', 'activities')
    return (await activeCalendarRows(ctx.db)).map(toSyncCalendar)
  },

  'sync.now': longRunning<'sync.now'>(async (input, ctx) => {
    const summary = await syncService(ctx).runRound({ accountId: input.accountId, explicit: true })
    ctx.changed('sync', 'activities')
    return summary
  }),

  'sync.conflicts': (_input, ctx) => openConflicts(ctx),

  'sync.resolveConflict': async (input, ctx) => {
    const conflict = await findConflict(ctx.db, input.id)
    if (!conflict || conflict.resolved_at) throw notFound('Open conflict', input.id)
    const link = await findLink(ctx.db, conflict.activity_id, conflict.calendar_id)
    const now = ctx.clock.now().toISOString()
    if (input.resolution === 'take_theirs') {
      // Refused with the clash named, nothing changed, if it still does not fit.
      await applyExternalMove(
        ctx,
        link,
        { start: conflict.remote_start, end: conflict.remote_end, updated: null, etag: link.etag },
        { localDirty: false, force: true },
      )
    } else {
      // The calendar gets our time back: forget the agreed content so the next push rewrites it.
      await forgetAgreedContent(ctx.db, link.id)
      await enqueue(ctx, [conflict.activity_id])
    }
    await resolveConflictRow(ctx.db, conflict.id, input.resolution, now)
    // Deciding a clash is seeing it: its inbox item leaves the unseen list.
    await markConflictSeen(ctx.db, conflict.id, now)
    await syncLog(ctx.db, {
      at: now,
      activityId: conflict.activity_id,
      kind: 'resolved',
      message: input.resolution === 'keep_ours' ? 'Kept the shop’s time; the calendar will be corrected' : 'Took the calendar’s time',
    })
    ctx.changed('sync', 'activities')
    return openConflicts(ctx)
  },

  'sync.deadLetters': (_input, ctx) => deadLetters(ctx),

  'sync.retryDeadLetter': async (input, ctx) => {
    if (!(await isDeadLetter(ctx.db, input.activityId))) throw notFound('Dead letter for activity', input.activityId)
    await enqueue(ctx, [input.activityId])
    ctx.changed('sync')
    return deadLetters(ctx)
  },

  'sync.confirmDeletes': async (input, ctx) => {
    const account = await accountPausedDeletes(ctx.db, input.accountId)
    if (!account) throw notFound('Calendar account', input.accountId)
    const paused = parsePausedDeletes(account.paused_deletes)
    if (!paused) throw new AppError('refused', 'Nothing is waiting for a decision on this account.')
    const decision = input.apply ? 'apply' : 'keep'
    await savePausedDeletes(ctx.db, account.id, JSON.stringify({ ...paused, decision }))
    await syncLog(ctx.db, {
      at: ctx.clock.now().toISOString(),
      accountId: account.id,
      kind: 'deletes_decided',
      message: input.apply
        ? `The ${paused.count} deletions will be applied (their work unbooked) in the next round`
        : `The ${paused.count} deleted events will be put back on the calendar`,
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
      await ctx.db
        .updateTable('sync_inbox')
        .set({ seen_at: now })
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
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
    (await latestSyncLog(ctx.db, input.limit)).map((r) => ({
      id: r.id,
      at: r.at,
      accountId: r.account_id,
      activityId: r.activity_id,
      kind: r.kind,
      message: r.message,
    })),
  'sync.busyTime': async (input, ctx) => {
    const { time_zone: timeZone } = await getSettingsRow(ctx.db)
    const rows = await busyBlocksBetween(ctx.db, {
      after: startOfShopDay(input.from, timeZone).toISOString(),
      before: startOfShopDay(addDays(input.to, 1), timeZone).toISOString(),
    })
    return rows.map((r) => ({ technicianId: r.technician_id, start: r.start_at, end: r.end_at }))
  },

  'sync.forActivity': async (input, ctx) => {
    const places = await linkPlaces(ctx.db, input.activityId)
    const pending = await pendingSync(ctx.db, input.activityId)
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
