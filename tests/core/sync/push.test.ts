import { afterEach, describe, expect, it } from 'vitest'
import { SHOP_CAL, calls, ny, syncShop, type SyncShop } from './harness'

let shop: SyncShop | undefined
afterEach(async () => {
  await shop?.dispose()
  shop = undefined
})

describe('pushing bookings to the shop calendar', () => {
  it('shows a booking as the invite would: vehicle, work, shop address, status colour, never the customer’s contact details', async () => {
    shop = await syncShop()
    const work = await shop.book(ny('2025-03-10T09:00:00'), { technicianId: shop.alex })
    const round = await shop.syncNow()
    expect(round.pushed.created).toBe(1)
    const [ev] = shop.fake.events(SHOP_CAL)
    expect(ev).toMatchObject({
      summary: 'Oil change · 2019 Honda Civic (ABC123)',
      location: '12 Main St, Springfield',
      colorId: '9',
      start: { dateTime: '2025-03-10T09:00:00-04:00', timeZone: 'America/New_York' },
      end: { dateTime: '2025-03-10T10:00:00-04:00' },
      extendedProperties: { private: { shopSchedulerActivity: String(work.id) } },
    })
    expect(ev!.id).toMatch(/^[a-v0-9]{5,1024}$/)
    expect(JSON.stringify(ev)).not.toMatch(/Jane|555-0100|jane@example.com|1HGCM/)
    // Nothing changed: the next round sends nothing.
    shop.fake.clearRequests()
    expect((await shop.syncNow()).pushed).toMatchObject({ created: 0, updated: 0, deleted: 0 })
    expect(calls(shop.fake, 'PUT', /events/).length + calls(shop.fake, 'POST', /events/).length).toBe(0)
  })

  it('drains an offline queue of 50 changes with coalescing: the calendar ends in the final state, one request per surviving event', async () => {
    shop = await syncShop()
    shop.fake.clearRequests()
    const booked = []
    // 20 bookings (20 changes), 10 of them moved twice (20 more), 5 created then cancelled (5 more),
    // 5 vehicles' plate changes reaching their bookings (5 more): 50 changes, nothing sent yet.
    for (let i = 0; i < 20; i++) {
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
      let current = await shop.ok('activities.get', { id: a.id })
      current = await shop.ok('activities.book', { id: a.id, version: current.version, start: new Date(Date.parse(a.start!) + 30 * 60_000).toISOString() })
      await shop.ok('activities.book', { id: a.id, version: current.version, start: new Date(Date.parse(a.start!) + 60 * 60_000).toISOString() })
    }
    for (const a of booked.slice(15, 20)) {
      const current = await shop.ok('activities.get', { id: a.id })
      await shop.ok('activities.cancel', { id: a.id, version: current.version, reason: 'Customer called off' })
    }
    for (let i = 0; i < 5; i++) {
      const v = await shop.ok('vehicles.get', { id: shop.otherVehicleId })
      await shop.ok('vehicles.update', {
        id: v.id,
        customerId: v.customerId,
        vin: v.vin,
        make: v.make,
        model: v.model,
        year: v.year,
        licensePlate: `FLEET${8 + i}`,
        onboardingDate: v.onboardingDate,
        notes: v.notes,
      })
    }
    expect(shop.fake.requests().filter((r) => r.path.includes('/events'))).toEqual([]) // offline: nothing sent yet

    const round = await shop.syncNow()
    expect(round.pushed.created).toBe(15)
    const inserts = calls(shop.fake, 'POST', /\/events$/)
    expect(inserts).toHaveLength(15) // the moves and the plate changes rode on the inserts
    expect(calls(shop.fake, 'PUT', /events/)).toHaveLength(0)
    expect(calls(shop.fake, 'DELETE', /events/)).toHaveLength(0) // created and cancelled before sending: nothing
    const remote = shop.fake.events(SHOP_CAL)
    expect(remote).toHaveLength(15)
    for (const a of booked.slice(0, 15)) {
      const local = await shop.ok('activities.get', { id: a.id })
      const ev = remote.find((e) => e.extendedProperties?.private?.shopSchedulerActivity === String(a.id))!
      expect(new Date(ev.start!.dateTime!).toISOString()).toBe(local.start)
      if (local.vehicleId === shop.otherVehicleId) expect(ev.summary).toContain('FLEET12')
    }
  })
})
