import { STATUS_CODES } from 'node:http'
import type { FaultQueue } from '../shared/faults'
import { encodeBody, type FakeRequest, type FakeResponse, type LoggedRequest } from '../shared/http'
import { errors } from './errors'

export interface BatchDeps {
  inner: (req: FakeRequest) => FakeResponse
  faults: FaultQueue
  faultBody: (status: number) => unknown
  record: (entry: LoggedRequest) => void
  /** Google's documented ceiling per batch (1000 today; it was 50). */
  limit: number
}

interface Part {
  contentId: string | undefined
  request: FakeRequest
}

function splitHead(text: string): { head: string; rest: string } {
  const m = /\r?\n\r?\n/.exec(text)
  if (!m) return { head: text, rest: '' }
  return { head: text.slice(0, m.index), rest: text.slice(m.index + m[0].length) }
}

function headerMap(lines: string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const line of lines) {
    const i = line.indexOf(':')
    if (i > 0) out[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim()
  }
  return out
}

function parseParts(body: string, boundary: string, outer: FakeRequest): Part[] | undefined {
  const chunks = body.split(`--${boundary}`)
  const parts: Part[] = []
  // chunks[0] is the preamble; the chunk after the closing delimiter starts with "--".
  for (const chunk of chunks.slice(1)) {
    if (chunk.startsWith('--')) break
    const { head: partHead, rest: http } = splitHead(chunk.replace(/^\r?\n/, ''))
    const partHeaders = headerMap(partHead.split(/\r?\n/))
    const { head: reqHead, rest: reqBody } = splitHead(http)
    const [requestLine = '', ...lines] = reqHead.split(/\r?\n/)
    const m = /^([A-Z]+)\s+(\S+)(?:\s+HTTP\/\d(?:\.\d)?)?$/.exec(requestLine.trim())
    if (!m) return undefined
    const url = new URL(m[2] ?? '/', 'http://batch.invalid')
    const headers = headerMap(lines)
    // The outer request's credentials apply unless the part brings its own.
    if (!headers['authorization'] && outer.headers['authorization']) headers['authorization'] = outer.headers['authorization']
    parts.push({
      contentId: partHeaders['content-id'],
      request: {
        method: (m[1] ?? 'GET').toUpperCase(),
        path: url.pathname,
        query: url.searchParams,
        headers,
        body: Buffer.from(reqBody.replace(/\r?\n$/, ''), 'utf8'),
      },
    })
  }
  return parts
}

function responseContentId(id: string | undefined): string | undefined {
  if (!id) return undefined
  const bare = id.replace(/^<|>$/g, '')
  return `<response-${bare}>`
}

/**
 * `POST /batch/calendar/v3` (multipart/mixed of application/http parts). Each inner call goes
 * through the normal API path (auth, scope, quota) and the fault queue; the outer answer is 200
 * whatever the items say. An inner dropSocket/afterCommit fault loses the whole response.
 */
export function handleBatch(req: FakeRequest, deps: BatchDeps): FakeResponse {
  const type = req.headers['content-type'] ?? ''
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type)
  if (!type.toLowerCase().startsWith('multipart/mixed') || !boundary) {
    return errors.badRequest('Invalid multipart request with 0 mime parts.')
  }
  const parts = parseParts(req.body.toString('utf8'), boundary[1] ?? boundary[2] ?? '', req)
  if (!parts || parts.length === 0) return errors.badRequest('Invalid multipart request with 0 mime parts.')
  if (parts.length > deps.limit) return errors.badRequest(`Too many requests in batch (${parts.length} > ${deps.limit}).`)

  const outBoundary = `batch_${Math.random().toString(36).slice(2)}`
  let drop = false
  const chunks: string[] = []
  for (const part of parts) {
    const entry: LoggedRequest = {
      method: part.request.method,
      path: part.request.path,
      query: Object.fromEntries(part.request.query),
      status: 0,
      at: Date.now(),
      inBatch: true,
    }
    deps.record(entry)
    const rule = deps.faults.take(part.request.method, part.request.path)
    let res: FakeResponse
    if (rule && (rule.mode ?? 'before') === 'dropSocket') {
      drop = true
      continue
    } else if (rule && (rule.mode ?? 'before') === 'before') {
      const status = rule.respond?.status ?? 500
      res = { status, headers: rule.respond?.headers ?? {}, body: rule.respond?.body ?? deps.faultBody(status) }
    } else {
      res = deps.inner(part.request)
      if (rule) drop = true
    }
    entry.status = res.status
    const { bytes, contentType } = encodeBody(res)
    const headers: Record<string, string> = { ...(contentType ? { 'Content-Type': contentType } : {}), ...(res.headers ?? {}) }
    headers['Content-Length'] = String(bytes.length)
    const rid = responseContentId(part.contentId)
    chunks.push(
      [
        `--${outBoundary}`,
        'Content-Type: application/http',
        ...(rid ? [`Content-ID: ${rid}`] : []),
        '',
        `HTTP/1.1 ${res.status} ${STATUS_CODES[res.status] ?? ''}`,
        ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
        '',
        bytes.toString('utf8'),
      ].join('\r\n'),
    )
  }
  if (drop) return { status: 200, dropSocket: true }
  return {
    status: 200,
    headers: { 'Content-Type': `multipart/mixed; boundary=${outBoundary}` },
    body: `${chunks.join('\r\n')}\r\n--${outBoundary}--\r\n`,
  }
}
