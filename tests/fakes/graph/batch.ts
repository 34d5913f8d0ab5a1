import type { FaultQueue } from '../shared/faults'
import { json, loggableHeaders, type FakeRequest, type FakeResponse, type LoggedRequest } from '../shared/http'
import { gerrors } from './errors'

interface BatchItem {
  id: string
  method: string
  url: string
  headers?: Record<string, string>
  body?: unknown
  dependsOn?: string[]
}

export interface GraphBatchDeps {
  inner: (req: FakeRequest) => FakeResponse
  faults: FaultQueue
  faultBody: (status: number) => unknown
  record: (entry: LoggedRequest) => void
}

/**
 * `POST /v1.0/$batch`: ≤ 20 requests; the outer answer is 200 whatever the items say; an item
 * whose dependsOn failed gets 424 without running.
 */
export function handleGraphBatch(req: FakeRequest, deps: GraphBatchDeps): FakeResponse {
  let items: BatchItem[]
  try {
    const parsed = JSON.parse(req.body.toString('utf8')) as { requests?: unknown }
    if (!Array.isArray(parsed.requests)) throw new Error('no requests')
    items = parsed.requests as BatchItem[]
  } catch {
    return gerrors.badRequest('Invalid batch payload format.')
  }
  if (items.length > 20) return gerrors.badRequest('The number of requests in the batch exceeded the limit of 20.')
  const ids = new Set<string>()
  for (const it of items) {
    if (typeof it.id !== 'string' || typeof it.method !== 'string' || typeof it.url !== 'string' || ids.has(it.id)) {
      return gerrors.badRequest('Invalid batch payload format.')
    }
    ids.add(it.id)
  }
  const statusById = new Map<string, number>()
  const responses: Array<Record<string, unknown>> = []
  for (const it of items) {
    const failedDep = (it.dependsOn ?? []).some((d) => (statusById.get(d) ?? 424) >= 400)
    if (failedDep) {
      const r = gerrors.failedDependency()
      statusById.set(it.id, 424)
      responses.push({ id: it.id, status: 424, headers: {}, body: r.body })
      continue
    }
    const url = new URL(`/v1.0/${it.url.replace(/^\//, '')}`, 'http://batch.invalid')
    const headers: Record<string, string> = Object.fromEntries(Object.entries(it.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]))
    if (req.headers['authorization']) headers['authorization'] = req.headers['authorization']
    const inner: FakeRequest = {
      method: it.method.toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers,
      body: Buffer.from(it.body === undefined ? '' : JSON.stringify(it.body)),
    }
    const entry: LoggedRequest = {
      method: inner.method,
      path: inner.path,
      query: Object.fromEntries(inner.query),
      status: 0,
      at: Date.now(),
      inBatch: true,
      headers: loggableHeaders(inner.headers),
    }
    deps.record(entry)
    const rule = deps.faults.take(inner.method, inner.path)
    const res: FakeResponse =
      rule && (rule.mode ?? 'before') === 'before'
        ? { status: rule.respond?.status ?? 500, headers: rule.respond?.headers ?? {}, body: rule.respond?.body ?? deps.faultBody(rule.respond?.status ?? 500) }
        : deps.inner(inner)
    entry.status = res.status
    statusById.set(it.id, res.status)
    responses.push({
      id: it.id,
      status: res.status,
      headers: { ...(res.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...(res.headers ?? {}) },
      ...(res.body !== undefined ? { body: res.body } : {}),
    })
  }
  return json(200, { responses })
}
