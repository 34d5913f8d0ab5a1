import { createHash } from 'node:crypto'
import { json, type FakeRequest, type FakeResponse } from '../shared/http'
import { b64urlJson, parseB64urlJson, randomToken } from '../shared/ids'
import { errors } from './errors'
import { mergePatch, type CalendarStore } from './store'
import type { GoogleEvent } from './types'
import { instantOf, parseJsonBody, validateEvent, validEventId } from './validate'

/** Parameters Google refuses next to a syncToken (sync-notes §2). */
const FORBIDDEN_WITH_SYNC = ['iCalUID', 'orderBy', 'privateExtendedProperty', 'q', 'sharedExtendedProperty', 'timeMin', 'timeMax', 'updatedMin']
/** Standard parameters that don't change what a list returns. */
const NEUTRAL_PARAMS = new Set(['pageToken', 'fields', 'prettyPrint', 'alt', 'quotaUser', 'key', 'userIp', 'callback'])

interface Snapshot {
  ids: string[]
  syncSeq: number
  queryHash: string
  epoch: string
  calendarId: string
}

interface SyncTokenBody {
  v: 1
  e: string
  c: string
  s: number
}

function queryHash(q: URLSearchParams): string {
  const pairs = [...q.entries()].filter(([k]) => !NEUTRAL_PARAMS.has(k)).sort(([a, x], [b, y]) => (a === b ? x.localeCompare(y) : a.localeCompare(b)))
  return createHash('sha256').update(JSON.stringify(pairs)).digest('base64url').slice(0, 16)
}

function tombstone(ev: GoogleEvent): Partial<GoogleEvent> {
  // Cancelled items in a list only promise an id (plus the recurrence keys for exceptions).
  const t: Partial<GoogleEvent> = { kind: 'calendar#event', etag: ev.etag, id: ev.id, status: 'cancelled' }
  if (ev.recurringEventId) t.recurringEventId = ev.recurringEventId
  if (ev.originalStartTime) t.originalStartTime = ev.originalStartTime
  return t
}

function parseRfc3339(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(value)) return undefined
  const t = Date.parse(value)
  return Number.isNaN(t) ? undefined : t
}

function propsMatch(ev: GoogleEvent, kind: 'private' | 'shared', filters: string[]): boolean {
  const bag = ev.extendedProperties?.[kind] ?? {}
  return filters.every((f) => {
    const i = f.indexOf('=')
    return i > 0 && bag[f.slice(0, i)] === f.slice(i + 1)
  })
}

export interface EventsApiOptions {
  duplicateOnDeletedId: boolean
}

/** Calendar v3 `events` collection: list (full, paged, incremental), get, insert, update, patch, delete. */
export class EventsApi {
  private snapshots = new Map<string, Snapshot>()

  constructor(
    private readonly store: CalendarStore,
    private readonly opts: EventsApiOptions,
  ) {}

  reset(): void {
    this.snapshots.clear()
  }

  encodeSyncToken(calendarId: string, seq: number): string {
    return b64urlJson({ v: 1, e: this.store.epoch, c: calendarId, s: seq } satisfies SyncTokenBody)
  }

  list(calendarId: string, req: FakeRequest): FakeResponse {
    const state = this.store.calendar(calendarId)
    if (!state) return errors.notFound()
    const cid = state.cal.id
    const q = req.query

    const maxRaw = q.get('maxResults')
    let maxResults = 250
    if (maxRaw !== null) {
      const n = Number(maxRaw)
      if (!Number.isInteger(n) || n < 1) return errors.invalid(`Invalid value '${maxRaw}'. Values must be within the range: [1, 2500]`, 'maxResults')
      maxResults = Math.min(n, 2500)
    }

    const syncTokenRaw = q.get('syncToken')
    let syncFrom: number | null = null
    if (syncTokenRaw !== null) {
      for (const p of FORBIDDEN_WITH_SYNC) {
        if (q.has(p)) return errors.invalid(`The parameter '${p}' is not allowed together with syncToken.`, p)
      }
      if (q.get('showDeleted') === 'false') return errors.invalid('showDeleted=false is not allowed together with syncToken.', 'showDeleted')
      const parsed = parseB64urlJson(syncTokenRaw) as Partial<SyncTokenBody> | undefined
      if (!parsed || parsed.v !== 1 || typeof parsed.e !== 'string' || typeof parsed.s !== 'number' || parsed.c !== cid) {
        return errors.invalidSyncToken()
      }
      if (parsed.e !== this.store.epoch) return errors.fullSyncRequired()
      // Call stored() first: it purges expired tombstones and records how far.
      this.store.stored(cid)
      if (parsed.s < this.store.purgedThrough(cid)) return errors.fullSyncRequired()
      syncFrom = parsed.s
    }

    const hash = queryHash(q)
    const pageToken = q.get('pageToken')
    let snap: Snapshot
    let offset = 0
    if (pageToken !== null) {
      const parsed = parseB64urlJson(pageToken) as { k?: string; o?: number } | undefined
      const found = parsed?.k ? this.snapshots.get(parsed.k) : undefined
      if (!found || typeof parsed?.o !== 'number' || found.calendarId !== cid || found.queryHash !== hash) {
        return errors.invalidPageToken()
      }
      if (found.epoch !== this.store.epoch) return errors.fullSyncRequired()
      snap = found
      offset = parsed.o
    } else {
      const r = this.select(cid, q, syncFrom)
      if ('status' in r) return r
      snap = { ids: r, syncSeq: this.store.currentSeq(), queryHash: hash, epoch: this.store.epoch, calendarId: cid }
    }

    const includeCancelled = syncFrom !== null || q.get('showDeleted') === 'true'
    const pageIds = snap.ids.slice(offset, offset + maxResults)
    const items: Array<Partial<GoogleEvent>> = []
    for (const id of pageIds) {
      // Current state of each snapshot member: a change after the snapshot also comes in the next increment.
      const ev = this.store.get(cid, id)
      if (!ev) continue
      if (ev.status === 'cancelled') {
        if (includeCancelled) items.push(tombstone(ev))
      } else items.push(ev)
    }
    const body: Record<string, unknown> = {
      kind: 'calendar#events',
      etag: `"p${snap.syncSeq}${cid.length}"`,
      summary: state.cal.summary,
      description: '',
      updated: this.store.lastChange(cid),
      timeZone: state.cal.timeZone,
      accessRole: 'owner',
      defaultReminders: [{ method: 'popup', minutes: 10 }],
      items,
    }
    if (offset + maxResults < snap.ids.length) {
      let key = [...this.snapshots.entries()].find(([, s]) => s === snap)?.[0]
      if (!key) {
        key = randomToken(9)
        this.snapshots.set(key, snap)
      }
      body['nextPageToken'] = b64urlJson({ k: key, o: offset + maxResults })
    } else {
      body['nextSyncToken'] = this.encodeSyncToken(cid, snap.syncSeq)
    }
    return json(200, body)
  }

  /** Ids a list returns, in change-log order (incremental) or start order (full). */
  private select(cid: string, q: URLSearchParams, syncFrom: number | null): string[] | FakeResponse {
    const all = this.store.stored(cid)
    if (syncFrom !== null) return all.filter((s) => s.seq > syncFrom).map((s) => s.event.id)

    const timeMinRaw = q.get('timeMin')
    const timeMaxRaw = q.get('timeMax')
    const updatedMinRaw = q.get('updatedMin')
    const timeMin = timeMinRaw === null ? undefined : parseRfc3339(timeMinRaw)
    const timeMax = timeMaxRaw === null ? undefined : parseRfc3339(timeMaxRaw)
    const updatedMin = updatedMinRaw === null ? undefined : parseRfc3339(updatedMinRaw)
    if (timeMinRaw !== null && timeMin === undefined) return errors.badRequest('Bad Request', 'timeMin')
    if (timeMaxRaw !== null && timeMax === undefined) return errors.badRequest('Bad Request', 'timeMax')
    if (updatedMinRaw !== null && updatedMin === undefined) return errors.badRequest('Bad Request', 'updatedMin')
    if (timeMin !== undefined && timeMax !== undefined && timeMax <= timeMin) return errors.timeRangeEmpty('timeMax')
    const orderBy = q.get('orderBy')
    if (orderBy !== null && orderBy !== 'startTime' && orderBy !== 'updated') return errors.invalid(`Invalid value '${orderBy}'.`, 'orderBy')
    if (orderBy === 'startTime' && q.get('singleEvents') !== 'true') {
      return errors.badRequest('The requested ordering is not available for the particular query.')
    }
    const showDeleted = q.get('showDeleted') === 'true'
    const priv = q.getAll('privateExtendedProperty')
    const shared = q.getAll('sharedExtendedProperty')
    const text = q.get('q')?.toLowerCase()
    const iCalUID = q.get('iCalUID')

    const tz = this.store.calendar(cid)?.cal.timeZone ?? 'UTC'
    const picked = all
      .map((s) => s.event)
      .filter((ev) => {
        if (ev.status === 'cancelled' && !showDeleted) return false
        const s = instantOf(ev.start, tz)
        const e = instantOf(ev.end, tz)
        if (timeMin !== undefined && e !== undefined && e <= timeMin) return false
        if (timeMax !== undefined && s !== undefined && s >= timeMax) return false
        if (updatedMin !== undefined && Date.parse(ev.updated ?? '') < updatedMin) return false
        if (priv.length && !propsMatch(ev, 'private', priv)) return false
        if (shared.length && !propsMatch(ev, 'shared', shared)) return false
        if (iCalUID !== null && ev.iCalUID !== iCalUID) return false
        if (text && ![ev.summary, ev.description, ev.location].some((f) => f?.toLowerCase().includes(text))) return false
        return true
      })
    if (orderBy === 'updated') picked.sort((a, b) => Date.parse(a.updated ?? '') - Date.parse(b.updated ?? ''))
    else picked.sort((a, b) => (instantOf(a.start, tz) ?? 0) - (instantOf(b.start, tz) ?? 0))
    return picked.map((e) => e.id)
  }

  get(calendarId: string, eventId: string, req: FakeRequest): FakeResponse {
    const state = this.store.calendar(calendarId)
    if (!state) return errors.notFound()
    const ev = this.store.get(state.cal.id, eventId)
    if (!ev) return errors.notFound()
    const inm = req.headers['if-none-match']
    if (inm && inm === ev.etag) return { status: 304, headers: { ETag: ev.etag } }
    return json(200, ev, { ETag: ev.etag })
  }

  insert(calendarId: string, req: FakeRequest): FakeResponse {
    const state = this.store.calendar(calendarId)
    if (!state) return errors.notFound()
    const parsed = parseJsonBody(req.body)
    if (!parsed.ok) return parsed.response
    const body = parsed.value as Partial<GoogleEvent>
    if (body.id !== undefined && (typeof body.id !== 'string' || !validEventId(body.id))) {
      return errors.invalid('Invalid resource id value.', 'id')
    }
    const bad = validateEvent({ ...body, status: body.status === 'cancelled' ? 'confirmed' : body.status })
    if (bad) return bad
    const r = this.store.insert(state.cal.id, body, { duplicateOnDeletedId: this.opts.duplicateOnDeletedId })
    if (!r.ok) return r.reason === 'duplicate' ? errors.duplicate() : errors.notFound()
    return json(200, r.event, { ETag: r.event.etag })
  }

  write(calendarId: string, eventId: string, req: FakeRequest, mode: 'replace' | 'merge'): FakeResponse {
    const state = this.store.calendar(calendarId)
    if (!state) return errors.notFound()
    const current = this.store.get(state.cal.id, eventId)
    if (!current) return errors.notFound()
    const ifMatch = req.headers['if-match']
    if (ifMatch && ifMatch !== '*' && ifMatch !== current.etag) return errors.conditionNotMet()
    const parsed = parseJsonBody(req.body)
    if (!parsed.ok) return parsed.response
    const body = parsed.value
    const seq = body['sequence']
    if (seq !== undefined && (typeof seq !== 'number' || seq < (current.sequence ?? 0))) {
      return errors.invalid('Invalid sequence value.', 'sequence')
    }
    // Validate the state the write would produce before committing anything.
    const preview = mode === 'merge' ? mergePatch(current, body) : { ...body }
    const bad = validateEvent(preview as Partial<GoogleEvent>)
    if (bad) return bad
    const r = this.store.write(state.cal.id, eventId, body, mode)
    if (!r.ok) return errors.notFound()
    return json(200, r.event, { ETag: r.event.etag })
  }

  /** `POST …/events/{id}/move?destination=`: same id in the destination; the source keeps a cancelled tombstone. */
  move(calendarId: string, eventId: string, req: FakeRequest): FakeResponse {
    const from = this.store.calendar(calendarId)
    if (!from) return errors.notFound()
    const dest = req.query.get('destination')
    if (!dest) return errors.required('Required parameter: destination', 'destination')
    const to = this.store.calendar(dest)
    if (!to) return errors.notFound()
    const current = this.store.get(from.cal.id, eventId)
    if (!current || current.status === 'cancelled') return errors.notFound()
    const r = this.store.moveTo(from.cal.id, eventId, to.cal.id)
    if (!r.ok) return r.reason === 'duplicate' ? errors.duplicate() : errors.notFound()
    return json(200, r.event, { ETag: r.event.etag })
  }

  delete(calendarId: string, eventId: string, req: FakeRequest): FakeResponse {
    const state = this.store.calendar(calendarId)
    if (!state) return errors.notFound()
    const current = this.store.get(state.cal.id, eventId)
    if (!current) return errors.notFound()
    if (current.status === 'cancelled') return errors.deleted()
    const ifMatch = req.headers['if-match']
    if (ifMatch && ifMatch !== '*' && ifMatch !== current.etag) return errors.conditionNotMet()
    this.store.cancel(state.cal.id, eventId)
    return { status: 204 }
  }
}
