import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeGoogle, type FakeGoogle } from './index'
import { signIn } from './connect'
import { eventBody } from './raw'

const CAL = 'batch@group.calendar.google.com'
const EVENTS = `/calendar/v3/calendars/${encodeURIComponent(CAL)}/events`
let fake: FakeGoogle
let token: string

beforeEach(async () => {
  fake = await startFakeGoogle()
  fake.addCalendar({ id: CAL, summary: 'Batch' })
  token = (await signIn(fake)).credentials.access_token ?? ''
  fake.clearRequests()
})
afterEach(async () => {
  await fake.close()
})

interface Call {
  method: string
  path: string
  body?: unknown
  headers?: Record<string, string>
}

/** Sends a multipart/mixed batch the way Google documents it and splits the answer per item. */
async function batch(calls: Call[]): Promise<{ status: number; items: Array<{ contentId: string; status: number; body: unknown }> }> {
  const boundary = 'batch_shop_scheduler'
  const parts = calls.map((c, i) =>
    [
      `--${boundary}`,
      'Content-Type: application/http',
      `Content-ID: <item${i + 1}:shop>`,
      '',
      `${c.method} ${c.path} HTTP/1.1`,
      ...Object.entries({ ...(c.body ? { 'Content-Type': 'application/json' } : {}), ...(c.headers ?? {}) }).map(([k, v]) => `${k}: ${v}`),
      '',
      c.body ? JSON.stringify(c.body) : '',
    ].join('\r\n'),
  )
  const res = await fetch(`${fake.url}/batch/calendar/v3`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': `multipart/mixed; boundary=${boundary}` },
    body: `${parts.join('\r\n')}\r\n--${boundary}--\r\n`,
  })
  const text = await res.text()
  const outBoundary = /boundary=(\S+)/.exec(res.headers.get('content-type') ?? '')?.[1] ?? '-'
  const items = text
    .split(`--${outBoundary}`)
    .slice(1)
    .filter((c) => !c.startsWith('--'))
    .map((chunk) => {
      const contentId = /Content-ID: (\S+)/.exec(chunk)?.[1] ?? ''
      const status = Number(/HTTP\/1\.1 (\d{3})/.exec(chunk)?.[1])
      const bodyText = chunk
        .split(/\r\n\r\n/)
        .slice(2)
        .join('\r\n\r\n')
        .trim()
      return { contentId, status, body: bodyText ? (JSON.parse(bodyText) as unknown) : undefined }
    })
  return { status: res.status, items }
}

describe('fake Google batch endpoint', () => {
  it('runs each call, answers 200 outside and per-item statuses inside, with response-<Content-ID>', async () => {
    await fetch(`${fake.url}${EVENTS}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(eventBody('presentev01')),
    })
    const res = await batch([
      { method: 'POST', path: EVENTS, body: eventBody('batchnev01') },
      { method: 'POST', path: EVENTS, body: eventBody('presentev01') },
      { method: 'DELETE', path: `${EVENTS}/presentev01` },
      { method: 'GET', path: `${EVENTS}/nosuchthing` },
    ])
    expect(res.status).toBe(200)
    expect(res.items.map((i) => [i.contentId, i.status])).toEqual([
      ['<response-item1:shop>', 200],
      ['<response-item2:shop>', 409],
      ['<response-item3:shop>', 204],
      ['<response-item4:shop>', 404],
    ])
    expect((res.items[0]?.body as { id: string }).id).toBe('batchnev01')
    expect(fake.events(CAL).map((e) => e.id)).toEqual(['batchnev01'])
    const inner = fake.requests().filter((r) => r.inBatch)
    expect(inner.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 200', 'POST 409', 'DELETE 204', 'GET 404'])
  })

  it('a fault on one inner call fails only that item; every item counts against the quota', async () => {
    fake.setQuota(3)
    fake.fault({ match: { method: 'POST', pathRegex: '/events$', nth: 2 }, respond: { status: 429 } })
    const res = await batch([
      { method: 'POST', path: EVENTS, body: eventBody('partial001') },
      { method: 'POST', path: EVENTS, body: eventBody('partial002') },
      { method: 'POST', path: EVENTS, body: eventBody('partial003') },
      { method: 'POST', path: EVENTS, body: eventBody('partial004') },
    ])
    expect(res.items.map((i) => i.status)).toEqual([200, 429, 200, 200])
    expect(fake.events(CAL).map((e) => e.id)).toEqual(['partial001', 'partial003', 'partial004'])
    const next = await batch([{ method: 'GET', path: EVENTS }])
    expect(next.items[0]?.status).toBe(403)
  })

  it('refuses a batch over the limit', async () => {
    await fake.close()
    fake = await startFakeGoogle({ batchLimit: 50 })
    token = (await signIn(fake)).credentials.access_token ?? ''
    const calls = Array.from({ length: 51 }, () => ({ method: 'GET', path: '/calendar/v3/users/me/calendarList' }))
    expect((await batch(calls)).status).toBe(400)
  })
})
