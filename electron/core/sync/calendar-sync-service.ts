import { calendar as calendarApi } from '@googleapis/calendar'
import type { Service, ServiceContext } from '../services'
import type { ConnectStarted, RemoteCalendar, SyncRoundSummary } from '../../../shared/domain/sync'
import { AppError } from '../errors'
import { googleClientConfig, outlookClientConfig, syncIntervalSeconds, type GoogleClientConfig, type OutlookClientConfig, type SyncEnv } from './config'
import type { SyncProvider } from '../../../shared/domain/sync'
import { accountClient, oauthClient, tokenKey, type GoogleCalls } from './google/client'
import { startLoopbackConnect } from './google/loopback-connect'
import { SyncFailure } from './failure'
import { mailboxGate, outlookCalls, type MailboxGate, type OutlookCalls } from './outlook/client'
import { msalApp, outlookTokenKey, tokenSource } from './outlook/auth'
import { startOutlookConnect } from './outlook/connect'
import { deltaWindow, readOutlookCalendar } from './outlook/pull'
import { slidingWindowLimiter, type RateLimiter } from './rate-limit'
import { applyPulled, emptyPullCounts, readCalendar, type PulledCalendar } from './pull'
import { emptyPushCounts, pushOutbox, type ProviderCalls, type PushCounts } from './push'
import { activeCalendars } from './targets'
import { syncLog } from './sync-log'
import { parsePausedDeletes } from './paused-deletes'
import { pacedContext } from './pacing'

export const SYNC_SERVICE = 'calendar-sync'

/** Google's per-user quota is 600 requests a minute (docs/sync-notes.md §2). */
export const GOOGLE_REQUESTS_PER_MINUTE = 600

export interface CalendarSyncOptions {
  env: SyncEnv
  /** How long the loopback listener waits for the browser (default 5 minutes). */
  connectTimeoutMs?: number
  /** Events per page when reading a calendar (default 250; tests page with less). */
  pageSize?: number
  /** Requests per minute per account (default 600). */
  requestsPerMinute?: number
}

export interface CalendarSyncService extends Service {
  /** The environment it was configured with (endpoints, client, interval). */
  readonly env: SyncEnv
  /** Starts connecting (or reconnecting) an account; answers at once, finishes when the browser comes back. */
  connect(accountId?: number, provider?: SyncProvider): Promise<ConnectStarted>
  /** The background half of a `connect`, for callers that want to wait for it (tests, the bridge). */
  connecting(accountId: number): Promise<void> | undefined
  /** Stops waiting for the browser (the user cancelled); answers once the flow has wound down. False when nothing was waiting. */
  cancelConnect(accountId: number): Promise<boolean>
  /** One round, pull then push, for every connected account (or one). Rounds never overlap. */
  runRound(opts?: { accountId?: number; explicit?: boolean }): Promise<SyncRoundSummary>
  disconnect(accountId: number): Promise<void>
  remoteCalendars(accountId: number): Promise<RemoteCalendar[]>
  /** What Outlook's throttling did to an account since the core started (null: not an Outlook account, or no call yet). */
  throttleStats(accountId: number): MailboxGate['stats'] | null
}

/**
 * Two-way sync with Google Calendar as a background service: polls every
 * SHOP_SYNC_INTERVAL_S seconds (default 300), runs a round on demand ("sync now"), and
 * owns the OAuth loopback flows. All network I/O is outside the lock (docs/design.md).
 */
export function calendarSyncService(options: CalendarSyncOptions): CalendarSyncService {
  let s: ServiceContext | null = null
  const limiters = new Map<number, RateLimiter>()
  const pending = new Map<number, Promise<void>>()
  // One waiting sign-in per account: a second connect of the same account replaces the first.
  const flows = new Map<number, { cancel(): void }>()
  const gates = new Map<number, MailboxGate>()
  const gateFor = (accountId: number): MailboxGate => {
    let g = gates.get(accountId)
    if (!g) gates.set(accountId, (g = mailboxGate()))
    return g
  }
  const outlookConfig = (): Promise<OutlookClientConfig> => ctx().batch((c) => outlookClientConfig(c.db, options.env))
  const requireOutlookClient = (cfg: OutlookClientConfig): string => {
    if (!cfg.clientId) {
      throw new AppError(
        'refused',
        'No Microsoft sign-in client is set up yet. Enter the application (client) id of your Entra app registration in Settings (the README explains how to register one), or set SHOP_MS_CLIENT_ID.',
      )
    }
    return cfg.clientId
  }
  const outlookCallsFor = async (accountId: number): Promise<OutlookCalls> => {
    const sc = ctx()
    const cfg = await outlookConfig()
    const app = msalApp({ clientId: requireOutlookClient(cfg), endpoints: cfg.endpoints, fetch: sc.ports.fetch, secrets: sc.ports.secrets, accountId })
    return outlookCalls({ graph: cfg.endpoints.graph, fetch: sc.ports.fetch, tokens: tokenSource(app), gate: gateFor(accountId), signal: sc.signal })
  }
  const providerOf = async (accountId: number): Promise<SyncProvider> =>
    (await ctx().batch((c) => c.db.selectFrom('sync_accounts').select('provider').where('id', '=', accountId).executeTakeFirst()))?.provider ?? 'google'
  let rounds: Promise<unknown> = Promise.resolve()

  const ctx = (): ServiceContext => {
    if (!s) throw new AppError('refused', 'Calendar sync is not running.')
    return s
  }
  const limiterFor = (accountId: number): RateLimiter => {
    let l = limiters.get(accountId)
    if (!l) {
      // 2% under the quota: Google counts a request when it arrives, we when it leaves, and
      // calls outside this limiter (the sign-in's calendar list) count against the same minute.
      l = slidingWindowLimiter({ limit: Math.floor((options.requestsPerMinute ?? GOOGLE_REQUESTS_PER_MINUTE) * 0.98), windowMs: 60_000, marginMs: 500 })
      limiters.set(accountId, l)
    }
    return l
  }
  const config = (): Promise<GoogleClientConfig> => ctx().batch((c) => googleClientConfig(c.db, c.ports.secrets, options.env))
  const requireClient = (cfg: GoogleClientConfig): { clientId: string; clientSecret: string | null } => {
    if (!cfg.clientId) {
      throw new AppError(
        'refused',
        'No Google sign-in client is set up yet. Enter the client id and secret of your "Desktop app" OAuth client in Settings (the README explains how to register one), or set SHOP_GOOGLE_CLIENT_ID and SHOP_GOOGLE_CLIENT_SECRET.',
      )
    }
    return { clientId: cfg.clientId, clientSecret: cfg.clientSecret }
  }
  const callsFor = async (cfg: GoogleClientConfig, accountId: number): Promise<GoogleCalls> => {
    const sc = ctx()
    return accountClient({
      ...requireClient(cfg),
      endpoints: cfg.endpoints,
      fetch: sc.ports.fetch,
      accountId,
      secrets: sc.ports.secrets,
      limiter: limiterFor(accountId),
      log: sc.log,
      signal: sc.signal,
    })
  }

  const needsReconnect = async (accountId: number, message: string) => {
    await ctx().batch(async (c) => {
      const now = c.clock.now().toISOString()
      const changed = await c.db
        .updateTable('sync_accounts')
        .set({ status: 'needs_reconnect', last_error: message, updated_at: now })
        .where('id', '=', accountId)
        .where('status', '=', 'connected')
        .executeTakeFirst()
      if (Number(changed.numUpdatedRows) > 0) {
        await syncLog(c.db, {
          at: now,
          accountId,
          kind: 'needs_reconnect',
          message: `The calendar refused the sign-in (${message}); changes wait until the account is reconnected`,
        })
      }
      c.changed('sync')
    })
  }

  const oneRound = async (opts: { accountId?: number; explicit?: boolean }): Promise<SyncRoundSummary> => {
    const sc = ctx()
    const cfg = await config()
    const { accounts, calendars, installId, timeZone } = await sc.batch(async (c) => ({
      accounts: await c.db
        .selectFrom('sync_accounts')
        .selectAll()
        .where('status', '=', 'connected')
        .$if(opts.accountId !== undefined, (q) => q.where('id', '=', opts.accountId!))
        .execute(),
      calendars: await activeCalendars(c.db),
      installId: (await c.db.selectFrom('sync_settings').select('install_id').executeTakeFirstOrThrow()).install_id,
      timeZone: (await c.db.selectFrom('settings').select('time_zone').executeTakeFirstOrThrow()).time_zone,
    }))
    const summary: SyncRoundSummary = { accounts: [] }
    const entries = new Map<number, SyncRoundSummary['accounts'][number]>()
    const pushCounts = new Map<number, PushCounts>()
    const clients = new Map<number, ProviderCalls | null>()

    for (const account of accounts) {
      const entry = {
        accountId: account.id,
        status: account.status,
        pushed: { created: 0, updated: 0, deleted: 0, unchanged: 0 },
        pulled: emptyPullCounts(),
        deadLettered: 0,
        retryLater: 0,
        pausedDeletes: 0,
        error: null as string | null,
      }
      entries.set(account.id, entry)
      summary.accounts.push(entry)
      sc.events.emit('sync.status', { account: String(account.id), state: 'syncing' })
      try {
        const calls: ProviderCalls = account.provider === 'outlook' ? await outlookCallsFor(account.id) : await callsFor(cfg, account.id)
        clients.set(account.id, calls)
        const paused = parsePausedDeletes(account.paused_deletes)
        if (paused && paused.decision === null) {
          entry.pausedDeletes = paused.count
          continue // waits for the user: nothing pulled, nothing unbooked
        }
        const pulled: PulledCalendar[] = []
        for (const calendar of calendars.filter((c) => c.account_id === account.id)) {
          pulled.push(
            'provider' in calls
              ? await readOutlookCalendar(calls, calendar, {
                  installId,
                  window: deltaWindow(sc.clock.now()),
                  ...(options.pageSize ? { pageSize: options.pageSize } : {}),
                })
              : await readCalendar(calls, calendar, { pageSize: options.pageSize }),
          )
        }
        const result = await applyPulled(sc, account.id, pulled, {
          installId,
          timeZone,
          deleteDecision: paused?.decision ?? 'ask',
        })
        entry.pulled = result.counts
        entry.pausedDeletes = result.paused?.count ?? 0
        if (paused && !result.paused) {
          await sc.batch((c) => c.db.updateTable('sync_accounts').set({ paused_deletes: null }).where('id', '=', account.id).execute())
        }
      } catch (error) {
        if (sc.signal.aborted) throw error
        if (error instanceof SyncFailure && error.kind === 'auth') {
          clients.set(account.id, null)
          await needsReconnect(account.id, error.message)
          entry.status = 'needs_reconnect'
        }
        // A failed or partial read changes nothing: no token advanced, nothing deleted.
        entry.error = error instanceof Error ? error.message : String(error)
      }
    }

    await pushOutbox({
      s: sc,
      // Outlook writes are coalesced into $batches of 20 behind a 4-request gate: enough rows in flight to fill them.
      ...(accounts.some((a) => a.provider === 'outlook') ? { concurrency: 80 } : {}),
      ignoreBackoff: opts.explicit ?? false,
      clientFor: async (accountId) => (clients.has(accountId) ? clients.get(accountId)! : null),
      needsReconnect: async (accountId, message) => {
        clients.set(accountId, null)
        await needsReconnect(accountId, message)
        const e = entries.get(accountId)
        if (e) e.status = 'needs_reconnect'
      },
      countsFor: (accountId) => {
        let c = pushCounts.get(accountId)
        if (!c) pushCounts.set(accountId, (c = emptyPushCounts()))
        return c
      },
    })

    await sc.batch(async (c) => {
      const now = c.clock.now().toISOString()
      for (const entry of summary.accounts) {
        const p = pushCounts.get(entry.accountId)
        if (p) {
          entry.pushed = { created: p.created, updated: p.updated, deleted: p.deleted, unchanged: p.unchanged }
          entry.deadLettered = p.deadLettered
          entry.retryLater = p.retryLater
        }
        await c.db
          .updateTable('sync_accounts')
          .set({ last_sync_at: now, last_error: entry.error, updated_at: now })
          .where('id', '=', entry.accountId)
          .where('status', '=', 'connected')
          .execute()
      }
      c.changed('sync')
    })
    for (const entry of summary.accounts) {
      sc.events.emit('sync.status', {
        account: String(entry.accountId),
        state: entry.error ? 'error' : 'idle',
        ...(entry.error ? { message: entry.error } : {}),
      })
    }
    return summary
  }

  /** The Outlook half of `connect`: MSAL's interactive flow; its token cache lands in the SecretStore. */
  const connectOutlook = async (id: number, cfg: OutlookClientConfig, clientId: string): Promise<ConnectStarted> => {
    const sc = ctx()
    const flow = await startOutlookConnect(
      { clientId, endpoints: cfg.endpoints, fetch: sc.ports.fetch, secrets: sc.ports.secrets, accountId: id },
      { timeoutMs: options.connectTimeoutMs ?? 5 * 60_000 },
    )
    return awaitSignIn(id, flow, 'the Outlook account', async ({ email }) => email)
  }

  /**
   * The background half of a started sign-in, for either provider: `signedIn` stores what the
   * browser brought back and answers the account's email; then the account is connected and
   * whatever waited drains. A failure says why on the account (a first connection ends
   * disconnected, a reconnect keeps its state).
   */
  const awaitSignIn = async <T>(
    id: number,
    flow: { authorizeUrl: string; done: Promise<T>; cancel(): void },
    label: string,
    signedIn: (result: T) => Promise<string | null>,
  ): Promise<ConnectStarted> => {
    const sc = ctx()
    // A second connect of the same account replaces the first flow: only one listener waits.
    flows.get(id)?.cancel()
    flows.set(id, flow)
    const finished: Promise<void> = flow.done
      .then(async (result) => {
        const email = await signedIn(result)
        await sc.batch(async (c) => {
          const now = c.clock.now().toISOString()
          await c.db.updateTable('sync_accounts').set({ status: 'connected', email, last_error: null, updated_at: now }).where('id', '=', id).execute()
          await syncLog(c.db, { at: now, accountId: id, kind: 'connected', message: `Connected ${email ?? label}` })
          c.changed('sync')
        })
        // Whatever waited while the account was away (a revoked grant) drains now.
        await service.runRound().catch((error: unknown) => sc.log.error('The sync round after connecting failed', error))
      })
      .catch(async (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error)
        // Shutting down, or replaced by a newer sign-in of the same account ("Connect again"): that one decides.
        if (sc.signal.aborted || (flows.has(id) && flows.get(id) !== flow)) return
        await sc.batch(async (c) => {
          const now = c.clock.now().toISOString()
          await c.db.updateTable('sync_accounts').set({ last_error: message, updated_at: now }).where('id', '=', id).execute()
          await c.db.updateTable('sync_accounts').set({ status: 'disconnected' }).where('id', '=', id).where('status', '=', 'connecting').execute()
          await syncLog(c.db, { at: now, accountId: id, kind: 'connect_failed', message })
          c.changed('sync')
        })
      })
      .finally(() => {
        if (flows.get(id) === flow) flows.delete(id)
        if (pending.get(id) === finished) pending.delete(id)
      })
    pending.set(id, finished)
    await sc.ports
      .openExternal(flow.authorizeUrl)
      .catch((error: unknown) => sc.log.error('Opening the browser failed; the sign-in address is shown instead', error))
    return { accountId: id, authorizeUrl: flow.authorizeUrl }
  }

  const service: CalendarSyncService = {
    throttleStats: (accountId) => gates.get(accountId)?.stats ?? null,
    name: SYNC_SERVICE,
    env: options.env,
    start(context) {
      // Batches paced: a round never holds the event loop for more than a slice (pacing.ts).
      s = pacedContext(context)
      context.every(syncIntervalSeconds(options.env) * 1000, () => service.runRound())
    },
    stop() {
      for (const f of flows.values()) f.cancel()
    },

    runRound(opts = {}) {
      const next = rounds.then(() => oneRound(opts))
      rounds = next.catch(() => undefined)
      return next
    },

    async connect(accountId, provider) {
      const sc = ctx()
      const which: SyncProvider = accountId !== undefined ? await providerOf(accountId) : (provider ?? 'google')
      const cfg = which === 'google' ? await config() : null
      const ocfg = which === 'outlook' ? await outlookConfig() : null
      const client = cfg ? requireClient(cfg) : null
      const msClientId = ocfg ? requireOutlookClient(ocfg) : null
      const id = await sc.batch(async (c) => {
        const now = c.clock.now().toISOString()
        if (accountId !== undefined) {
          const row = await c.db.selectFrom('sync_accounts').select('id').where('id', '=', accountId).executeTakeFirst()
          if (!row) throw new AppError('not_found', `There is no calendar account ${accountId}.`)
          return row.id
        }
        const row = await c.db
          .insertInto('sync_accounts')
          .values({
            provider: which,
            email: null,
            status: 'connecting',
            paused_deletes: null,
            last_sync_at: null,
            last_error: null,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        c.changed('sync')
        return row.id
      })
      if (ocfg && msClientId) return connectOutlook(id, ocfg, msClientId)
      const oauth = oauthClient({ ...client!, endpoints: cfg!.endpoints, fetch: sc.ports.fetch })
      const flow = await startLoopbackConnect(oauth, { timeoutMs: options.connectTimeoutMs ?? 5 * 60_000 })
      return awaitSignIn(id, flow, 'the Google account', async (tokens) => {
        oauth.setCredentials(tokens)
        const api = calendarApi({ version: 'v3', auth: oauth, rootUrl: cfg!.endpoints.apiRoot, retry: false })
        const list = await api.calendarList.list({}, { signal: sc.signal })
        const email = list.data.items?.find((c) => c.primary)?.id ?? null
        await sc.ports.secrets.set(tokenKey(id), JSON.stringify(tokens))
        return email
      })
    },

    connecting: (accountId) => pending.get(accountId),

    async cancelConnect(accountId) {
      const flow = flows.get(accountId)
      if (!flow) return false
      flow.cancel()
      await pending.get(accountId)
      return true
    },

    async disconnect(accountId) {
      const sc = ctx()
      if ((await providerOf(accountId)) === 'outlook') {
        // Entra has no revoke endpoint for a public client: the token cache (and its refresh token) is removed here.
        await sc.ports.secrets.delete(outlookTokenKey(accountId))
        gates.delete(accountId)
        await markDisconnected(sc, accountId, 'Disconnected; the sign-in was removed from this computer, the event links are kept')
        return
      }
      const cfg = await config()
      const stored = await sc.ports.secrets.get(tokenKey(accountId))
      if (stored && cfg.clientId) {
        const tokens = JSON.parse(stored) as { refresh_token?: string; access_token?: string }
        const token = tokens.refresh_token ?? tokens.access_token
        if (token) {
          const oauth = oauthClient({ clientId: cfg.clientId, clientSecret: cfg.clientSecret, endpoints: cfg.endpoints, fetch: sc.ports.fetch })
          // A revoke that fails (offline, already revoked) must not keep the tokens here.
          await oauth
            .revokeToken(token)
            .catch((error: unknown) =>
              sc.log.info(`Revoking the Google grant failed (${error instanceof Error ? error.message : String(error)}); the tokens are removed anyway`),
            )
        }
      }
      await sc.ports.secrets.delete(tokenKey(accountId))
      limiters.delete(accountId)
      await markDisconnected(sc, accountId, 'Disconnected; the sign-in was revoked and removed, the event links are kept')
    },

    async remoteCalendars(accountId) {
      if ((await providerOf(accountId)) === 'outlook') {
        const o = await outlookCallsFor(accountId)
        const list = await o.call<{ value?: Array<{ id: string; name?: string; isDefaultCalendar?: boolean }> }>({ method: 'GET', url: '/me/calendars' })
        return (list.body.value ?? []).map((c) => ({ remoteId: c.id, summary: c.name ?? c.id, timeZone: null, primary: c.isDefaultCalendar === true }))
      }
      const calls = await callsFor(await config(), accountId)
      const list = await calls.send((api, signal) => api.calendarList.list({}, { signal }))
      return (list.items ?? []).map((c) => ({
        remoteId: c.id ?? '',
        summary: c.summaryOverride ?? c.summary ?? c.id ?? '',
        timeZone: c.timeZone ?? null,
        primary: c.primary === true,
      }))
    },
  }
  return service
}

/** The account is disconnected (its links kept, so a reconnect duplicates nothing), and the sync log says how. */
async function markDisconnected(sc: ServiceContext, accountId: number, message: string): Promise<void> {
  await sc.batch(async (c) => {
    const now = c.clock.now().toISOString()
    await c.db.updateTable('sync_accounts').set({ status: 'disconnected', updated_at: now }).where('id', '=', accountId).execute()
    await syncLog(c.db, { at: now, accountId, kind: 'disconnected', message })
    c.changed('sync')
  })
}
