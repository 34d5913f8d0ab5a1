import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeGraph, type FakeGraph } from './index'
import { graphClient, graphEvent, signInGraph, TAG } from './connect'

let fake: FakeGraph
let g: ReturnType<typeof graphClient>
beforeEach(async () => {
  fake = await startFakeGraph()
  g = graphClient(fake, (await signInGraph(fake)).access_token)
})
afterEach(async () => {
  await fake.close()
})

const tagged = (appt: string, tx: string) =>
  graphEvent('Oil change', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z', { transactionId: tx, singleValueExtendedProperties: [{ id: TAG, value: appt }] })

describe('fake Graph events', () => {
  it('creates 201 with changeKey etag and transactionId; extended properties only under $expand; found by the Any() filter', async () => {
    const created = await g('POST', '/me/events', tagged('appt-1', 'appt-1:1'))
    expect(created.status).toBe(201)
    expect(created.body['@odata.etag']).toBe(`W/"${String(created.body['changeKey'])}"`)
    expect(created.body).toMatchObject({ transactionId: 'appt-1:1', type: 'singleInstance', isCancelled: false })
    expect(created.body['start']).toEqual({ dateTime: '2026-03-02T09:00:00.0000000', timeZone: 'UTC' })
    expect(created.body['singleValueExtendedProperties']).toBeUndefined()
    const id = String(created.body['id'])
    const expanded = await g(
      'GET',
      `/me/events/${encodeURIComponent(id)}?$expand=${encodeURIComponent(`singleValueExtendedProperties($filter=id eq '${TAG}')`)}`,
    )
    expect(expanded.body['singleValueExtendedProperties']).toEqual([{ id: TAG, value: 'appt-1' }])
    await g('POST', '/me/events', graphEvent('Foreign', '2026-03-02T11:00:00Z', '2026-03-02T12:00:00Z'))
    const filter = `singleValueExtendedProperties/Any(ep: ep/id eq '${TAG}' and ep/value eq 'appt-1')`
    const found = await g('GET', `/me/events?$filter=${encodeURIComponent(filter)}`)
    expect((found.body['value'] as Array<{ id: string }>).map((e) => e.id)).toEqual([id])
    expect((await g('GET', `/me/events?$filter=${encodeURIComponent("subject eq 'x'")}`)).status).toBe(400)
  })

  it('a retried POST with the same transactionId returns the existing event (knob: 409)', async () => {
    const a = await g('POST', '/me/events', tagged('appt-2', 'appt-2:1'))
    const b = await g('POST', '/me/events', tagged('appt-2', 'appt-2:1'))
    expect(b.status).toBe(201)
    expect(b.body['id']).toBe(a.body['id'])
    expect(fake.events()).toHaveLength(1)
    await fake.close()
    fake = await startFakeGraph({ duplicateTransaction: 409 })
    g = graphClient(fake, (await signInGraph(fake)).access_token)
    await g('POST', '/me/events', tagged('appt-2', 'appt-2:1'))
    expect((await g('POST', '/me/events', tagged('appt-2', 'appt-2:1'))).status).toBe(409)
  })

  it('PATCH with a stale If-Match → 412 ErrorIrresolvableConflict; DELETE 204 then 404 ErrorItemNotFound', async () => {
    const ev = await g('POST', '/me/events', tagged('appt-3', 'appt-3:1'))
    const id = encodeURIComponent(String(ev.body['id']))
    const etag = String(ev.body['@odata.etag'])
    const ok = await g('PATCH', `/me/events/${id}`, { subject: 'Brakes' }, { 'If-Match': etag })
    expect(ok.status).toBe(200)
    expect(ok.body['changeKey']).not.toBe(ev.body['changeKey'])
    const stale = await g('PATCH', `/me/events/${id}`, { subject: 'Lost' }, { 'If-Match': etag })
    expect(stale.status).toBe(412)
    expect((stale.body['error'] as { code: string }).code).toBe('ErrorIrresolvableConflict')
    expect(fake.events()[0]?.subject).toBe('Brakes')
    expect((await g('DELETE', `/me/events/${id}`)).status).toBe(204)
    const gone = await g('GET', `/me/events/${id}`)
    expect(gone.status).toBe(404)
    expect((gone.body['error'] as { code: string }).code).toBe('ErrorItemNotFound')
  })

  it('honours Prefer: outlook.timezone and takes Windows zone names', async () => {
    const ev = await g('POST', '/me/events', {
      subject: 'PST',
      start: { dateTime: '2026-07-01T09:00:00', timeZone: 'Pacific Standard Time' },
      end: { dateTime: '2026-07-01T10:00:00', timeZone: 'Pacific Standard Time' },
    })
    expect(ev.body['start']).toEqual({ dateTime: '2026-07-01T16:00:00.0000000', timeZone: 'UTC' })
    expect(ev.body['originalStartTimeZone']).toBe('Pacific Standard Time')
    const ny = await g('GET', `/me/events/${encodeURIComponent(String(ev.body['id']))}`, undefined, { Prefer: 'outlook.timezone="America/New_York"' })
    expect(ny.body['start']).toEqual({ dateTime: '2026-07-01T12:00:00.0000000', timeZone: 'America/New_York' })
    expect(
      (
        await g('POST', '/me/events', {
          subject: 'x',
          start: { dateTime: '2026-07-01T09:00:00', timeZone: 'Mars/Olympus' },
          end: { dateTime: '2026-07-01T10:00:00', timeZone: 'UTC' },
        })
      ).status,
    ).toBe(400)
  })

  it('an event moved to another calendar gets a new REST id, but keeps its ImmutableId', async () => {
    const other = fake.addCalendar({ name: 'Technician Sam' })
    const ev = await g('POST', '/me/events', tagged('appt-4', 'appt-4:1'), { Prefer: 'IdType="ImmutableId"' })
    const immutable = String(ev.body['id'])
    const rest = fake.events()[0]?.id ?? ''
    expect(rest).not.toBe(immutable)
    const moved = fake.external.moveToCalendar(rest, other.id)
    expect(moved.id).not.toBe(rest)
    expect((await g('GET', `/me/events/${encodeURIComponent(rest)}`)).status).toBe(404)
    const byImmutable = await g('GET', `/me/events/${encodeURIComponent(immutable)}`, undefined, { Prefer: 'IdType="ImmutableId"' })
    expect(byImmutable.status).toBe(200)
    expect(byImmutable.body['id']).toBe(immutable)
  })

  it('refuses unknown properties and a missing token', async () => {
    const bad = await g('POST', '/me/events', { ...graphEvent('x', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z'), colour: 'red' })
    expect(bad.status).toBe(400)
    const anon = await fetch(`${fake.url}/v1.0/me/events`)
    expect(anon.status).toBe(401)
    expect(((await anon.json()) as { error: { code: string } }).error.code).toBe('InvalidAuthenticationToken')
  })
})
