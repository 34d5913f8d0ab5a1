import { FakeClock } from '../shared/clock'
import { startFakeHttp, type FakeRequest, type FakeResponse, type LoggedRequest } from '../shared/http'
import type { FaultRule } from '../shared/faults'
import { handleGoogleAdmin } from './admin'
import { handleBatch } from './batch'
import { CalendarApi } from './calendar-api'
import { defaultFaultBody, errors } from './errors'
import { EventsApi } from './events-api'
import { FakeGoogleOAuth } from './oauth'
import { SlidingQuota } from './quota'
import { CalendarStore, mergePatch } from './store'
import type { FakeGoogleOptions, GoogleEvent } from './types'
import { validateEvent } from './validate'

export type { FakeGoogleOptions, GoogleEvent } from './types'
export type { FaultRule } from '../shared/faults'
export type { LoggedRequest } from '../shared/http'
/** Google's error responses, e.g. `fault({match, respond: { status: 403, body: googleErrors.userRateLimitExceeded().body }})`. */
export { errors as googleErrors } from './errors'

export interface FakeGoogle {
  /** http://127.0.0.1:<port>. OAuth: GET `${url}/o/oauth2/v2/auth`, POST `${url}/token`, POST `${url}/revoke`;
   *  API root `${url}/` so paths are `${url}/calendar/v3/...`; batch at `${url}/batch/calendar/v3`. */
  url: string
  clientId: string
  clientSecret: string
  addCalendar(c: { id: string; summary: string; timeZone?: string; primary?: boolean }): void
  /** Current remote state of one calendar (tombstones only with includeCancelled). */
  events(calendarId: string, opts?: { includeCancelled?: boolean }): GoogleEvent[]
  requests(): LoggedRequest[]
  clearRequests(): void
  fault(rule: FaultRule): void
  clearFaults(): void
  /** Simulates the user editing in Google Calendar's own UI. Throws on an unknown calendar or event. */
  external: {
    create(calendarId: string, ev: Partial<GoogleEvent>): GoogleEvent
    update(calendarId: string, id: string, patch: Partial<GoogleEvent>): GoogleEvent
    move(calendarId: string, id: string, start: string /* ISO instant, or YYYY-MM-DD for all-day */, end: string): GoogleEvent
    delete(calendarId: string, id: string): void
  }
  tokens: { expireAll(): void; revoke(): void; issued(): number /* refreshes served */ }
  syncTokens: { invalidate(): void }
  setQuota(perMinute: number | null): void
  // Extras beyond the agreed interface:
  /** The fake's clock (token TTLs, testing-mode expiry, tombstone retention). */
  clock: { now(): Date; set(at: Date | null): void; advance(ms: number): void }
  /** What the consent screen answers next: a code, or `error=access_denied`. */
  setAuthorizeDecision(d: 'allow' | 'access_denied'): void
  /** Back to a fresh server (primary calendar only, no grants, faults, requests); options kept. */
  reset(): void
  close(): Promise<void>
}

const DEFAULT_CLIENT_ID = 'fake-desktop-client.apps.googleusercontent.com'
const DEFAULT_CLIENT_SECRET = 'GOCSPX-fake-desktop-secret'

function ensure<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new Error(what)
  return v
}

export async function startFakeGoogle(options: FakeGoogleOptions = {}): Promise<FakeGoogle> {
  const clock = new FakeClock(options.now)
  const clientId = options.clientId ?? DEFAULT_CLIENT_ID
  const clientSecret = options.clientSecret ?? DEFAULT_CLIENT_SECRET
  const userEmail = options.userEmail ?? 'shop.owner@example.com'
  const store = new CalendarStore(clock, userEmail, options.tombstoneRetentionDays === undefined ? null : options.tombstoneRetentionDays * 86_400_000)
  const addPrimary = (): void => store.addCalendar({ id: userEmail, summary: userEmail, timeZone: 'UTC', primary: true })
  addPrimary()
  const oauth = new FakeGoogleOAuth({
    clientId,
    clientSecret,
    accessTokenTtlS: options.accessTokenTtlS ?? 3599,
    testingMode: options.testingMode ?? false,
    userEmail,
    clock,
  })
  const quota = new SlidingQuota(options.quotaPerMinute === undefined ? 600 : options.quotaPerMinute)
  const events = new EventsApi(store, { duplicateOnDeletedId: options.duplicateOnDeletedId ?? true })
  const api = new CalendarApi(store, events, oauth, quota, options.quotaError ?? { status: 403, reason: 'userRateLimitExceeded' })

  // The admin API drives the finished object, which exists only once the server listens.
  const self: { fake?: FakeGoogle } = {}
  const state = (): unknown => ({
    now: clock.now().toISOString(),
    seq: store.currentSeq(),
    quotaPerMinute: quota.perMinute,
    authorizeDecision: oauth.decision,
    grants: oauth.summary(),
    refreshesServed: oauth.issued(),
    faults: http.faults.pending(),
    calendars: store.calendarList().map((c) => ({ ...c, events: store.stored(c.id).map((s) => s.event) })),
  })

  const handle = async (req: FakeRequest): Promise<FakeResponse> => {
    if (req.path.startsWith('/__admin')) return handleGoogleAdmin(ensure(self.fake, 'fake not started'), state, req)
    if (req.path === '/o/oauth2/v2/auth') return req.method === 'GET' ? oauth.authorize(req) : errors.methodNotAllowed()
    if (req.path === '/token') return oauth.token(req)
    if (req.path === '/revoke') return oauth.revoke(req)
    if (req.path === '/tokeninfo') return oauth.tokenInfo(req)
    if (req.path === '/oauth2/v3/userinfo') return oauth.userInfo(req)
    if (req.path === '/batch/calendar/v3' || req.path === '/batch') {
      if (req.method !== 'POST') return errors.methodNotAllowed()
      return handleBatch(req, {
        inner: (inner) => api.handle(inner),
        faults: http.faults,
        faultBody: defaultFaultBody,
        record: (entry) => http.record(entry),
        limit: options.batchLimit ?? 1000,
      })
    }
    return api.handle(req)
  }

  const http = await startFakeHttp({ port: options.port ?? 0, handle, faultBody: defaultFaultBody })

  const needCalendar = (calendarId: string): string => ensure(store.calendar(calendarId), `no calendar ${calendarId}`).cal.id
  const check = (ev: Partial<GoogleEvent>): void => {
    const bad = validateEvent(ev)
    if (bad) throw new Error(`invalid event: ${JSON.stringify(bad.body)}`)
  }
  const existing = (cid: string, id: string): GoogleEvent => ensure(store.get(cid, id), `no event ${id} in ${cid}`)

  const made: FakeGoogle = {
    url: http.url,
    clientId,
    clientSecret,
    addCalendar: (c) => store.addCalendar(c),
    events: (calendarId, opts) =>
      store
        .stored(needCalendar(calendarId))
        .map((s) => s.event)
        .filter((e) => opts?.includeCancelled || e.status !== 'cancelled'),
    requests: () => http.requests(),
    clearRequests: () => http.clearRequests(),
    fault: (rule) => http.faults.add(rule),
    clearFaults: () => http.faults.clear(),
    external: {
      create: (calendarId, ev) => {
        const cid = needCalendar(calendarId)
        const hour = new Date(Math.ceil(clock.nowMs() / 3_600_000) * 3_600_000)
        const full: Partial<GoogleEvent> = {
          start: { dateTime: hour.toISOString() },
          end: { dateTime: new Date(hour.getTime() + 3_600_000).toISOString() },
          ...ev,
        }
        check(full)
        const r = store.insert(cid, full, { duplicateOnDeletedId: true })
        if (!r.ok) throw new Error(`external.create: ${r.reason}`)
        return r.event
      },
      update: (calendarId, id, patch) => {
        const cid = needCalendar(calendarId)
        // Validate the result before writing, so a bad admin call changes nothing.
        check(mergePatch(existing(cid, id), patch as Record<string, unknown>) as Partial<GoogleEvent>)
        const r = store.write(cid, id, patch as Record<string, unknown>, 'merge')
        if (!r.ok) throw new Error(`external.update: ${r.reason}`)
        return r.event
      },
      move: (calendarId, id, start, end) => {
        const cid = needCalendar(calendarId)
        const ev = existing(cid, id)
        const allDay = /^\d{4}-\d{2}-\d{2}$/.test(start)
        const next = allDay
          ? { start: { date: start }, end: { date: end } }
          : {
              start: { dateTime: new Date(start).toISOString(), ...(ev.start?.timeZone ? { timeZone: ev.start.timeZone } : {}) },
              end: { dateTime: new Date(end).toISOString(), ...(ev.end?.timeZone ? { timeZone: ev.end.timeZone } : {}) },
            }
        check({ ...ev, ...next })
        const r = store.write(cid, id, next, 'merge')
        if (!r.ok) throw new Error(`external.move: ${r.reason}`)
        return r.event
      },
      delete: (calendarId, id) => {
        const cid = needCalendar(calendarId)
        existing(cid, id)
        store.cancel(cid, id)
      },
    },
    tokens: {
      expireAll: () => oauth.expireAll(),
      revoke: () => oauth.revokeAll(),
      issued: () => oauth.issued(),
    },
    syncTokens: { invalidate: () => store.invalidateSyncTokens() },
    setQuota: (perMinute) => {
      quota.perMinute = perMinute
    },
    clock: {
      now: () => clock.now(),
      set: (at) => clock.set(at),
      advance: (ms) => clock.advance(ms),
    },
    setAuthorizeDecision: (d) => {
      oauth.decision = d
    },
    reset: () => {
      store.reset()
      addPrimary()
      events.reset()
      oauth.reset()
      quota.reset()
      http.faults.clear()
      http.clearRequests()
    },
    close: () => http.close(),
  }
  self.fake = made
  return made
}
