import { json, type FakeRequest, type FakeResponse } from '../shared/http'
import { handleAdmin, str } from '../shared/admin'
import type { FakeGraph, FakeGraphExternalEvent } from './index'

/** `/__admin/...` of the Graph fake, for driving it by hand. 400 {error} on a bad call. */
export function handleGraphAdmin(fake: FakeGraph, req: FakeRequest): FakeResponse {
  const state = () => ({
    now: fake.clock.now().toISOString(),
    defaultCalendarId: fake.defaultCalendarId,
    refreshesServed: fake.tokens.issued(),
    calendars: fake.calendars().map((c) => ({ ...c, events: fake.events(c.id) })),
  })
  return handleAdmin(fake, state, req, (call, b) => {
    switch (call) {
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
        return null
    }
  })
}
