import { json, type FakeRequest, type FakeResponse } from '../shared/http'
import type { GraphDelta } from './delta'
import { gerrors } from './errors'
import { parseEventInput } from './input'
import { renderEvent, type RenderOptions } from './render'
import { parseExpand, parsePrefer, parseTagFilter } from './request'
import type { GraphCalendar, GraphStore } from './store'

export interface EventsApiConfig {
  baseUrl: () => string
  upn: string
  userId: string
  duplicateTransaction: 201 | 409
}

function renderCalendar(c: GraphCalendar, upn: string): Record<string, unknown> {
  return {
    id: c.id,
    name: c.name,
    color: 'auto',
    hexColor: '',
    isDefaultCalendar: c.isDefaultCalendar,
    changeKey: c.changeKey,
    canShare: true,
    canViewPrivateItems: true,
    canEdit: true,
    allowedOnlineMeetingProviders: ['teamsForBusiness'],
    defaultOnlineMeetingProvider: 'teamsForBusiness',
    isTallyingResponses: true,
    isRemovable: !c.isDefaultCalendar,
    owner: { name: 'Shop Owner', address: upn },
  }
}

/** `/v1.0/me/...`: calendars, events CRUD and list, and the calendarView/delta routes. */
export class GraphEventsApi {
  constructor(
    private readonly store: GraphStore,
    private readonly delta: GraphDelta,
    private readonly cfg: EventsApiConfig,
  ) {}

  private renderOpts(req: FakeRequest, expand: ((id: string) => boolean) | null = null): RenderOptions {
    const p = parsePrefer(req)
    return { baseUrl: this.cfg.baseUrl(), upn: this.cfg.upn, timeZone: p.timeZone, immutableIds: p.immutableIds, expandProps: expand }
  }

  private context(what: string): string {
    return `${this.cfg.baseUrl()}/v1.0/$metadata#users('${encodeURIComponent(this.cfg.upn)}')/${what}`
  }

  handle(req: FakeRequest, segs: string[]): FakeResponse {
    const m = req.method
    // segs after "me"
    const [a, b, c, d, e] = segs
    if (a === 'calendars' && b === undefined) {
      if (m !== 'GET') return gerrors.methodNotAllowed()
      return json(200, { '@odata.context': this.context('calendars'), value: this.store.calendarList().map((x) => renderCalendar(x, this.cfg.upn)) })
    }
    if (a === undefined) {
      if (m !== 'GET') return gerrors.methodNotAllowed()
      return json(200, {
        '@odata.context': `${this.cfg.baseUrl()}/v1.0/$metadata#users/$entity`,
        id: this.cfg.userId,
        displayName: 'Shop Owner',
        mail: this.cfg.upn,
        userPrincipalName: this.cfg.upn,
      })
    }
    if (a === 'calendar' && b === undefined) {
      const def = this.store.defaultCalendar()
      return def ? json(200, renderCalendar(def, this.cfg.upn)) : gerrors.notFound()
    }
    let calendarId: string | undefined
    let rest: Array<string | undefined>
    if (a === 'calendars' && b !== undefined) {
      if (!this.store.calendar(b)) return gerrors.notFound()
      calendarId = b
      if (c === undefined) return m === 'GET' ? json(200, renderCalendar(this.store.calendar(b) as GraphCalendar, this.cfg.upn)) : gerrors.methodNotAllowed()
      rest = [c, d, e]
    } else if (a === 'calendar') {
      calendarId = this.store.defaultCalendar()?.id
      rest = [b, c, d]
    } else {
      rest = [a, b, c]
    }
    const [r0, r1, r2] = rest
    if (r0 === 'calendarView' && r1 === 'delta' && r2 === undefined) {
      if (m !== 'GET') return gerrors.methodNotAllowed()
      const cid = calendarId ?? this.store.defaultCalendar()?.id
      if (!cid) return gerrors.notFound()
      return this.delta.handle(req, cid, calendarId === undefined ? '/me' : `/me/calendars/${encodeURIComponent(cid)}`)
    }
    if (r0 === 'calendarView' && r1 === undefined) {
      if (m !== 'GET') return gerrors.methodNotAllowed()
      return this.view(req, calendarId ?? this.store.defaultCalendar()?.id)
    }
    if (r0 !== 'events' || r2 !== undefined) return gerrors.badRequest(`Resource not found for the segment '${r0 ?? ''}'.`, 'BadRequest')
    if (r1 === undefined) {
      if (m === 'GET') return this.list(req, calendarId)
      if (m === 'POST') return this.create(req, calendarId ?? this.store.defaultCalendar()?.id)
      return gerrors.methodNotAllowed()
    }
    if (m === 'GET') return this.get(req, r1, calendarId)
    if (m === 'PATCH') return this.patch(req, r1, calendarId)
    if (m === 'DELETE') return this.remove(req, r1, calendarId)
    return gerrors.methodNotAllowed()
  }

  private lookup(req: FakeRequest, id: string, calendarId: string | undefined) {
    const rec = this.store.find(id, parsePrefer(req).immutableIds)
    if (!rec || (calendarId !== undefined && rec.calendarId !== calendarId)) return undefined
    return rec
  }

  private ifMatchFails(req: FakeRequest, changeKey: string): boolean {
    const h = req.headers['if-match']
    if (!h || h === '*') return false
    const bare = h.replace(/^W\//, '').replace(/^"|"$/g, '')
    return bare !== changeKey
  }

  private list(req: FakeRequest, calendarId: string | undefined): FakeResponse {
    const expand = parseExpand(req.query.get('$expand'))
    if (!expand.ok) return gerrors.badRequest('Parsing OData Select and Expand failed.')
    const filter = parseTagFilter(req.query.get('$filter'))
    if (!filter.ok) return gerrors.badRequest('Invalid filter clause', 'BadRequest')
    const top = Number(req.query.get('$top') ?? 10)
    const skip = Number(req.query.get('$skip') ?? 0)
    if (!Number.isInteger(top) || top < 1 || top > 1000 || !Number.isInteger(skip) || skip < 0) return gerrors.badRequest('Invalid $top or $skip value.')
    const cids = calendarId ? [calendarId] : this.store.calendarList().map((c) => c.id)
    const all = cids
      .flatMap((cid) => this.store.live(cid))
      .filter((e) => !filter.match || filter.match(e.extendedProperties))
      .sort((x, y) => x.createdDateTime.localeCompare(y.createdDateTime))
    const page = all.slice(skip, skip + top)
    const opts = this.renderOpts(req, expand.pick)
    const body: Record<string, unknown> = { '@odata.context': this.context('events'), value: page.map((e) => renderEvent(e, opts)) }
    if (skip + top < all.length) {
      const next = new URL(`${this.cfg.baseUrl()}${req.path}`)
      for (const [k, v] of req.query) if (k !== '$skip') next.searchParams.set(k, v)
      next.searchParams.set('$skip', String(skip + top))
      body['@odata.nextLink'] = next.toString()
    }
    return json(200, body)
  }

  /** `calendarView?startDateTime&endDateTime`: live events overlapping the window, by start, paged by $skip. */
  private view(req: FakeRequest, calendarId: string | undefined): FakeResponse {
    if (!calendarId) return gerrors.notFound()
    const parse = (v: string | null): number | undefined => {
      if (!v) return undefined
      const t = Date.parse(/(Z|[+-]\d{2}:\d{2})$/i.test(v) ? v : `${v}Z`)
      return Number.isNaN(t) ? undefined : t
    }
    const start = parse(req.query.get('startDateTime'))
    const end = parse(req.query.get('endDateTime'))
    if (start === undefined || end === undefined) {
      return gerrors.badRequest(
        'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
        'ErrorInvalidParameter',
      )
    }
    const top = Number(req.query.get('$top') ?? 10)
    const skip = Number(req.query.get('$skip') ?? 0)
    if (!Number.isInteger(top) || top < 1 || top > 1000 || !Number.isInteger(skip) || skip < 0) return gerrors.badRequest('Invalid $top or $skip value.')
    const all = this.store
      .live(calendarId)
      .filter((e) => e.startMs < end && e.endMs > start)
      .sort((x, y) => x.startMs - y.startMs)
    const opts = this.renderOpts(req)
    const body: Record<string, unknown> = {
      '@odata.context': this.context('calendarView'),
      value: all.slice(skip, skip + top).map((e) => renderEvent(e, opts)),
    }
    if (skip + top < all.length) {
      const next = new URL(`${this.cfg.baseUrl()}${req.path}`)
      for (const [k, v] of req.query) if (k !== '$skip') next.searchParams.set(k, v)
      next.searchParams.set('$skip', String(skip + top))
      body['@odata.nextLink'] = next.toString()
    }
    return json(200, body)
  }

  private get(req: FakeRequest, id: string, calendarId: string | undefined): FakeResponse {
    const expand = parseExpand(req.query.get('$expand'))
    if (!expand.ok) return gerrors.badRequest('Parsing OData Select and Expand failed.')
    const rec = this.lookup(req, id, calendarId)
    if (!rec) return gerrors.notFound()
    return json(
      200,
      { '@odata.context': this.context('events/$entity'), ...renderEvent(rec, this.renderOpts(req, expand.pick)) },
      { ETag: `W/"${rec.changeKey}"` },
    )
  }

  private create(req: FakeRequest, calendarId: string | undefined): FakeResponse {
    if (!calendarId) return gerrors.notFound()
    const parsed = parseEventInput(req.body, 'create')
    if (!parsed.ok) return parsed.response
    const opts = this.renderOpts(req)
    if (parsed.input.transactionId) {
      // transactionId exists so a client retry doesn't create the event twice.
      const existing = this.store.byTransactionId(parsed.input.transactionId)
      if (existing) {
        if (this.cfg.duplicateTransaction === 409) return gerrors.duplicateTransaction()
        return json(201, { '@odata.context': this.context('events/$entity'), ...renderEvent(existing, opts) })
      }
    }
    const rec = this.store.create(calendarId, parsed.input)
    return json(201, { '@odata.context': this.context('events/$entity'), ...renderEvent(rec, opts) }, { ETag: `W/"${rec.changeKey}"` })
  }

  private patch(req: FakeRequest, id: string, calendarId: string | undefined): FakeResponse {
    const rec = this.lookup(req, id, calendarId)
    if (!rec) return gerrors.notFound()
    if (this.ifMatchFails(req, rec.changeKey)) return gerrors.conflict412()
    const parsed = parseEventInput(req.body, 'patch')
    if (!parsed.ok) return parsed.response
    const startMs = parsed.input.startMs ?? rec.startMs
    const endMs = parsed.input.endMs ?? rec.endMs
    if (endMs < startMs) return gerrors.badRequest('The end date of the event must be after the start date.', 'ErrorInvalidRequest')
    const next = this.store.update(rec, parsed.input)
    return json(200, { '@odata.context': this.context('events/$entity'), ...renderEvent(next, this.renderOpts(req)) }, { ETag: `W/"${next.changeKey}"` })
  }

  private remove(req: FakeRequest, id: string, calendarId: string | undefined): FakeResponse {
    const rec = this.lookup(req, id, calendarId)
    if (!rec) return gerrors.notFound()
    if (this.ifMatchFails(req, rec.changeKey)) return gerrors.conflict412()
    this.store.remove(rec)
    return { status: 204 }
  }
}
