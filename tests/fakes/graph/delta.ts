import { json, type FakeRequest, type FakeResponse } from '../shared/http'
import { b64urlJson, parseB64urlJson, randomToken } from '../shared/ids'
import { gerrors } from './errors'
import { removedItem, renderEvent } from './render'
import { parsePrefer } from './request'
import type { GraphStore } from './store'
import type { GraphEventRecord } from './types'

const FORBIDDEN = ['$select', '$expand', '$filter', '$orderby', '$search']

interface Entry {
  rec: GraphEventRecord
  removed: boolean
}

interface Round {
  entries: Entry[]
  /** Change-log position when the round started: the next deltaLink starts there. */
  seq: number
}

interface TokenBody {
  e: string
  c: string
  w: [number, number]
  s?: number // deltatoken: baseline seq
  k?: string // skiptoken: round key
  o?: number // skiptoken: offset
  z?: number // skiptoken: empty pages still to serve
}

export interface DeltaKnobs {
  pageSize: number
  /** Chance that an item of the previous page is sent again on the next one (replays happen). */
  replayProbability: number
  /** Empty pages (with a nextLink) served at the start of every round. */
  emptyPagesWithNextLink: number
}

/** mulberry32: deterministic "random" replays, so a test with a seed sees the same duplicates. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function overlaps(e: GraphEventRecord, w: [number, number]): boolean {
  return e.startMs < w[1] && e.endMs > w[0]
}

function parseInstant(v: string | null): number | undefined {
  if (!v) return undefined
  const t = Date.parse(/(Z|[+-]\d{2}:\d{2})$/i.test(v) ? v : `${v}Z`)
  return Number.isNaN(t) ? undefined : t
}

/** `calendarView/delta`: rounds of pages linked by $skiptoken, ending with a $deltatoken. */
export class GraphDelta {
  private epoch = randomToken(6)
  private expiredEpochs = new Map<string, '410' | 'syncStateNotFound'>()
  private rounds = new Map<string, Round>()
  private lastPage = new Map<string, GraphEventRecord[]>()
  private random: () => number

  constructor(
    private readonly store: GraphStore,
    private readonly baseUrl: () => string,
    private readonly upn: string,
    public knobs: DeltaKnobs,
    seed = 1,
  ) {
    this.random = prng(seed)
  }

  reset(): void {
    this.epoch = randomToken(6)
    this.expiredEpochs.clear()
    this.rounds.clear()
    this.lastPage.clear()
  }

  /** Every delta and skip token issued so far stops working, the way `mode` says. */
  expire(mode: '410' | 'syncStateNotFound'): void {
    this.expiredEpochs.set(this.epoch, mode)
    this.epoch = randomToken(6)
  }

  handle(req: FakeRequest, calendarId: string, prefix: string): FakeResponse {
    for (const p of FORBIDDEN) {
      if (req.query.has(p))
        return gerrors.badRequest(
          `The following parameters are not supported with change tracking over the 'CalendarView' resource: '${p}'.`,
          'ErrorInvalidUrlQuery',
        )
    }
    const prefer = parsePrefer(req)
    const link = (kind: '$skiptoken' | '$deltatoken', body: TokenBody): string =>
      `${this.baseUrl()}/v1.0${prefix}/calendarView/delta?${kind}=${b64urlJson(body)}`
    const skip = req.query.get('$skiptoken')
    const delta = req.query.get('$deltatoken')
    let token: TokenBody | undefined
    if (skip !== null || delta !== null) {
      token = parseB64urlJson(skip ?? delta ?? '') as TokenBody | undefined
      if (!token || typeof token.e !== 'string' || token.c !== calendarId || !Array.isArray(token.w)) {
        return gerrors.syncStateNotFound()
      }
      const expired = this.expiredEpochs.get(token.e)
      if (expired === '410') {
        const restart = `${this.baseUrl()}/v1.0${prefix}/calendarView/delta?startDateTime=${new Date(token.w[0]).toISOString()}&endDateTime=${new Date(token.w[1]).toISOString()}`
        return gerrors.resyncRequired(restart)
      }
      if (expired === 'syncStateNotFound' || token.e !== this.epoch) return gerrors.syncStateNotFound()
    }

    let key: string
    let offset = 0
    let empties = this.knobs.emptyPagesWithNextLink
    let window: [number, number]
    if (token && skip !== null) {
      key = token.k ?? ''
      if (!this.rounds.has(key)) return gerrors.syncStateNotFound()
      offset = token.o ?? 0
      empties = token.z ?? 0
      window = token.w
    } else {
      if (token) window = token.w
      else {
        const start = parseInstant(req.query.get('startDateTime'))
        const end = parseInstant(req.query.get('endDateTime'))
        if (start === undefined || end === undefined) {
          return gerrors.badRequest(
            'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
            'ErrorInvalidParameter',
          )
        }
        window = [start, end]
      }
      const since = token?.s
      const records = this.store.inCalendar(calendarId)
      const entries: Entry[] =
        since === undefined
          ? records.filter((r) => !r.deleted && overlaps(r, window)).map((rec) => ({ rec, removed: false }))
          : // A change outside the window (or a move out of it) also arrives as @removed.
            records.filter((r) => r.seq > since).map((rec) => ({ rec, removed: rec.deleted || !overlaps(rec, window) }))
      key = randomToken(9)
      this.rounds.set(key, { entries, seq: this.store.currentSeq() })
    }
    const round = this.rounds.get(key) as Round
    const size = Math.max(1, prefer.maxPageSize ?? this.knobs.pageSize)
    const renderOpts = { baseUrl: this.baseUrl(), upn: this.upn, timeZone: prefer.timeZone, immutableIds: prefer.immutableIds, expandProps: null }
    const body: Record<string, unknown> = { '@odata.context': `${this.baseUrl()}/v1.0/$metadata#Collection(event)` }
    let pageEntries: Entry[] = []
    if (empties > 0) {
      body['@odata.nextLink'] = link('$skiptoken', { e: this.epoch, c: calendarId, w: window, k: key, o: offset, z: empties - 1 })
    } else {
      pageEntries = round.entries.slice(offset, offset + size)
      if (offset + size < round.entries.length) {
        body['@odata.nextLink'] = link('$skiptoken', { e: this.epoch, c: calendarId, w: window, k: key, o: offset + size, z: 0 })
      } else {
        body['@odata.deltaLink'] = link('$deltatoken', { e: this.epoch, c: calendarId, w: window, s: round.seq })
      }
    }
    const replays = (this.lastPage.get(calendarId) ?? []).filter(() => this.knobs.replayProbability > 0 && this.random() < this.knobs.replayProbability)
    const value = [
      ...replays.filter((r) => !r.deleted).map((r) => renderEvent(r, renderOpts)),
      ...pageEntries.map((x) => (x.removed ? removedItem(x.rec, prefer.immutableIds) : renderEvent(x.rec, renderOpts))),
    ]
    if (pageEntries.length)
      this.lastPage.set(
        calendarId,
        pageEntries.filter((x) => !x.removed).map((x) => x.rec),
      )
    body['value'] = value
    return json(200, body)
  }
}
