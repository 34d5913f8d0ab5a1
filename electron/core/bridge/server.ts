import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import { z } from 'zod'
import { contract, eventNames } from '../../../shared/contract'
import type { Core } from '../index'
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

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: String(error) } })
      else res.end()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Another site open in the same browser must not drive the bridge (DNS rebinding, CSRF).
    const hostHeader = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '')
    if (!LOOPBACK.has(hostHeader)) return sendJson(res, 403, { error: 'loopback only' })
    const origin = req.headers.origin
    if (origin && !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(origin)) {
      return sendJson(res, 403, { error: 'cross-origin requests are refused' })
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')

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
