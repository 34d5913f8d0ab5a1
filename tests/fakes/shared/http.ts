import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { FaultQueue, type FaultRule } from './faults'

/** A request as the fake's handlers see it: already read, headers lower-cased. */
export interface FakeRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: Record<string, string>
  body: Buffer
}

export interface FakeResponse {
  status: number
  headers?: Record<string, string>
  /** A string or Buffer is sent as is; anything else is sent as JSON. Omitted = empty body. */
  body?: unknown
  /** Destroy the connection instead of answering (the handler's writes stay). */
  dropSocket?: boolean
}

export interface LoggedRequest {
  method: string
  path: string
  query: Record<string, string>
  /** 0 when the fake dropped the socket instead of answering. */
  status: number
  /** Wall-clock ms (Date.now), so quota assertions can look at real spacing. */
  at: number
  /** Set on the calls that arrived inside a batch request. */
  inBatch?: true
}

export type Handler = (req: FakeRequest) => Promise<FakeResponse> | FakeResponse

export interface FakeHttpServer {
  url: string
  faults: FaultQueue
  requests(): LoggedRequest[]
  clearRequests(): void
  /** Adds an entry for work the handler did on its own (a batch's inner calls). */
  record(entry: LoggedRequest): void
  close(): Promise<void>
}

export interface FakeHttpOptions {
  port?: number
  /** Paths starting with this prefix are never faulted nor logged (the admin API). */
  adminPrefix?: string
  handle: Handler
  /** Default error body for a fault rule that gives a status but no body. */
  faultBody: (status: number) => unknown
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): FakeResponse {
  return { status, body, headers }
}

export function encodeBody(res: FakeResponse): { bytes: Buffer; contentType: string | undefined } {
  if (res.body === undefined || res.body === null) return { bytes: Buffer.alloc(0), contentType: undefined }
  if (Buffer.isBuffer(res.body)) return { bytes: res.body, contentType: undefined }
  if (typeof res.body === 'string') return { bytes: Buffer.from(res.body), contentType: 'text/plain; charset=UTF-8' }
  return { bytes: Buffer.from(JSON.stringify(res.body, null, 2)), contentType: 'application/json; charset=UTF-8' }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v
  }
  return out
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

function send(res: ServerResponse, out: FakeResponse): void {
  const { bytes, contentType } = encodeBody(out)
  const headers: Record<string, string> = { ...(out.headers ?? {}) }
  const hasType = Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')
  if (contentType && !hasType) headers['Content-Type'] = contentType
  headers['Content-Length'] = String(bytes.length)
  res.writeHead(out.status, headers)
  res.end(bytes)
}

/**
 * One loopback HTTP server with a request log and a fault queue in front of a handler.
 * Faults: `before` answers instead of the handler, `dropSocket` destroys the connection
 * without running the handler, `afterCommit` runs the handler (its writes stay) and then
 * destroys the connection, so the client sees a network error for a write that landed.
 */
export async function startFakeHttp(opts: FakeHttpOptions): Promise<FakeHttpServer> {
  const faults = new FaultQueue()
  let log: LoggedRequest[] = []
  const sockets = new Set<Socket>()
  const adminPrefix = opts.adminPrefix ?? '/__admin'

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const body = await readBody(req)
      const fake: FakeRequest = {
        method: (req.method ?? 'GET').toUpperCase(),
        path: url.pathname,
        query: url.searchParams,
        headers: lowerHeaders(req),
        body,
      }
      const isAdmin = fake.path.startsWith(adminPrefix)
      const entry: LoggedRequest = {
        method: fake.method,
        path: fake.path,
        query: Object.fromEntries(url.searchParams),
        status: 0,
        at: Date.now(),
      }
      if (!isAdmin) log.push(entry)
      const rule = isAdmin ? undefined : faults.take(fake.method, fake.path)
      if (rule?.respond?.delayMs) await sleep(rule.respond.delayMs)
      if (rule && (rule.mode ?? 'before') === 'dropSocket') {
        req.socket.destroy()
        return
      }
      if (rule && (rule.mode ?? 'before') === 'before') {
        const status = rule.respond?.status ?? 500
        const out: FakeResponse = {
          status,
          headers: rule.respond?.headers ?? {},
          body: rule.respond?.body ?? opts.faultBody(status),
        }
        entry.status = status
        send(res, out)
        return
      }
      let out: FakeResponse
      try {
        out = await opts.handle(fake)
      } catch (err) {
        out = { status: 500, body: opts.faultBody(500) }
        console.error('[fake] handler crashed', err)
      }
      if (rule || out.dropSocket) {
        // afterCommit: the handler ran and its state change stays; the client never hears back.
        req.socket.destroy()
        return
      }
      entry.status = out.status
      send(res, out)
    })()
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    faults,
    requests: () => log.map((r) => ({ ...r, query: { ...r.query } })),
    clearRequests: () => {
      log = []
    },
    record: (entry) => {
      log.push(entry)
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}

export type { FaultRule }
