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
})
