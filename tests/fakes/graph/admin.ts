import { json, type FakeRequest, type FakeResponse } from '../shared/http'
import type { FaultRule } from '../shared/faults'
import type { FakeGraph, FakeGraphExternalEvent } from './index'

function bodyOf(req: FakeRequest): Record<string, unknown> {
  const text = req.body.toString('utf8').trim()
  const v = text ? (JSON.parse(text) as unknown) : {}
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('admin body must be a JSON object')
  return v as Record<string, unknown>
}

function str(b: Record<string, unknown>, k: string): string {
  const v = b[k]
  if (typeof v !== 'string' || !v) throw new Error(`admin body needs a string "${k}"`)
  return v
}

/** `/__admin/...` of the Graph fake, for driving it by hand. 400 {error} on a bad call. */
export function handleGraphAdmin(fake: FakeGraph, req: FakeRequest): FakeResponse {
  const op = req.path.replace(/^\/__admin\/?/, '')
  try {
    const b = req.method === 'GET' || req.method === 'DELETE' ? {} : bodyOf(req)
    switch (`${req.method} ${op}`) {
      case 'POST reset':
        fake.reset()
        return json(200, { ok: true })
      case 'GET state':
        return json(200, {
          now: fake.clock.now().toISOString(),
          defaultCalendarId: fake.defaultCalendarId,
          refreshesServed: fake.tokens.issued(),
          calendars: fake.calendars().map((c) => ({ ...c, events: fake.events(c.id) })),
        })
      case 'GET requests':
        return json(200, fake.requests())
      case 'DELETE requests':
        fake.clearRequests()
        return json(200, { ok: true })
      case 'POST faults':
        fake.fault(b as unknown as FaultRule)
        return json(200, { ok: true })
      case 'DELETE faults':
        fake.clearFaults()
        return json(200, { ok: true })
      case 'POST external/create':
        return json(
          200,
          fake.external.create(typeof b['calendarId'] === 'string' ? b['calendarId'] : fake.defaultCalendarId, (b['event'] ?? {}) as FakeGraphExternalEvent),
        )
      case 'POST calendars':
        return json(200, fake.addCalendar({ name: str(b, 'name'), ...(typeof b['id'] === 'string' ? { id: b['id'] } : {}) }))
      case 'POST external/moveToCalendar':
        return json(200, fake.external.moveToCalendar(str(b, 'id'), str(b, 'calendarId')))
      case 'POST external/update':
        return json(200, fake.external.update(str(b, 'id'), (b['patch'] ?? {}) as FakeGraphExternalEvent))
      case 'POST external/move':
        return json(200, fake.external.move(str(b, 'id'), str(b, 'start'), str(b, 'end')))
      case 'POST external/delete':
        fake.external.delete(str(b, 'id'))
        return json(200, { ok: true })
      case 'POST tokens/expireAll':
        fake.tokens.expireAll()
        return json(200, { ok: true })
      case 'POST tokens/revoke':
        fake.tokens.revoke()
        return json(200, { ok: true })
      case 'POST tokens/expireRefresh':
        fake.tokens.expireRefreshTokens()
        return json(200, { ok: true })
      case 'POST delta/expire': {
        const mode = b['mode']
        if (mode !== '410' && mode !== 'syncStateNotFound') throw new Error('mode must be "410" or "syncStateNotFound"')
        fake.delta.expire(mode)
        return json(200, { ok: true })
      }
      default:
        return json(404, { error: `unknown admin call ${req.method} /__admin/${op}` })
    }
  } catch (err) {
    return json(400, { error: err instanceof Error ? err.message : String(err) })
  }
}
