import pLimit from 'p-limit'
import { backoffMs, sleep } from '../rate-limit'
import type { TokenSource } from './auth'
import { classifyGraphResponse, OutlookFailure } from './errors'

/** Outlook allows 4 concurrent requests per app and mailbox (docs/sync-notes.md §3). */
export const GRAPH_MAX_IN_FLIGHT = 4
/** `$batch` takes at most 20 requests. */
export const GRAPH_BATCH_LIMIT = 20
/**
 * How long a partial `$batch` waits for one more write (the engine's paced rounds queue them
 * over several turns, and on a shared PostgreSQL server each write's database steps take a
 * round trip or two first), and how long at most since its first write.
 */
export const COALESCE_MS = 30
export const MAX_COALESCE_MS = 250

/** Sent on every request: ids that survive a move to another calendar (sync-notes §0.4). */
export const IMMUTABLE_IDS = 'IdType="ImmutableId"'

export interface GraphRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** `/me/...` (under `<graph>/v1.0`) or an absolute nextLink / deltaLink. */
  url: string
  body?: unknown
  headers?: Record<string, string>
  /** Writes go out in `$batch`es of up to 20, coalesced from what is queued while the queue still grows. */
  batch?: boolean
}

export interface GraphAnswer<T> {
  status: number
  body: T
  headers: Record<string, string>
}

/** What the throttling did, per mailbox, since the gate was made (the bench prints it). */
export interface ThrottleStats {
  requests: number
  /** Requests (or batch items) refused with 429, and the waits they asked for. */
  throttled: number
  retryAfterMs: number[]
  /** Re-sent after a 429 / 503 (a batch item re-sent alone counts once). */
  retried: number
  batches: number
  batchedItems: number
  peakInFlight: number
}

/**
 * One mailbox's gate: at most 4 requests in flight and, after a 429, nobody sends until its
 * Retry-After has passed. Kept per account across rounds, like Google's rate limiter.
 */
export interface MailboxGate {
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>
  holdFor(ms: number): void
  /** Every slot is taken or spoken for: a request made now would only wait. */
  full(): boolean
  /** Resolves when a request in the gate has finished (a slot may be free). */
  freed(): Promise<void>
  stats: ThrottleStats
}

export function mailboxGate(maxInFlight = GRAPH_MAX_IN_FLIGHT): MailboxGate {
  const limit = pLimit(maxInFlight)
  let holdUntil = 0
  let inFlight = 0
  const stats: ThrottleStats = { requests: 0, throttled: 0, retryAfterMs: [], retried: 0, batches: 0, batchedItems: 0, peakInFlight: 0 }
  let waiting: Array<() => void> = []
  return {
    stats,
    holdFor(ms) {
      holdUntil = Math.max(holdUntil, Date.now() + ms)
    },
    full: () => limit.activeCount + limit.pendingCount >= maxInFlight,
    freed: () => new Promise<void>((resolve) => waiting.push(resolve)),
    run(task, signal) {
      return limit(async () => {
        for (let wait = holdUntil - Date.now(); wait > 0; wait = holdUntil - Date.now()) await sleep(wait, signal)
        inFlight += 1
        stats.requests += 1
        stats.peakInFlight = Math.max(stats.peakInFlight, inFlight)
        try {
          return await task()
        } finally {
          inFlight -= 1
          // After p-limit has counted this one out and started the next.
          const wake = waiting
          waiting = []
          if (wake.length > 0) setImmediate(() => wake.forEach((w) => w()))
        }
      })
    },
  }
}

export interface OutlookCalls {
  readonly provider: 'outlook'
  /** Sends one request; answers the parsed body of a 2xx, throws a classified `OutlookFailure` otherwise. */
  call<T>(req: GraphRequest, opts?: { retries?: number }): Promise<GraphAnswer<T>>
  tokens: TokenSource
  gate: MailboxGate
}

export interface OutlookCallsDeps {
  graph: string
  fetch: typeof fetch
  tokens: TokenSource
  gate: MailboxGate
  signal?: AbortSignal
}

const headersOf = (h: Headers | Record<string, string> | undefined): Record<string, string> => {
  if (!h) return {}
  if (typeof (h as Headers).get === 'function') return Object.fromEntries(h as Headers)
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), String(v)]))
}

interface Queued {
  req: GraphRequest
  /** When it was first queued. */
  queuedAt: number
  attempts: number
  refreshed: boolean
  retries: number
  resolve(a: GraphAnswer<unknown>): void
  reject(e: unknown): void
}

/**
 * Graph over plain `fetch` (the core's port). Every request carries `Prefer: IdType="ImmutableId"`
 * and a bearer token from MSAL (refreshed once on a 401), goes through the mailbox gate, and
 * is retried on 429 / 503 / 504 after the Retry-After it was given (else full-jitter backoff).
 * Writes marked `batch` are coalesced into `$batch` requests of at most 20; each item's own
 * status is checked and only the failed items are sent again.
 */
export function outlookCalls(d: OutlookCallsDeps): OutlookCalls {
  const root = `${d.graph}/v1.0`
  const absolute = (url: string) => (/^https?:\/\//.test(url) ? url : `${root}${url}`)
  const prefer = (extra?: string) => [IMMUTABLE_IDS, ...(extra ? [extra] : [])].join(', ')

  const once = async (method: string, url: string, body: unknown, headers: Record<string, string>) => {
    const token = await d.tokens.token()
    const { Prefer: extraPrefer, ...rest } = headers
    const res = await d.fetch(url, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        Prefer: prefer(extraPrefer),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...rest,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(d.signal ? { signal: d.signal } : {}),
    })
    const text = await res.text()
    let parsed: unknown = {}
    try {
      parsed = text ? JSON.parse(text) : {}
    } catch {
      parsed = { error: { code: 'invalidJson', message: text.slice(0, 200) } }
    }
    return { status: res.status, body: parsed, headers: headersOf(res.headers), token }
  }

  const throttled = (failure: OutlookFailure, attempt: number): number => {
    const wait = failure.retryAfterMs ?? backoffMs(attempt, null, { baseMs: 500, capMs: 30_000 })
    if (failure.status === 429) {
      d.gate.stats.throttled += 1
      d.gate.stats.retryAfterMs.push(failure.retryAfterMs ?? -1)
    }
    d.gate.holdFor(wait)
    d.gate.stats.retried += 1
    return wait
  }

  /** The answer, with the access token it was sent with (a 401 inside a batch refreshes only if that one is still current). */
  const direct = async <T>(req: GraphRequest, retries: number): Promise<GraphAnswer<T> & { token: string }> => {
    let refreshed = false
    for (let attempt = 0; ; attempt++) {
      let answer: GraphAnswer<unknown> & { token: string }
      try {
        answer = await d.gate.run(() => once(req.method, absolute(req.url), req.body, req.headers ?? {}), d.signal)
      } catch (error) {
        if (d.signal?.aborted || error instanceof OutlookFailure) throw error
        if (attempt >= retries) throw new OutlookFailure('server', null, 'network', error instanceof Error ? error.message : String(error))
        await sleep(backoffMs(attempt, null), d.signal)
        continue
      }
      if (answer.status < 300) return answer as GraphAnswer<T> & { token: string }
      const failure = classifyGraphResponse(answer.status, answer.body, answer.headers['retry-after'] ?? null)
      if (failure.kind === 'unauthorized' && !refreshed) {
        refreshed = true
        await d.tokens.token({ refused: answer.token })
        attempt -= 1
        continue
      }
      if (failure.kind === 'unauthorized') throw new OutlookFailure('auth', 401, failure.reason, failure.message)
      if ((failure.kind === 'rate' || failure.kind === 'server') && attempt < retries) {
        throttled(failure, attempt)
        continue
      }
      throw failure
    }
  }

  const queue: Queued[] = []
  let scheduled = false
  // The engine's batches are paced (pacing.ts), so the writes of one round are queued over
  // several turns of the event loop: full $batches go at once; a remainder waits while the
  // queue still grew since the last turn, and while every slot of the mailbox gate is taken
  // (it could not be sent anyway; more writes join it meanwhile), then goes as it is.
  const schedule = () => {
    if (scheduled) return
    scheduled = true
    let seen = 0
    const look = () => {
      while (queue.length >= GRAPH_BATCH_LIMIT) void flush(queue.splice(0, GRAPH_BATCH_LIMIT))
      if (queue.length > 0 && queue.length !== seen) {
        seen = queue.length
        setImmediate(look)
        return
      }
      if (queue.length > 0 && d.gate.full()) {
        seen = 0
        void d.gate.freed().then(look)
        return
      }
      // Waits while writes keep arriving (none for COALESCE_MS ends it), never past MAX_COALESCE_MS.
      const now = performance.now()
      const quiet = queue.length > 0 ? now - queue[queue.length - 1]!.queuedAt : Infinity
      const waited = queue.length > 0 ? now - queue[0]!.queuedAt : Infinity
      if (quiet < COALESCE_MS && waited < MAX_COALESCE_MS) {
        setTimeout(look, Math.min(COALESCE_MS - quiet, MAX_COALESCE_MS - waited))
        return
      }
      scheduled = false
      if (queue.length > 0) void flush(queue.splice(0, GRAPH_BATCH_LIMIT))
    }
    setImmediate(look)
  }
  // Not unref'd: a push waiting out a Retry-After must keep a headless process (the bench, the bridge) alive.
  const requeue = (items: Queued[], waitMs: number) => {
    setTimeout(() => {
      queue.push(...items)
      schedule()
    }, waitMs)
  }

  const flush = async (items: Queued[]): Promise<void> => {
    if (items.length === 1) {
      // A lone write needs no envelope.
      const [only] = items
      direct(only!.req, only!.retries - only!.attempts).then(only!.resolve, only!.reject)
      return
    }
    d.gate.stats.batches += 1
    d.gate.stats.batchedItems += items.length
    const requests = items.map((q, i) => ({
      id: String(i + 1),
      method: q.req.method,
      url: q.req.url,
      headers: { Prefer: IMMUTABLE_IDS, ...(q.req.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(q.req.headers ?? {}) },
      ...(q.req.body === undefined ? {} : { body: q.req.body }),
    }))
    let outer: GraphAnswer<{ responses?: Array<{ id: string; status: number; headers?: Record<string, string>; body?: unknown }> }> & { token: string }
    try {
      outer = await direct({ method: 'POST', url: '/$batch', body: { requests } }, 6)
    } catch (error) {
      for (const q of items) q.reject(error)
      return
    }
    const again: Queued[] = []
    let wait = 0
    let refresh: string | null = null
    for (const [i, q] of items.entries()) {
      const r = outer.body.responses?.find((x) => x.id === String(i + 1))
      if (!r) {
        q.reject(new OutlookFailure('server', null, 'batch', 'The batch answer left this request out'))
        continue
      }
      const headers = headersOf(r.headers)
      if (r.status < 300) {
        q.resolve({ status: r.status, body: r.body ?? {}, headers })
        continue
      }
      const failure = classifyGraphResponse(r.status, r.body, headers['retry-after'] ?? null)
      if (failure.kind === 'unauthorized' && !q.refreshed) {
        q.refreshed = true
        refresh = outer.token
        again.push(q)
      } else if ((failure.kind === 'rate' || failure.kind === 'server') && q.attempts < q.retries) {
        wait = Math.max(wait, throttled(failure, q.attempts))
        q.attempts += 1
        again.push(q)
      } else {
        q.reject(failure.kind === 'unauthorized' ? new OutlookFailure('auth', 401, failure.reason, failure.message) : failure)
      }
    }
    if (refresh) await d.tokens.token({ refused: refresh }).catch(() => undefined)
    if (again.length > 0) requeue(again, wait)
  }

  return {
    provider: 'outlook',
    tokens: d.tokens,
    gate: d.gate,
    call<T>(req: GraphRequest, opts: { retries?: number } = {}): Promise<GraphAnswer<T>> {
      const retries = opts.retries ?? 6
      if (!req.batch) return direct<T>(req, retries)
      return new Promise<GraphAnswer<T>>((resolve, reject) => {
        queue.push({ req, queuedAt: performance.now(), attempts: 0, refreshed: false, retries, resolve: resolve as Queued['resolve'], reject })
        schedule()
      })
    },
  }
}
