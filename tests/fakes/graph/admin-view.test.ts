import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeGraph, type FakeGraph } from './index'
import { graphClient, signInGraph } from './connect'

let fake: FakeGraph
let g: ReturnType<typeof graphClient>
beforeEach(async () => {
  fake = await startFakeGraph()
  g = graphClient(fake, (await signInGraph(fake)).access_token)
  fake.clearRequests()
})
afterEach(async () => {
  await fake.close()
})

async function admin(method: string, op: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${fake.url}/__admin/${op}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

describe('fake Graph: /me, calendarView and the admin API', () => {
  it('GET /me names the mailbox; calendarView lists what overlaps the window, by start', async () => {
    expect((await g('GET', '/me')).body).toMatchObject({ mail: 'owner@shop.example.com', userPrincipalName: 'owner@shop.example.com' })
    const late = fake.external.create(fake.defaultCalendarId, { subject: 'Late', start: '2026-03-02T15:00:00Z', end: '2026-03-02T16:00:00Z' })
    const early = fake.external.create(fake.defaultCalendarId, { subject: 'Early', start: '2026-03-02T08:00:00Z', end: '2026-03-02T09:00:00Z' })
    fake.external.create(fake.defaultCalendarId, { subject: 'Next week', start: '2026-03-09T08:00:00Z', end: '2026-03-09T09:00:00Z' })
    const view = await g('GET', '/me/calendarView?startDateTime=2026-03-02T00:00:00Z&endDateTime=2026-03-03T00:00:00Z')
    expect((view.body['value'] as Array<{ id: string }>).map((e) => e.id)).toEqual([early.id, late.id])
    expect((await g('GET', '/me/calendarView')).status).toBe(400)
  })

  it('drives calendars, external edits, token expiry and delta expiry over HTTP', async () => {
    const cal = (await admin('POST', 'calendars', { name: 'Bay 3' })).body as { id: string }
    const ev = (
      await admin('POST', 'external/create', { calendarId: cal.id, event: { subject: 'By hand', start: '2026-03-04T10:00:00Z', end: '2026-03-04T11:00:00Z' } })
    ).body as { id: string }
    await admin('POST', 'external/move', { id: ev.id, start: '2026-03-04T12:00:00Z', end: '2026-03-04T13:00:00Z' })
    const state = (await admin('GET', 'state')).body as { calendars: Array<{ id: string; events: Array<{ subject: string; start: { dateTime: string } }> }> }
    expect(state.calendars.find((c) => c.id === cal.id)?.events.map((e) => [e.subject, e.start.dateTime])).toEqual([['By hand', '2026-03-04T12:00:00.0000000']])
    await admin('POST', 'tokens/expireAll')
    expect((await g('GET', '/me/events')).status).toBe(401)
    expect((await admin('POST', 'delta/expire', { mode: 'nope' })).status).toBe(400)
    expect(fake.requests().map((r) => r.path)).toEqual(['/v1.0/me/events'])
  })
})
