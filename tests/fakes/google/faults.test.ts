import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { googleErrors, startFakeGoogle, type FakeGoogle } from './index'
import { eventBody, rawApi, reasonOf } from './raw'

const CAL = 'bays@group.calendar.google.com'
const EVENTS = `/calendar/v3/calendars/${encodeURIComponent(CAL)}/events`
let fake: FakeGoogle
let api: Awaited<ReturnType<typeof rawApi>>

beforeEach(async () => {
  fake = await startFakeGoogle()
  fake.addCalendar({ id: CAL, summary: 'Bays' })
  api = await rawApi(fake)
  fake.clearRequests()
})
afterEach(async () => {
  await fake.close()
})

describe('fake Google fault queue', () => {
  it('before: answers instead of the handler on the nth match, `times` in a row, with the default Google body', async () => {
    fake.fault({ match: { method: 'POST', pathRegex: '/events$', nth: 2, times: 2 }, respond: { status: 429, headers: { 'Retry-After': '3' } } })
    expect((await api('POST', EVENTS, eventBody('faulta0001'))).status).toBe(200)
    const second = await api('POST', EVENTS, eventBody('faulta0002'))
    expect(second.status).toBe(429)
    expect(second.headers.get('retry-after')).toBe('3')
    expect(reasonOf(second.body)).toBe('rateLimitExceeded')
    expect((await api('POST', EVENTS, eventBody('faulta0002'))).status).toBe(429)
    expect((await api('POST', EVENTS, eventBody('faulta0002'))).status).toBe(200)
    expect(fake.events(CAL).map((e) => e.id)).toEqual(['faulta0001', 'faulta0002'])
    expect(fake.requests().map((r) => r.status)).toEqual([200, 429, 429, 200])
  })

  it('afterCommit: the insert lands but the client gets a dropped socket; its retry sees 409', async () => {
    fake.fault({ match: { method: 'POST', pathRegex: '/events$' }, mode: 'afterCommit' })
    await expect(api('POST', EVENTS, eventBody('crashed001'))).rejects.toThrow()
    expect(fake.events(CAL).map((e) => e.id)).toEqual(['crashed001'])
    const retry = await api('POST', EVENTS, eventBody('crashed001'))
    expect(retry.status).toBe(409)
    expect(reasonOf(retry.body)).toBe('duplicate')
    expect(fake.requests().map((r) => r.status)).toEqual([0, 409])
  })

  it('dropSocket: nothing is applied', async () => {
    fake.fault({ match: { method: 'POST' }, mode: 'dropSocket' })
    await expect(api('POST', EVENTS, eventBody('neverlands'))).rejects.toThrow()
    expect(fake.events(CAL)).toEqual([])
  })

  it('a custom body and a delay; clearFaults disarms everything', async () => {
    fake.fault({ match: { method: 'GET' }, respond: { status: 403, body: { error: { code: 403, message: 'custom' } }, delayMs: 50 } })
    const res = await api('GET', EVENTS)
    expect(res).toMatchObject({ status: 403, body: { error: { code: 403, message: 'custom' } } })
    fake.fault({ match: { method: 'GET' }, respond: { status: 500 } })
    fake.clearFaults()
    expect((await api('GET', EVENTS)).status).toBe(200)
  })

  it('faults also hit the token endpoint (a 5xx while refreshing)', async () => {
    fake.fault({ match: { pathRegex: '^/token$' }, respond: { status: 503 } })
    const res = await fetch(`${fake.url}/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token' }) })
    expect(res.status).toBe(503)
  })
})

describe('fake Google quota (per user, sliding minute)', () => {
  it('over the limit → 403 userRateLimitExceeded by default; PATCH costs 3 units; setQuota(null) lifts it', async () => {
    fake.setQuota(5)
    await api('POST', EVENTS, eventBody('quota00001'))
    await api('PATCH', `${EVENTS}/quota00001`, { summary: 'x' })
    expect((await api('GET', EVENTS)).status).toBe(200)
    const over = await api('GET', EVENTS)
    expect(over.status).toBe(403)
    expect(over.body).toEqual({
      error: {
        errors: [{ domain: 'usageLimits', reason: 'userRateLimitExceeded', message: 'User Rate Limit Exceeded' }],
        code: 403,
        message: 'User Rate Limit Exceeded',
      },
    })
    fake.setQuota(null)
    expect((await api('GET', EVENTS)).status).toBe(200)
  })

  it('can answer 429 rateLimitExceeded with a Retry-After of when the window frees', async () => {
    await fake.close()
    fake = await startFakeGoogle({ quotaPerMinute: 2, quotaError: { status: 429, retryAfter: true } })
    api = await rawApi(fake)
    await api('GET', '/calendar/v3/calendars/primary/events')
    await api('GET', '/calendar/v3/calendars/primary/events')
    const over = await api('GET', '/calendar/v3/calendars/primary/events')
    expect(over.status).toBe(429)
    expect(reasonOf(over.body)).toBe('rateLimitExceeded')
    const after = Number(over.headers.get('retry-after'))
    expect(after).toBeGreaterThanOrEqual(59)
    expect(after).toBeLessThanOrEqual(60)
  })

  it('the default is Google’s 600 per minute per user', async () => {
    const results = await Promise.all(Array.from({ length: 601 }, () => api('GET', '/calendar/v3/users/me/calendarList')))
    expect(results.filter((r) => r.status === 200)).toHaveLength(600)
    expect(results.filter((r) => r.status === 403)).toHaveLength(1)
  })

  it('checks sendUpdates, and exports the usage-limit body for faults', async () => {
    expect((await api('POST', `${EVENTS}?sendUpdates=nobody`, eventBody('sendupd001'))).status).toBe(400)
    expect((await api('POST', `${EVENTS}?sendUpdates=none`, eventBody('sendupd001'))).status).toBe(200)
    fake.fault({ match: { method: 'POST' }, respond: { status: 403, body: googleErrors.quotaExceeded().body } })
    const res = await api('POST', EVENTS, eventBody('sendupd002'))
    expect(reasonOf(res.body)).toBe('quotaExceeded')
  })
})
