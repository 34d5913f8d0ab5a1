import { afterEach, describe, expect, it } from 'vitest'
import { graphCalls, ny, outlookShop, type OutlookShop } from './outlook-harness'

let shop: OutlookShop | undefined
afterEach(async () => {
  await shop?.dispose()
  shop = undefined
})

describe('pushing bookings to an Outlook calendar', () => {
  it('shows a booking as the invite would, tagged ours, with transactionId and ImmutableId; nothing changed sends nothing', async () => {
    shop = await outlookShop()
    await shop.book(ny('2025-03-10T09:00:00'), { technicianId: shop.alex })
    shop.fake.clearRequests()
    const round = await shop.syncNow()
    expect(round.error).toBeNull()
    expect(round.pushed.created).toBe(1)
    const [ev] = shop.fake.events(shop.shopCal)
    expect(ev).toMatchObject({
      subject: 'Oil change · 2019 Honda Civic (ABC123)',
      location: { displayName: '12 Main St, Springfield' },
      start: { dateTime: '2025-03-10T13:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2025-03-10T14:00:00.0000000' },
      showAs: 'busy',
      isAllDay: false,
    })
    expect(String(ev!['transactionId'])).toMatch(/\.\d+\.\d+\.1$/)
    expect(JSON.stringify(ev)).not.toMatch(/Jane|555-0100|jane@example.com/)
    const api = shop.fake.requests().filter((r) => r.path.startsWith('/v1.0/'))
    expect(api.length).toBeGreaterThan(0)
    for (const r of api) expect(r.headers?.['prefer'] ?? '').toContain('IdType="ImmutableId"')
    shop.fake.clearRequests()
    expect((await shop.syncNow()).pushed).toMatchObject({ created: 0, updated: 0, deleted: 0 })
    expect(graphCalls(shop.fake, 'POST', /events/).length + graphCalls(shop.fake, 'PATCH', /events/).length).toBe(0)
  })

  it('drains an offline queue with coalescing: moves and renames ride on the creates, created-then-cancelled sends nothing, writes go in $batches of at most 20', async () => {
    shop = await outlookShop()
    const booked = []
    for (let i = 0; i < 25; i++) {
      const day = 10 + (i % 5)
      const hour = 8 + Math.floor(i / 5) * 2
      booked.push(
        await shop.book(ny(`2025-03-${day}T${String(hour).padStart(2, '0')}:00:00`), {
          bayId: i % 2 ? shop.bay1 : shop.bay2,
          vehicleId: i % 2 ? shop.vehicleId : shop.otherVehicleId,
        }),
      )
    }
    for (const a of booked.slice(0, 10)) {
      const current = await shop.ok('activities.get', { id: a.id })
      await shop.ok('activities.book', { id: a.id, version: current.version, start: new Date(Date.parse(a.start!) + 30 * 60_000).toISOString() })
    }
    for (const a of booked.slice(20, 25)) {
      const current = await shop.ok('activities.get', { id: a.id })
      await shop.ok('activities.cancel', { id: a.id, version: current.version, reason: 'Customer called off' })
    }
    shop.fake.clearRequests()
    const round = await shop.syncNow()
    expect(round.pushed.created).toBe(20)
    const posts = graphCalls(shop.fake, 'POST', /\/events$/)
    expect(posts).toHaveLength(20)
    expect(posts.every((p) => p.inBatch)).toBe(true)
    const batches = shop.fake.requests().filter((r) => r.path.endsWith('$batch'))
    expect(batches.length).toBeGreaterThanOrEqual(1)
    expect(graphCalls(shop.fake, 'PATCH', /events/)).toHaveLength(0)
    expect(graphCalls(shop.fake, 'DELETE', /events/)).toHaveLength(0)
    const remote = shop.fake.events(shop.shopCal)
    expect(remote).toHaveLength(20)
    for (const a of booked.slice(0, 20)) {
      const local = await shop.ok('activities.get', { id: a.id })
      const link = await shop.core.db.selectFrom('sync_links').selectAll().where('activity_id', '=', a.id).executeTakeFirstOrThrow()
      const ev = remote.find((e) => e.id === link.remote_id || e.immutableId === link.remote_id)!
      expect(new Date(`${String((ev['start'] as { dateTime: string }).dateTime)}Z`).toISOString()).toBe(local.start)
    }
  })

  it('a cancellation deletes the event with If-Match on its change key; completing changes its subject', async () => {
    shop = await outlookShop()
    const a = await shop.book(ny('2025-03-10T09:00:00'))
    const b = await shop.book(ny('2025-03-10T11:00:00'))
    await shop.syncNow()
    await shop.ok('activities.cancel', { id: a.id, version: a.version, reason: 'Sold the car' })
    const started = await shop.ok('activities.start', { id: b.id, version: b.version })
    await shop.ok('activities.complete', { id: b.id, version: started.version, completedBy: 'Alex' })
    shop.fake.clearRequests()
    await shop.syncNow()
    const [del] = graphCalls(shop.fake, 'DELETE', /events\//)
    expect(del).toMatchObject({ status: 204 })
    expect(del!.headers?.['if-match']).toMatch(/^W\/"/)
    const [patch] = graphCalls(shop.fake, 'PATCH', /events\//)
    expect(patch!.headers?.['if-match']).toMatch(/^W\/"/)
    const remote = shop.fake.events(shop.shopCal)
    expect(remote).toHaveLength(1)
    expect(remote[0]!.subject).toMatch(/^✓ /)
  })
})

describe('Outlook push failures', () => {
  it('a request Outlook refuses (400) goes to the dead-letter list, and can be retried', async () => {
    shop = await outlookShop()
    const work = await shop.book(ny('2025-03-10T09:00:00'))
    shop.fake.fault({ match: { method: 'POST', pathRegex: '/events$', times: 1 }, respond: { status: 400 } })
    const round = await shop.syncNow()
    expect(round.deadLettered).toBe(1)
    await shop.syncNow()
    expect(shop.fake.events(shop.shopCal)).toHaveLength(0)
    expect(await shop.ok('sync.retryDeadLetter', { activityId: work.id })).toEqual([])
    await shop.syncNow()
    expect(shop.fake.events(shop.shopCal)).toHaveLength(1)
  })

  it('412 on a PATCH re-reads the event and retries with its current change key', async () => {
    shop = await outlookShop()
    const work = await shop.book(ny('2025-03-10T09:00:00'))
    await shop.syncNow()
    await shop.ok('activities.book', { id: work.id, version: (await shop.ok('activities.get', { id: work.id })).version, start: ny('2025-03-10T13:00:00') })
    shop.fake.fault({ match: { method: 'PATCH', pathRegex: '/events/', times: 1 }, respond: { status: 412 } })
    shop.fake.clearRequests()
    const round = await shop.syncNow()
    expect(round.pushed.updated).toBe(1)
    expect(graphCalls(shop.fake, 'PATCH', /events\//).map((r) => r.status)).toEqual([412, 200])
    expect(graphCalls(shop.fake, 'GET', /\/me\/events\/[^/]+$/)).toHaveLength(1)
    expect(shop.fake.events(shop.shopCal)[0]!['start']).toMatchObject({ dateTime: '2025-03-10T17:00:00.0000000' })
  })

  it('429 waits at least its fractional Retry-After, and a retried POST duplicates nothing (transactionId)', async () => {
    shop = await outlookShop()
    await shop.book(ny('2025-03-10T09:00:00'))
    shop.fake.fault({ match: { method: 'POST', pathRegex: '/events$', times: 1 }, respond: { status: 429, headers: { 'Retry-After': '1.25' } } })
    shop.fake.clearRequests()
    const round = await shop.syncNow()
    expect(round.pushed.created).toBe(1)
    const [limited, landed] = graphCalls(shop.fake, 'POST', /events$/)
    expect(limited!.status).toBe(429)
    expect(landed!.at - limited!.at).toBeGreaterThanOrEqual(1200)
    expect(shop.fake.events(shop.shopCal)).toHaveLength(1)
    expect(shop.sync.throttleStats(shop.accountId)).toMatchObject({ throttled: 1, retryAfterMs: [1250] })
  })

  it('a partial $batch failure re-sends only the failed items', async () => {
    shop = await outlookShop()
    for (let i = 0; i < 5; i++) await shop.book(ny(`2025-03-1${i}T09:00:00`))
    // The third create in the batch is refused (429, then 503); the other four land at once.
    shop.fake.fault({ match: { method: 'POST', pathRegex: '/events$', nth: 3, times: 1 }, respond: { status: 429, headers: { 'Retry-After': '0.2' } } })
    shop.fake.fault({ match: { method: 'POST', pathRegex: '/events$', nth: 1, times: 1 }, respond: { status: 503, headers: { 'Retry-After': '0.1' } } })
    shop.fake.clearRequests()
    const round = await shop.syncNow()
    expect(round.pushed.created).toBe(5)
    const posts = graphCalls(shop.fake, 'POST', /events$/)
    expect(posts.map((p) => p.status).sort()).toEqual([201, 201, 201, 201, 201, 429, 503].sort())
    expect(shop.fake.events(shop.shopCal)).toHaveLength(5)
  })

  it('never more than 4 requests in flight to the mailbox, even with many rows queued', async () => {
    shop = await outlookShop({ fake: { latencyMs: 30 } })
    for (let i = 0; i < 12; i++)
      await shop.book(ny(`2025-03-${10 + (i % 4)}T${String(8 + Math.floor(i / 4) * 2).padStart(2, '0')}:00:00`), { bayId: i % 2 ? shop.bay1 : shop.bay2 })
    shop.fake.clearRequests()
    await shop.syncNow()
    expect(shop.fake.requests().filter((r) => r.status === 429)).toEqual([])
    expect(shop.sync.throttleStats(shop.accountId)!.peakInFlight).toBeLessThanOrEqual(4)
    expect(shop.fake.events(shop.shopCal)).toHaveLength(12)
  })
})
