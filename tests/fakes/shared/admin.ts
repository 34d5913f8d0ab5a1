import { json, type FakeRequest, type FakeResponse } from './http'
import type { FaultRule } from './faults'

/** The levers every fake has: a reset, the request log, fault rules. */
export interface AdminLevers {
  reset(): void
  requests(): unknown
  clearRequests(): void
  fault(rule: FaultRule): void
  clearFaults(): void
}

export type AdminBody = Record<string, unknown>

/** The admin call's JSON body (an object, or empty). */
export function bodyOf(req: FakeRequest): AdminBody {
  const text = req.body.toString('utf8').trim()
  const v = text ? (JSON.parse(text) as unknown) : {}
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('admin body must be a JSON object')
  return v as AdminBody
}

export function str(body: AdminBody, key: string): string {
  const v = body[key]
  if (typeof v !== 'string' || !v) throw new Error(`admin body needs a string "${key}"`)
  return v
}

/**
 * `/__admin/...` of a fake: the same levers as its in-process API, so a person can drive it by
 * hand (curl) while the app talks to it through the bridge. The shared calls (reset, state,
 * requests, faults) are answered here; `own` answers the fake's own ones, or null when it has
 * no such call (404). A bad call answers 400 {error}.
 */
export function handleAdmin(
  fake: AdminLevers,
  state: () => unknown,
  req: FakeRequest,
  own: (call: string, body: AdminBody) => FakeResponse | null,
): FakeResponse {
  const op = req.path.replace(/^\/__admin\/?/, '')
  const call = `${req.method} ${op}`
  try {
    const body = req.method === 'GET' || req.method === 'DELETE' ? {} : bodyOf(req)
    switch (call) {
      case 'POST reset':
        fake.reset()
        return json(200, { ok: true })
      case 'GET state':
        return json(200, state())
      case 'GET requests':
        return json(200, fake.requests())
      case 'DELETE requests':
        fake.clearRequests()
        return json(200, { ok: true })
      case 'POST faults':
        fake.fault(body as unknown as FaultRule)
        return json(200, { ok: true })
      case 'DELETE faults':
        fake.clearFaults()
        return json(200, { ok: true })
      default:
        return own(call, body) ?? json(404, { error: `unknown admin call ${req.method} /__admin/${op}` })
    }
  } catch (err) {
    return json(400, { error: err instanceof Error ? err.message : String(err) })
  }
}
