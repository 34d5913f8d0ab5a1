import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeGoogle, type FakeGoogle } from './index'
import { eventBody, rawApi } from './raw'

const CAL = 'hand@group.calendar.google.com'
let fake: FakeGoogle

beforeEach(async () => {
  fake = await startFakeGoogle()
})
afterEach(async () => {
  await fake.close()
})

async function admin(method: string, op: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${fake.url}/__admin/${op}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return { status: res.status, body: (await res.json()) as unknown }
}

describe('fake Google admin API over HTTP', () => {
  it('adds a calendar, edits "in the Google UI", and shows it in state; admin calls stay out of the request log', async () => {
    expect((await admin('POST', 'calendars', { id: CAL, summary: 'By hand', timeZone: 'America/New_York' })).status).toBe(200)
    const created = (
      await admin('POST', 'external/create', {
        calendarId: CAL,
        event: { summary: 'Walk-in', start: { dateTime: '2026-03-08T14:00:00Z' }, end: { dateTime: '2026-03-08T15:00:00Z' } },
      })
    ).body as { id: string }
    await admin('POST', 'external/move', { calendarId: CAL, id: created.id, start: '2026-03-08T16:00:00Z', end: '2026-03-08T17:00:00Z' })
    await admin('POST', 'external/update', { calendarId: CAL, id: created.id, patch: { summary: 'Walk-in (moved)' } })
    const state = (await admin('GET', 'state')).body as { calendars: Array<{ id: string; events: Array<{ summary: string; start: { dateTime: string } }> }> }
    const cal = state.calendars.find((c) => c.id === CAL)
    expect(cal?.events.map((e) => [e.summary, e.start.dateTime])).toEqual([['Walk-in (moved)', '2026-03-08T16:00:00.000Z']])
    await admin('POST', 'external/delete', { calendarId: CAL, id: created.id })
    expect(fake.events(CAL)).toEqual([])
    expect(fake.requests()).toEqual([])
  })

  it('faults, token expiry, revocation, sync-token invalidation and quota by HTTP', async () => {
    const api = await rawApi(fake)
    await admin('POST', 'faults', { match: { method: 'GET' }, respond: { status: 500 } })
    expect((await api('GET', '/calendar/v3/calendars/primary/events')).status).toBe(500)
    await admin('POST', 'tokens/expireAll')
    expect((await api('GET', '/calendar/v3/calendars/primary/events')).status).toBe(401)
    await admin('POST', 'quota', { perMinute: null })
    await admin('POST', 'tokens/revoke')
    const state = (await admin('GET', 'state')).body as { grants: Array<{ revoked: boolean }>; quotaPerMinute: number | null }
    expect(state.grants.map((g) => g.revoked)).toEqual([true])
    expect(state.quotaPerMinute).toBeNull()
    expect((await admin('POST', 'syncTokens/invalidate')).status).toBe(200)
    const log = (await admin('GET', 'requests')).body as Array<{ path: string; status: number }>
    expect(log.filter((r) => r.path.startsWith('/calendar')).map((r) => r.status)).toEqual([500, 401])
  })

  it('reset brings back an empty server; bad admin calls are 400 with a message', async () => {
    const api = await rawApi(fake)
    await api('POST', '/calendar/v3/calendars/primary/events', eventBody('resetmeaaa'))
    await admin('POST', 'reset')
    expect(fake.events('primary')).toEqual([])
    expect((await api('GET', '/calendar/v3/calendars/primary/events')).status).toBe(401)
    const bad = await admin('POST', 'external/move', { calendarId: 'primary', id: 'nope' })
    expect(bad.status).toBe(400)
    expect((bad.body as { error: string }).error).toContain('start')
    expect((await admin('POST', 'clock', { now: '2030-01-01T00:00:00Z' })).body).toEqual({ now: '2030-01-01T00:00:00.000Z' })
  })
})
