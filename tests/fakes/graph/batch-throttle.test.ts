import { afterEach, describe, expect, it } from 'vitest'
import { startFakeGraph, type FakeGraph } from './index'
import { graphClient, graphEvent, signInGraph } from './connect'

let fake: FakeGraph
afterEach(async () => {
  await fake.close()
})

async function setup(opts: Parameters<typeof startFakeGraph>[0] = {}) {
  fake = await startFakeGraph(opts)
  return graphClient(fake, (await signInGraph(fake)).access_token)
}

type BatchResponse = { responses: Array<{ id: string; status: number; body?: { id?: string; error?: { code: string } } }> }

describe('fake Graph $batch', () => {
  it('answers 200 with per-item statuses; a failed dependsOn gives 424 and does not run', async () => {
    const g = await setup()
    fake.fault({ match: { method: 'POST', pathRegex: '/me/events$', nth: 2 }, respond: { status: 503 } })
    const res = await g('POST', '/$batch', {
      requests: [
        {
          id: '1',
          method: 'POST',
          url: '/me/events',
          headers: { 'Content-Type': 'application/json' },
          body: graphEvent('A', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z'),
        },
        {
          id: '2',
          method: 'POST',
          url: '/me/events',
          headers: { 'Content-Type': 'application/json' },
          body: graphEvent('B', '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z'),
        },
        {
          id: '3',
          method: 'POST',
          url: '/me/events',
          dependsOn: ['2'],
          headers: { 'Content-Type': 'application/json' },
          body: graphEvent('C', '2026-03-02T11:00:00Z', '2026-03-02T12:00:00Z'),
        },
        { id: '4', method: 'GET', url: '/me/events/nope' },
      ],
    })
    expect(res.status).toBe(200)
    const body = res.body as unknown as BatchResponse
    expect(body.responses.map((r) => [r.id, r.status])).toEqual([
      ['1', 201],
      ['2', 503],
      ['3', 424],
      ['4', 404],
    ])
    expect(fake.events().map((e) => e.subject)).toEqual(['A'])
  })

  it('refuses more than 20 requests', async () => {
    const g = await setup()
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/me/events' }))
    expect((await g('POST', '/$batch', { requests })).status).toBe(400)
  })
})

describe('fake Graph throttling', () => {
  it('more than 4 requests in flight → 429 TooManyRequests with a fractional Retry-After', async () => {
    const g = await setup({ latencyMs: 150 })
    const results = await Promise.all(Array.from({ length: 6 }, () => g('GET', '/me/events')))
    const throttled = results.filter((r) => r.status === 429)
    expect(results.filter((r) => r.status === 200)).toHaveLength(4)
    expect(throttled).toHaveLength(2)
    expect(throttled[0]?.headers.get('retry-after')).toMatch(/^\d+\.\d{3}$/)
    expect(throttled[0]?.body['error']).toMatchObject({ code: 'TooManyRequests', message: 'Please retry again later.' })
  })

  it('over the rate → 429 until the window frees', async () => {
    const g = await setup({ ratePer10Min: 2 })
    expect((await g('GET', '/me/events')).status).toBe(200)
    expect((await g('GET', '/me/events')).status).toBe(200)
    const over = await g('GET', '/me/events')
    expect(over.status).toBe(429)
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(590)
    fake.throttle.set({ ratePer10Min: null })
    expect((await g('GET', '/me/events')).status).toBe(200)
  })
})
