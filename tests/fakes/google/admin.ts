import { json, type FakeRequest, type FakeResponse } from '../shared/http'
import { handleAdmin, str } from '../shared/admin'
import type { FakeGoogle } from './index'
import type { GoogleEvent } from './types'

function obj(body: Record<string, unknown>, key: string): Record<string, unknown> {
  const v = body[key] ?? {}
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`admin body "${key}" must be an object`)
  return v as Record<string, unknown>
}

/** `/__admin/...` of the Google fake (shared/admin.ts answers the levers every fake has). */
export function handleGoogleAdmin(fake: FakeGoogle, state: () => unknown, req: FakeRequest): FakeResponse {
  return handleAdmin(fake, state, req, (call, body) => {
    switch (call) {
      case 'POST calendars':
        fake.addCalendar({
          id: str(body, 'id'),
          summary: str(body, 'summary'),
          ...(typeof body['timeZone'] === 'string' ? { timeZone: body['timeZone'] } : {}),
          primary: body['primary'] === true,
        })
        return json(200, { ok: true })
      case 'POST external/create':
        return json(200, fake.external.create(str(body, 'calendarId'), obj(body, 'event') as Partial<GoogleEvent>))
      case 'POST external/update':
        return json(200, fake.external.update(str(body, 'calendarId'), str(body, 'id'), obj(body, 'patch') as Partial<GoogleEvent>))
      case 'POST external/move':
        return json(200, fake.external.move(str(body, 'calendarId'), str(body, 'id'), str(body, 'start'), str(body, 'end')))
      case 'POST external/delete':
        fake.external.delete(str(body, 'calendarId'), str(body, 'id'))
        return json(200, { ok: true })
      case 'POST tokens/expireAll':
        fake.tokens.expireAll()
        return json(200, { ok: true })
      case 'POST tokens/revoke':
        fake.tokens.revoke()
        return json(200, { ok: true })
      case 'POST syncTokens/invalidate':
        fake.syncTokens.invalidate()
        return json(200, { ok: true })
      case 'POST quota': {
        const per = body['perMinute']
        if (per !== null && (typeof per !== 'number' || per < 1)) throw new Error('perMinute must be a positive number or null')
        fake.setQuota(per)
        return json(200, { ok: true })
      }
      case 'POST clock': {
        if (body['now'] !== undefined) {
          const now = body['now']
          if (now !== null && (typeof now !== 'string' || Number.isNaN(Date.parse(now)))) throw new Error('now must be an ISO instant or null')
          fake.clock.set(now === null ? null : new Date(now))
        }
        if (body['advanceMs'] !== undefined) {
          if (typeof body['advanceMs'] !== 'number') throw new Error('advanceMs must be a number')
          fake.clock.advance(body['advanceMs'])
        }
        return json(200, { now: fake.clock.now().toISOString() })
      }
      case 'POST oauth/decision': {
        const d = body['decision']
        if (d !== 'allow' && d !== 'access_denied') throw new Error('decision must be "allow" or "access_denied"')
        fake.setAuthorizeDecision(d)
        return json(200, { ok: true })
      }
      default:
        return null
    }
  })
}
