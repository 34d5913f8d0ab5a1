import { json, type FakeRequest, type FakeResponse } from '../shared/http'
import { errors } from './errors'
import type { EventsApi } from './events-api'
import type { FakeGoogleOAuth } from './oauth'
import type { SlidingQuota } from './quota'
import { scopeAllows, type Access } from './scopes'
import type { CalendarStore } from './store'
import type { FakeCalendar, FakeGoogleOptions } from './types'

type QuotaError = NonNullable<FakeGoogleOptions['quotaError']>

/** `colors.get`: Google's event palette (the keys `colorId` takes); the calendar palette only has the id the fake uses. */
const EVENT_COLORS: Array<[string, string]> = [
  ['1', '#a4bdfc'],
  ['2', '#7ae7bf'],
  ['3', '#dbadff'],
  ['4', '#ff887c'],
  ['5', '#fbd75b'],
  ['6', '#ffb878'],
  ['7', '#46d6db'],
  ['8', '#e1e1e1'],
  ['9', '#5484ed'],
  ['10', '#51b749'],
  ['11', '#dc2127'],
]
const COLORS = {
  kind: 'calendar#colors',
  updated: '2012-02-14T00:00:00.000Z',
  calendar: { '14': { background: '#9fe1e7', foreground: '#000000' } },
  event: Object.fromEntries(EVENT_COLORS.map(([id, background]) => [id, { background, foreground: '#1d1d1d' }])),
}

function calendarListEntry(c: FakeCalendar): Record<string, unknown> {
  return {
    kind: 'calendar#calendarListEntry',
    etag: `"${Buffer.from(c.id).toString('hex').slice(0, 16)}"`,
    id: c.id,
    summary: c.summary,
    timeZone: c.timeZone,
    colorId: '14',
    backgroundColor: '#9fe1e7',
    foregroundColor: '#000000',
    selected: true,
    accessRole: 'owner',
    defaultReminders: [{ method: 'popup', minutes: 10 }],
    conferenceProperties: { allowedConferenceSolutionTypes: ['hangoutsMeet'] },
    ...(c.primary ? { primary: true } : {}),
  }
}

interface Route {
  access: Access
  units: number
  run: () => FakeResponse
}

/** Routes `/calendar/v3/...` after the bearer token, the scope and the user's quota pass. */
export class CalendarApi {
  constructor(
    private readonly store: CalendarStore,
    private readonly events: EventsApi,
    private readonly oauth: FakeGoogleOAuth,
    private readonly quota: SlidingQuota,
    public quotaError: QuotaError,
  ) {}

  handle(req: FakeRequest): FakeResponse {
    const route = this.route(req)
    if (!route) return errors.notFound()
    if ('status' in route) return route
    const auth = this.oauth.authenticate(req)
    if (!auth.ok) return auth.response
    if (!scopeAllows(auth.scope, route.access)) return errors.insufficientScopes()
    // PATCH costs 3 quota units (sync-notes §2).
    const q = this.quota.take(auth.user, route.units)
    if (!q.ok) return this.overQuota(q.retryAfterMs)
    const sendUpdates = req.query.get('sendUpdates')
    if (sendUpdates !== null && !['all', 'externalOnly', 'none'].includes(sendUpdates)) {
      return errors.invalid(`Invalid value '${sendUpdates}'. Values must match one of: all, externalOnly, none`, 'sendUpdates')
    }
    return route.run()
  }

  private overQuota(retryAfterMs: number): FakeResponse {
    const e = this.quotaError
    const headers: Record<string, string> = e.retryAfter ? { 'Retry-After': String(Math.ceil(retryAfterMs / 1000)) } : {}
    if (e.status === 403 && (e.reason ?? 'userRateLimitExceeded') === 'userRateLimitExceeded') return errors.userRateLimitExceeded(headers)
    return errors.rateLimitExceeded(e.status, headers)
  }

  private route(req: FakeRequest): Route | FakeResponse | undefined {
    const parts = req.path.split('/').filter(Boolean)
    if (parts[0] !== 'calendar' || parts[1] !== 'v3') return undefined
    let rest: string[]
    try {
      rest = parts.slice(2).map((p) => decodeURIComponent(p))
    } catch {
      return errors.badRequest('Bad Request')
    }
    const m = req.method
    const [a, b, c, d, e] = rest
    if (a === 'users' && b === 'me' && c === 'calendarList') {
      if (m !== 'GET') return errors.methodNotAllowed()
      if (d === undefined) {
        return {
          access: 'calendarList.read',
          units: 1,
          run: () =>
            json(200, {
              kind: 'calendar#calendarList',
              etag: `"cl${this.store.calendarList().length}"`,
              nextSyncToken: this.events.encodeSyncToken('calendarList', this.store.currentSeq()),
              items: this.store.calendarList().map(calendarListEntry),
            }),
        }
      }
      return {
        access: 'calendarList.read',
        units: 1,
        run: () => {
          const s = this.store.calendar(d)
          return s ? json(200, calendarListEntry(s.cal)) : errors.notFound()
        },
      }
    }
    if (a === 'colors' && b === undefined) {
      if (m !== 'GET') return errors.methodNotAllowed()
      return { access: 'events.read', units: 1, run: () => json(200, COLORS) }
    }
    if (a !== 'calendars' || b === undefined) return undefined
    if (c === undefined) {
      if (m !== 'GET') return errors.methodNotAllowed()
      return {
        access: 'calendars.read',
        units: 1,
        run: () => {
          const s = this.store.calendar(b)
          if (!s) return errors.notFound()
          return json(200, { kind: 'calendar#calendar', etag: `"c${s.cal.id.length}"`, id: s.cal.id, summary: s.cal.summary, timeZone: s.cal.timeZone })
        },
      }
    }
    if (c === 'events' && d !== undefined && e === 'move') {
      if (m !== 'POST') return errors.methodNotAllowed()
      return { access: 'events.write', units: 1, run: () => this.events.move(b, d, req) }
    }
    if (c !== 'events' || e !== undefined) return undefined
    if (d === undefined) {
      if (m === 'GET') return { access: 'events.read', units: 1, run: () => this.events.list(b, req) }
      if (m === 'POST') return { access: 'events.write', units: 1, run: () => this.events.insert(b, req) }
      return errors.methodNotAllowed()
    }
    if (m === 'GET') return { access: 'events.read', units: 1, run: () => this.events.get(b, d, req) }
    if (m === 'PUT') return { access: 'events.write', units: 1, run: () => this.events.write(b, d, req, 'replace') }
    if (m === 'PATCH') return { access: 'events.write', units: 3, run: () => this.events.write(b, d, req, 'merge') }
    if (m === 'DELETE') return { access: 'events.write', units: 1, run: () => this.events.delete(b, d, req) }
    return errors.methodNotAllowed()
  }
}
