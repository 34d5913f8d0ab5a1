import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import { z } from 'zod'
import { contract, eventNames } from '../../shared/contract'
import type { Core } from '../core/index'
import { bridgeClientScript } from './client-script'

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost'])
const MAX_BODY = 8 * 1024 * 1024

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
}

export interface BridgeOptions {
  core: Core
  /** The built renderer (`out/renderer`). */
  rendererDir: string
  port?: number
  host?: string
}

export interface Bridge {
  url: string
  close(): Promise<void>
}

/** The contract as JSON Schema, what `GET /ipc` answers: any client can discover the channels. */
export function describeChannels() {
  return Object.entries(contract).map(([name, ch]) => ({
    channel: name,
    input: z.toJSONSchema(ch.input as z.ZodType, { io: 'input', unrepresentable: 'any' }),
  }))
}

/**
 * Serves the built renderer and the core's channels on loopback only, for development,
 * tests and machines without the Electron binary.
 *
 * @example
 * const bridge = await startBridge({ core, rendererDir: 'out/renderer', port: 5180 })
 */
export async function startBridge({ core, rendererDir, port = 0, host = '127.0.0.1' }: BridgeOptions): Promise<Bridge> {
  if (!LOOPBACK.has(host)) {
    throw new Error(`The bridge serves the shop's data without a password, so it only binds to loopback, not "${host}".`)
  }
  const script = bridgeClientScript()
  const sseClients = new Set<ServerResponse>()
  const unsubscribe = eventNames.map((name) =>
    core.events.on(name, (payload) => {
      const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`
      for (const res of sseClients) res.write(frame)
    }),
  )

  let ownPort = 0
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.end()
      // A path that cannot be decoded is the client's mistake, not the app's.
      if (error instanceof URIError) return sendJson(res, 400, { error: `malformed URL: ${error.message}` })
      sendJson(res, 500, { ok: false, error: { code: 'internal', message: String(error) } })
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Only the bridge's own origin may drive it: not another site (DNS rebinding, CSRF) and
    // not another server on loopback (a dev server or a stray page on another port).
    if (!isOwnAuthority(req.headers.host, ownPort)) return sendJson(res, 403, { error: 'loopback only, this port only' })
    const origin = req.headers.origin
    if (origin !== undefined && !isOwnOrigin(origin, ownPort)) {
      return sendJson(res, 403, { error: 'cross-origin requests are refused' })
    }
    const url = parseRequestUrl(req.url)
    if (!url) return sendJson(res, 400, { error: 'malformed URL' })

    if (url.pathname === '/ipc' && req.method === 'GET') return sendJson(res, 200, describeChannels())
    if (url.pathname.startsWith('/ipc/') && req.method === 'POST') {
      const channel = decodeURIComponent(url.pathname.slice('/ipc/'.length))
      let input: unknown
      try {
        const body = await readBody(req)
        input = body.length ? JSON.parse(body) : {}
      } catch (error) {
        return sendJson(res, 200, {
          ok: false,
          error: { code: 'invalid_input', message: `The request body is not JSON: ${String(error)}` },
        })
      }
      return sendJson(res, 200, await core.invoke(channel, input))
    }
    if (url.pathname === '/events' && req.method === 'GET') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      })
      res.write(': connected\n\n')
      sseClients.add(res)
      req.on('close', () => sseClients.delete(res))
      return
    }
    if (url.pathname === '/__bridge/shop.js') {
      res.writeHead(200, { 'content-type': MIME['.js']!, 'cache-control': 'no-store' })
      return void res.end(script)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'method not allowed' })
    return serveStatic(url.pathname, res)
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '')
    const file = normalize(join(rendererDir, relative))
    if (!file.startsWith(normalize(rendererDir) + sep)) return sendJson(res, 403, { error: 'outside the app' })
    let body: Buffer
    try {
      body = await readFile(file)
    } catch {
      return sendJson(res, 404, { error: `not found: ${pathname}` })
    }
    if (relative === 'index.html') {
      // The one difference from Electron: window.shop comes from this script instead of preload.
      const html = body.toString('utf8').replace('<script', '<script src="/__bridge/shop.js"></script>\n    <script')
      body = Buffer.from(html)
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' })
    res.end(body)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address() as AddressInfo
  ownPort = address.port
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${shownHost}:${address.port}`,
    async close() {
      unsubscribe.forEach((off) => off())
      for (const res of sseClients) res.end()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** `host:port` naming a loopback address and exactly the bridge's port. */
export function isOwnAuthority(authority: string | undefined, port: number): boolean {
  if (!authority) return false
  const match = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(authority)
  if (!match) return false
  return LOOPBACK.has(match[1]!.replace(/^\[|\]$/g, '').toLowerCase()) && Number(match[2]) === port
}

/** `http://<loopback>:<port>` of the bridge itself, nothing more (no path, no other scheme). */
export function isOwnOrigin(origin: string, port: number): boolean {
  const match = /^http:\/\/(.+)$/.exec(origin)
  return !!match && isOwnAuthority(match[1], port)
}

function parseRequestUrl(raw: string | undefined): URL | null {
  // An absolute-form target (`GET http://elsewhere/ipc`) or a scheme-relative one is not ours.
  if (!raw || !raw.startsWith('/') || raw.startsWith('//')) return null
  try {
    return new URL(raw, 'http://127.0.0.1')
  } catch {
    return null
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) {
        reject(new Error('request body too large'))
        req.destroy()
      } else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
