import { randomUUID } from 'node:crypto'
import { FakeClock } from '../shared/clock'
import type { FaultRule } from '../shared/faults'
import { json, startFakeHttp, type FakeRequest, type FakeResponse, type LoggedRequest } from '../shared/http'
import { handleGraphBatch } from './batch'
import { GraphDelta, type DeltaKnobs } from './delta'
import { defaultGraphFaultBody, gerrors } from './errors'
import { GraphEventsApi } from './events-api'
import { FakeIdentity } from './identity'
import { parseEventInput } from './input'
import { renderEvent } from './render'
import { GraphStore, type GraphCalendar } from './store'
import { GraphThrottle } from './throttle'
import type { FakeGraphOptions } from './types'
import { handleGraphAdmin } from './admin'

export type { FakeGraphOptions } from './types'
export type { GraphCalendar } from './store'

/** A rendered event (UTC, REST id) plus its immutable id, extended properties included. */
export type FakeGraphEvent = Record<string, unknown> & { id: string; immutableId: string; changeKey: string; subject: string }

export interface FakeGraphExternalEvent {
  subject?: string
  start?: string /* ISO instant */
  end?: string
  isAllDay?: boolean
  transactionId?: string
  singleValueExtendedProperties?: Array<{ id: string; value: string }>
}

export interface FakeGraph {
  /** http://127.0.0.1:<port>. Identity at `${url}/{tenant}/oauth2/v2.0/{authorize,token}`,
   *  `${url}/{tenant}/v2.0/.well-known/openid-configuration`, `${url}/common/discovery/instance`;
   *  Graph at `${url}/v1.0/...`. */
  url: string
  clientId: string
  tenantId: string
  defaultCalendarId: string
  addCalendar(c: { id?: string; name: string }): GraphCalendar
  calendars(): GraphCalendar[]
  /** Current state of one calendar (default: the default calendar), in UTC. */
  events(calendarId?: string): FakeGraphEvent[]
  requests(): LoggedRequest[]
  clearRequests(): void
  fault(rule: FaultRule): void
  clearFaults(): void
  /** The user editing in Outlook. Ids are REST ids. */
  external: {
    create(calendarId: string, ev: FakeGraphExternalEvent): FakeGraphEvent
    update(id: string, patch: FakeGraphExternalEvent): FakeGraphEvent
    move(id: string, start: string, end: string): FakeGraphEvent
    moveToCalendar(id: string, calendarId: string): FakeGraphEvent
    delete(id: string): void
  }
  tokens: {
    expireAll(): void
    revoke(): void
    issued(): number
    /** The next refresh answers invalid_grant AADSTS700082. */
    expireRefreshTokens(): void
    /** The next refreshes answer interaction_required until the user signs in again. */
    requireInteraction(): void
  }
  delta: { expire(mode: '410' | 'syncStateNotFound'): void; setKnobs(k: Partial<DeltaKnobs>): void }
  throttle: { set(t: { maxInFlight?: number; ratePer10Min?: number | null }): void }
  clock: { now(): Date; set(at: Date | null): void; advance(ms: number): void }
  setAuthorizeDecision(d: 'allow' | 'access_denied'): void
  /** JSON strings for MSAL's `auth.authorityMetadata` / `auth.cloudDiscoveryMetadata`, naming `base` as the host. */
  msal: { authorityMetadata(tenant?: string, base?: string): string; cloudDiscoveryMetadata(base?: string): string }
  reset(): void
  close(): Promise<void>
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

export async function startFakeGraph(options: FakeGraphOptions = {}): Promise<FakeGraph> {
  const clock = new FakeClock(options.now)
  const clientId = options.clientId ?? '00000000-0000-4000-8000-00000000c11e'
  const tenantId = options.tenantId ?? '00000000-0000-4000-8000-0000000075e7'
  const upn = options.userPrincipalName ?? 'owner@shop.example.com'
  const base = { url: '' }
  const store = new GraphStore(clock, options.idsChangeOnMove ?? true)
  const addDefault = (): GraphCalendar => store.addCalendar({ name: 'Calendar', isDefaultCalendar: true })
  let defaultCal = addDefault()
  const oid = randomUUID()
  const identity = new FakeIdentity({
    clientId,
    tenantId,
    userPrincipalName: upn,
    oid,
    accessTokenTtlS: options.accessTokenTtlS ?? 3599,
    invalidateRotatedRefreshTokens: options.invalidateRotatedRefreshTokens ?? false,
    clock,
  })
  const delta = new GraphDelta(store, () => base.url, upn, {
    pageSize: options.deltaPageSize ?? 10,
    replayProbability: 0,
    emptyPagesWithNextLink: 0,
  })
  const api = new GraphEventsApi(store, delta, { baseUrl: () => base.url, upn, userId: oid, duplicateTransaction: options.duplicateTransaction ?? 201 })
  const throttle = new GraphThrottle(options.maxInFlight ?? 4, options.ratePer10Min === undefined ? 10_000 : options.ratePer10Min)
  const latencyMs = options.latencyMs ?? 0

  const self: { fake?: FakeGraph } = {}

  /** One Graph call after auth: `/v1.0/me/...` or `/v1.0/users/{upn}/...`. */
  const graphCall = (req: FakeRequest): FakeResponse => {
    const segs = req.path
      .split('/')
      .filter(Boolean)
      .slice(1)
      .map((s) => decodeURIComponent(s))
    if (segs[0] === 'me') return api.handle(req, segs.slice(1))
    if (segs[0] === 'users' && segs[1]?.toLowerCase() === upn.toLowerCase()) return api.handle(req, segs.slice(2))
    return gerrors.badRequest(`Resource not found for the segment '${segs[0] ?? ''}'.`)
  }

  const handle = async (req: FakeRequest): Promise<FakeResponse> => {
    const parts = req.path.split('/').filter(Boolean)
    if (parts[0] === '__admin') return handleGraphAdmin(self.fake as FakeGraph, req)
    if (parts[0] === 'v1.0') {
      const auth = identity.authenticate(req)
      if (!auth.ok) return req.headers['authorization'] ? gerrors.invalidToken() : gerrors.missingToken()
      const isBatch = parts[1] === '$batch'
      const slot = throttle.enter(1)
      if (!slot.ok) return gerrors.tooManyRequests(slot.retryAfterS)
      try {
        if (latencyMs > 0) await sleep(latencyMs)
        if (isBatch) {
          if (req.method !== 'POST') return gerrors.methodNotAllowed()
          return handleGraphBatch(req, {
            inner: (inner) => {
              const rate = throttle.take(1)
              return rate.ok ? graphCall(inner) : gerrors.tooManyRequests(rate.retryAfterS)
            },
            faults: http.faults,
            faultBody: defaultGraphFaultBody,
            record: (e) => http.record(e),
          })
        }
        return graphCall(req)
      } finally {
        slot.leave()
      }
    }
    const tenant = parts[0] ?? ''
    const rest = parts.slice(1).join('/')
    if (rest === 'v2.0/.well-known/openid-configuration') return json(200, identity.openidConfiguration(base.url, tenant))
    if (rest === 'discovery/instance') return json(200, identity.discoveryInstance(base.url, tenant))
    if (rest === 'discovery/v2.0/keys') return json(200, { keys: [] })
    if (rest === 'oauth2/v2.0/authorize') return req.method === 'GET' ? identity.authorize(req) : gerrors.methodNotAllowed()
    if (rest === 'oauth2/v2.0/token') return identity.token(req, base.url)
    return gerrors.badRequest('Unknown path.')
  }

  const http = await startFakeHttp({ port: options.port ?? 0, handle, faultBody: defaultGraphFaultBody })
  base.url = http.url

  const render = (id: string): FakeGraphEvent => {
    const rec = store.find(id, false)
    if (!rec) throw new Error(`no event ${id}`)
    return {
      ...renderEvent(rec, { baseUrl: base.url, upn, timeZone: 'UTC', immutableIds: false, expandProps: () => true }),
      immutableId: rec.immutableId,
    } as FakeGraphEvent
  }
  const toInput = (ev: FakeGraphExternalEvent, mode: 'create' | 'patch') => {
    const body: Record<string, unknown> = { ...ev }
    if (ev.start) body['start'] = { dateTime: new Date(ev.start).toISOString().slice(0, 19), timeZone: 'UTC' }
    if (ev.end) body['end'] = { dateTime: new Date(ev.end).toISOString().slice(0, 19), timeZone: 'UTC' }
    const parsed = parseEventInput(Buffer.from(JSON.stringify(body)), mode)
    if (!parsed.ok) throw new Error(`invalid event: ${JSON.stringify(parsed.response.body)}`)
    return parsed.input
  }
  const live = (id: string) => {
    const rec = store.find(id, false)
    if (!rec) throw new Error(`no event ${id}`)
    return rec
  }

  const made: FakeGraph = {
    url: http.url,
    clientId,
    tenantId,
    get defaultCalendarId() {
      return defaultCal.id
    },
    addCalendar: (c) => store.addCalendar(c),
    calendars: () => store.calendarList(),
    events: (calendarId) => store.live(calendarId ?? defaultCal.id).map((r) => render(r.restId)),
    requests: () => http.requests(),
    clearRequests: () => http.clearRequests(),
    fault: (rule) => http.faults.add(rule),
    clearFaults: () => http.faults.clear(),
    external: {
      create: (calendarId, ev) => {
        if (!store.calendar(calendarId)) throw new Error(`no calendar ${calendarId}`)
        const hour = Math.ceil(clock.nowMs() / 3_600_000) * 3_600_000
        const input = toInput({ start: new Date(hour).toISOString(), end: new Date(hour + 3_600_000).toISOString(), ...ev }, 'create')
        return render(store.create(calendarId, input).restId)
      },
      update: (id, patch) => render(store.update(live(id), toInput(patch, 'patch')).restId),
      move: (id, start, end) => render(store.update(live(id), toInput({ start, end }, 'patch')).restId),
      moveToCalendar: (id, calendarId) => {
        if (!store.calendar(calendarId)) throw new Error(`no calendar ${calendarId}`)
        return render(store.moveToCalendar(live(id), calendarId).restId)
      },
      delete: (id) => store.remove(live(id)),
    },
    tokens: {
      expireAll: () => identity.expireAll(),
      revoke: () => identity.revokeAll(),
      issued: () => identity.issued(),
      expireRefreshTokens: () => identity.expireRefreshTokens(),
      requireInteraction: () => identity.requireInteraction(),
    },
    delta: {
      expire: (mode) => delta.expire(mode),
      setKnobs: (k) => {
        delta.knobs = { ...delta.knobs, ...k }
      },
    },
    throttle: {
      set: (t) => {
        if (t.maxInFlight !== undefined) throttle.maxInFlight = t.maxInFlight
        if (t.ratePer10Min !== undefined) throttle.perWindow = t.ratePer10Min
      },
    },
    clock: { now: () => clock.now(), set: (at) => clock.set(at), advance: (ms) => clock.advance(ms) },
    setAuthorizeDecision: (d) => {
      identity.decision = d
    },
    msal: {
      authorityMetadata: (tenant = 'common', b = 'https://login.microsoftonline.com') => JSON.stringify(identity.openidConfiguration(b, tenant)),
      cloudDiscoveryMetadata: (b = 'https://login.microsoftonline.com') => JSON.stringify(identity.discoveryInstance(b, 'common')),
    },
    reset: () => {
      store.reset()
      defaultCal = addDefault()
      delta.reset()
      identity.reset()
      throttle.reset()
      http.faults.clear()
      http.clearRequests()
    },
    close: () => http.close(),
  }
  self.fake = made
  return made
}
